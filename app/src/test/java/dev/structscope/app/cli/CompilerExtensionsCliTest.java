package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Through the CLI: the vector case gives gcc's figures with exit 0, and a layout-changing
 * attribute that is not reproduced is exit 2 with one {@code file:line:col: not supported: ...}
 * line, nothing on stdout.
 */
class CompilerExtensionsCliTest {
    @TempDir
    Path dir;

    @Test
    void vectorsLayOutAndMsStructIsRefused() throws Exception {
        Path h = dir.resolve("regs.h");
        Files.writeString(h, """
                typedef float v4sf __attribute__((vector_size(16)));
                typedef int v8si __attribute__((__vector_size__(32)));
                struct regs { char tag; v4sf xmm[2]; v8si ymm; char end; };
                """);
        CliRun ok = CliRun.run("layout", h.toString(), "--json");
        assertEquals(0, ok.status(), ok.err.toString());
        JsonNode t = new ObjectMapper().readTree(ok.out.toString()).get("types").get(0);
        assertEquals(128, t.get("size").asLong());
        assertEquals(16, t.get("fields").get(1).get("offset").asLong());
        assertEquals(64, t.get("fields").get(2).get("offset").asLong());
        assertEquals(96, t.get("fields").get(3).get("offset").asLong());

        Path ms = dir.resolve("ms.h");
        Files.writeString(ms, "struct __attribute__((ms_struct)) t { char c; int a:3; char b:2; char z; };\n");
        CliRun bad = CliRun.run("layout", ms.toString());
        assertEquals(2, bad.status());
        assertEquals("", bad.out.toString());
        assertEquals("structscope: " + ms + ":1:23: not supported: ms_struct on x86_64-linux (Microsoft bit-field rules"
                + " are only used for the x86_64-windows ABI)", bad.err.toString().strip());
        CliRun win = CliRun.run("layout", ms.toString(), "--abi", "x86_64-windows", "--json");
        assertEquals(0, win.status(), win.err.toString());
        assertEquals(12, new ObjectMapper().readTree(win.out.toString()).get("types").get(0).get("size").asLong());
    }
}
