package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.fields.RecordTableViewModel;
import dev.structscope.io.decode.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record table finds dynamic records again after an edit only when the edit can have moved
 * them: overwriting data or a tag inside records (and rewriting a length with the value it had)
 * keeps the walk; a new length, its undo and an insert walk again; and a layout with a placed
 * member walks again after any edit. Every time, the records listed and their cells are those
 * Python's walk finds in the same edited bytes.
 */
class EditedWalkTest {
    @TempDir
    Path dir;

    private RecordReader reader(String header, String type) throws Exception {
        return HeaderReaders.of(dir, header, type);
    }

    /** Python's walk of {@code file} after {@code ops} ({@code put|ins OFFSET HEX}, or {@code undo}): starts, then kinds. */
    private List<String> pythonWalk(Path file, List<String> ops) throws Exception {
        return Py.run(dir, """
                import struct, sys
                d = bytearray(open(sys.argv[1], 'rb').read())
                done = []
                for op in sys.argv[2:]:
                    t = op.split(' ')
                    if t[0] == 'undo':
                        k, at, old, new = done.pop()
                        d[at:at + len(new)] = old
                        continue
                    at, x = int(t[1]), bytes.fromhex(t[2])
                    old = bytes(d[at:at + len(x)]) if t[0] == 'put' else b''
                    d[at:at + len(old)] = x
                    done.append((t[0], at, old, x))
                at, starts, kinds = 0, [], []
                while at + 6 <= len(d) and at + 6 + struct.unpack_from('<I', d, at)[0] <= len(d):
                    starts.append(at); kinds.append(struct.unpack_from('<H', d, at + 4)[0])
                    at += 6 + struct.unpack_from('<I', d, at)[0]
                print(*starts)
                print(*kinds)
                """, java.util.stream.Stream.concat(java.util.stream.Stream.of(file.toString()), ops.stream()).toArray(String[]::new));
    }

    /** The table's records and cells against Python's walk. */
    private static void assertListed(RecordTableViewModel table, List<String> py, String after) {
        String[] starts = py.get(0).split(" ");
        String[] kinds = py.get(1).split(" ");
        assertEquals(starts.length, table.recordCount(), after + ": " + table.info.get());
        for (int i = 0; i < starts.length; i++) {
            assertEquals(Long.parseLong(starts[i]), table.walk().start(i), after + ": start of record " + i);
            assertEquals(kinds[i], table.dynamicCell("kind", table.rowOf(i)), after + ": kind of record " + i);
        }
    }

    @Test
    void onlyAnEditThatCanMoveRecordsWalksThemAgain() throws Exception {
        RecordReader msg = HeaderReaders.msg(dir);
        RecordReader placed = reader(HeaderReaders.MSG.replace("Msg;", "Msg2;").replace("uint8_t data[len];",
                "uint8_t data[len]; [[structscope::at(4)]] uint16_t again;"), "Msg2");
        Path file = dir.resolve("m.bin");
        Py.run(dir, """
                import struct, sys, random
                random.seed(11)
                out = b''
                for i in range(50):
                    n = random.randint(1, 40)
                    out += struct.pack('<IH', n, 100 + i) + bytes(random.getrandbits(8) for _ in range(n))
                open(sys.argv[1], 'wb').write(out + b'\\x07\\x00')
                """, file.toString());
        List<String> start = pythonWalk(file, List.of());
        long[] s = java.util.Arrays.stream(start.get(0).split(" ")).mapToLong(Long::parseLong).toArray();
        AtomicInteger walks = new AtomicInteger();
        TaskRunner counting = new TaskRunner(Runnable::run, r -> {
            walks.incrementAndGet();
            r.run();
        }, Runnable::run);
        try (EditingFile opened = EditingFile.open(file)) {
            DataEdits edits = opened.edits();
            RecordTableViewModel table = new RecordTableViewModel(counting);
            table.show(edits.source(), msg, 0);
            assertEquals(2, walks.get(), "the first record (for the columns), then the walk, each on the runner");
            assertListed(table, start, "opened");

            List<String> ops = new java.util.ArrayList<>();
            // Each step: the edit, whether the records are walked again, as the hex pane tells the table.
            record Step(String op, boolean walks) {
            }
            byte[] len30 = new byte[4];
            java.nio.ByteBuffer.wrap(len30).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt((int) (s[31] - s[30] - 6 + 2));
            byte[] len5 = opened.base().slice(s[5], 4).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            byte[] len10 = opened.base().slice(s[10], 4).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            List<Step> steps = List.of(
                    new Step("put " + (s[10] + 7) + " a1b2c3", false),          // data bytes of record 10
                    new Step("put " + (s[20] + 4) + " 3412", false),            // the tag of record 20
                    // Across the border of records 9 and 10: 9's last data byte, 10's length as it was.
                    new Step("put " + (s[10] - 1) + " 5a" + HexFormat.of().formatHex(len10), false),
                    new Step("put " + s[30] + " " + HexFormat.of().formatHex(len30), true), // a new length
                    new Step("undo", true),                                     // and back
                    new Step("put " + s[5] + " " + HexFormat.of().formatHex(len5), false), // a length rewritten as it was
                    new Step("ins " + (s[40] + 6) + " ee", true));              // an inserted byte
            for (Step st : steps) {
                int before = walks.get();
                String[] t = st.op().split(" ");
                switch (t[0]) {
                    case "undo" -> assertTrue(edits.undo());
                    case "put" -> assertTrue(edits.write(Long.parseLong(t[1]), HexFormat.of().parseHex(t[2])));
                    default -> assertTrue(edits.insert(Long.parseLong(t[1]), HexFormat.of().parseHex(t[2])));
                }
                table.edited(edits.lastEdit());
                ops.add(st.op());
                assertEquals(st.walks() ? before + 1 : before, walks.get(), st.op() + ": walked again?");
                assertListed(table, pythonWalk(file, ops), st.op());
            }

            // A member placed by the data may read any byte: every edit walks again.
            table.show(edits.source(), placed, 0);
            int before = walks.get();
            assertTrue(edits.write(s[10] + 7, new byte[] {9}));
            table.edited(edits.lastEdit());
            ops.add("put " + (s[10] + 7) + " 09");
            assertEquals(before + 1, walks.get(), "a layout with a placed member walks again");
            assertListed(table, pythonWalk(file, ops), "placed");
        }
    }

    /**
     * A dynamic record that lies across inserted bytes and is larger than what is decoded at once
     * is decoded for its table row on the runner: its cells say "…" until then, then read what
     * Python's struct wrote; a record inside one piece reads at once.
     */
    @Test
    void aLargeRecordAcrossAnInsertIsDecodedForItsRowInTheBackground() throws Exception {
        RecordReader msg = HeaderReaders.msg(dir);
        Path file = dir.resolve("big.bin");
        List<String> py = Py.run(dir, """
                import struct, sys
                out, starts = b'', []
                for i in range(5):
                    starts.append(len(out))
                    out += struct.pack('<IH', 100000, 700 + i) + bytes(100000)
                open(sys.argv[1], 'wb').write(out)
                print(starts[2] + 6 + 5000, starts[2], struct.pack('<I', 100010).hex(), *(700 + i for i in range(5)))
                """, file.toString());
        String[] t = py.getFirst().split(" ");
        List<Runnable> queued = new java.util.ArrayList<>();
        TaskRunner runner = new TaskRunner(Runnable::run, queued::add, Runnable::run);
        try (EditingFile opened = EditingFile.open(file)) {
            DataEdits edits = opened.edits();
            assertTrue(edits.insert(Long.parseLong(t[0]), new byte[10]));
            assertTrue(edits.write(Long.parseLong(t[1]), HexFormat.of().parseHex(t[2])));
            RecordTableViewModel table = new RecordTableViewModel(runner);
            table.show(edits.source(), msg, 0);
            queued.removeFirst().run(); // the first record (for the columns): it queues the walk
            assertEquals(0, table.recordCount(), "no records before the walk");
            queued.removeFirst().run(); // the walk
            assertEquals(5, table.recordCount(), table.info.get());
            assertEquals(t[3], table.dynamicCell("kind", table.rowOf(0)), "inside one piece: at once");
            assertEquals(List.of(), queued);
            long revision = table.revision.get();
            int row2 = table.rowOf(2);
            assertEquals("…", table.dynamicCell("kind", row2), "across the insert: in the background");
            assertEquals(null, table.dynamicRow("kind", row2), "not typed into meanwhile");
            assertEquals(1, queued.size());
            queued.removeFirst().run();
            assertTrue(table.revision.get() > revision, "the cells are read again");
            assertEquals(t[5], table.dynamicCell("kind", row2));
            assertEquals("100010", table.dynamicCell("len", row2));
        }
    }
}
