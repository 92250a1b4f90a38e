package dev.structscope.tests.gui;

import dev.structscope.app.exporter.ImportDialog;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.tests.hexview.Gcc;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Import C Header on real system headers, as a person does it in the dialog: a file's own quoted
 * includes resolve from its folder, skipped system headers are listed with how many types came
 * in, and with the system preprocessor ticked {@code linux/input.h}, {@code elf.h} and
 * {@code sys/socket.h} with {@code netinet/*.h} import with every member where gcc puts it
 * ({@code offsetof}/{@code sizeof} of a compiled program are the truth).
 */
class ImportSystemHeadersGuiTest extends GuiTest {
    @TempDir
    Path dir;

    private ImportDialog dialog() {
        clickOn("#import");
        return (ImportDialog) lookup(".import-dialog").query().getProperties().get(ImportDialog.class);
    }

    /** Text as if typed or pasted; {@code source} as if loaded from that file. */
    private void open(String text, Path source) {
        ImportDialog d = dialog();
        CodeArea editor = lookup("#import-editor").queryAs(CodeArea.class);
        interact(() -> {
            editor.replaceText(text);
            d.viewModel.source.set(source);
        });
    }

    private void waitFor(java.util.function.BooleanSupplier done) {
        for (int i = 0; i < 800 && !done.getAsBoolean(); i++) {
            sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(done.getAsBoolean(), "timed out");
    }

    private void tickPreprocessor() {
        CheckBox cpp = lookup("#import-cpp").queryAs(CheckBox.class);
        waitFor(() -> !cpp.isDisabled());
        clickOn(cpp);
        assertTrue(cpp.isSelected());
    }

    /** member → offset for each "struct.member" given, and "struct" → sizeof, as gcc compiles them. */
    private Map<String, Long> gcc(String includes, List<String> probes) throws Exception {
        StringBuilder c = new StringBuilder(includes + "\n#include <stdio.h>\n#include <stddef.h>\nint main(void) {\n");
        for (String p : probes) {
            int dot = p.indexOf('.');
            String expr = dot < 0 ? "sizeof(" + p + ")" : "offsetof(" + p.substring(0, dot) + ", " + p.substring(dot + 1) + ")";
            c.append("    printf(\"%s=%zu\\n\", \"").append(p).append("\", (size_t) ").append(expr).append(");\n");
        }
        c.append("    return 0;\n}\n");
        Files.writeString(dir.resolve("probe.c"), c);
        Gcc.run(dir, List.of("gcc", "-o", "probe", "probe.c"));
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : Gcc.run(dir, List.of("./probe")).strip().split("\n")) {
            String[] kv = line.split("=");
            out.put(kv[0], Long.parseLong(kv[1]));
        }
        return out;
    }

    /** The same probes answered by the imported library's layouts. */
    private Map<String, Long> ours(TypeLibrary lib, List<String> probes) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String p : probes) {
            int dot = p.indexOf('.');
            String type = (dot < 0 ? p : p.substring(0, dot)).replaceFirst("^struct ", "");
            RecordLayout l = LayoutEngine.layout(type, lib, Abis.X86_64_LINUX);
            if (dot < 0) {
                out.put(p, l.size());
            } else {
                String member = p.substring(dot + 1);
                out.put(p, l.visibleFields().stream().filter(f -> member.equals(f.name())).mapToLong(FieldLayout::offset)
                        .findFirst().orElse(-1));
            }
        }
        return out;
    }

    private void importsLikeGcc(String includes, Path source, String text, List<String> probes) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
        open(text, source);
        tickPreprocessor();
        clickOn("#import-run");
        waitFor(() -> probes.stream().allMatch(p -> vm.document.state.get().library()
                .findRecord(p.replaceFirst("\\..*", "").replaceFirst("^struct ", "")).isPresent()));
        assertEquals(gcc(includes, probes), ours(vm.document.state.get().library(), probes));
    }

    @Test
    void linuxInputHNamesWhatItSkipsWithoutThePreprocessorAndImportsWithIt() throws Exception {
        Path input = Path.of("/usr/include/linux/input.h");
        Assumptions.assumeTrue(Files.isReadable(input), "linux/input.h is not installed");
        ImportDialog d = dialog();
        interact(() -> d.load(input)); // what "From File…" does with the chosen file
        CodeArea editor = lookup("#import-editor").queryAs(CodeArea.class);
        waitFor(() -> editor.getText().contains("struct input_event"));
        assertEquals("From " + input + " (its folder resolves quoted includes)",
                lookup("#import-source").queryAs(Label.class).getText());
        clickOn("#import-run");
        Label error = lookup("#import-error").queryAs(Label.class);
        waitFor(() -> !error.getText().isEmpty());
        // Its own "input-event-codes.h" was found (beside it); what stops it is a system type.
        assertTrue(error.getText().contains("struct timeval"), error.getText());
        assertFalse(error.getText().contains("input-event-codes"), error.getText());

        tickPreprocessor();
        clickOn("#import-run");
        waitFor(() -> vm.document.state.get().library().findRecord("input_event").isPresent());
        List<String> probes = List.of("struct input_event", "struct input_event.type", "struct input_event.code",
                "struct input_event.value", "struct input_absinfo", "struct input_absinfo.resolution",
                "struct ff_effect", "struct ff_effect.u", "struct ff_effect.replay");
        assertEquals(gcc("#include <linux/input.h>", probes), ours(vm.document.state.get().library(), probes));
        assertTrue(vm.status.get().startsWith("Imported "), vm.status.get());
    }

    @Test
    void skippedSystemHeadersAreListedWithTheCountOfTypes() {
        open("#include <sys/ioctl.h>\nstruct Mine { int a; long b; };\n", dir.resolve("mine.h"));
        clickOn("#import-run");
        Label summary = lookup("#import-summary").queryAs(Label.class);
        waitFor(() -> !summary.getText().isEmpty());
        assertTrue(summary.getText().startsWith("Imported 1 type (1 struct, 0 unions, 0 enums, 0 typedefs)"),
                summary.getText());
        assertTrue(summary.getText().contains("<sys/ioctl.h>"), summary.getText());
        assertTrue(summary.isVisible(), "the dialog stays open to show what was skipped");
        assertTrue(vm.document.state.get().library().findRecord("Mine").isPresent());
    }

    @Test
    void elfHImportsWithThePreprocessor() throws Exception {
        importsLikeGcc("#include <elf.h>", null, "#include <elf.h>\n", List.of("Elf64_Ehdr", "Elf64_Ehdr.e_shoff",
                "Elf64_Shdr", "Elf64_Sym.st_value", "Elf32_Phdr", "Elf32_Phdr.p_align", "Elf64_Dyn.d_un"));
    }

    @Test
    void socketAndNetinetHeadersImportWithThePreprocessor() throws Exception {
        String inc = "#include <sys/socket.h>\n#include <netinet/in.h>\n#include <netinet/ip.h>\n#include <netinet/tcp.h>\n"
                + "#include <netinet/udp.h>\n";
        importsLikeGcc(inc, null, inc, List.of("struct sockaddr_in", "struct sockaddr_in.sin_addr",
                "struct sockaddr_storage", "struct iphdr", "struct iphdr.saddr", "struct tcphdr", "struct tcphdr.window",
                "struct udphdr.len", "struct ip.ip_dst", "struct msghdr.msg_controllen"));
    }
}
