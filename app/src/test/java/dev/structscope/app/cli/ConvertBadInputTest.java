package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} refuses bad input as every command does — exit 2, one line on stderr saying what
 * and where — and then leaves OUT as it was (absent, or its old content) with no temporary file
 * beside it.
 */
class ConvertBadInputTest {
    @TempDir
    Path dir;

    private Path header(String text) throws IOException {
        return Files.writeString(dir.resolve("t.h"), "#include <stdint.h>\n" + text);
    }

    private void refused(String expected, String... args) throws IOException {
        String line = CliRun.run(args).refusal();
        assertTrue(line.contains(expected), "'" + expected + "' in: " + line);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(p -> p.getFileName().toString().endsWith(".part")).toList(),
                    "temporary files left");
        }
    }

    @Test
    void unknownFormatMissingDataMissingDirectoryAndBadOffsetAreRefusedInOneLine() throws IOException {
        Path h = header("struct P { int32_t x; double y; };");
        Path data = Files.write(dir.resolve("p.bin"), new byte[160]);
        String out = dir.resolve("p.parquet").toString();
        refused("unknown format 'xlsx'", "convert", h.toString(), "--type", "P", data.toString(), "--to", "xlsx", "-o", out);
        refused("no such file", "convert", h.toString(), "--type", "P", dir.resolve("none.bin").toString(),
                "--to", "parquet", "-o", out);
        refused("does not exist", "convert", h.toString(), "--type", "P", data.toString(), "--to", "arrow",
                "-o", dir.resolve("no/such/dir/p.arrow").toString());
        refused("byte offset 999", "convert", h.toString(), "--type", "P", data.toString(), "--to", "parquet",
                "-o", out, "--offset", "999");
        refused("no struct or union named 'Q'", "convert", h.toString(), "--type", "Q", data.toString(), "--to", "parquet", "-o", out);
        assertTrue(Files.notExists(Path.of(out)));
        // "-" is stdout to many tools: refused rather than a file named "-".
        refused("-o -: convert writes a file; for rows on stdout use decode --all --format csv", "convert", h.toString(),
                "--type", "P", data.toString(), "--to", "csv", "-o", "-");
        assertTrue(Files.notExists(Path.of("-")));
    }

    @Test
    void badDataInTheMiddleLeavesTheOldOutputUntouched() throws IOException {
        Path h = header("""
                struct M {
                    uint8_t t;
                    [[structscope::switch(t)]] union {
                        [[structscope::when(1)]] uint8_t a;
                        [[structscope::when(2)]] uint16_t b;
                    } u;
                };
                """);
        // Two good records (t = 1; u 2-aligned: 4 bytes each), then t = 7, which no alternative takes.
        Path data = Files.write(dir.resolve("m.bin"), new byte[] {1, 0, 5, 0, 1, 0, 6, 0, 7, 0, 0, 0});
        for (String to : List.of("parquet", "arrow", "csv", "jsonl")) {
            Path out = Files.writeString(dir.resolve("m." + to), "old");
            refused("record 2: M.u: no alternative matches t = 7", "convert", h.toString(), "--type", "M", data.toString(), "--to", to,
                    "-o", out.toString());
            assertEquals("old", Files.readString(out));
        }
    }

    @Test
    void aRecordThatHoldsItselfThroughAPlacedMemberHasNoColumnForm() throws IOException {
        Path h = header("""
                struct Node {
                    uint32_t next;
                    uint32_t value;
                    [[structscope::at(next)]] struct Node child;
                };
                """);
        Path data = Files.write(dir.resolve("n.bin"), new byte[16]);
        refused("no column form", "convert", h.toString(), "--type", "Node", data.toString(), "--to", "parquet",
                "-o", dir.resolve("n.parquet").toString());
    }
}
