package dev.structscope.app.fields;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.hexview.HeaderReaders;
import dev.structscope.app.hexview.Py;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record table's view model without a window: rows, cells, the window, the column summary
 * and the dynamic walk, each against Python reading the same bytes; the walk and the summary run
 * through a task runner (direct here, or held to test cancel).
 */
class RecordTableViewModelTest {
    private static final TaskRunner NOW = new TaskRunner(Runnable::run, Runnable::run, Runnable::run);

    @TempDir
    Path dir;

    private RecordReader fixed() throws Exception {
        Path h = dir.resolve("t.h");
        Files.writeString(h, """
                #include <stdint.h>
                struct Rec { uint32_t id; int16_t t; double v; uint8_t flags : 3; };
                """);
        var lib = dev.structscope.io.headers.LocalHeaders.importFile(h, HeaderImporter.Options.defaults());
        return RecordReader.of(LayoutEngine.layout("Rec", lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
    }

    /** 1,000 records of struct Rec (24 bytes) after a 16-byte header, written by Python; prints the truth. */
    private List<String> writeRecords(Path f) throws Exception {
        return Py.run(dir, """
                import struct, sys, random
                random.seed(5)
                out = bytearray(b'H' * 16)
                ids, ts, vs, fl = [], [], [], []
                for i in range(1000):
                    r = (random.getrandbits(32), random.randint(-32768, 32767), random.uniform(-1e6, 1e6), random.getrandbits(8))
                    out += struct.pack('<IhxxdB7x', *r)
                    ids.append(r[0]); ts.append(r[1]); vs.append(r[2]); fl.append(r[3] & 7)
                out += b'tail'  # not a whole record
                open(sys.argv[1], 'wb').write(out)
                print(ids[7], ts[7], repr(vs[7]), fl[7])
                print(min(ts), max(ts), min(fl), max(fl))
                print(ids[999])
                """, f.toString());
    }

    /** A table over {@code runner} showing Python's records from offset 16, the file it reads open until closed. */
    private record Shown(DataSource source, RecordTableViewModel vm, List<String> printed) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    /** Has Python write its records (see {@link #writeRecords}) and shows them in a new table over {@code runner}. */
    private Shown showRecords(TaskRunner runner) throws Exception {
        Path f = dir.resolve("r.bin");
        List<String> printed = writeRecords(f);
        DataSource s = Sources.open(f);
        RecordTableViewModel vm = new RecordTableViewModel(runner);
        vm.show(s, fixed(), 16);
        return new Shown(s, vm, printed);
    }

    @Test
    void fixedRowsCellsAndWindowAreWherePythonWroteThem() throws Exception {
        try (Shown shown = showRecords(NOW)) {
            String[] rec7 = shown.printed().get(0).split(" ");
            RecordTableViewModel vm = shown.vm();
            assertEquals(1000, vm.recordCount(), "the four bytes of tail are not a record");
            assertEquals(1000, vm.rows.get());
            assertEquals("struct Rec", vm.typeName());
            assertFalse(vm.shape.get().dynamic());
            var leaves = vm.shape.get().columns().leaves();
            assertEquals(List.of("id", "t", "v", "flags"), leaves.stream().map(Columns.Leaf::path).toList());
            assertEquals(rec7[0], vm.cell(leaves.get(0), 7));
            assertEquals(rec7[1], vm.cell(leaves.get(1), 7));
            assertEquals(Double.parseDouble(rec7[2]), Double.parseDouble(vm.cell(leaves.get(2), 7)));
            assertTrue(vm.cell(leaves.get(3), 7).startsWith(rec7[3]), vm.cell(leaves.get(3), 7));
            assertEquals(16 + 7 * 24, vm.rowRange(7)[0]);
            assertEquals(24, vm.rowRange(7)[1]);
            assertTrue(vm.info.get().startsWith("1,000 records of struct Rec (24 bytes) from 0x10"), vm.info.get());

            vm.moveWindow(995);
            assertEquals(995, vm.firstRecord.get());
            assertEquals(5, vm.rows.get());
            assertEquals(16 + 999 * 24, vm.rowRange(4)[0]);
            vm.moveWindow(5000);
            assertEquals(999, vm.firstRecord.get(), "clamped to the last record");
            assertEquals(12, vm.rowOf(12), "showing record 12 moves the window back to it");
            assertEquals(0, vm.firstRecord.get());
        }
    }

    @Test
    void oneRecordIsSaidInTheSingular() throws Exception {
        Path f = Files.write(dir.resolve("one.bin"), new byte[16 + 24]);
        try (DataSource s = Sources.open(f)) {
            RecordTableViewModel vm = new RecordTableViewModel(NOW);
            vm.show(s, fixed(), 16);
            assertTrue(vm.info.get().startsWith("1 record of struct Rec (24 bytes) from 0x10"), vm.info.get());
            vm.computeSummary();
            assertEquals("1 record", vm.summaryState.get());
            // No whole record after 0x20: the empty table says why, not "choose a type".
            vm.show(s, fixed(), 0x20);
            assertEquals(0, vm.rows.get());
            assertEquals("No whole record: struct Rec is 24 bytes, and the file has 8 bytes from 0x20.", vm.empty.get());
            vm.show(s, fixed(), 0x28);
            assertEquals("No record: 0x28 is at or past the end of the file (40 bytes).", vm.empty.get());
            vm.show(null, null, 0);
            assertEquals(RecordTableViewModel.CHOOSE, vm.empty.get());
        }
    }

    @Test
    void theColumnSummaryIsPythonsMinAndMax() throws Exception {
        try (Shown shown = showRecords(NOW)) {
            String[] mm = shown.printed().get(1).split(" ");
            RecordTableViewModel vm = shown.vm();
            vm.computeSummary();
            assertFalse(vm.busy.get());
            assertTrue(vm.summaryShown.get());
            assertEquals("1,000 records", vm.summaryState.get());
            FieldStats t = vm.summary.stream().filter(x -> x.path().equals("t")).findFirst().orElseThrow();
            assertEquals(mm[0], t.min());
            assertEquals(mm[1], t.max());
            FieldStats flags = vm.summary.stream().filter(x -> x.path().equals("flags")).findFirst().orElseThrow();
            assertEquals(mm[2], flags.min());
            assertEquals(mm[3], flags.max());
        }
    }

    @Test
    void aCancelledSummaryDeliversNothingAndSaysSo() throws Exception {
        List<Runnable> held = new ArrayList<>();
        TaskRunner later = new TaskRunner(held::add, held::add, Runnable::run);
        try (Shown shown = showRecords(later)) {
            RecordTableViewModel vm = shown.vm();
            vm.computeSummary();
            assertTrue(vm.busy.get());
            assertTrue(vm.summarizing());
            assertEquals(1, later.active.size(), "the summary is listed as a task");
            assertTrue(later.active.get(0).cancellable());
            later.active.get(0).requestCancel();
            assertFalse(vm.busy.get());
            assertEquals("cancelled", vm.summaryState.get());
            held.forEach(Runnable::run);
            assertTrue(vm.summary.isEmpty(), "a cancelled summary delivers nothing");
            assertTrue(later.active.isEmpty());
        }
    }

    @Test
    void aDynamicTableListsEachPcapRecordWherePythonFindsIt() throws Exception {
        RecordReader r = HeaderReaders.ofDynamicSample(dir, "packets.pcap", "PcapRecord");
        Path file = dir.resolve("packets.pcap");
        List<String> truth = Py.overBytes(dir, file, """
                at = 24
                while at < len(d):
                    n = struct.unpack_from('<I', d, at + 8)[0]
                    print(at, 16 + n, n)
                    at += 16 + n
                """);
        try (DataSource s = Sources.open(file)) {
            RecordTableViewModel vm = new RecordTableViewModel(NOW);
            vm.show(s, r, 24);
            assertFalse(vm.walking());
            assertTrue(vm.shape.get().dynamic());
            assertEquals(truth.size(), vm.recordCount());
            assertNull(vm.walk().stop());
            for (int i = 0; i < truth.size(); i++) {
                String[] t = truth.get(i).split(" ");
                assertEquals(Long.parseLong(t[0]), vm.rowRange(i)[0], "record " + i);
                assertEquals(Long.parseLong(t[1]), vm.rowRange(i)[1], "record " + i);
            }
            String capLenPath = vm.shape.get().columns().leaves().stream().map(Columns.Leaf::path)
                    .filter(p -> p.endsWith("incl_len")).findFirst().orElseThrow();
            assertEquals(truth.get(2).split(" ")[2], vm.dynamicCell(capLenPath, 2));
        }
    }

    /**
     * The columns of dynamic records are those of all of them: the protocol recording starts with
     * a hello, and its trades' prices are a column too, with the values Python reads (the table
     * showed the first record's alternative only, every other body as "–").
     */
    @Test
    void aTaggedUnionShowsEveryAlternativeSomeRecordChose() throws Exception {
        RecordReader r = HeaderReaders.ofDynamicSample(dir, "proto.bin", "Msg");
        Path file = dir.resolve("proto.bin");
        List<String> truth = Py.overBytes(dir, file, """
                at, i = 0, 0
                while at + 12 <= len(d):
                    typ, length = struct.unpack_from('<xxBxI', d, at)
                    if typ in (2, 6):
                        print(i, repr(struct.unpack_from('<d', d, at + 24)[0]))
                    at += length
                    i += 1
                """);
        try (DataSource s = Sources.open(file)) {
            RecordTableViewModel vm = new RecordTableViewModel(NOW);
            vm.show(s, r, 0);
            List<String> paths = vm.shape.get().columns().leaves().stream().map(Columns.Leaf::path).toList();
            assertTrue(paths.contains("body.hello.version") && paths.contains("body.trade.price")
                    && paths.contains("body.heartbeat.ts_ns"), paths.toString());
            assertFalse(truth.isEmpty());
            for (String line : truth) {
                String[] t = line.split(" ");
                assertEquals(Double.parseDouble(t[1]), Double.parseDouble(vm.dynamicCell("body.trade.price", Integer.parseInt(t[0]))),
                        "record " + t[0]);
            }
        }
    }
}
