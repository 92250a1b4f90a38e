package dev.structscope.tests.hexview;

import dev.structscope.app.fields.FieldRow;
import dev.structscope.app.fields.RecordWalk;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import javafx.scene.control.TableCell;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The record table over dynamic records: the pcap sample's PcapRecords from offset 24, each as long
 * as its incl_len, found in the background; the rows, the sizes and the selected record's bytes
 * equal what tshark reads from the same file.
 */
class DynamicRecordTableGuiTest extends HexPaneGuiBase {
    @Test
    void pcapRecordsAsTshark(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/tshark")), "tshark is not installed");
        Sample s = Samples.byData("packets.pcap");
        Path data = Samples.extract(s, dir);
        RecordWalk.Result walk = walkAsTable(robot, s, data, "PcapRecord", "24");
        assertNotNull(walk);
        assertNull(walk.stop(), "the last record ends at the end of the file");

        List<String[]> truth = Gcc.run(dir, List.of("tshark", "-r", data.toString(), "-T", "fields",
                "-e", "frame.cap_len", "-e", "frame.len")).lines().filter(l -> l.matches("\\d+\\t\\d+"))
                .map(l -> l.split("\t")).toList();
        assertEquals(truth.size(), pane.recordTable.recordCount());
        assertEquals(truth.size(), pane.recordTable.table.getItems().size());
        long at = 24;
        for (int i = 0; i < truth.size(); i++) {
            long capLen = Long.parseLong(truth.get(i)[0]);
            assertEquals(at, walk.start(i), "record " + i + " start");
            assertEquals(16 + capLen, walk.size(i), "record " + i + " size");
            at += 16 + capLen;
        }
        // The cells show each record's own members.
        robot.interact(() -> pane.recordTable.table.scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(truth.get(1)[1], cellText(robot, 1, "orig_len"));
        assertEquals(truth.get(1)[0], cellText(robot, 1, "incl_len"));

        // Selecting a row selects its bytes and decodes that record in the tree.
        robot.interact(() -> pane.recordTable.table.getSelectionModel().select(3));
        DecodedTree.await(robot, pane.fieldsView);
        assertEquals(walk.start(3), pane.model.selectionStart());
        assertEquals(walk.size(3), pane.model.selectionLength());
        TreeItem<FieldRow> root = pane.fieldsView.root();
        assertEquals(walk.start(3), root.getValue().offset());
        TreeItem<FieldRow> dataItem = root.getChildren().stream().filter(c -> c.getValue().name().equals("data"))
                .findFirst().orElseThrow();
        assertEquals("[" + truth.get(3)[0] + "]", dataItem.getValue().value());
        assertTrue(pane.model.overlay.get().spanAt(walk.start(3) + 16).label().equals("data"),
                "the overlay colours this record's own data bytes");

        // The caret entering another record in the bytes decodes that record.
        robot.interact(() -> pane.model.moveTo(walk.start(7) + 20, false));
        DecodedTree.await(robot, pane.fieldsView);
        assertEquals(walk.start(7), pane.fieldsView.root().getValue().offset());
        assertEquals(walk.size(7), pane.fieldsView.root().getValue().size());
    }

    /**
     * The whole-file ELF type walked as records: the walk stops at the third, whose counts come
     * from bytes that are no ELF header, and the line above the rows says why, wrapped within the
     * pane rather than cut ("14,200 trailing bytes at 0xC0 a…" at 1366×768 before).
     */
    @Test
    void aWalkThatStopsShortSaysWhyInAWholeLine(FxRobot robot) throws Exception {
        RecordWalk.Result walk = walkAsTable(robot, Samples.ELF, Samples.extract(Samples.ELF, dir), "ElfFile", "0");
        assertEquals(3, walk.count());
        assertTrue(walk.stop().startsWith("14,200 trailing bytes at 0xC0 are not a whole record: ElfFile.ph: count"
                + " ehdr.e_phnum = 4096 elements"), walk.stop());
        javafx.scene.control.Label info = robot.lookup("#record-info").queryAs(javafx.scene.control.Label.class);
        assertTrue(info.getText().endsWith(walk.stop()), info.getText());
        javafx.scene.text.Text shown = (javafx.scene.text.Text) info.lookup(".text");
        assertEquals(info.getText(), shown.getText(), "the line is shown whole, not cut with an ellipsis");
        assertTrue(info.getHeight() > 2 * info.getFont().getSize() && info.getWidth() <= pane.getWidth(),
                "wrapped within the pane: " + info.getWidth() + "×" + info.getHeight());
    }

    /** Opens {@code data} with its sample's header, shows {@code type} from {@code offset} as a table, and waits for the walk. */
    private RecordWalk.Result walkAsTable(FxRobot robot, Sample s, Path data, String type, String offset) {
        var lib = dev.structscope.io.headers.LocalHeaders.importFile(data.resolveSibling(s.header()),
                HeaderImporter.Options.defaults());
        OpenData.open(robot, pane, data);
        robot.interact(() -> {
            pane.setLibrary(lib, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
            pane.overlayBar.choose(type, offset, true);
        });
        var table = pane.recordTable.viewModel;
        for (int i = 0; i < 400 && table.walking(); i++) {
            robot.sleep(25);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.walking(), "the walk ends");
        return pane.recordTable.walk();
    }

    private String cellText(FxRobot robot, int row, String column) {
        for (var n : robot.lookup(".table-cell").queryAll()) {
            if (n instanceof TableCell<?, ?> c && c.getTableView() == pane.recordTable.table && c.getIndex() == row
                    && c.getTableColumn() != null && c.getTableColumn().getGraphic() instanceof javafx.scene.control.Label l
                    && l.getText().equals(column)) {
                return c.getText();
            }
        }
        throw new AssertionError("no cell " + row + "/" + column);
    }
}
