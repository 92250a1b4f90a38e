package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.io.testing.Tools;
import dev.structscope.samples.Samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Shared steps of the dynamic-layout tests (issue 13, tag {@value #TAG}): the bundled headers of
 * {@code sample-files}, {@code decode} with JSON output, outside tools run in the test, and the
 * one-line refusal that bad data must end in.
 */
final class DynamicCli {
    /** Run these tests alone: {@code ./mvnw -B -o -pl app -am test -Dsurefire.groups=dynamic -Dsurefire.failIfNoSpecifiedTests=false}. */
    static final String TAG = "dynamic";

    private DynamicCli() {
    }

    /** Copies a bundled sample file (header, data or script) into {@code dir}. */
    static Path bundled(Path dir, String name) {
        try (InputStream in = Samples.open(name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code structscope decode} with {@code args} and {@code --format json}; must succeed. */
    static JsonNode decode(String... args) {
        List<String> all = new ArrayList<>(List.of("decode"));
        all.addAll(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliRun r = CliRun.run(all.toArray(String[]::new));
        assertEquals(0, r.status(), String.join(" ", all) + ": " + r.err);
        return JsonCompare.parse(r.out.toString());
    }

    /** {@code structscope layout HEADER --json}, each type by name; must succeed. */
    static java.util.Map<String, JsonNode> layoutJson(Path header) {
        CliRun r = CliRun.run("layout", header.toString(), "--json");
        assertEquals(0, r.status(), header + ": " + r.err);
        java.util.Map<String, JsonNode> types = new java.util.TreeMap<>();
        JsonCompare.parse(r.out.toString()).get("types").forEach(t -> types.put(t.get("name").asText(), t));
        return types;
    }

    /** Lines of JSON (jsonl output, or a peer's expectations) as parsed nodes. */
    static List<JsonNode> jsonLines(String text) {
        return text.lines().filter(l -> !l.isBlank()).map(JsonCompare::parse).toList();
    }

    /** Runs an outside tool (skipping the test when it is missing) and returns its stdout. */
    static String tool(Path dir, String... command) {
        boolean present = command[0].contains("/") ? Files.isExecutable(Path.of(command[0]))
                : dev.structscope.model.c.Tools.has(command[0]);
        assumeTrue(present, command[0] + " is not installed: comparison skipped");
        try {
            return Tools.run(dir, List.of(command));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * What a C program prints when {@code records} — statements that each write one record to
     * {@code FILE *f} and print its values as one JSON line — run inside a main that opens
     * {@code data} for them: compiled by gcc with {@code flag} (-m64, -m32), the test skipped where
     * gcc cannot build for it. The outside truth of the dynamic-layout tests against gcc.
     */
    static List<JsonNode> gccRecords(Path dir, String flag, Path data, CharSequence records) {
        String c = "#include <stdint.h>\n#include <stdio.h>\n#include <stddef.h>\n#include <string.h>\nint main(void) {\n"
                + "FILE *f = fopen(\"" + data + "\", \"wb\");\n" + records + "fclose(f); return 0;\n}\n";
        Path exe = dir.resolve("writer");
        try {
            Path src = Files.writeString(dir.resolve("writer.c"), c);
            tool(dir, "gcc", flag, "-w", "-o", exe.toString(), src.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError e) {
            assumeTrue(false, "gcc " + flag + " cannot build here: " + e.getMessage());
        }
        return jsonLines(tool(dir, dev.structscope.model.layout.oracle.Compilers.command(flag.equals("-m32"),
                exe.toString()).toArray(String[]::new)));
    }

    /** The C statements that write record {@code i} and print its values (see {@link #gccRecords}), drawn from {@code rng}. */
    @FunctionalInterface
    interface GccRecord {
        String statements(int i, Random rng);
    }

    /**
     * The check of the dynamic-layout tests against gcc: gcc writes {@code count} records
     * ({@link #gccRecords}), drawn from a new seed that a failure names so that the case can be run
     * again, and decode reads them back to back as struct {@code D} of {@code header} on
     * {@code abi}, to the values gcc printed.
     */
    static void assertDecodesAsGcc(Path dir, String abi, String flag, String header, int count, GccRecord record) {
        long seed = new Random().nextLong();
        Random rng = new Random(seed);
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < count; i++) {
            records.append(record.statements(i, rng));
        }
        Path data = dir.resolve("d.bin");
        List<JsonNode> expected = gccRecords(dir, flag, data, records);
        assertEquals(count, expected.size(), "records gcc wrote");
        Path h;
        try {
            h = Files.writeString(dir.resolve("d.h"), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode decoded = decode(h.toString(), "--type", "D", data.toString(), "--all", "--abi", abi);
        assertEquals(List.of(), JsonCompare.diff(JsonCompare.parse(expected.toString()), decoded, Set.of(), Set.of()),
                abi + " seed " + seed);
    }

    /** Runs a Python program given as text with arguments; returns its stdout. */
    static String python(Path dir, String program, String... args) {
        try {
            Path script = Files.writeString(Files.createTempFile(dir, "py", ".py"), program);
            List<String> cmd = new ArrayList<>(List.of(Tools.python(), script.toString()));
            cmd.addAll(List.of(args));
            return tool(dir, cmd.toArray(String[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts the contract's refusal of bad data: exit status 2 and exactly one line on stderr
     * that names {@code memberPath} and a byte offset, one of {@code offsets} (where the bad
     * member starts, or where it points; negative ones also as unsigned 64-bit numbers) — no stack trace, no hang (the command runs in the
     * background and must end within CliRun's wait).
     */
    static void refused(Path header, String type, Path data, String memberPath, long[] offsets, String... extra) {
        List<String> args = new ArrayList<>(List.of("decode", header.toString(), "--type", type, data.toString()));
        args.addAll(List.of(extra));
        String err = CliRun.start(args.toArray(String[]::new)).refusal();
        String what = String.join(" ", args) + ": ";
        assertTrue(err.contains(memberPath), what + "names the member '" + memberPath + "': " + err);
        boolean named = false;
        for (long offset : offsets) {
            for (String text : List.of(Long.toString(offset), Long.toUnsignedString(offset))) {
                named |= err.matches("(?s).*offset\\D{0,3}" + Pattern.quote(text) + "\\b.*");
            }
        }
        assertTrue(named, what + "names the byte offset " + java.util.Arrays.toString(offsets) + ": " + err);
    }
}
