package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.fields.Columns;
import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.fields.FieldsViewModel;
import dev.structscope.app.fields.RecordTable;
import dev.structscope.app.fields.RecordTableViewModel;
import dev.structscope.app.fields.RecordWalk;
import dev.structscope.io.decode.RecordReader;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every reader of an edited file — decoded tree, follow, record table cells, copy as JSON,
 * find, find all, the dynamic record walk — after an insert and a delete near the start of a
 * sparse file of several GiB (far past what may be copied), against Python computing on the
 * same edited bytes, region by region (it never builds the whole file).
 */
class EditedLargeFileTest {
    private static final TaskRunner NOW = new TaskRunner(Runnable::run, Runnable::run, Runnable::run);
    private static final long SIZE = (3L << 30) + 4096;
    /** Inserted at 40 (inside record 2), then 5 bytes deleted at 8: 16 more bytes, one record. */
    private static final String INS = "ABCDEFGHIJKLMNOPQRxyz";

    @TempDir
    Path dir;

    private RecordReader reader(String header, String type) throws Exception {
        return HeaderReaders.of(dir, header, type);
    }

    private static FieldRow child(TreeItem<FieldRow> root, String name) {
        return root.getChildren().stream().map(TreeItem::getValue).filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** Python's edit of the original bytes, for a region of the edited content: o[:8] + o[13:40] + INS + o[40:]. */
    private static final String EDITED = """
            import sys
            INS = b'%s'
            f = open(sys.argv[1], 'rb')
            def orig(a, n):
                f.seek(a); return f.read(n)
            def edited(a, n):
                # content pieces: [0,8) base 0; [8,35) base 13; [35,56) INS; [56,...) base 40
                out = b''
                for (cs, ce, src) in ((0, 8, ('b', 0)), (8, 35, ('b', 13)), (35, 56, ('i', 0)), (56, 1 << 62, ('b', 40))):
                    lo, hi = max(a, cs), min(a + n, ce)
                    if lo >= hi: continue
                    if src[0] == 'i': out += INS[lo - cs:hi - cs]
                    else: out += orig(src[1] + lo - cs, hi - lo)
                return out
            """.formatted(INS);

    @Test
    void treeTableJsonFollowAndSearchReadTheEditedBytesOfASeveralGiBFile() throws Exception {
        RecordReader rec = reader("""
                #include <stdint.h>
                struct Rec { uint32_t id; uint32_t next; int64_t v; };
                """, "Rec");
        Path file = dir.resolve("big.bin");
        long window = ByteSearch.WINDOW;
        List<String> py = Py.run(dir, """
                import struct, sys
                path, size, window = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
                far = (5 << 29) // 16
                with open(path, 'wb') as f:
                    f.truncate(size)
                    for i in range(8):
                        v = int.from_bytes(b'mnopqrst', 'little') if i == 2 else -1000 * i
                        f.seek(16 * i); f.write(struct.pack('<IIq', 1000 + i, (3 << 30) + 77 if i == 3 else i, v))
                    f.seek(16 * far); f.write(struct.pack('<IIq', 424242, 5, -987654321))
                    f.seek(window - 3 - 16); f.write(b'#CHUNK#')
                    f.seek(size - 300); f.write(b'#CHUNK#')
                """ + EDITED + """
                def rec(i):
                    return struct.unpack('<IIq', edited(16 * i, 16))
                for i in (0, 1, 2, 3, 4, 7, far + 1):
                    print(i, *rec(i))
                regions = [(0, 400), (window - 200, 400), (16 * far, 200), (size + 16 - 600, 600)]
                for pat in (b'xyzmno', b'#CHUNK#'):
                    hits = set()
                    for (a, n) in regions:
                        d = edited(a, n)
                        hits |= {a + k for k in range(n - len(pat) + 1) if d[k:k + len(pat)] == pat}
                    hits = sorted(hits)
                    print(pat.decode(), len(hits), *hits)
                """, file.toString(), Long.toString(SIZE), Long.toString(window));
        HexViewModel hex = new HexViewModel();
        try (EditingFile opened = EditingFile.open(hex, file)) {
            DataEdits edits = opened.edits();
            EditedSource src = opened.source();
            hex.source.set(src);
            assertTrue(edits.insert(40, INS.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            src.overlay().delete(8, 5);
            src.edited();
            assertEquals(SIZE + 16, src.size());

            FieldsViewModel tree = new FieldsViewModel(NOW);
            RecordTableViewModel table = new RecordTableViewModel(NOW);
            table.show(src, rec, 0);
            assertEquals((SIZE + 16) / 16, table.recordCount());
            List<Columns.Leaf> leaves = table.shape.get().columns().leaves();
            for (int k = 0; k < 7; k++) {
                String[] t = py.get(k).split(" ");
                long i = Long.parseLong(t[0]);
                int row = table.rowOf(i);
                for (int c = 0; c < 3; c++) {
                    assertEquals(t[1 + c], table.cell(leaves.get(c), row), "record " + i + " " + leaves.get(c).path());
                }
                assertTrue(tree.show(src, rec, 16 * i).ok());
                var root = tree.root.get();
                assertEquals(t[1], child(root, "id").value(), "tree of record " + i);
                assertEquals(t[3], child(root, "v").value());
                long next = Long.parseLong(t[2]);
                assertEquals(next < src.size() ? java.util.OptionalLong.of(next) : java.util.OptionalLong.empty(),
                        tree.followTarget(child(root, "next")), "follow record " + i);
                String json = RecordTable.recordJson(rec, src, 16 * i);
                assertTrue(json.matches("\\{\\s*\"id\":\\s*" + t[1] + ",\\s*\"next\":\\s*" + t[2]
                        + ",\\s*\"v\":\\s*" + t[3] + "\\s*}"), json);
            }

            SearchViewModel search = new SearchViewModel(hex, NOW);
            for (String line : py.subList(7, 9)) {
                String[] t = line.split(" ");
                long[] hits = Arrays.stream(t).skip(2).mapToLong(Long::parseLong).toArray();
                search.text.set(t[0]);
                search.findAll();
                assertEquals(Long.parseLong(t[1]), search.matchCount.get(), t[0] + ": " + search.status.message.get());
                assertEquals(Arrays.stream(hits).boxed().toList(), search.matches(), t[0]);
                // F3 from the last match wraps to the first; Shift+F3 from the first wraps to the last.
                hex.select(hits[hits.length - 1], 1);
                search.next();
                assertEquals(hits[0], hex.selectionStart(), t[0] + " wraps: " + search.status.message.get());
                search.previous();
                assertEquals(hits[hits.length - 1], hex.selectionStart(), t[0] + " wraps back");
            }
        }
    }

    @Test
    void lengthPrefixedRecordsAreWalkedAfterAnInsertInAFileOver64MiB() throws Exception {
        RecordReader msg = HeaderReaders.msg(dir);
        Path file = dir.resolve("msgs.bin");
        long size = (80L << 20) + 2;
        List<String> py = Py.run(dir, """
                import struct, sys, random
                path, size = sys.argv[1], int(sys.argv[2])
                random.seed(3)
                out = bytearray()
                for i in range(300):
                    n = 70000 if i == 5 else random.randint(1, 40)
                    out += struct.pack('<IH', n, i) + bytes(random.getrandbits(8) for _ in range(n))
                with open(path, 'wb') as f:
                    f.truncate(size)
                    f.write(out)
                # 512 KiB and 15 bytes go into the middle of record 5's data, and its length grows
                # by as much: it then spans the base, the inserted bytes and the base again.
                at = 0
                for i in range(5):
                    at += 6 + struct.unpack_from('<I', out, at)[0]
                ins = bytes(random.getrandbits(8) for _ in range((1 << 19) + 15))
                open(sys.argv[3], 'wb').write(ins)
                print(at + 6 + 1000, at, struct.pack('<I', 70000 + len(ins)).hex())
                """, file.toString(), Long.toString(size), dir.resolve("ins.bin").toString());
        String[] first = py.getFirst().split(" ");
        long cut = Long.parseLong(first[0]);
        byte[] ins = Files.readAllBytes(dir.resolve("ins.bin"));
        List<String> truth = Py.run(dir, """
                import struct, sys
                path, cut, ins, start5 = sys.argv[1], int(sys.argv[2]), open(sys.argv[3], 'rb').read(), int(sys.argv[4])
                f = open(path, 'rb')
                head = f.read(4 << 20)
                d = bytearray(head[:cut] + ins + head[cut:])
                struct.pack_into('<I', d, start5, 70000 + len(ins))
                at, starts = 0, []
                while len(starts) < 330:
                    starts.append(at)
                    at += 6 + struct.unpack_from('<I', d, at)[0]
                print(*starts)
                print(*struct.unpack_from('<IH', d, starts[250]))
                """, file.toString(), first[0], dir.resolve("ins.bin").toString(), first[1]);
        long[] starts = Arrays.stream(truth.get(0).split(" ")).mapToLong(Long::parseLong).toArray();
        try (EditingFile opened = EditingFile.open(file)) {
            DataEdits edits = opened.edits();
            EditedSource src = opened.source();
            assertTrue(edits.insert(cut, ins));
            assertTrue(edits.write(Long.parseLong(first[1]), java.util.HexFormat.of().parseHex(first[2])));
            assertEquals(size + ins.length, src.size());
            RecordWalk.Result walk = RecordWalk.walk(src, msg, 0, 400, d -> { }, () -> false);
            assertEquals(400, walk.count(), "the walk goes on past the data (zeros are 6-byte records) to the cap: " + walk.stop());
            for (int i = 0; i < starts.length; i++) {
                assertEquals(starts[i], walk.start(i), "record " + i);
            }
            RecordTableViewModel table = new RecordTableViewModel(NOW);
            table.show(src, msg, 0);
            String[] r250 = truth.get(1).split(" ");
            int row = table.rowOf(250);
            assertEquals(r250[0], table.dynamicCell("len", row));
            assertEquals(r250[1], table.dynamicCell("kind", row));
            FieldsViewModel tree = new FieldsViewModel(NOW);
            assertTrue(tree.show(src, msg, starts[5]).ok(), "record 5 spans the insert");
            assertEquals(starts[6] - starts[5], tree.shown().size());
        }
    }
}
