package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The input limits of issue #9 on the command line: each has a default and a flag, and hitting it
 * is exit status 2 with one line that names the flag — never an OutOfMemoryError or a stack
 * overflow. {@code --max-header}, {@code --max-depth}, {@code --max-members},
 * {@code --max-elements} here; {@code --max-frame} and {@code --memory-cap} in
 * {@code FramingFuzzTest}, {@code StreamFramingTest} and {@code NetCommandsTest}.
 */
class LimitsTest {
    @TempDir
    Path dir;

    private static void refused(CliRun run, String... parts) {
        String err = run.refusal();
        for (String p : parts) {
            assertTrue(err.contains(p), "'" + p + "' in: " + err);
        }
    }

    @Test
    void headerAndDocumentSizeHaveALimit() throws Exception {
        StringBuilder h = new StringBuilder("struct S { int x; };\n");
        while (h.length() < 3000) {
            h.append("/* padding comment to make the header larger than the limit */\n");
        }
        Path header = Files.writeString(dir.resolve("big.h"), h);
        assertEquals(0, CliRun.run("layout", header.toString()).status());
        refused(CliRun.run("layout", header.toString(), "--max-header", "1000"), "big.h", "too large", "--max-header");

        CliRun export = CliRun.run("export", header.toString(), "--to", "json");
        assertEquals(0, export.status(), export.err.toString());
        Path doc = Files.writeString(dir.resolve("s.json"), export.out.toString());
        assertEquals(0, CliRun.run("layout", doc.toString()).status());
        refused(CliRun.run("layout", doc.toString(), "--max-header", "10"), "s.json", "--max-header");
    }

    @Test
    void typeNestingHasALimit() throws Exception {
        // Five records, each holding the one before: nesting depth 5.
        StringBuilder h = new StringBuilder("struct L0 { int x; };\n");
        for (int i = 1; i <= 5; i++) {
            h.append("struct L").append(i).append(" { struct L").append(i - 1).append(" in; char c; };\n");
        }
        Path header = Files.writeString(dir.resolve("deep.h"), h);
        CliRun ok = CliRun.run("layout", header.toString(), "--type", "L5");
        assertEquals(0, ok.status(), ok.err.toString());
        refused(CliRun.run("layout", header.toString(), "--type", "L5", "--max-depth", "3"), "nest too deep", "--max-depth");
        refused(CliRun.run("layout", header.toString(), "--max-depth", "0"), "--max-depth", "between 1 and 2048");
        refused(CliRun.run("layout", header.toString(), "--max-depth", "100000"), "--max-depth", "between 1 and 2048");
    }

    @Test
    void membersPerRecordHaveALimit() throws Exception {
        StringBuilder h = new StringBuilder("struct Wide {");
        for (int i = 0; i < 40; i++) {
            h.append(" int m").append(i).append(';');
        }
        Path header = Files.writeString(dir.resolve("wide.h"), h.append(" };\n"));
        assertEquals(0, CliRun.run("layout", header.toString()).status());
        refused(CliRun.run("layout", header.toString(), "--max-members", "39"), "struct Wide has 40 members", "--max-members");
    }

    /**
     * A record of 1,100,000 ints: printing one would hold the whole JSON text at once. Refused by
     * default before anything is read; with the limit raised, decoded in full.
     */
    @Test
    void valuesPerPrintedRecordHaveALimit() throws Exception {
        Path header = Files.writeString(dir.resolve("arr.h"), "struct Big { int n; int v[1100000]; };\n");
        Path data = dir.resolve("arr.bin");
        try (RandomAccessFile raf = new RandomAccessFile(data.toFile(), "rw")) {
            raf.setLength(4 + 4L * 1_100_000);
            raf.seek(4 + 4L * 1_099_999);
            raf.write(new byte[]{7, 0, 0, 0});
        }
        refused(CliRun.run("decode", header.toString(), "--type", "Big", data.toString()),
                "struct Big has 1100001 values", "--max-elements");
        CliRun ok = CliRun.run("decode", header.toString(), "--type", "Big", data.toString(), "--max-elements", "1100001");
        assertEquals(0, ok.status(), ok.err.toString());
        assertTrue(ok.out.toString().strip().endsWith("0, 7]}]"), ok.err.toString());
        // stats reads the same records without printing them: no limit applies.
        assertEquals(0, CliRun.run("stats", header.toString(), "--type", "Big", data.toString()).status());
    }
}
