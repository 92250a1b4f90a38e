package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.hexview.Py;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code structscope series --json} against numpy: Python's ctypes writes random records (its
 * layout is the outside truth for the bytes: bit-fields, nested structs, arrays, both byte
 * orders) and reads each member back; numpy gives min/max/mean/NaN count over the record ranges
 * of the contract's bucketing ({@code floor(i·R/N)}), computed in Python from the same formula.
 * Members: an unsigned 64-bit integer above 2^63, a float with NaNs (and a run of buckets with
 * nothing but NaNs), signed and unsigned bit-fields in a nested struct, array elements of a
 * struct array, an enum, a double; bucket counts 1, 7, 1000 and more than the records; and a
 * sub-range ({@code --from/--to}, the GUI's zoom).
 */
class SeriesNumpyTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            #include <stdint.h>
            enum E { EA = -3, EB = 0, EC = 7 };
            struct Pt { int16_t x; double y; };
            struct Inner { unsigned lo : 3; int hi : 7; uint32_t a; };
            struct R { uint64_t big; float f; int32_t i; struct Inner inner; struct Pt pts[3]; enum E e; double d; };
            """;

    static final String PY = """
            import ctypes, json, sys
            import numpy as np
            from fractions import Fraction
            order, path, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
            B = ctypes.BigEndianStructure if order == "big" else ctypes.LittleEndianStructure
            class Pt(B): _fields_ = [("x", ctypes.c_int16), ("y", ctypes.c_double)]
            class Inner(B): _fields_ = [("lo", ctypes.c_uint32, 3), ("hi", ctypes.c_int32, 7), ("a", ctypes.c_uint32)]
            class R(B): _fields_ = [("big", ctypes.c_uint64), ("f", ctypes.c_float), ("i", ctypes.c_int32),
                                    ("inner", Inner), ("pts", Pt * 3), ("e", ctypes.c_int32), ("d", ctypes.c_double)]
            rng = np.random.default_rng(seed)
            arr = (R * n)()
            big = rng.integers(0, 2**64 - 1, size=n, dtype=np.uint64, endpoint=True)
            big[: n // 3] |= np.uint64(1 << 63)
            f = rng.normal(50, 20, size=n).astype(np.float32)
            f[rng.random(n) < 0.1] = np.nan
            f[100:260] = np.nan
            ints = rng.integers(-2**31, 2**31, size=n)
            lo = rng.integers(0, 8, size=n); hi = rng.integers(-64, 64, size=n)
            px = rng.integers(-32768, 32768, size=(n, 3)); py = rng.normal(0, 1e6, size=(n, 3))
            es = rng.choice([-3, 0, 7, 100], size=n); d = rng.standard_cauchy(n)
            for k in range(n):
                r = arr[k]
                r.big = int(big[k]); r.f = float(f[k]); r.i = int(ints[k])
                r.inner.lo = int(lo[k]); r.inner.hi = int(hi[k]); r.inner.a = k
                for j in range(3):
                    r.pts[j].x = int(px[k, j]); r.pts[j].y = float(py[k, j])
                r.e = int(es[k]); r.d = float(d[k])
            open(path, "wb").write(bytes(arr))
            # What the bytes hold, read back through ctypes.
            cols = {
                "big": [r.big for r in arr], "f": np.array([r.f for r in arr]), "i": [r.i for r in arr],
                "inner.lo": [r.inner.lo for r in arr], "inner.hi": [r.inner.hi for r in arr],
                "pts[2].y": np.array([r.pts[2].y for r in arr]), "pts[1].x": [r.pts[1].x for r in arr],
                "e": [r.e for r in arr], "d": np.array([r.d for r in arr]),
            }
            def buckets(vals, frm, to, nb):
                R_ = to - frm; nb = min(nb, R_); out = []
                for b in range(nb):
                    s = frm + b * R_ // nb; e = frm + (b + 1) * R_ // nb
                    part = vals[s:e]
                    if isinstance(part, np.ndarray):
                        nan = int(np.isnan(part).sum())
                        ok = part[~np.isnan(part)]
                        out.append({"first": s, "count": e - s, "nan": nan,
                                    "min": repr(float(ok.min())) if len(ok) else None,
                                    "max": repr(float(ok.max())) if len(ok) else None,
                                    "mean": float(np.mean(ok)) if len(ok) else None})
                    else:
                        out.append({"first": s, "count": e - s, "nan": 0, "min": str(min(part)), "max": str(max(part)),
                                    "mean": float(Fraction(sum(part), len(part)))})
                return {"records": R_, "buckets": out}
            truth = {}
            for m, v in cols.items():
                for nb in (1, 7, 1000, n + 5):
                    truth[m + " " + str(nb)] = buckets(v, 0, n, nb)
            truth["f 100 1234 5678"] = buckets(cols["f"], 1234, 5678, 100)
            truth["big 33 17 18"] = buckets(cols["big"], 17, 18, 33)
            print(json.dumps({"sizeof": ctypes.sizeof(R), "truth": truth}))
            """;

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void bucketsEqualNumpy(String order) throws Exception {
        Path h = dir.resolve("r.h");
        Files.writeString(h, HEADER);
        Path data = dir.resolve("r.bin");
        int n = 12_000;
        List<String> lines = Py.run(dir, PY, order, data.toString(), Integer.toString(n), order.equals("big") ? "7" : "3");
        JsonNode all = new ObjectMapper().readTree(lines.getLast());
        assertEquals(n * all.get("sizeof").asLong(), Files.size(data));
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = all.get("truth").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] key = e.getKey().split(" ");
            List<String> args = new ArrayList<>(List.of("series", h.toString(), "--type", "R", data.toString(),
                    "--member", key[0], "--buckets", key[1], "--byte-order", order, "--json"));
            if (key.length == 4) {
                args.addAll(List.of("--from", key[2], "--to", key[3]));
            }
            CliRun r = CliRun.run(args.toArray(String[]::new));
            assertEquals(0, r.status(), e.getKey() + ": " + r.err);
            JsonNode got = new ObjectMapper().readTree(r.out.toString());
            JsonNode want = e.getValue();
            String what = order + " " + e.getKey();
            assertEquals(key[0], got.get("member").asText(), what);
            assertEquals(want.get("records").asLong(), got.get("records").asLong(), what);
            assertEquals(want.get("buckets").size(), got.get("buckets").size(), what);
            boolean real = key[0].equals("f") || key[0].equals("d") || key[0].equals("pts[2].y");
            for (int b = 0; b < want.get("buckets").size(); b++) {
                JsonNode w = want.get("buckets").get(b);
                JsonNode g = got.get("buckets").get(b);
                String at = what + " bucket " + b + ": " + g + " vs " + w;
                assertEquals(w.get("first").asLong(), g.get("first").asLong(), at);
                assertEquals(w.get("count").asLong(), g.get("count").asLong(), at);
                assertEquals(w.get("nan").asLong(), g.path("nan").asLong(0), at);
                if (w.get("min").isNull()) {
                    assertTrue(g.get("min").isNull() && g.get("max").isNull() && g.get("mean").isNull(), at);
                    continue;
                }
                if (key[0].equals("f")) {
                    // A float prints as the float (as stats prints it): compare at float precision, exactly.
                    assertEquals((float) Double.parseDouble(w.get("min").asText()), Float.parseFloat(g.get("min").asText()), at);
                    assertEquals((float) Double.parseDouble(w.get("max").asText()), Float.parseFloat(g.get("max").asText()), at);
                }
                if (real) {
                    if (!key[0].equals("f")) {
                        assertEquals(Double.parseDouble(w.get("min").asText()), g.get("min").asDouble(), at);
                        assertEquals(Double.parseDouble(w.get("max").asText()), g.get("max").asDouble(), at);
                    }
                    double wm = w.get("mean").asDouble();
                    assertEquals(wm, g.get("mean").asDouble(), 1e-9 * Math.max(1, Math.abs(wm)), at);
                } else {
                    // Integers: exact, 64-bit unsigned included (JSON numbers read as big integers).
                    assertEquals(new BigInteger(w.get("min").asText()), g.get("min").bigIntegerValue(), at);
                    assertEquals(new BigInteger(w.get("max").asText()), g.get("max").bigIntegerValue(), at);
                    double wm = w.get("mean").asDouble();
                    assertEquals(wm, g.get("mean").asDouble(), 1e-12 * Math.abs(wm), at);
                }
                checked++;
            }
        }
        assertTrue(checked > 9 * 4 * 500, "buckets compared: " + checked);
    }
}
