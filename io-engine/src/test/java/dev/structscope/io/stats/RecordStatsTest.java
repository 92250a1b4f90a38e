package dev.structscope.io.stats;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static dev.structscope.io.testing.T.arr;
import static dev.structscope.io.testing.T.bf;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stats against outside truth: Python writes records with ctypes and computes count/min/max/mean
 * of every leaf itself (integers exactly with fractions, floats skipping NaN); the parallel
 * column loops must agree. Both byte orders; 5 trailing bytes that are not a record.
 */
class RecordStatsTest {
    @TempDir
    Path dir;

    static final String SCRIPT = """
            import ctypes as C, json, math, random, sys
            from fractions import Fraction
            base = C.BigEndianStructure if sys.argv[2] == "big" else C.LittleEndianStructure
            class In(base):
                _fields_ = [("x", C.c_int16), ("y", C.c_float)]
            class S(base):
                _fields_ = [("i8", C.c_int8), ("u16", C.c_uint16), ("i32", C.c_int32), ("u32", C.c_uint32),
                            ("i64", C.c_int64), ("u64", C.c_uint64), ("f", C.c_float), ("d", C.c_double),
                            ("pts", (C.c_int16 * 3) * 2), ("inner", In), ("ins", In * 2),
                            ("bu", C.c_uint32, 7), ("bs", C.c_int32, 9), ("rest", C.c_uint32, 16)]
            rng = random.Random(7)
            n = int(sys.argv[3])
            vals = {}
            def add(k, v):
                vals.setdefault(k, []).append(v)
            with open(sys.argv[1], "wb") as f:
                for i in range(n):
                    s = S()
                    s.i8 = rng.randint(-128, 127); s.u16 = rng.randint(0, 65535)
                    s.i32 = rng.randint(-2**31, 2**31 - 1); s.u32 = rng.randint(0, 2**32 - 1)
                    s.i64 = rng.randint(-2**63, 2**63 - 1); s.u64 = rng.randint(2**63, 2**64 - 1)
                    s.f = float("nan") if i % 97 == 0 else rng.uniform(-1e3, 1e3)
                    s.d = rng.uniform(-1e9, 1e9)
                    for a in range(2):
                        for b in range(3):
                            s.pts[a][b] = rng.randint(-30000, 30000)
                    for t in [s.inner, s.ins[0], s.ins[1]]:
                        t.x = rng.randint(-30000, 30000); t.y = rng.uniform(-1, 1)
                    s.bu = rng.randint(0, 127); s.bs = rng.randint(-256, 255); s.rest = rng.randint(0, 65535)
                    f.write(s)
                    for k in ["i8", "u16", "i32", "u32", "i64", "u64", "f", "d", "bu", "bs", "rest"]:
                        add(k, getattr(s, k))
                    for a in range(2):
                        for b in range(3):
                            add("pts", s.pts[a][b])
                    add("inner.x", s.inner.x); add("inner.y", s.inner.y)
                    for t in s.ins:
                        add("ins.x", t.x); add("ins.y", t.y)
                f.write(b"\\x01\\x02\\x03\\x04\\x05")
            out = {}
            for k, vs in vals.items():
                ok = [v for v in vs if not (isinstance(v, float) and math.isnan(v))]
                mean = Fraction(sum(Fraction(v) for v in ok), len(ok))
                out[k] = {"count": len(vs), "min": min(ok), "max": max(ok), "mean": float(mean)}
            print(json.dumps({"records": n, "size": C.sizeof(S), "fields": out}))
            """;

    static TypeLibrary library() {
        RecordType in = RecordType.struct("In", List.of(m("x", Prim.INT16), m("y", Prim.FLOAT)));
        RecordType s = RecordType.struct("S", List.of(m("i8", Prim.INT8), m("u16", Prim.UINT16), m("i32", Prim.INT32),
                m("u32", Prim.UINT32), m("i64", Prim.INT64), m("u64", Prim.UINT64), m("f", Prim.FLOAT),
                m("d", Prim.DOUBLE), m("pts", arr(p(Prim.INT16), 2, 3)), m("inner", NamedType.struct("In")),
                m("ins", arr(NamedType.struct("In"), 2)), bf("bu", p(Prim.UINT32), 7), bf("bs", p(Prim.INT32), 9),
                bf("rest", p(Prim.UINT32), 16)));
        return TypeLibrary.of(in, s);
    }

    /** Each byte order, read by the generated loops (from 0 bytes) and by the generic reads (the file is under 1 MiB). */
    @ParameterizedTest(name = "{0}, generated loops from {1} bytes")
    @CsvSource({"little, 0", "big, 0", "little, 1048576", "big, 1048576"})
    void agreesWithPython(String order, long generatedFrom) throws Exception {
        Files.writeString(dir.resolve("s.py"), SCRIPT);
        int n = 5_003;
        JsonNode expected = JsonCompare.parse(Tools.run(dir, List.of(Tools.python(), "s.py", "s.bin", order, "" + n)));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout("S", library(), Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                order.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        assertEquals(expected.get("size").asLong(), plan.recordSize());
        assertTrue(n * plan.recordSize() < RecordStats.GENERATED_FROM_BYTES, "under the threshold: the default reads generically");
        RecordStats.Result result;
        try (DataSource src = MappedFileSource.open(dir.resolve("s.bin"))) {
            result = RecordStats.compute(src, plan, 0, StatsProgress.NONE, generatedFrom);
        }
        assertEquals(n, result.records());
        assertEquals(5, result.trailingBytes());
        JsonNode ours = JsonCompare.parse(result.toJson()).get("fields");
        JsonNode theirs = expected.get("fields");
        assertEquals(theirs.size(), ours.size(), ours.toString());
        for (Iterator<Map.Entry<String, JsonNode>> it = theirs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode o = ours.get(e.getKey());
            JsonNode t = e.getValue();
            String what = order + " " + e.getKey() + ": ours " + o + ", python " + t;
            assertEquals(t.get("count").asLong(), o.get("count").asLong(), what);
            boolean single = e.getKey().equals("f") || e.getKey().endsWith(".y");
            for (String k : List.of("min", "max")) {
                BigDecimal a = t.get(k).decimalValue();
                BigDecimal b = o.get(k).decimalValue();
                assertTrue(single ? a.floatValue() == b.floatValue() : a.compareTo(b) == 0, what);
            }
            double a = t.get("mean").doubleValue();
            double b = o.get("mean").doubleValue();
            assertTrue(Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)), what);
        }
        assertEquals(n / 97 + 1, ours.get("f").get("nan").asLong());
    }
}
