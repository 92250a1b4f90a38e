package dev.structscope.tests.gui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test helper: asks clang-16 how it lays out the records of a C source
 * ({@code -fdump-record-layouts-simple}), the outside truth the GUI's numbers are checked against.
 */
public final class ClangLayouts {
    /** A record as clang lays it out: sizes in bytes, field offsets in bits in declaration order. */
    public record Rec(long size, long align, List<Long> fieldBitOffsets) {
    }

    private ClangLayouts() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("clang-16", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * Lays out {@code records} (spelled {@code "struct Foo"}) of {@code source} for {@code target}.
     */
    public static Map<String, Rec> layouts(String source, String target, List<String> records) throws Exception {
        StringBuilder src = new StringBuilder(source).append('\n');
        int i = 0;
        for (String r : records) {
            src.append("int structscope_force_").append(i++).append("[sizeof(").append(r).append(")];\n");
        }
        Path dir = Files.createTempDirectory("structscope-clang");
        Path c = dir.resolve("layout.c");
        Files.writeString(c, src);
        Process p = new ProcessBuilder("clang-16", "-target", target, "-fsyntax-only", "-Xclang",
                "-fdump-record-layouts-simple", "-x", "c", c.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("clang-16 failed:\n" + out + "\nsource:\n" + src);
        }
        Files.deleteIfExists(c);
        Files.deleteIfExists(dir);
        Map<String, Rec> recs = new LinkedHashMap<>();
        Matcher m = Pattern.compile("Type: (.+?)\\n\\s*\\nLayout: <ASTRecordLayout\\s+Size:(\\d+)\\s+(?:DataSize:\\d+\\s+)?"
                + "Alignment:(\\d+)\\s+FieldOffsets: \\[([^\\]]*)\\]").matcher(out);
        while (m.find()) {
            List<Long> offs = new ArrayList<>();
            for (String s : m.group(4).split(",")) {
                if (!s.isBlank()) {
                    offs.add(Long.parseLong(s.strip()));
                }
            }
            recs.put(m.group(1).strip(), new Rec(Long.parseLong(m.group(2)) / 8, Long.parseLong(m.group(3)) / 8, offs));
        }
        return recs;
    }
}
