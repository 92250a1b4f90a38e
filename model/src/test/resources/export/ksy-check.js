// Test driver for KaitaiExportTest: compiles a .ksy with the npm kaitai-struct-compiler to
// JavaScript, then parses each requested sample with the generated parser and the kaitai-struct
// runtime, printing the bytes consumed and the requested values as one JSON object.
// Usage: node ksy-check.js FILE.ksy REQUESTS.json [FILE2.ksy REQUESTS2.json ...]
// (NODE_PATH must reach the npm modules); prints one JSON array of results per pair, one per line.
const fs = require('fs');
const path = require('path');
const YAML = require('js-yaml');
const ksc = require('kaitai-struct-compiler');
const KaitaiStream = require('kaitai-struct/KaitaiStream');

// kaitai-struct 0.11.0 reads a negative s8 off by 2^32 when the low word's top bit is clear
// ((v ^ 0xffffffff) is a signed 32-bit value in JavaScript). The .ksy says s8, which is right;
// the checks here are about the export, so the runtime gets a correct reader (high word signed).
KaitaiStream.prototype.readS8le = function () {
  this.ensureBytesLeft(8);
  const lo = this.readU4le();
  const hi = this.readU4le();
  return (hi | 0) * 0x100000000 + lo;
};
KaitaiStream.prototype.readS8be = function () {
  this.ensureBytesLeft(8);
  const hi = this.readU4be();
  const lo = this.readU4be();
  return (hi | 0) * 0x100000000 + lo;
};

const camel = (id) => id.replace(/_([a-z0-9])/g, (m, c) => c.toUpperCase());
const upper = (id) => { const c = camel(id); return c.charAt(0).toUpperCase() + c.slice(1); };

async function check(ksyFile, requestFile) {
  const ksy = YAML.load(fs.readFileSync(ksyFile, 'utf8'));
  const requests = JSON.parse(fs.readFileSync(requestFile, 'utf8'));
  const outDir = path.dirname(path.resolve(ksyFile));
  const files = await ksc.compile('javascript', ksy, null, false);
  let main = null;
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(outDir, name), text);
    if (name === upper(ksy.meta.id) + '.js') main = name;
  }
  const mod = require(path.join(outDir, main))[upper(ksy.meta.id)];
  const results = [];
  for (const r of requests) {
    // The file's own type (meta id, the records of --type) or one of its nested types.
    const cls = r.type === ksy.meta.id ? mod : mod[upper(r.type)];
    const io = new KaitaiStream(Buffer.from(r.hex, 'hex'));
    // A nested type parsed on its own has no root object: its io is the root stream (io: _root._io);
    // it is the outermost record, starting at 0 (the argument of a type that takes outer_start,
    // ignored by the others).
    const obj = cls === mod ? new cls(io) : new cls(io, null, { _io: io }, 0);
    const values = {};
    for (const p of r.paths) {
      let v = obj;
      for (const seg of p) v = v[camel(seg)];
      values[p.join('.')] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
    }
    results.push({ type: r.type, consumed: obj._io.pos, values });
  }
  return results;
}

(async () => {
  const args = process.argv.slice(2);
  for (let i = 0; i + 1 < args.length; i += 2) {
    console.log(JSON.stringify(await check(args[i], args[i + 1])));
  }
})().catch((e) => {
  console.error('kaitai: ' + (e && e.message ? e.message : e));
  process.exit(3);
});
