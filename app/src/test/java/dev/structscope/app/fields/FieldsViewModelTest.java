package dev.structscope.app.fields;

import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.app.hexview.Py;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoded tree's view model without a window: the record Python's ctypes wrote, decoded into
 * items with its values and offsets; a record that runs past the end says so instead of a tree;
 * an integer followed as an offset.
 */
class FieldsViewModelTest {
    @TempDir
    Path dir;

    private static FieldRow child(TreeItem<FieldRow> root, String name) {
        return root.getChildren().stream().map(TreeItem::getValue).filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theTreeHoldsWhatCtypesWroteAndAShortRecordSaysWhy() throws Exception {
        Path f = dir.resolve("t.bin");
        List<String> truth = Py.run(dir, """
                import ctypes, sys
                class Tick(ctypes.Structure):
                    _fields_ = [('ts', ctypes.c_uint64), ('id', ctypes.c_int32), ('price', ctypes.c_float),
                                ('qty', ctypes.c_double), ('flags', ctypes.c_int16), ('sym', ctypes.c_char * 6),
                                ('side', ctypes.c_int), ('kind', ctypes.c_uint, 3), ('level', ctypes.c_uint, 5),
                                ('samples', ctypes.c_int32 * 4)]
                t = Tick(ts=1700000000123, id=-42, price=1.5, qty=2.25, flags=7, sym=b'ABC', side=2, kind=5, level=17)
                t.samples[2] = 1000
                pad = b'\\0' * 100
                open(sys.argv[1], 'wb').write(pad + bytes(t))
                print(ctypes.sizeof(Tick), Tick.id.offset, Tick.samples.offset)
                """, f.toString());
        String[] t = truth.getFirst().split(" ");
        RecordReader r = RecordReader.of(LayoutEngine.layout("Tick", DemoTypes.library(), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
        try (DataSource s = Sources.open(f)) {
            FieldsViewModel vm = new FieldsViewModel();
            assertEquals(FieldsViewModel.CHOOSE, vm.message.get());
            RecordAt at = vm.show(s, r, 100);
            assertTrue(at.ok());
            assertEquals(Long.parseLong(t[0]), at.size());
            FieldItem root = vm.root.get();
            assertNotNull(root);
            assertEquals("", vm.message.get());
            assertEquals("-42", child(root, "id").value());
            assertEquals(100 + Long.parseLong(t[1]), child(root, "id").offset());
            assertEquals("1700000000123", child(root, "ts").value());
            assertEquals("\"ABC\"", child(root, "sym").value());
            assertEquals("SELL (2)", child(root, "side").value());
            assertTrue(child(root, "level").value().startsWith("17 "), child(root, "level").value());
            assertEquals(100 + Long.parseLong(t[2]), child(root, "samples").offset());

            // An integer read as a file offset: -42 is none, flags = 7 is a place in the file.
            assertEquals(java.util.OptionalLong.empty(), vm.followTarget(child(root, "id")), "negative: not an offset");
            assertEquals(java.util.OptionalLong.of(7), vm.followTarget(child(root, "flags")));

            RecordAt past = vm.show(s, r, s.size() - 10);
            assertTrue(!past.ok());
            assertNull(vm.root.get());
            assertEquals(past.error(), vm.message.get());
            assertNull(vm.shown());
        }
    }

    private RecordReader reader(String header, String type) throws Exception {
        return dev.structscope.app.hexview.HeaderReaders.of(dir, header, type);
    }

    /**
     * A dynamic record is decoded on the runner, not in {@code show}: the tree shown before stays
     * (not editable) until the result comes, and only the latest request is shown — a later
     * dynamic record or a fixed record shown at once wins over a decode still queued. Values are
     * those Python's struct wrote.
     */
    @Test
    void dynamicRecordsAreDecodedOnTheRunnerAndOnlyTheLatestIsShown() throws Exception {
        RecordReader msg = dev.structscope.app.hexview.HeaderReaders.msg(dir);
        RecordReader head = reader("""
                #include <stdint.h>
                #pragma pack(1)
                struct Head { uint32_t len; uint16_t kind; };
                """, "Head");
        Path f = dir.resolve("m.bin");
        List<String> truth = Py.run(dir, """
                import struct, sys
                out, starts = b'', []
                for i, n in enumerate((3, 700, 40)):
                    starts.append(len(out))
                    out += struct.pack('<IH', n, 1000 + 7 * i) + bytes(range(n % 256)) * (n // 256) + bytes(range(n % 256))
                open(sys.argv[1], 'wb').write(out)
                for i, s in enumerate(starts):
                    print(s, 6 + struct.unpack_from('<I', out, s)[0], struct.unpack_from('<H', out, s + 4)[0])
                """, f.toString());
        long[][] rec = truth.stream().map(l -> java.util.Arrays.stream(l.split(" ")).mapToLong(Long::parseLong).toArray())
                .toArray(long[][]::new);
        java.util.List<Runnable> queued = new java.util.ArrayList<>();
        dev.structscope.app.common.TaskRunner runner = new dev.structscope.app.common.TaskRunner(Runnable::run, queued::add, Runnable::run);
        try (DataSource s = Sources.open(f)) {
            FieldsViewModel vm = new FieldsViewModel(runner);
            java.util.List<RecordAt> told = new java.util.ArrayList<>();
            assertNull(vm.show(s, msg, rec[0][0], told::add), "a dynamic record is not decoded in show");
            assertTrue(vm.decoding.get());
            assertNull(vm.root.get());
            assertTrue(vm.message.get().startsWith("Decoding the record at 0x0"), vm.message.get());
            queued.removeFirst().run();
            assertEquals(Long.toString(rec[0][2]), child(vm.root.get(), "kind").value());
            assertEquals(rec[0][1], vm.shown().size());
            FieldItem first = vm.root.get();

            // Two requests: the older one, still queued, never replaces the newer.
            vm.show(s, msg, rec[1][0], told::add);
            vm.show(s, msg, rec[2][0], told::add);
            assertEquals(first, vm.root.get(), "the tree before stays while the next is decoded");
            assertTrue(vm.decoding.get());
            assertEquals(2, queued.size());
            queued.removeLast().run();
            assertEquals(Long.toString(rec[2][2]), child(vm.root.get(), "kind").value());
            assertEquals(rec[2][1], vm.shown().size());
            queued.removeFirst().run();
            assertEquals(rec[2][0], vm.shown().base(), "the superseded decode is dropped");
            assertEquals(java.util.List.of(rec[0][0], rec[2][0]), told.stream().map(RecordAt::base).toList());

            // A fixed record is shown at once, and a dynamic decode still queued does not replace it.
            vm.show(s, msg, rec[1][0], told::add);
            RecordAt fixed = vm.show(s, head, rec[1][0]);
            assertTrue(fixed.ok());
            assertTrue(queued.size() == 1 && !vm.decoding.get());
            assertEquals(Long.toString(rec[1][2]), child(vm.root.get(), "kind").value());
            assertEquals(6, vm.shown().size());
            queued.removeFirst().run();
            assertEquals(6, vm.shown().size(), "the fixed record shown last stays");
            assertEquals(2, told.size());
        }
    }
}
