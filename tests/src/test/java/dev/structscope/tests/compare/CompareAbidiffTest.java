package dev.structscope.tests.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.tests.compare.HeaderPairs.Pair;
import dev.structscope.tests.compare.HeaderPairs.Rec;
import dev.structscope.tests.compare.HeaderPairs.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * libabigail's {@code abidiff} on shared objects built by gcc from both versions of random header
 * pairs (a global of each record) agrees with {@code structscope compare} on which records changed
 * size and which members moved (x86-64). Skipped without {@code abidiff} (Debian abigail-tools).
 * More pairs: {@code -Dstructscope.compare.abidiffPairs=N}.
 */
class CompareAbidiffTest {
    private static final Pattern VARIABLE = Pattern.compile("^  \\[C\\] '.* g_(\\w+)' was changed");
    private static final Pattern SIZE = Pattern.compile("^      type size changed from (\\d+) to (\\d+) \\(in bits\\)");
    private static final Pattern MOVED = Pattern.compile("^        '.*?(\\w+)(?:\\[\\d*\\])*' offset changed from");
    private static final Pattern TYPE_OF = Pattern.compile("^        type of '.*?(\\w+)(?:\\[\\d*\\])*' changed:");
    private static final Pattern AND_OFFSET = Pattern.compile("^\\s+and offset changed from");

    @TempDir
    Path dir;

    @Test
    void abidiffAgreesOnSizesAndMoves() throws Exception {
        assumeTrue(runs("abidiff", "--version"), "abidiff (abigail-tools) is not installed");
        int count = Integer.getInteger("structscope.compare.abidiffPairs", 8);
        HeaderPairs gen = new HeaderPairs(4_242L);
        int checked = 0;
        int movedSeen = 0;
        int resizedSeen = 0;
        for (int p = 0; p < count; p++) {
            Pair pair = gen.next();
            Path oldH = write("old" + p + ".h", pair.old());
            Path newH = write("new" + p + ".h", pair.now());
            Path oldSo = sharedObject("old" + p, pair.old());
            Path newSo = sharedObject("new" + p, pair.now());
            Process abi = new ProcessBuilder("abidiff", oldSo.toString(), newSo.toString()).redirectErrorStream(true).start();
            String report = new String(abi.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(abi.waitFor(60, TimeUnit.SECONDS), "abidiff did not end");

            Set<String> abiResized = new TreeSet<>();
            Set<String> abiMoved = new TreeSet<>();
            String record = null;
            String typeOf = null;
            for (String line : report.lines().toList()) {
                Matcher m;
                if ((m = VARIABLE.matcher(line)).find()) {
                    record = m.group(1);
                } else if (record != null && (m = SIZE.matcher(line)).find()) {
                    abiResized.add(record);
                } else if (record != null && (m = MOVED.matcher(line)).find()) {
                    abiMoved.add(record + "." + m.group(1));
                } else if (record != null && (m = TYPE_OF.matcher(line)).find()) {
                    typeOf = m.group(1);
                } else if (record != null && typeOf != null && AND_OFFSET.matcher(line).find()) {
                    abiMoved.add(record + "." + typeOf);
                }
            }

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int status = StructScopeCli.run(new PrintWriter(out), new PrintWriter(err), "compare", oldH.toString(),
                    newH.toString(), "--json");
            assertTrue(status == 0 || status == 3, err.toString());
            Set<String> resized = new TreeSet<>();
            Set<String> moved = new TreeSet<>();
            for (JsonNode t : new ObjectMapper().readTree(out.toString()).get("types")) {
                String name = t.get("name").asText();
                if ("changed".equals(t.get("status").asText())
                        && t.get("old").get("size").asLong() != t.get("new").get("size").asLong()) {
                    resized.add(name);
                }
                for (JsonNode c : t.get("changes")) {
                    if ("moved".equals(c.get("change").asText())) {
                        moved.add(name + "." + c.get("member").asText());
                    }
                }
            }
            String context = "pair " + p + "\n--- old\n" + pair.old().text("") + "--- new\n" + pair.now().text("")
                    + "--- abidiff\n" + report;
            assertEquals(abiResized, resized, context);
            assertEquals(abiMoved, moved, context);
            checked++;
            movedSeen += moved.size();
            resizedSeen += resized.size();
        }
        System.out.println("CompareAbidiffTest: " + checked + " pairs agree with abidiff (" + resizedSeen
                + " records resized, " + movedSeen + " members moved)");
        // Not vacuous: the seeded pairs do move members and resize records.
        assertTrue(movedSeen > 0 && resizedSeen > 0, "the pairs changed nothing abidiff could see");
    }

    private Path write(String name, Version v) throws IOException {
        return Files.writeString(dir.resolve(name), HeaderPairs.TYPEDEFS + v.text(""));
    }

    private Path sharedObject(String name, Version v) throws Exception {
        StringBuilder c = new StringBuilder(HeaderPairs.TYPEDEFS).append(v.text(""));
        for (Rec r : v.records()) {
            c.append("struct ").append(r.name()).append(" g_").append(r.name()).append(";\n");
        }
        Files.writeString(dir.resolve(name + ".c"), c);
        Process p = new ProcessBuilder("gcc", "-g", "-shared", "-fPIC", "-o", name + ".so", name + ".c")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc: " + out);
        return dir.resolve(name + ".so");
    }

    private static boolean runs(String... cmd) {
        try {
            Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
