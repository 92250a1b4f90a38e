package dev.structscope.tests.hexview;

import dev.structscope.app.bytemap.ByteMapColors;
import dev.structscope.app.bytemap.ByteMapStrip;
import dev.structscope.app.bytemap.ByteMapView;
import dev.structscope.app.bytemap.ByteMapViewModel;
import dev.structscope.app.hexview.HexViewModel;
import dev.structscope.io.bytemap.ByteClass;
import dev.structscope.io.bytemap.ByteMap;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The byte map strip, the larger map and the histogram in the hex explorer, headless: a file of
 * four known regions (zeros, text, random bytes, 0xFF) shows them where they are, in the colours
 * of their classes; a press on the strip and a click on the larger map move the hex view there;
 * the histogram of a selection made with the mouse equals Python's count of the same bytes.
 */
class ByteMapGuiTest extends HexPaneGuiBase {
    static final int REGION = 256 * 1024;
    static final ByteClass[] ORDER = {ByteClass.ZERO, ByteClass.TEXT, ByteClass.OTHER, ByteClass.FF};

    /** Zeros, then English text, then random bytes, then 0xFF: four regions of 256 KiB. */
    static byte[] regions() {
        return regions(REGION);
    }

    static byte[] regions(int region) {
        final int REGION = region;
        byte[] b = new byte[4 * REGION];
        byte[] text = "It was the best of times, it was the worst of times.\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < REGION; i++) {
            b[REGION + i] = text[i % text.length];
        }
        byte[] rnd = new byte[REGION];
        new Random(5).nextBytes(rnd);
        System.arraycopy(rnd, 0, b, 2 * REGION, REGION);
        java.util.Arrays.fill(b, 3 * REGION, 4 * REGION, (byte) 0xFF);
        return b;
    }

    static void await(FxRobot robot, String what, BooleanSupplier cond) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] ok = new boolean[1];
            robot.interact(() -> ok[0] = cond.getAsBoolean());
            if (ok[0]) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            robot.sleep(20);
        }
    }

    private Path openRegions(FxRobot robot) throws Exception {
        return openRegions(robot, REGION);
    }

    private Path openRegions(FxRobot robot, int region) throws Exception {
        Path file = dir.resolve("regions.bin");
        Files.write(file, regions(region));
        OpenData.open(robot, pane, file);
        await(robot, "the strip's map", () -> pane.byteMap.map() != null);
        return file;
    }

    @Test
    void theStripShowsTheFourRegionsWhereTheyAreInTheirClassColours(FxRobot robot) throws Exception {
        openRegions(robot);
        ByteMapStrip strip = pane.byteMapStrip;
        ByteMap m = pane.byteMap.map();
        assertEquals(4 * REGION, m.length());
        assertEquals(1024, m.blocks(), "blocks of 1 KiB over a 1 MiB file: " + m.blocks());
        WritableImage[] shot = new WritableImage[1];
        double[] h = new double[1];
        robot.interact(() -> {
            shot[0] = strip.snapshot(null, null);
            h[0] = strip.getHeight();
        });
        for (int r = 0; r < 4; r++) {
            long mid = (long) r * REGION + REGION / 2;
            int b = m.blockAt(mid);
            assertEquals(ORDER[r], m.dominant(b), "region " + r + " at 0x" + Long.toHexString(mid));
            // Random bytes are about 38 % printable, so only the others are pure.
            assertEquals(1.0, m.fraction(b, ORDER[r]), ORDER[r] == ByteClass.OTHER ? 0.45 : 0, "region " + r + "'s share");
            // Below the visible-window frame, in the middle of the strip's width: the class colour.
            int y = (int) Math.round((double) mid / m.length() * h[0]);
            Color px = shot[0].getPixelReader().getColor((int) (ByteMapStrip.WIDTH / 2), y);
            assertClose(ByteMapColors.of(ORDER[r]), px, "strip pixel of region " + r);
        }
        assertEquals(0.0, m.entropy(m.blockAt(REGION / 2)), 0.0, "zeros: 0 bits");
        assertTrue(m.entropy(m.blockAt(2L * REGION + REGION / 2)) > 7.5, "random bytes: near 8 bits");
        double text = m.entropy(m.blockAt(REGION + REGION / 2));
        assertTrue(text > 3 && text < 5, "text: " + text);

        // By entropy: the random region is drawn in the ramp's colour of its entropy.
        robot.interact(() -> pane.byteMap.byEntropy.set(true));
        robot.interact(() -> shot[0] = strip.snapshot(null, null));
        long mid = 2L * REGION + REGION / 2;
        int y = (int) Math.round((double) mid / m.length() * h[0]);
        assertClose(ByteMapColors.entropy(m.entropy(m.blockAt(mid))),
                shot[0].getPixelReader().getColor((int) (ByteMapStrip.WIDTH / 2), y), "entropy colour");
    }

    static void assertClose(Color want, Color got, String what) {
        double d = Math.abs(want.getRed() - got.getRed()) + Math.abs(want.getGreen() - got.getGreen())
                + Math.abs(want.getBlue() - got.getBlue());
        assertTrue(d < 0.12, what + ": want " + want + ", got " + got);
    }

    @Test
    void aPressOnTheStripMovesTheHexViewThereAndDraggingFollows(FxRobot robot) throws Exception {
        openRegions(robot);
        HexViewModel hex = pane.model;
        assertEquals(0, hex.topRow.get());
        ByteMapStrip strip = pane.byteMapStrip;
        Point2D[] at = new Point2D[2];
        robot.interact(() -> {
            at[0] = strip.localToScreen(ByteMapStrip.WIDTH / 2, strip.getHeight() * 0.625); // the random region
            at[1] = strip.localToScreen(ByteMapStrip.WIDTH / 2, strip.getHeight() * 0.875); // the 0xFF region
        });
        robot.clickOn(at[0]);
        WaitForAsyncUtils.waitForFxEvents();
        long want = (long) (0.625 * 4 * REGION);
        double[] h = new double[1];
        robot.interact(() -> h[0] = strip.getHeight());
        // A pixel of the strip is about 1.5 KiB of this file: the press lands within two of them.
        assertTrue(Math.abs(hex.caret() - want) <= 2 * 4 * REGION / h[0], "the caret went there: 0x"
                + Long.toHexString(hex.caret()) + ", not 0x" + Long.toHexString(want));
        long first = hex.topRow.get() * hex.bytesPerRow.get();
        long last = first + (long) hex.visibleRows() * hex.bytesPerRow.get();
        assertTrue(first <= hex.caret() && hex.caret() < last, "the caret's row is on screen: rows from 0x"
                + Long.toHexString(first) + " to 0x" + Long.toHexString(last));
        byte b = pane.model.source.get().segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, hex.caret());
        assertEquals(ByteClass.OTHER, ByteClass.of(b) == ByteClass.TEXT ? ByteClass.OTHER : ByteClass.of(b),
                "the caret is in the random bytes");

        robot.drag(at[0]).dropTo(at[1]);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((byte) 0xFF, pane.model.source.get().segment().get(java.lang.foreign.ValueLayout.JAVA_BYTE, hex.caret()),
                "dragged into the 0xFF region");
        assertTrue(hex.caret() >= 3L * REGION);
    }

    @Test
    void theHistogramOfAMouseSelectionEqualsPythonsCount(FxRobot robot) throws Exception {
        Path file = openRegions(robot);
        robot.interact(() -> pane.showPane("histogram"));
        await(robot, "the whole file's histogram", () -> pane.byteMap.histogram.get() != null);
        ByteMapViewModel.Histogram whole = pane.byteMap.histogram.get();
        assertTrue(whole.wholeFile(), "only the caret set: the whole file");
        assertEquals(4 * REGION, whole.length());
        assertTrue(whole.count(0) >= REGION && whole.count(0xFF) >= REGION, "the zero and 0xFF regions, and random ones");

        // A selection made with the mouse: from the 3rd byte of row 2 to the 11th of row 9.
        robot.interact(() -> pane.model.setTopRow(REGION / 16 - 4)); // the text region starts on row 4
        Point2D[] p = new Point2D[2];
        long a = (REGION / 16 - 4 + 2) * 16L + 3;
        long z = (REGION / 16 - 4 + 9) * 16L + 11;
        robot.interact(() -> {
            p[0] = pane.hexView.localToScreen(pane.hexView.pointOf(a, HexViewModel.Pane.HEX));
            p[1] = pane.hexView.localToScreen(pane.hexView.pointOf(z, HexViewModel.Pane.HEX));
        });
        robot.drag(p[0]).dropTo(p[1]);
        await(robot, "the selection's histogram", () -> {
            var h = pane.byteMap.histogram.get();
            return h != null && !h.wholeFile();
        });
        ByteMapViewModel.Histogram h = pane.byteMap.histogram.get();
        assertEquals(a, h.offset());
        assertEquals(z - a + 1, h.length());
        assertEquals(h.offset(), pane.model.selectionStart());
        Process py = new ProcessBuilder("python3", "-c", """
                import sys
                d = open(sys.argv[1], 'rb').read()[int(sys.argv[2]):int(sys.argv[2]) + int(sys.argv[3])]
                print(' '.join(str(d.count(b)) for b in range(256)))
                """, file.toString(), Long.toString(h.offset()), Long.toString(h.length())).start();
        String[] counts = new String(py.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip().split(" ");
        assertEquals(0, py.waitFor());
        for (int v = 0; v < 256; v++) {
            assertEquals(Long.parseLong(counts[v]), h.count(v), "count of 0x" + Integer.toHexString(v));
        }
        assertTrue(pane.histogramView.summaryLabel.getText().startsWith(String.format("Selection 0x%X–0x%X", a, z)),
                pane.histogramView.summaryLabel.getText());
    }

    @Test
    void theLargerMapZoomsIntoADraggedRangeAndAClickGoesThere(FxRobot robot) throws Exception {
        openRegions(robot, 4 * REGION); // 4 MiB: blocks of a few KiB over the whole, of 1 KiB zoomed in
        ByteMapView[] view = new ByteMapView[1];
        robot.interact(() -> view[0] = pane.openByteMap());
        await(robot, "the larger map", () -> view[0].map() != null);
        ByteMap m = view[0].map();
        assertEquals(0, m.offset());
        assertEquals(16 * REGION, m.length());
        assertTrue(m.blocks() > 500, "about two blocks per pixel column: " + m.blocks());

        // Drag over the middle half of the plot: the random and text regions, mapped afresh in more detail.
        Point2D[] p = new Point2D[3];
        robot.interact(() -> {
            var c = view[0].lookup(".canvas") == null ? view[0].getCenter() : view[0].getCenter();
            double w = c.getLayoutBounds().getWidth();
            double hh = c.getLayoutBounds().getHeight();
            double left = 52;
            double pw = w - left - 12;
            p[0] = c.localToScreen(left + pw * 0.30, hh * 0.4);
            p[1] = c.localToScreen(left + pw * 0.70, hh * 0.4);
        });
        robot.drag(p[0]).dropTo(p[1]);
        await(robot, "the zoomed map", () -> view[0].map() != null && view[0].map() != m);
        ByteMap z = view[0].map();
        assertTrue(z.offset() > 0.25 * m.length() && z.offset() < 0.35 * m.length(), "from 0x" + Long.toHexString(z.offset()));
        assertTrue(z.length() < 0.45 * m.length(), z.length() + " bytes");
        assertTrue(z.blockSize() < m.blockSize(), "finer blocks after zooming in");
        robot.interact(() -> {
            var c = view[0].getCenter();
            double w = c.getLayoutBounds().getWidth();
            double left = 52;
            double pw = w - left - 12;
            p[2] = c.localToScreen(left + pw * 0.9, c.getLayoutBounds().getHeight() * 0.4);
        });
        robot.clickOn(p[2]);
        WaitForAsyncUtils.waitForFxEvents();
        long want = z.offset() + (long) (0.9 * z.length());
        assertTrue(Math.abs(pane.model.caret() - want) <= z.blockSize() + z.length() / 400,
                "the caret went to about 0x" + Long.toHexString(want) + ": 0x" + Long.toHexString(pane.model.caret()));
        robot.interact(() -> ((Stage) view[0].getScene().getWindow()).close());
    }

    @Test
    void aFileOverTheAutomaticSizeWaitsForAPressThenMaps(FxRobot robot) throws Exception {
        long size = ByteMapViewModel.AUTO_MAX + 4096;
        Path file = dir.resolve("big.bin");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(size);
            f.seek(size - 3);
            f.write(new byte[] {'E', 'N', 'D'});
        }
        long before = pane.byteMap.scans();
        OpenData.open(robot, pane, file);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, pane.byteMap.scans(), "opening did not start a scan");
        assertTrue(pane.byteMap.waiting());
        assertTrue(pane.byteMap.strip.get().message().contains("press the strip"), pane.byteMap.strip.get().message());
        ByteMapStrip strip = pane.byteMapStrip;
        Point2D[] at = new Point2D[1];
        robot.interact(() -> at[0] = strip.localToScreen(ByteMapStrip.WIDTH / 2, strip.getHeight() / 2));
        robot.clickOn(at[0]);
        assertEquals(0, pane.model.caret(), "the press started the map instead of moving");
        await(robot, "the big file's map", () -> pane.byteMap.map() != null);
        ByteMap m = pane.byteMap.map();
        assertEquals(size, m.length());
        assertEquals(ByteMapViewModel.STRIP_BLOCKS, m.blocks());
        int last = m.blocks() - 1;
        assertEquals(3, m.count(last, ByteClass.TEXT), "the three letters at the end");
        assertEquals(m.blockLength(last) - 3, m.count(last, ByteClass.ZERO));
    }
}
