package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.fields.RecordTableViewModel;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record table's column summary over a file of more than 64 MiB after inserts and deletes at
 * several places (inside records, a run of one-byte inserts that leaves pieces smaller than a
 * record, an overwrite of inserted bytes; each a whole number of records long, so the float
 * members stay mostly numbers): it is computed over the piece list a piece at a time,
 * and equals what numpy and Python's exact integers compute over the bytes the saved file would
 * hold — Python applies the same edits to a {@code bytearray} of the original file. The fixed
 * summary also equals, integer fields exactly, the engine's one-segment summary of those bytes
 * written out by Python. Dynamic (length-prefixed) records likewise, against a Python walk.
 */
class EditedSummaryTest {
    private static final TaskRunner NOW = new TaskRunner(Runnable::run, Runnable::run, Runnable::run);

    @TempDir
    Path dir;

    private RecordReader reader(String header, String type) throws Exception {
        return HeaderReaders.of(dir, header, type);
    }

    /**
     * Applies Python's edit list ({@code ins|put|del OFFSET HEX|N}, content offsets at the time)
     * through the same calls the GUI makes.
     */
    private static void apply(DataEdits edits, EditedSource src, List<String> ops) {
        for (String op : ops) {
            String[] t = op.split(" ");
            long at = Long.parseLong(t[1]);
            long before = src.size();
            switch (t[0]) {
                case "ins" -> assertTrue(edits.insert(at, HexFormat.of().parseHex(t[2])), op);
                case "put" -> assertTrue(edits.write(at, HexFormat.of().parseHex(t[2])), op);
                case "del" -> {
                    src.overlay().delete(at, Long.parseLong(t[2]));
                    src.edited();
                }
                default -> throw new AssertionError(op);
            }
            long change = switch (t[0]) {
                case "ins" -> t[2].length() / 2;
                case "del" -> -Long.parseLong(t[2]);
                default -> 0;
            };
            assertEquals(before + change, src.size(), op);
        }
    }

    /** The edited file of {@code opened} with the edits of {@code ops} made: {@code size} bytes then. */
    private static EditedSource edited(EditingFile opened, Path ops, long size) throws Exception {
        EditedSource src = opened.source();
        apply(opened.edits(), src, Files.readAllLines(ops));
        assertEquals(size, src.size());
        return src;
    }

    /** Python's figures of one field: {@code name count min max exactSumOrMean}. */
    private static void assertField(String line, FieldStats f, boolean integer, boolean single) {
        String[] t = line.split(" ");
        assertEquals(t[0], f.path());
        assertEquals(Long.parseLong(t[1]), f.count(), f.path() + " count");
        if (integer) {
            assertEquals(t[2], f.min(), f.path() + " min");
            assertEquals(t[3], f.max(), f.path() + " max");
            // The exact sum over the count, as a double; the engine rounds to 16 digits first.
            double mean = new java.math.BigDecimal(new BigInteger(t[4]))
                    .divide(java.math.BigDecimal.valueOf(f.count()), java.math.MathContext.DECIMAL128).doubleValue();
            assertEquals(mean, f.mean(), Math.abs(mean) * 1e-15, f.path() + " mean");
        } else {
            if (single) {
                assertEquals(Float.parseFloat(t[2]), Float.parseFloat(f.min()), f.path() + " min");
                assertEquals(Float.parseFloat(t[3]), Float.parseFloat(f.max()), f.path() + " max");
            } else {
                assertEquals(Double.parseDouble(t[2]), Double.parseDouble(f.min()), f.path() + " min");
                assertEquals(Double.parseDouble(t[3]), Double.parseDouble(f.max()), f.path() + " max");
            }
            double mean = Double.parseDouble(t[4]);
            assertEquals(mean, f.mean(), Math.abs(mean) * 1e-9, f.path() + " mean");
            assertEquals(Long.parseLong(t[5]), f.nanCount(), f.path() + " NaNs");
        }
    }

    /** The table's column summary, which must say it covers {@code records} records. */
    private List<FieldStats> summary(RecordTableViewModel table, String records) {
        table.computeSummary();
        assertEquals(records + " records", table.summaryState.get().replace(",", ""));
        return List.copyOf(table.summary);
    }

    @Test
    void theSummaryOfFixedRecordsAfterInsertsAndDeletesInA160MiBFileIsNumpysOfTheSavedBytes() throws Exception {
        RecordReader rec = reader("""
                #include <stdint.h>
                struct S { uint64_t a; int32_t b; int16_t c; uint8_t d; double e; float f; int64_t g; };
                """, "S");
        Path file = dir.resolve("big.bin");
        Path expected = dir.resolve("expected.bin");
        Path opsFile = dir.resolve("ops.txt");
        List<String> py = Py.run(dir, """
                import ctypes, sys, random
                import numpy as np
                path, expected, opsfile = sys.argv[1:4]
                class S(ctypes.Structure):
                    _fields_ = [('a', ctypes.c_uint64), ('b', ctypes.c_int32), ('c', ctypes.c_int16), ('d', ctypes.c_uint8),
                                ('e', ctypes.c_double), ('f', ctypes.c_float), ('g', ctypes.c_int64)]
                R = ctypes.sizeof(S)
                names = [n for n, _ in S._fields_]
                dt = np.dtype({'names': names, 'formats': ['<u8', '<i4', '<i2', 'u1', '<f8', '<f4', '<i8'],
                               'offsets': [getattr(S, n).offset for n in names], 'itemsize': R})
                MiB = 1 << 20
                size = 160 * MiB + 17
                rng = np.random.default_rng(17)
                random.seed(17)
                with open(path, 'wb') as f:
                    f.truncate(size)
                    for start in (0, 40 * MiB, 100 * MiB, size - 17 - 2 * MiB):
                        start -= start % R
                        n = 2 * MiB // R
                        a = np.zeros(n, dt)
                        a['a'] = rng.integers(0, 2**64 - 1, n, dtype=np.uint64, endpoint=True)
                        a['b'] = rng.integers(-2**31, 2**31 - 1, n, dtype=np.int32, endpoint=True)
                        a['c'] = rng.integers(-2**15, 2**15 - 1, n, dtype=np.int16, endpoint=True)
                        a['d'] = rng.integers(0, 255, n, dtype=np.uint8, endpoint=True)
                        a['e'] = rng.uniform(1, 1000, n)
                        a['f'] = rng.uniform(1, 1000, n).astype(np.float32)
                        a['g'] = rng.integers(-2**63, 2**63 - 1, n, dtype=np.int64, endpoint=True)
                        f.seek(start); f.write(a.tobytes())
                d = bytearray(open(path, 'rb').read())
                # Edited bytes below 0x40: no float they land in is a NaN or infinite (numpy's mean would be).
                rb = lambda n: bytes(random.getrandbits(6) for _ in range(n))
                ops = [('ins', 3 * R + 7, rb(2 * R))]
                ops += [('ins', 10 * MiB + 5 + 2 * i, rb(1)) for i in range(R)]
                ops += [('del', 41 * MiB + 11, 25 * R), ('put', 100 * MiB + 3, rb(77)), ('del', 100 * MiB + 50, R),
                        ('ins', 102 * MiB - 5, rb(5 * R)), ('put', 102 * MiB - 9, rb(20)), ('del', 20 * R + 1, 2 * R),
                        ('ins', -100, rb(R))]
                with open(opsfile, 'w') as o:
                    for (k, at, x) in ops:
                        at = at if at >= 0 else len(d) + at  # from the end of the content then
                        if k == 'ins': d[at:at] = x
                        elif k == 'put': d[at:at + len(x)] = x
                        else: del d[at:at + x]
                        o.write('%s %d %s\\n' % (k, at, x.hex() if k != 'del' else str(x)))
                open(expected, 'wb').write(d)
                n = len(d) // R
                print(len(d), n)
                v = np.frombuffer(bytes(d[:n * R]), dt, count=n)
                for name in names:
                    x = v[name]
                    if x.dtype.kind in 'iu':
                        w = x.astype(np.uint64) if x.dtype.kind == 'u' else x.astype(np.int64)
                        s = int((w >> np.uint64(32) if x.dtype.kind == 'u' else w >> 32).sum()) * 2**32 \\
                            + int((w & (2**32 - 1)).sum())
                        print(name, n, int(x.min()), int(x.max()), s)
                    else:
                        w = x.astype(np.float64)
                        w = w[~np.isnan(w)]
                        print(name, n, repr(float(w.min())), repr(float(w.max())), repr(float(w.mean())), n - len(w))
                """, file.toString(), expected.toString(), opsFile.toString());
        String[] head = py.getFirst().split(" ");
        try (EditingFile opened = EditingFile.open(file); DataSource saved = Sources.open(expected)) {
            EditedSource src = edited(opened, opsFile, Long.parseLong(head[0]));

            RecordTableViewModel table = new RecordTableViewModel(NOW);
            table.show(src, rec, 0);
            List<FieldStats> got = summary(table, head[1]);
            assertEquals(7, got.size());
            for (int i = 0; i < 7; i++) {
                FieldStats f = got.get(i);
                assertField(py.get(1 + i), f, f.kind().isInteger(), i == 5);
            }
            // The one-segment summary of the same bytes, as the CLI computes it over the saved file.
            RecordStats.Result whole = RecordStats.compute(saved, (DecoderPlan) rec, 0);
            for (int i = 0; i < 7; i++) {
                FieldStats a = whole.fields().get(i);
                FieldStats b = got.get(i);
                if (a.kind().isInteger()) {
                    assertEquals(a, b, "exactly the one-segment figures of " + a.path());
                } else {
                    assertEquals(List.of(a.path(), a.count(), a.min(), a.max()), List.of(b.path(), b.count(), b.min(), b.max()));
                    assertEquals(a.mean(), b.mean(), Math.abs(a.mean()) * 1e-12, a.path() + " mean");
                }
            }
        }
    }

    @Test
    void theSummaryOfLengthPrefixedRecordsAfterEditsInsideRecordsIsPythonsWalk() throws Exception {
        RecordReader msg = reader("""
                #include <stdint.h>
                #pragma pack(1)
                typedef struct { uint32_t len; uint16_t kind; int32_t seq; char data[len]; } Msg;
                """, "Msg");
        Path file = dir.resolve("msgs.bin");
        Path opsFile = dir.resolve("ops.txt");
        List<String> py = Py.run(dir, """
                import struct, sys, random
                path, opsfile = sys.argv[1:3]
                random.seed(5)
                starts, at = [], 0
                with open(path, 'wb') as f:
                    for i in range(900):
                        n = random.randint(50000, 150000)
                        f.seek(at); f.write(struct.pack('<IHi', n, random.randint(0, 65535), random.randint(-2**31, 2**31 - 1)))
                        starts.append(at)
                        at += 10 + n
                    f.truncate(at + 3)  # 3 trailing bytes: not a whole record
                d = bytearray(open(path, 'rb').read())
                assert len(d) > 64 << 20
                rb = lambda n: bytes(random.getrandbits(8) for _ in range(n))
                def ln(s): return struct.unpack_from('<I', d, s)[0]
                ops = []
                def do(k, at, x):
                    if k == 'ins': d[at:at] = x
                    elif k == 'put': d[at:at + len(x)] = x
                    else: del d[at:at + x]
                    ops.append('%s %d %s' % (k, at, x.hex() if k != 'del' else str(x)))
                # Later records first, so the starts found above still hold.
                s = starts[700]; do('del', s + 10 + 999, 777); do('put', s, struct.pack('<I', ln(s) - 777))
                do('ins', starts[400], struct.pack('<IHi', 300, 7, -5) + rb(300))
                s = starts[5]; do('ins', s + 10 + 20000, rb(4096 + 7)); do('put', s, struct.pack('<I', ln(s) + 4103))
                open(opsfile, 'w').write('\\n'.join(ops) + '\\n')
                pos, vals = 0, {'len': [], 'kind': [], 'seq': []}
                while pos + 10 <= len(d) and pos + 10 + ln(pos) <= len(d):
                    n, k, q = struct.unpack_from('<IHi', d, pos)
                    vals['len'].append(n); vals['kind'].append(k); vals['seq'].append(q)
                    pos += 10 + n
                print(len(d), len(vals['len']))
                for name, v in vals.items():
                    print(name, len(v), min(v), max(v), sum(v))
                """, file.toString(), opsFile.toString());
        String[] head = py.getFirst().split(" ");
        try (EditingFile opened = EditingFile.open(file)) {
            EditedSource src = edited(opened, opsFile, Long.parseLong(head[0]));
            RecordTableViewModel table = new RecordTableViewModel(NOW);
            table.show(src, msg, 0);
            assertEquals(Long.parseLong(head[1]), table.recordCount(), table.info.get());
            List<FieldStats> got = summary(table, head[1]);
            assertEquals(List.of("len", "kind", "seq"), got.stream().map(FieldStats::path).toList());
            for (int i = 0; i < 3; i++) {
                assertField(py.get(1 + i), got.get(i), true, false);
            }
        }
    }
}
