package dev.structscope.io.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.structscope.io.testing.T.arr;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated record loops against numpy over random layouts: record sizes from 1 byte to a
 * few KiB, members of every directly loaded type at aligned and (packed) unaligned offsets,
 * arrays long enough to need several passes of one shape, nested structs, and one wide record
 * with more distinct shapes than the loops generate (the rest read generically). numpy reads the
 * file through a structured dtype with the plan's offsets and computes count/min/max exactly
 * (integers as Python ints) and the mean from an exact sum; data are random bytes, so integers
 * cover their whole range (unsigned 64-bit above 2^63 included), with random floats and NaNs
 * written over the floating members. Both byte orders. Skipped when numpy is not installed.
 */
class RandomLayoutStatsTest {
    @TempDir
    Path dir;

    static final String SCRIPT = """
            import json, math, sys
            from fractions import Fraction
            import numpy as np
            d = json.load(open(sys.argv[1]))
            size, n = d["size"], d["records"]
            names, formats, offsets, owner = [], [], [], []
            for li, leaf in enumerate(d["leaves"]):
                for o in leaf["offsets"]:
                    names.append("v%d" % len(names)); formats.append(leaf["fmt"]); offsets.append(o); owner.append(li)
            dt = np.dtype({"names": names, "formats": formats, "offsets": offsets, "itemsize": size})
            rng = np.random.default_rng(d["seed"])
            raw = bytearray(rng.integers(0, 256, size * n + d["trailing"], dtype=np.uint8).tobytes())
            arr = np.frombuffer(raw, dtype=dt, count=n)
            for name, fmt in zip(names, formats):
                if fmt[1] == "f":
                    v = rng.uniform(-1e4, 1e4, n)
                    v[rng.random(n) < 0.01] = np.nan
                    arr[name] = v.astype(np.dtype(fmt))
            open(sys.argv[2], "wb").write(raw)
            out = {}
            for li, leaf in enumerate(d["leaves"]):
                cols = [arr[names[i]] for i in range(len(names)) if owner[i] == li]
                col = np.concatenate(cols) if cols else np.array([])
                if leaf["fmt"][1] == "f":
                    ok = col[~np.isnan(col)].astype(np.float64)
                    nan = int(np.isnan(col).sum())
                    r = {"count": len(col), "nan": nan}
                    if len(ok):
                        r.update(min=repr(float(ok.min())), max=repr(float(ok.max())),
                                 mean=math.fsum(ok.tolist()) / len(ok), scale=float(np.abs(ok).mean()))
                else:
                    vals = [int(x) for x in col.tolist()]
                    r = {"count": len(vals), "nan": 0, "min": str(min(vals)), "max": str(max(vals)),
                         "mean": float(Fraction(sum(vals), len(vals))), "scale": float(max(abs(min(vals)), abs(max(vals))))}
                out[leaf["path"]] = r
            print(json.dumps(out))
            """;

    /** Types loaded directly by the generated loops, with their numpy letters. */
    static final List<Prim> PRIMS = List.of(Prim.INT8, Prim.UINT8, Prim.INT16, Prim.UINT16, Prim.INT32, Prim.UINT32,
            Prim.INT64, Prim.UINT64, Prim.FLOAT, Prim.DOUBLE);

    @BeforeAll
    static void numpy() throws Exception {
        Process p = new ProcessBuilder(Tools.python(), "-c", "import numpy").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assumeTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "python3 with numpy is not installed");
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (int seed = 1; seed <= 10; seed++) {
            for (String order : List.of("little", "big")) {
                out.add(Arguments.of(seed, order, false));
            }
        }
        out.add(Arguments.of(100, "little", true));
        out.add(Arguments.of(101, "big", true));
        return out.stream();
    }

    @ParameterizedTest(name = "seed {0}, {1} endian, wide {2}")
    @MethodSource("cases")
    void agreesWithNumpy(int seed, String order, boolean wide) throws Exception {
        Random rng = new Random(seed);
        List<RecordType> types = new ArrayList<>();
        RecordType top = wide ? wideRecord(rng) : randomRecord(rng, "R", types, 0);
        types.add(top);
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(top, TypeLibrary.of(types.toArray(RecordType[]::new)),
                Abis.X86_64_LINUX), Abis.X86_64_LINUX, order.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        long size = plan.recordSize();
        // Warm-up blocks, several parallel ranges and (for small records) full 256 KiB blocks,
        // with a last block cut short.
        long records = Math.max(1_500, (3L << 19) / size + rng.nextInt(1000));
        long trailing = rng.nextLong(size);

        ObjectMapper json = new ObjectMapper();
        ObjectNode desc = json.createObjectNode().put("size", size).put("records", records).put("trailing", trailing)
                .put("seed", seed);
        ArrayNode leaves = desc.putArray("leaves");
        for (DecoderPlan.Leaf leaf : plan.leaves(RecordStats.MAX_VALUES_PER_RECORD)) {
            ObjectNode l = leaves.addObject().put("path", leaf.path()).put("fmt", numpyFormat(leaf.node()));
            ArrayNode offs = l.putArray("offsets");
            for (long b : leaf.bases()) {
                offs.add(b + leaf.node().offset());
            }
        }
        Files.writeString(dir.resolve("desc.json"), json.writeValueAsString(desc));
        Files.writeString(dir.resolve("truth.py"), SCRIPT);
        JsonNode truth = json.readTree(Tools.run(dir, List.of(Tools.python(), "truth.py", "desc.json", "data.bin")));

        RecordStats.Result result;
        try (DataSource src = MappedFileSource.open(dir.resolve("data.bin"))) {
            result = RecordStats.compute(src, plan, 0);
        }
        String where = "seed " + seed + ", " + order + ", record " + size + " bytes: ";
        assertEquals(records, result.records(), where + "records");
        assertEquals(trailing, result.trailingBytes(), where + "trailing bytes");
        assertEquals(truth.size(), result.fields().size(), where + "fields");
        for (FieldStats f : result.fields()) {
            JsonNode t = truth.get(f.path());
            String what = where + f.path() + " (" + f.kind() + "): ours " + f + ", numpy " + t;
            assertEquals(t.get("count").asLong(), f.count(), what);
            assertEquals(t.get("nan").asLong(), f.nanCount(), what);
            if (f.kind().isInteger()) {
                assertEquals(new BigInteger(t.get("min").asText()), new BigInteger(f.min()), what);
                assertEquals(new BigInteger(t.get("max").asText()), new BigInteger(f.max()), what);
            } else if (f.kind() == ScalarKind.FLOAT32) {
                assertEquals(Float.parseFloat(t.get("min").asText()), Float.parseFloat(f.min()), what);
                assertEquals(Float.parseFloat(t.get("max").asText()), Float.parseFloat(f.max()), what);
            } else {
                assertEquals(Double.parseDouble(t.get("min").asText()), Double.parseDouble(f.min()), what);
                assertEquals(Double.parseDouble(t.get("max").asText()), Double.parseDouble(f.max()), what);
            }
            double mean = t.get("mean").asDouble();
            // Integer means are exact sums rounded once on both sides; floating sums differ in order.
            double tolerance = (f.kind().isInteger() ? 1e-15 : 1e-12) * Math.max(1, t.get("scale").asDouble());
            assertTrue(Math.abs(mean - f.mean()) <= tolerance, what);
        }
    }

    private static String numpyFormat(ScalarNode node) {
        String order = node.bigEndian() ? ">" : "<";
        return order + switch (node.kind()) {
            case FLOAT32, FLOAT64 -> "f";
            default -> node.unsigned() ? "u" : "i";
        } + node.byteSize();
    }

    /** A struct of 1 to 10 members: scalars, arrays of 1 to 40, nested structs; packed one time in three. */
    private static RecordType randomRecord(Random rng, String name, List<RecordType> types, int depth) {
        List<Member> members = new ArrayList<>();
        int count = 1 + rng.nextInt(10);
        for (int i = 0; i < count; i++) {
            CType t = p(PRIMS.get(rng.nextInt(PRIMS.size())));
            int pick = rng.nextInt(10);
            if (pick < 2 && depth < 2) {
                RecordType inner = randomRecord(rng, name + "_" + i, types, depth + 1);
                types.add(inner);
                t = NamedType.struct(inner.tag());
            }
            if (pick >= 2 && pick < 5) {
                t = arr(t, 1 + rng.nextInt(40));
            }
            members.add(m("m" + i, t));
        }
        return new RecordType(RecordKind.STRUCT, name, members, 0, rng.nextInt(3) == 0, 0, null);
    }

    /** 1,200 scalars of random types, packed: far more distinct loop shapes than are generated. */
    private static RecordType wideRecord(Random rng) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            members.add(m("w" + i, PRIMS.get(rng.nextInt(PRIMS.size()))));
        }
        return new RecordType(RecordKind.STRUCT, "W", members, 0, true, 0, null);
    }
}
