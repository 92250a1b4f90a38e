package dev.structscope.app.plot;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.series.Bucket;
import dev.structscope.io.series.SeriesResult;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plot's view model over ticks whose {@code id} is {@code 7i} (so a bucket's figures follow
 * from its records), with a runner that runs work and delivers results at once: members, zoom
 * (clamped, re-decimated), a member that is no scalar refused in place, a click passed on, and
 * the picture drawn from the buckets (a record's pixel column maps back to the record).
 */
class PlotViewModelTest {
    static final int N = 3000;
    DataSource source;
    PlotViewModel vm;
    final List<Long> selected = new ArrayList<>();

    @BeforeEach
    void ticks() {
        var layout = LayoutEngine.layout("Tick", DemoTypes.library(), Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate((int) plan.recordSize() * N).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < N; i++) {
            b.putLong(i * 56, 1_700_000_000_000L + 1000L * i);
            b.putInt(i * 56 + 8, 7 * i);
            b.putFloat(i * 56 + 12, i % 2 == 0 ? Float.NaN : 1.5f);
        }
        source = Sources.of("ticks", b.array());
        vm = new PlotViewModel(new TaskRunner(Runnable::run, Runnable::run, Runnable::run), source, plan, 0);
        vm.setOnSelect(selected::add);
    }

    @AfterEach
    void close() {
        source.close();
    }

    private static void assertSevens(SeriesResult s) {
        long next = s.from();
        for (Bucket k : s.buckets()) {
            assertEquals(next, k.first());
            assertEquals(7 * k.first(), Long.parseLong(k.min()));
            assertEquals(7 * (k.first() + k.count() - 1), Long.parseLong(k.max()));
            next += k.count();
        }
        assertEquals(s.to(), next);
    }

    @Test
    void aBigRangeShowsAPictureFromSamplesFirstThenTheExactOne() {
        int n = 300_000;
        var layout = LayoutEngine.layout("Tick", DemoTypes.library(), Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate((int) plan.recordSize() * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putInt(i * 56 + 8, 7 * i);
        }
        try (DataSource big = Sources.of("many ticks", b.array())) {
            PlotViewModel p = new PlotViewModel(new TaskRunner(Runnable::run, Runnable::run, Runnable::run), big, plan, 0);
            p.previewAbove(1 << 20); // 16 MiB of records here: a preview is due
            List<List<SeriesResult>> shown = new ArrayList<>();
            List<String> said = new ArrayList<>();
            p.series.addListener((o, a, now) -> {
                shown.add(now);
                said.add(p.status.message.get());
            });
            p.addMember("id");
            assertEquals(2, shown.size(), "a first look, then the exact series");
            SeriesResult first = shown.get(0).getFirst();
            SeriesResult exact = shown.get(1).getFirst();
            assertEquals(PlotViewModel.BUCKETS, first.buckets().size());
            assertEquals(exact.buckets().size(), first.buckets().size());
            for (int i = 0; i < first.buckets().size(); i++) {
                Bucket s = first.buckets().get(i);
                Bucket e = exact.buckets().get(i);
                assertEquals(e.first(), s.first(), "the same bucket " + i);
                assertEquals(e.count(), s.count(), "drawn where the exact one will be");
                assertEquals(PlotViewModel.PREVIEW_SAMPLE, s.values(), "from its first records");
                assertEquals(7 * s.first(), Long.parseLong(s.min()));
                assertEquals(7 * (s.first() + PlotViewModel.PREVIEW_SAMPLE - 1), Long.parseLong(s.max()));
                assertEquals(7 * (e.first() + e.count() - 1), Long.parseLong(e.max()));
            }
            assertSevens(exact);
            assertTrue(said.getFirst().startsWith("a first look"), said.getFirst());
            assertEquals("records 0–299,999 of 300,000", p.status.message.get());
        }
    }

    @Test
    void dynamicPcapRecordsPlotAsPythonReadsThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var reader = dev.structscope.app.hexview.HeaderReaders.ofDynamicSample(dir, "packets.pcap", "PcapRecord");
        java.nio.file.Path file = dir.resolve("packets.pcap");
        // Every packet's orig_len, in order, as Python reads the file.
        List<Long> lens = dev.structscope.app.hexview.Py.overBytes(dir, file, """
                at = 24
                while at < len(d):
                    incl, orig = struct.unpack_from('<II', d, at + 8)
                    print(orig)
                    at += 16 + incl
                """).stream().map(Long::parseLong).toList();
        try (DataSource pcap = Sources.open(file)) {
            PlotViewModel p = new PlotViewModel(new TaskRunner(Runnable::run, Runnable::run, Runnable::run), pcap, reader, 24);
            p.addMember("orig_len");
            SeriesResult s = p.series.get().getFirst();
            assertEquals(lens.size(), s.records());
            for (Bucket k : s.buckets()) {
                var part = lens.subList((int) k.first(), (int) (k.first() + k.count()));
                assertEquals(java.util.Collections.min(part), Long.parseLong(k.min()), "bucket at " + k.first());
                assertEquals(java.util.Collections.max(part), Long.parseLong(k.max()), "bucket at " + k.first());
                assertEquals(part.stream().mapToLong(Long::longValue).average().orElseThrow(), k.mean(), 1e-9);
            }
        }
    }

    @Test
    void addingAMemberDecimatesEveryRecord() {
        vm.addMember("id");
        SeriesResult s = vm.series.get().getFirst();
        assertEquals(N, s.records());
        assertEquals(N, vm.total.get());
        assertEquals(Math.min(N, PlotViewModel.BUCKETS), s.buckets().size());
        assertSevens(s);
        assertEquals("records 0–2,999 of 3,000", vm.status.message.get());
    }

    @Test
    void zoomIsClampedAndDecimatesThatRangeOnly() {
        vm.addMember("id");
        vm.zoom(1000, 1100);
        SeriesResult s = vm.series.get().getFirst();
        assertEquals(1000, s.from());
        assertEquals(1100, s.to());
        assertEquals(100, s.buckets().size());
        assertSevens(s);
        vm.zoom(-50, 99_999);
        assertEquals(0, vm.series.get().getFirst().from());
        assertEquals(N, vm.series.get().getFirst().to());
        vm.zoom(10, 10);
        assertEquals(1, vm.series.get().getFirst().records(), "at least one record");
        vm.zoomBy(0.5, 1500);
        vm.resetZoom();
        vm.zoomBy(0.5, 1500);
        SeriesResult half = vm.series.get().getFirst();
        assertEquals(N / 2, half.records());
        assertTrue(half.from() <= 1500 && half.to() > 1500);
    }

    @Test
    void aMemberThatIsNotOneScalarIsRefusedInPlace() {
        vm.addMember("id");
        vm.addMember("samples");
        assertEquals(List.of("id"), vm.members());
        assertTrue(vm.status.message.get().contains("array"), vm.status.message.get());
        vm.addMember("no such thing!");
        assertEquals(List.of("id"), vm.members());
        assertEquals(1, vm.series.get().size());
    }

    @Test
    void nanOnlyBucketsLeaveGapsAndAClickIsPassedOn() {
        vm.addMember("price");
        vm.zoom(0, 40);
        SeriesResult s = vm.series.get().getFirst();
        assertEquals(40, s.buckets().size());
        // Even records are NaN: every other bucket has no number and breaks the band and the line.
        assertTrue(!s.buckets().get(0).hasValues() && s.buckets().get(1).hasValues());
        assertEquals(1, s.buckets().get(0).nan());
        PlotScene scene = PlotRenderer.render(vm.series.get(), 800, 300, PlotRenderer.Style.LIGHT, 5);
        long bands = scene.shapes().stream().filter(x -> x instanceof PlotScene.Polygon).count();
        assertEquals(20, bands, "one band per run of buckets with numbers");
        PlotViewport vp = PlotRenderer.viewport(vm.series.get(), 800, 300);
        for (long r = 0; r < 40; r++) {
            assertEquals(r, vp.recordAt(vp.px(r + 0.5)), "record " + r + " maps to its column and back");
        }
        vm.select(vp.recordAt(vp.px(17.5)));
        assertEquals(List.of(17L), selected);
        assertEquals(17, vm.selected.get());
    }

    @Test
    void aTimeMemberLabelsTheXAxisInUtc() {
        vm.addMember("id");
        vm.setTimeMember("ts", null);
        TimeAxis t = vm.time.get();
        assertEquals(TimeAxis.Unit.MS, t.unit(), "milliseconds guessed from the size");
        assertEquals(vm.series.get().getFirst().buckets().size(), t.times().buckets().size());
        PlotScene scene = PlotRenderer.render(vm.series.get(), t, 800, 300, PlotRenderer.Style.LIGHT, -1);
        List<String> texts = scene.shapes().stream().filter(x -> x instanceof PlotScene.Text).map(x -> ((PlotScene.Text) x).text()).toList();
        // Record 0 is the first tick: 1,700,000,000,000 ms, as java.time prints it (3,000 s in all: to the second).
        String first = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").withZone(java.time.ZoneOffset.UTC)
                .format(java.time.Instant.ofEpochMilli(1_700_000_000_000L));
        assertTrue(texts.contains(first), first + " in " + texts);
        assertTrue(texts.stream().anyMatch(x -> x.startsWith("time (UTC, from 2023-11-14) by ts in ms")), texts.toString());
        vm.setTimeMember("sym", null);
        assertEquals(null, vm.time.get(), "a string is no time: back to record index");
        assertEquals(List.of("id"), vm.members());
    }
}
