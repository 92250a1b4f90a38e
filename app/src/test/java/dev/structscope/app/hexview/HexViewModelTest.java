package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HexViewModelTest {
    @TempDir
    Path dir;

    @Test
    void rowSpaceOfA16GiBFileIsLongAndNavigationStaysInside() throws Exception {
        long size = 16L << 30;
        Path f = SparseFiles.make(dir.resolve("big.bin"), size, new long[]{size - 3}, new byte[][]{{1, 2, 3}});
        try (DataSource s = Sources.open(f)) {
            HexViewModel m = new HexViewModel();
            m.source.set(s);
            m.bytesPerRow.set(8);
            m.visibleRows.set(40);
            assertEquals(size / 8, m.rowCount());
            assertTrue(m.rowCount() > Integer.MAX_VALUE, "more rows than an int can count");
            m.fileEnd(false);
            assertEquals(size - 1, m.caret());
            assertEquals(size / 8 - 40, m.topRow.get());
            m.lineDown(false);
            assertEquals(size - 1, m.caret(), "no wrap past the end");
            m.pageDown(false);
            assertEquals(size - 1, m.caret());
            m.fileStart(true);
            assertEquals(0, m.caret());
            assertEquals(size, m.selectionLength());
            assertNull(m.goTo("0x100000000+24"));
            assertEquals(0x100000018L, m.caret());
            long row = 0x100000018L / 8;
            assertTrue(m.topRow.get() <= row && row < m.topRow.get() + 40);
            assertNotNull(m.goTo("0x400000000"), "16 GiB is one past the last byte");
            assertNotNull(m.goTo("0x10 +"));
            assertEquals(0x100000018L, m.caret(), "a failed go-to does not move");
        }
    }

    @Test
    void keysMoveByByteRowAndPage() {
        try (DataSource s = Sources.of("t", new byte[1000])) {
            HexViewModel m = new HexViewModel();
            m.source.set(s);
            m.visibleRows.set(10);
            m.moveBy(5, false);
            m.lineDown(false);
            assertEquals(21, m.caret());
            m.rowEnd(true);
            assertEquals(31, m.caret());
            assertEquals(21, m.selectionStart(), "the selection runs from the anchor");
            assertEquals(11, m.selectionLength());
            m.rowStart(false);
            assertEquals(16, m.caret());
            m.pageDown(false);
            assertEquals(16 + 160, m.caret());
            m.pageUp(false);
            m.pageUp(false);
            assertEquals(0, m.caret());
            m.moveBy(-1, false);
            assertEquals(0, m.caret());
            m.bytesPerRow.set(32);
            assertEquals(32, m.rowCount());
            m.bytesPerRow.set(12);
            assertEquals(16, m.bytesPerRow.get(), "only 8, 16 and 32 bytes per row");
        }
    }

    @Test
    void overlayLooksUpMembersPaddingAndRepeatsOverRecords() {
        var lib = DemoTypes.library();
        var layout = dev.structscope.model.layout.LayoutEngine.layout("Tick", lib, dev.structscope.model.abi.Abis.X86_64_LINUX);
        var plan = dev.structscope.io.decode.DecoderPlan.compile(layout, dev.structscope.model.abi.Abis.X86_64_LINUX,
                java.nio.ByteOrder.LITTLE_ENDIAN);
        Overlay o = Overlay.of(layout, plan, 100, 3);
        assertNull(o.spanAt(99));
        assertEquals("ts", o.spanAt(100).label());
        assertEquals("price", o.spanAt(100 + 13).label());
        assertEquals(0, o.spanAt(100 + 56).color(), "second record starts with ts again");
        assertTrue(o.spanAt(100 + 38).padding(), "bytes 37..39 are the hole after the bit-fields");
        assertEquals("kind", o.spanAt(100 + 36).label(), "kind and level share byte 36: the first wins");
        assertNull(o.spanAt(100 + 3 * 56));
    }
}
