package dev.structscope.tests.gui;

import dev.structscope.app.fields.Columns;
import dev.structscope.app.live.LivePlots;
import dev.structscope.app.live.LiveViewModel;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.net.live.LiveSource;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live plots against a real Python sender on loopback: Python sends a known number of ctypes
 * Points (x = i, y = -i, z = 1.5 i) as UDP datagrams, and the plots' ring holds exactly that many
 * messages and bytes, the member plot's points hold every x with Python's min, max and sum, and
 * the charts on the Plots tab are fed a bounded number of points.
 */
class LivePlotsGuiTest extends LiveGuiBase {
    static final int COUNT = 400;

    @BeforeEach
    void points() {
        Assumptions.assumeTrue(LivePeer.available(), "python3 with multiprocessing and ctypes is needed");
    }

    private LiveViewModel.Decoding point() {
        TypeLibrary lib = HeaderImporter.importText(LiveGuiTest.POINT, "point.h", HeaderImporter.Options.defaults());
        RecordLayout layout = LayoutEngine.layout("Point", lib, Abis.X86_64_LINUX);
        return new LiveViewModel.Decoding("Point", layout, Abis.X86_64_LINUX,
                DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN));
    }

    @Test
    void ratesAndTheMemberPlotHoldWhatPythonSent() throws Exception {
        LiveViewModel.Decoding d = point();
        interact(() -> {
            window.live.show();
            live().connect(new LiveSource.Udp("127.0.0.1", 0), d);
            window.live.view.showPlots();
        });
        awaitFx("bound", () -> live().session.get().boundPort() > 0);
        Columns.Leaf x = window.live.view.plots.memberBox.getItems().stream()
                .filter(l -> l.path().equals("x")).findFirst().orElseThrow();
        interact(() -> window.live.view.plots.memberBox.setValue(x));
        LivePlots plots = live().plots;
        try (LivePeer py = new LivePeer("udp", Integer.toString(live().session.get().boundPort()), Integer.toString(COUNT))) {
            assertEquals("SENT " + COUNT, py.line());
            awaitFx(COUNT + " messages in the plots", () -> plots.messages(120) == COUNT);
        }
        long[] got = new long[3];
        List<LivePlots.ValuePoint>[] pts = new List[1];
        interact(() -> {
            got[0] = plots.messages(120);
            got[1] = plots.bytes(120);
            got[2] = plots.values(120);
            pts[0] = plots.member(120);
        });
        assertEquals(COUNT, got[0], "messages");
        assertEquals(16L * COUNT, got[1], "bytes: 16 per ctypes Point");
        assertEquals(COUNT, got[2], "every message's x was read");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        for (LivePlots.ValuePoint p : pts[0]) {
            min = Math.min(min, p.min());
            max = Math.max(max, p.max());
            sum += p.mean() * p.count();
            n += p.count();
            assertTrue(p.t() <= 0 && p.t() >= -120, "within the window: " + p.t());
        }
        assertEquals(COUNT, n);
        assertEquals(0, min);
        assertEquals(COUNT - 1, max);
        assertEquals((double) COUNT * (COUNT - 1) / 2, sum, 1e-6, "Python's sum of x");
        assertTrue(pts[0].size() <= LivePlots.MAX_POINTS);

        // The charts show them while the tab is up; the rates' points are at most MAX_POINTS.
        awaitFx("the charts", () -> !window.live.view.plots.messagesChart.getData().getFirst().getData().isEmpty()
                && !window.live.view.plots.memberChart.getData().get(1).getData().isEmpty());
        interact(() -> {
            int points = window.live.view.plots.messagesChart.getData().getFirst().getData().size();
            assertTrue(points > 0 && points <= LivePlots.MAX_POINTS, points + " points");
            double total = 0;
            for (LivePlots.RatePoint r : plots.rates(120)) {
                assertTrue(r.messagesPerSecond() >= 0);
                total += r.messagesPerSecond();
            }
            assertTrue(total > 0, "a rate was drawn");
        });
        interact(() -> live().disconnect());
    }

    @Test
    void theRingIsBoundedAndMergesUpdatesIntoAtMostMaxPoints() {
        LivePlots p = new LivePlots();
        long t = 0;
        long total = 0;
        for (int i = 0; i < 5 * LivePlots.CAPACITY; i++) {
            t += 100_000_000L;
            total += 7;
            p.sample(t, total, total * 10, List.of());
        }
        assertEquals(LivePlots.CAPACITY, p.updates(), "two minutes kept, not more");
        assertEquals(7L * LivePlots.CAPACITY, p.messages(1e9), "the kept updates' messages");
        List<LivePlots.RatePoint> r = p.rates(120);
        assertFalse(r.isEmpty());
        assertTrue(r.size() <= LivePlots.MAX_POINTS, r.size() + " points");
        for (LivePlots.RatePoint q : r) {
            assertEquals(70, q.messagesPerSecond(), 1e-9, "7 per 0.1 s");
            assertEquals(700, q.bytesPerSecond(), 1e-9);
        }
        assertEquals(77, p.messages(1.0), "the last second: the update at its start and the ten after");
    }
}
