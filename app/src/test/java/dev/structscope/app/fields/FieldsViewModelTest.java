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
            assertEquals(FieldsViewModel.CHOOSE, vm.messageProperty().get());
            RecordAt at = vm.show(s, r, 100);
            assertTrue(at.ok());
            assertEquals(Long.parseLong(t[0]), at.size());
            FieldItem root = vm.rootProperty().get();
            assertNotNull(root);
            assertEquals("", vm.messageProperty().get());
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
            assertNull(vm.rootProperty().get());
            assertEquals(past.error(), vm.messageProperty().get());
            assertNull(vm.shown());
        }
    }
}
