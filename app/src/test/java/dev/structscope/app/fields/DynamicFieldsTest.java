package dev.structscope.app.fields;

import dev.structscope.app.hexview.Overlay;
import dev.structscope.app.hexview.HeaderReaders;
import dev.structscope.app.hexview.Py;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data side of dynamic layouts without a window: the record walk of the record table, the
 * decoded record the tree, overlay and selection share, following an integer as an offset and
 * finding placed members by byte — all against Python reading the same sample files.
 */
class DynamicFieldsTest {
    @TempDir
    Path dir;

    private RecordReader reader(String data, String type) {
        return HeaderReaders.ofDynamicSample(dir, data, type);
    }

    private static TreeItem<FieldRow> child(TreeItem<FieldRow> item, String name) {
        return item.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theWalkFindsEveryPcapRecordWherePythonDoes() throws Exception {
        RecordReader r = reader("packets.pcap", "PcapRecord");
        Path file = dir.resolve("packets.pcap");
        List<Long> truth = Py.overBytes(dir, file, """
                at = 24
                while at < len(d):
                    print(at)
                    at += 16 + struct.unpack_from('<I', d, at + 8)[0]
                """).stream().map(Long::parseLong).toList();
        try (DataSource src = Sources.open(file)) {
            long[] reported = {-1};
            RecordWalk.Result all = RecordWalk.walk(src, r, 24, RecordWalk.MAX_RECORDS, done -> reported[0] = done,
                    () -> false);
            assertEquals(truth.size(), all.count());
            for (int i = 0; i < truth.size(); i++) {
                assertEquals(truth.get(i), all.start(i));
            }
            assertEquals(src.size(), all.end());
            assertEquals(src.size() - 24, reported[0], "the last progress report is the whole walk");
            assertNull(all.stop());

            RecordWalk.Result capped = RecordWalk.walk(src, r, 24, 5, d -> { }, () -> false);
            assertEquals(5, capped.count());
            assertTrue(capped.stop().contains("listing stops at 5 records"), capped.stop());
            assertEquals(truth.get(5), capped.end());

            RecordWalk.Result cancelled = RecordWalk.walk(src, r, 24, RecordWalk.MAX_RECORDS, d -> { }, () -> true);
            assertEquals(0, cancelled.count());
            assertTrue(cancelled.stop().startsWith("cancelled"), cancelled.stop());

            // The data ends inside the last record: the walk stops before it and says why.
            DataSource cut = new dev.structscope.io.source.InMemorySource("cut", src.slice(0, src.size() - 3));
            RecordWalk.Result partial = RecordWalk.walk(cut, r, 24, RecordWalk.MAX_RECORDS, d -> { }, () -> false);
            assertEquals(truth.size() - 1, partial.count());
            assertTrue(partial.stop().matches("[\\d,]+ trailing bytes at 0x[0-9A-F]+ are not a whole record: PcapRecord\\.data:"
                    + " count incl_len = \\d+ elements of 1 bytes at byte offset \\d+ runs past the end of the data \\(\\d+ bytes\\)"),
                    partial.stop());
        }
    }

    @Test
    void theElfRecordIsDecodedWithItsPlacedTablesAndIntegersCanBeFollowed() throws Exception {
        RecordReader r = reader("hello.elf", "ElfFile");
        Path file = dir.resolve("hello.elf");
        List<Long> truth = Py.overBytes(dir, file, """
                phoff, shoff = struct.unpack_from('<QQ', d, 0x20)
                phnum, shentsize, shnum = struct.unpack_from('<HHH', d, 0x38)
                print(phoff); print(shoff); print(phnum); print(shnum)
                print(struct.unpack_from('<Q', d, shoff + 64 + 0x18)[0])
                """).stream().map(Long::parseLong).toList();
        long phoff = truth.get(0);
        long shoff = truth.get(1);
        try (DataSource src = Sources.open(file)) {
            RecordAt at = RecordAt.decode(src, r, 0);
            assertTrue(at.ok(), at.error());
            assertEquals(64, at.size(), "the record's own bytes: the header (the tables are placed elsewhere)");
            FieldItem root = FieldItem.root(at.root(), src.segment(), 0, at.size());
            assertEquals(phoff, child(root, "ph").getValue().offset());
            assertEquals(truth.get(2), (long) child(root, "ph").getChildren().size());
            assertEquals(shoff, child(root, "sh").getValue().offset());
            assertEquals(truth.get(3), (long) child(root, "sh").getChildren().size());

            // A byte of a placed table is found from the root, though the root's own bytes end at 64.
            FieldItem hit = root.deepest(shoff + 64 + 0x18);
            assertEquals("sh_offset", hit.getValue().name());
            assertEquals(Long.toString(truth.get(4)), hit.getValue().value());

            // Following e_shoff gives the offset Python reads; a value outside the file gives nothing.
            FieldRow eShoff = child(child(root, "ehdr"), "e_shoff").getValue();
            assertEquals(shoff, FollowTarget.offsetOf(eShoff, src.segment(), src.size()).orElseThrow());
            assertTrue(FollowTarget.offsetOf(eShoff, src.segment(), shoff).isEmpty());
            assertTrue(FollowTarget.offsetOf(child(root, "sh").getValue(), src.segment(), src.size()).isEmpty(),
                    "an array is not an offset");

            // The overlay colours each member's real bytes, placed tables included.
            Overlay o = Overlay.ofInstance(at.root(), at.base(), at.size());
            assertEquals("ehdr", o.spanAt(10).label());
            assertEquals("ph", o.spanAt(phoff).label());
            assertEquals("sh", o.spanAt(shoff + 64 * 3 + 5).label());
            assertNull(o.spanAt(shoff - 1 > phoff + 56 * truth.get(2) ? shoff - 1 : -1));
        }
    }

    @Test
    void aTaggedUnionShowsItsChosenAlternativeAndBadDataSaysWhereInPlace() throws Exception {
        RecordReader r = reader("chunks.wav", "WavFile");
        try (DataSource src = Sources.open(dir.resolve("chunks.wav"))) {
            RecordAt at = RecordAt.decode(src, r, 0);
            assertTrue(at.ok(), at.error());
            FieldItem root = FieldItem.root(at.root(), src.segment(), 0, at.size());
            TreeItem<FieldRow> first = child(root, "chunks").getChildren().getFirst();
            assertEquals("⇒ fmt", child(first, "body").getValue().value());
            assertEquals(List.of("fmt"), child(first, "body").getChildren().stream().map(c -> c.getValue().name()).toList());
        }
        // A capture cut short: the tree shows the records that are whole, and the view model says,
        // as decode warns, that the rest is not a whole record (the tree alone said nothing).
        RecordReader pcap = reader("packets.pcap", "PcapFile");
        Path cut = dir.resolve("cut.pcap");
        java.nio.file.Files.write(cut, java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(dir.resolve("packets.pcap")), 1000));
        try (DataSource src = Sources.open(cut)) {
            FieldsViewModel vm = new FieldsViewModel(new dev.structscope.app.common.TaskRunner(Runnable::run, Runnable::run, Runnable::run));
            vm.show(src, pcap, 0);
            assertNotNull(vm.root.get());
            assertEquals("PcapFile.recs[1]: the last 885 bytes, from byte offset 115, are not a whole element"
                    + " (PcapFile.recs[1].data: count incl_len = 1042 elements of 1 bytes at byte offset 131 runs past"
                    + " the end of the data (1000 bytes))", vm.warning.get());
            vm.clear("gone");
            assertEquals("", vm.warning.get());
        }
        // Decoding at an offset where the data makes no sense: a message naming the offset, no exception.
        RecordReader elf = reader("hello.elf", "ElfFile");
        try (DataSource src = Sources.open(dir.resolve("hello.elf"))) {
            RecordAt bad = RecordAt.decode(src, elf, src.size() - 80);
            assertNull(bad.root());
            assertNotNull(bad.error());
            assertTrue(bad.error().contains("byte offset"), bad.error());
        }
    }
}
