package dev.structscope.tests.hexview;

import dev.structscope.app.fields.RecordTable;
import dev.structscope.app.hexview.HexPane;
import dev.structscope.app.plot.PlotView;
import dev.structscope.app.plot.PlotViewport;
import dev.structscope.io.series.Bucket;
import dev.structscope.io.series.SeriesResult;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot of a record table column: opened from a row's context menu over ticks gcc wrote
 * (tick i has {@code id = 3i − 100} and {@code samples[2] = 100i + 2}, so every bucket's
 * min/max/mean follows from its records), a second member added, a drag that zooms into a
 * range and decimates just that range, and a click that selects the record under the pointer in
 * the table and its bytes in the hex view.
 */
class PlotGuiTest extends FxRobot {
    static final int N = 5000;
    static final int SIZE = 56;

    @TempDir
    Path dir;
    HexPane pane;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** A hex pane of its own before every test (the outer class's set-up also runs for the nested situations). */
    @BeforeEach
    void start() throws Exception {
        FxToolkit.setupStage(stage -> {
            pane = HexPaneGuiBase.withDemoTypes(new HexPane());
            HexPaneGuiBase.show(stage, pane);
            stage.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void dispose() throws Exception {
        interact(() -> pane.dispose());
        FxToolkit.cleanupStages();
    }

    /** The table of {@link #N} gcc ticks, with a plot of {@code id} opened from row 5's menu. */
    private PlotView openPlot() throws Exception {
        Path file = dir.resolve("ticks.bin");
        Gcc.ticks(dir, file, N, 0);
        OpenData.open(this, pane, file);
        interact(() -> {
            pane.overlayBar.choose("Tick", "0", true);
        });
        RecordTable table = pane.recordTable;
        assertEquals(N, table.recordCount());
        interact(() -> table.table.scrollTo(5));
        WaitForAsyncUtils.waitForFxEvents();
        rightClickOn(cell(this, table, 5, "id"));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(menuText(this, "Plot id"));
        PlotView plot = table.plotView();
        assertNotNull(plot, "the plot opens under the rows");
        awaitPlot(plot, 1);
        return plot;
    }

    private static void awaitPlot(PlotView plot, int members) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !plot.model.status.running.get()
                && plot.model.series.get().size() == members);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every bucket of {@code s} against the values gcc wrote: {@code a·i + b} for tick i. */
    private static void assertLinear(SeriesResult s, long a, long b) {
        long expectFirst = s.from();
        for (Bucket k : s.buckets()) {
            assertEquals(expectFirst, k.first(), "buckets tile the range");
            long lo = k.first();
            long hi = k.first() + k.count() - 1;
            assertEquals(a * lo + b, Long.parseLong(k.min()), s.member() + " bucket at " + lo);
            assertEquals(a * hi + b, Long.parseLong(k.max()), s.member() + " bucket at " + lo);
            assertEquals(a * (lo + hi) / 2.0 + b, k.mean(), 1e-9, s.member() + " bucket at " + lo);
            expectFirst += k.count();
        }
        assertEquals(s.to(), expectFirst);
    }

    @Nested
    class FromTheRowMenu {
        @Test
        void theBucketsHoldEachRangesMinMaxAndMean() throws Exception {
            PlotView plot = openPlot();
            SeriesResult id = plot.model.series.get().getFirst();
            assertEquals("id", id.member());
            assertEquals(N, id.records());
            assertEquals(N, id.total());
            assertEquals(Math.min(N, 2000), id.buckets().size());
            assertLinear(id, 3, -100);

            interact(() -> plot.model.addMember("samples[2]"));
            awaitPlot(plot, 2);
            List<SeriesResult> both = plot.model.series.get();
            assertEquals("samples[2]", both.get(1).member());
            assertLinear(both.get(1), 100, 2);

            // A member that is not one scalar is refused in place, and the plot keeps the others.
            interact(() -> plot.model.addMember("sym"));
            awaitPlot(plot, 2);
            assertTrue(plot.model.status.message.get().contains("string"), plot.model.status.message.get());
            assertEquals(List.of("id", "samples[2]"), plot.model.members());
        }

        @Test
        void aClickSelectsThatRecordInTheTableAndItsBytes() throws Exception {
            PlotView plot = openPlot();
            PlotViewport vp = plot.viewport();
            assertNotNull(vp);
            long record = 3210;
            Point2D at = plot.canvas.localToScreen(vp.px(record + 0.5), (vp.top() + vp.bottom()) / 2);
            moveTo(at).clickOn(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            long picked = plot.model.selected.get();
            // A pixel column spans a record or two of 5,000 over about 1,200 pixels.
            assertTrue(Math.abs(picked - record) <= 5, "picked " + picked);
            RecordTable table = pane.recordTable;
            int row = table.table.getSelectionModel().getSelectedIndex();
            assertEquals(picked, table.firstRecord() + row, "the table selects the record");
            assertEquals(picked * SIZE, pane.model.selectionStart(), "the hex view selects its bytes");
            assertEquals(SIZE, pane.model.selectionLength());
        }

        @Test
        void aDragZoomsIntoThoseRecordsAndDecimatesThemAgain() throws Exception {
            PlotView plot = openPlot();
            PlotViewport vp = plot.viewport();
            Point2D a = plot.canvas.localToScreen(vp.px(1000), (vp.top() + vp.bottom()) / 2);
            Point2D b = plot.canvas.localToScreen(vp.px(1600), (vp.top() + vp.bottom()) / 2);
            drag(a, MouseButton.PRIMARY).moveTo(b).release(MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents();
            awaitPlot(plot, 1);
            SeriesResult zoomed = plot.model.series.get().getFirst();
            assertTrue(Math.abs(zoomed.from() - 1000) <= 8 && Math.abs(zoomed.to() - 1600) <= 8,
                    "zoomed to " + zoomed.from() + ".." + zoomed.to());
            assertEquals(N, zoomed.total());
            // Fewer records than buckets: one bucket per record, each its own value.
            assertEquals(zoomed.records(), zoomed.buckets().size());
            assertLinear(zoomed, 3, -100);

            clickOn("#plot-reset-zoom");
            awaitPlot(plot, 1);
            assertEquals(N, plot.model.series.get().getFirst().records());
        }
    }

    private static Node cell(FxRobot robot, RecordTable table, int row, String column) {
        for (Node n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableView() == table.table && c.getIndex() == row
                    && c.getTableColumn() != null && c.getTableColumn().getGraphic() instanceof javafx.scene.control.Label l
                    && l.getText().equals(column)) {
                return n;
            }
        }
        throw new AssertionError("no cell " + row + "/" + column);
    }

    /** A context menu's item once it shows (menus open a pulse or two after the click). */
    private static Node menuText(FxRobot robot, String text) {
        for (int i = 0; i < 80; i++) {
            var hit = robot.lookup(n -> n instanceof javafx.scene.control.Labeled l && text.equals(l.getText()) && n.isVisible())
                    .tryQuery();
            if (hit.isPresent()) {
                return hit.get();
            }
            robot.sleep(25);
        }
        throw new AssertionError("no menu item " + text);
    }
}
