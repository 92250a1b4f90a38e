// Test driver for KaitaiExportTest: compiles a .ksy with the npm kaitai-struct-compiler to
// JavaScript, then parses each requested sample with the generated parser and the kaitai-struct
// runtime, printing the bytes consumed and the requested values as one JSON object.
// Usage: node ksy-check.js FILE.ksy REQUESTS.json   (NODE_PATH must reach the npm modules)
const fs = require('fs');
const path = require('path');
const YAML = require('js-yaml');
const ksc = require('kaitai-struct-compiler');
const KaitaiStream = require('kaitai-struct/KaitaiStream');

const camel = (id) => id.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
const upper = (id) => { const c = camel(id); return c.charAt(0).toUpperCase() + c.slice(1); };

const ksy = YAML.load(fs.readFileSync(process.argv[2], 'utf8'));
const requests = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
const outDir = path.dirname(path.resolve(process.argv[2]));
ksc.compile('javascript', ksy, null, false).then((files) => {
  let main = null;
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(outDir, name), text);
    if (name === upper(ksy.meta.id) + '.js') main = name;
  }
  const mod = require(path.join(outDir, main))[upper(ksy.meta.id)];
  const results = [];
  for (const r of requests) {
    const cls = mod[upper(r.type)];
    const obj = new cls(new KaitaiStream(Buffer.from(r.hex, 'hex')));
    const values = {};
    for (const p of r.paths) {
      let v = obj;
      for (const seg of p) v = v[camel(seg)];
      values[p.join('.')] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    results.push({ type: r.type, consumed: obj._io.pos, values });
  }
  console.log(JSON.stringify(results));
}).catch((e) => {
  console.error('kaitai: ' + (e && e.message ? e.message : e));
  process.exit(3);
});
