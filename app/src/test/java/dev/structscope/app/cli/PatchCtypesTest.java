package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.hexview.Py;
import dev.structscope.io.write.Journal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code patch} against Python ctypes (the outside truth): Python fills files with random bytes,
 * assigns random values to random members of one record through a ctypes Structure over the
 * bytes (bit-fields, enums by name, {@code char} arrays strncpy-padded, nested members, array
 * elements, floats, 64-bit, both byte orders) and writes what the file must become; the same
 * assignments go to {@code patch} as {@code --set} or {@code --values}, and the file must equal
 * Python's byte for byte (so every byte not assigned is unchanged, padding included).
 */
class PatchCtypesTest {
    @TempDir
    static Path dir;

    static final String HEADER = """
            #include <stdint.h>
            enum Color { RED = 0, GREEN = 7, BLUE = -3 };
            struct Pt { int16_t x; int16_t y; };
            struct Inner { uint8_t tag; uint32_t count; struct Pt p; };
            struct Rec {
                uint32_t magic;
                unsigned a : 3; int b : 5; unsigned c : 12; int d : 9;
                enum Color color;
                char name[10];
                struct Inner hdr;
                struct Pt pts[3];
                int32_t arr[4];
                float f; double g;
                uint64_t big; int8_t s8;
                uint16_t m[2][3];
            };
            """;

    static final String SCRIPT = """
            import ctypes, json, os, random, struct, sys
            out, trials, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
            rnd = random.Random(seed)
            def make(base):
                class Pt(base):
                    _fields_ = [("x", ctypes.c_int16), ("y", ctypes.c_int16)]
                class Inner(base):
                    _fields_ = [("tag", ctypes.c_uint8), ("count", ctypes.c_uint32), ("p", Pt)]
                class Rec(base):
                    _fields_ = [("magic", ctypes.c_uint32), ("a", ctypes.c_uint, 3), ("b", ctypes.c_int, 5),
                                ("c", ctypes.c_uint, 12), ("d", ctypes.c_int, 9), ("color", ctypes.c_int),
                                ("name", ctypes.c_char * 10), ("hdr", Inner), ("pts", Pt * 3),
                                ("arr", ctypes.c_int32 * 4), ("f", ctypes.c_float), ("g", ctypes.c_double),
                                ("big", ctypes.c_uint64), ("s8", ctypes.c_int8), ("m", (ctypes.c_uint16 * 3) * 2)]
                return Rec
            colors = {"RED": 0, "GREEN": 7, "BLUE": -3}
            def irange(bits, signed):
                return rnd.randint(-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else rnd.randint(0, (1 << bits) - 1)
            # (path, setter(rec, value), value generator returning (value for ctypes, value for patch))
            def leaf_choices():
                def plain(path, bits, signed):
                    return (path, lambda: (lambda v: (v, v))(irange(bits, signed)))
                c = [plain("magic", 32, False), plain("a", 3, False), plain("b", 5, True), plain("c", 12, False),
                     plain("d", 9, True), plain("hdr.tag", 8, False), plain("hdr.count", 32, False),
                     plain("big", 64, False), plain("s8", 8, True)]
                c += [plain("hdr.p.x", 16, True), plain("hdr.p.y", 16, True)]
                c += [plain("pts[%d].%s" % (i, f), 16, True) for i in range(3) for f in "xy"]
                c += [plain("arr[%d]" % i, 32, True) for i in range(4)]
                c += [plain("m[%d][%d]" % (i, j), 16, False) for i in range(2) for j in range(3)]
                def color():
                    n = rnd.choice(list(colors))
                    return (colors[n], n)
                def name():
                    s = "".join(rnd.choice("abcXYZ019 _-") for _ in range(rnd.randint(0, 10)))
                    return (s, s)
                def f32():
                    v = struct.unpack("<f", struct.pack("<f", rnd.uniform(-1e6, 1e6)))[0]
                    return (v, v)
                def f64():
                    v = rnd.uniform(-1e300, 1e300)
                    return (v, v)
                c += [("color", color), ("name", name), ("f", f32), ("g", f64)]
                return c
            LEAVES = leaf_choices()
            def assign(rec, path, v):
                obj = rec
                parts = path.replace("[", ".[").split(".")
                for p in parts[:-1]:
                    obj = obj[int(p[1:-1])] if p.startswith("[") else getattr(obj, p)
                last = parts[-1]
                if path == "name":
                    # strncpy: the whole array, NUL-padded (ctypes' own setter stops after one NUL)
                    ctypes.memmove(ctypes.addressof(rec) + type(rec).name.offset, v.encode("latin-1").ljust(10, b"\\0"), 10)
                    return
                if last.startswith("["):
                    obj[int(last[1:-1])] = v
                else:
                    setattr(obj, last, v)
            def put(tree, path, v):
                parts = path.replace("[", ".[").split(".")
                cur = tree
                for i, p in enumerate(parts):
                    nxt = parts[i + 1] if i + 1 < len(parts) else None
                    empty = None if nxt is None else ([] if nxt.startswith("[") else {})
                    if p.startswith("["):
                        k = int(p[1:-1])
                        while len(cur) <= k:
                            cur.append(None)
                        if nxt is None:
                            cur[k] = v
                        elif cur[k] is None:
                            cur[k] = empty
                        cur = cur[k] if nxt is not None else cur
                    else:
                        if nxt is None:
                            cur[p] = v
                        else:
                            cur = cur.setdefault(p, empty)
            with open(out, "w") as lines:
                for t in range(trials):
                    order = "big" if t % 2 else "little"
                    Rec = make(ctypes.BigEndianStructure if order == "big" else ctypes.LittleEndianStructure)
                    size = ctypes.sizeof(Rec)
                    off, count = rnd.randint(0, 13), rnd.randint(1, 4)
                    data = bytearray(rnd.getrandbits(8) for _ in range(off + count * size + rnd.randint(0, 9)))
                    k = rnd.randrange(count)
                    path = os.path.join(os.path.dirname(out), "d%d.bin" % t)
                    open(path, "wb").write(data)
                    rec = Rec.from_buffer(data, off + k * size)
                    chosen = {}
                    for _ in range(rnd.randint(1, 5)):
                        p, gen = rnd.choice(LEAVES)
                        cv, pv = gen()
                        assign(rec, p, cv)
                        chosen[p] = pv   # a path assigned twice: the last value wins, as with --set
                    open(path + ".expected", "wb").write(data)
                    if t % 3 == 2:
                        tree = {}
                        for p, v in chosen.items():
                            put(tree, p, v)
                        args = ["--values", json.dumps(tree)]
                    else:
                        args = []
                        for p, v in chosen.items():
                            args += ["--set", "%s=%s" % (p, v if isinstance(v, str) and p == "color" else json.dumps(v))]
                    lines.write(json.dumps({"file": path, "off": off, "k": k, "order": order, "args": args, "size": size}) + "\\n")
            print("ok")
            """;

    @BeforeAll
    static void python() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "-c", "import ctypes").start().waitFor() == 0, "python3 is needed");
    }

    @Test
    void randomPatchesEqualCtypesAssignments() throws Exception {
        Path header = Files.writeString(dir.resolve("rec.h"), HEADER);
        Path cases = dir.resolve("cases.jsonl");
        long seed = Long.getLong("patch.seed", System.nanoTime() % 100000);
        Py.run(dir, SCRIPT, cases.toString(), "120", Long.toString(seed));
        ObjectMapper json = new ObjectMapper();
        int n = 0;
        for (String line : Files.readAllLines(cases)) {
            JsonNode c = json.readTree(line);
            Path file = Path.of(c.get("file").asText());
            List<String> args = new ArrayList<>(List.of("patch", header.toString(), "--type", "Rec", file.toString(),
                    "--offset", c.get("off").asText(), "--record", c.get("k").asText(), "--byte-order", c.get("order").asText()));
            c.get("args").forEach(a -> args.add(a.asText()));
            CliRun r = CliRun.run(args.toArray(String[]::new));
            String what = "seed " + seed + ", case " + n + ": " + args + " / " + r.err;
            assertEquals(0, r.status(), what);
            assertArrayEquals(Files.readAllBytes(Path.of(file + ".expected")), Files.readAllBytes(file), what);
            assertFalse(Files.exists(Journal.pathFor(file)), "journal left behind: " + what);
            n++;
        }
        assertEquals(120, n);
    }
}
