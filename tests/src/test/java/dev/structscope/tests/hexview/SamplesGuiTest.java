package dev.structscope.tests.hexview;

import dev.structscope.app.fields.FieldItem;
import dev.structscope.app.fields.FieldRow;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every bundled sample opened in the hex explorer with its own header, checked against python. */
class SamplesGuiTest extends HexPaneGuiBase {
    private FieldItem show(FxRobot robot, Sample s) {
        Path data = Samples.extract(s, dir);
        Path header = data.resolveSibling(s.header());
        assertEquals(true, Files.exists(header), "the header is extracted beside the data: " + header);
        var lib = dev.structscope.io.headers.LocalHeaders.importFile(header, HeaderImporter.Options.defaults());
        ByteOrder order = s.byteOrder().equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        OpenData.open(robot, pane, data);
        robot.interact(() -> {
            pane.setLibrary(lib, Abis.X86_64_LINUX, order);
            pane.overlayBar.choose(s.type(), Long.toString(s.offset()), false);
        });
        DecodedTree.await(robot, pane.fieldsView);
        FieldItem root = pane.fieldsView.root();
        assertNotNull(root, s.data() + ": " + pane.overlayBar.errorLabel.getText());
        return root;
    }

    private static String value(TreeItem<FieldRow> root, String name) {
        return root.getChildren().stream().filter(c -> c.getValue().name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name)).getValue().value();
    }

    @Test
    void everySampleDecodesWithoutUnreadableMembers(FxRobot robot) {
        for (Sample s : Samples.ALL) {
            FieldItem root = show(robot, s);
            assertFalse(root.getChildren().isEmpty(), s.data());
            for (TreeItem<FieldRow> c : root.getChildren()) {
                assertFalse(c.getValue().value().startsWith("⚠"), s.data() + " " + c.getValue().name());
            }
        }
    }

    /** The dynamic samples (issue 13) over their whole-file layouts: every top-level member readable. */
    @Test
    @org.junit.jupiter.api.Tag("dynamic")
    void everyDynamicSampleDecodesWithoutUnreadableMembers(FxRobot robot) {
        for (Sample s : Samples.DYNAMIC) {
            if (s.data().endsWith(".pcapng")) {
                continue; // a recording: the live view replays it
            }
            FieldItem root = show(robot, s);
            assertFalse(root.getChildren().isEmpty(), s.data());
            for (TreeItem<FieldRow> c : root.getChildren()) {
                assertFalse(c.getValue().value().startsWith("⚠"), s.data() + " " + c.getValue().name() + ": " + c.getValue().value());
            }
        }
    }

    /**
     * Issue 13's "open the ELF sample, see the section headers in the tree with no typing": the
     * tree decodes the record the dynamic way, placed and counted tables included.
     */
    @Test
    @org.junit.jupiter.api.Tag("dynamic")
    void theElfSampleShowsItsSectionHeadersWithNoTyping(FxRobot robot) {
        FieldItem elf = show(robot, Samples.ELF);
        TreeItem<FieldRow> sh = elf.getChildren().stream().filter(c -> c.getValue().name().equals("sh")).findFirst()
                .orElseThrow(() -> new AssertionError("no section headers in the tree"));
        sh.setExpanded(true);
        assertEquals(28, sh.getChildren().size(), "hello.elf has 28 section headers (readelf -S)");
    }

    @Test
    void pointAndWavMatchPython(FxRobot robot) throws Exception {
        Sample point = Samples.ALL.stream().filter(s -> s.data().equals("point.bin")).findFirst().orElseThrow();
        FieldItem root = show(robot, point);
        Path pd = dir.resolve("point.bin");
        List<String> py = run("import struct,sys\nx,y=struct.unpack('<ii',open(sys.argv[1],'rb').read()[:8])\nprint(x)\nprint(y)\n", pd);
        assertEquals(py.get(0), value(root, "x"));
        assertEquals(py.get(1), value(root, "y"));

        Sample wav = Samples.ALL.stream().filter(s -> s.data().equals("tone.wav")).findFirst().orElseThrow();
        root = show(robot, wav);
        py = run("import wave,sys\nw=wave.open(sys.argv[1])\nprint(w.getframerate())\nprint(w.getnchannels())\n"
                + "print(w.getsampwidth()*8)\n", dir.resolve("tone.wav"));
        assertEquals(py.get(0), value(root, "sample_rate"));
        assertEquals(py.get(1), value(root, "channels"));
        assertEquals(py.get(2), value(root, "bits_per_sample"));
        assertEquals("\"RIFF\"", value(root, "riff"));
    }

    private List<String> run(String script, Path arg) throws Exception {
        Path f = Files.writeString(dir.resolve("t.py"), script);
        return Gcc.run(dir, List.of("python3", f.toString(), arg.toString())).lines().toList();
    }
}
