package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads clang's own record layouts ({@code -Xclang -fdump-record-layouts}) for a header and an
 * ABI, in the same shape as {@link RecordLayout#visibleFields()}: members of anonymous members
 * in their place, unnamed bit-fields left out, offsets from the start of the outer record. Also
 * used by the app's CLI tests (model test-jar).
 */
public final class ClangLayouts {
    private ClangLayouts() {
    }

    /** A field as "name@bit:width" (width -1 for a plain member), in declaration order. */
    public record Dumped(long size, long align, List<String> fields) {
    }

    static String describe(FieldLayout f) {
        return f.isBitField() ? f.name() + "@" + f.bits().offset() + ":" + f.bits().width() : f.name() + "@" + f.offset() * 8 + ":-1";
    }

    static Dumped of(RecordLayout r) {
        List<String> fields = new ArrayList<>();
        for (FieldLayout f : r.visibleFields()) {
            fields.add(describe(f));
        }
        return new Dumped(r.size(), r.align(), fields);
    }

    /**
     * Lays out with clang: {@code probes} are type spellings ("struct foo", "foo_t") whose layout
     * clang is made to compute; the result maps those names (as clang prints them) to layouts.
     */
    public static Map<String, Dumped> dump(Path header, Abi abi, List<String> probes, Path dir) throws IOException {
        return dump(header, abi, probes, dir, false);
    }

    /**
     * As {@link #dump(Path, Abi, List, Path)}; {@code hosted} leaves out {@code -ffreestanding},
     * for headers of the C library (clang's freestanding {@code <stdint.h>} clashes with glibc's
     * on some targets).
     */
    public static Map<String, Dumped> dump(Path header, Abi abi, List<String> probes, Path dir, boolean hosted)
            throws IOException {
        StringBuilder src = new StringBuilder("#include \"" + header.toAbsolutePath() + "\"\n");
        for (int i = 0; i < probes.size(); i++) {
            src.append("int structscope_probe_").append(i).append(" = sizeof(").append(probes.get(i)).append(");\n");
        }
        Path c = dir.resolve("probe_" + abi.name() + ".c");
        Files.writeString(c, src);
        List<String> cmd = new ArrayList<>(List.of("clang-16", "--target=" + abi.clangTarget(), "-ffreestanding",
                "-fsyntax-only", "-w", "-Xclang", "-fdump-record-layouts", c.toString()));
        if (hosted) {
            cmd.remove("-ffreestanding");
        }
        Tools.Result r = Tools.run(cmd, dir);
        if (r.exit() != 0) {
            throw new AssertionError("clang failed for " + abi.name() + ":\n" + r.err());
        }
        return parse(r.out());
    }

    /**
     * clang's {@code _Alignof} of each of {@code probes} (type spellings), read from the IR of
     * globals it initialises: a typedef's own aligned attribute counts, which the record layouts
     * of {@link #dump} (the struct's) leave out.
     */
    public static Map<String, Long> alignments(Path header, Abi abi, List<String> probes, Path dir) throws IOException {
        StringBuilder src = new StringBuilder("#include \"" + header.toAbsolutePath() + "\"\n");
        for (int i = 0; i < probes.size(); i++) {
            src.append("long long structscope_align_").append(i).append(" = _Alignof(").append(probes.get(i)).append(");\n");
        }
        Path c = dir.resolve("align_" + abi.name() + ".c");
        Files.writeString(c, src);
        Tools.Result r = Tools.run(List.of("clang-16", "--target=" + abi.clangTarget(), "-ffreestanding", "-w", "-S",
                "-emit-llvm", "-o", "-", c.toString()), dir);
        if (r.exit() != 0) {
            throw new AssertionError("clang failed for " + abi.name() + ":\n" + r.err());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@structscope_align_(\\d+) = .*global i64 (\\d+)")
                .matcher(r.out());
        while (m.find()) {
            out.put(probes.get(Integer.parseInt(m.group(1))), Long.parseLong(m.group(2)));
        }
        if (out.size() != probes.size()) {
            throw new AssertionError("clang's IR did not give every alignment (" + out.size() + " of " + probes.size() + "):\n" + r.out());
        }
        return out;
    }

    static Map<String, Dumped> parse(String out) {
        Map<String, Dumped> result = new LinkedHashMap<>();
        String[] lines = out.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].contains("*** Dumping AST Record Layout")) {
                continue;
            }
            String head = lines[++i];
            String name = head.substring(head.indexOf('|') + 1).strip();
            List<String> fields = new ArrayList<>();
            boolean[] anon = new boolean[512];
            long size = -1;
            long align = -1;
            for (i++; i < lines.length; i++) {
                String l = lines[i];
                int bar = l.indexOf('|');
                if (bar < 0) {
                    break;
                }
                String pos = l.substring(0, bar).strip();
                String rest = l.substring(bar + 1);
                if (rest.strip().startsWith("[sizeof=")) {
                    String s = rest.strip();
                    size = Long.parseLong(s.substring(s.indexOf("sizeof=") + 7, s.indexOf(',')));
                    int a = s.indexOf("align=") + 6;
                    int e = a;
                    while (e < s.length() && Character.isDigit(s.charAt(e))) {
                        e++;
                    }
                    align = Long.parseLong(s.substring(a, e));
                    break;
                }
                int spaces = 0;
                while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
                    spaces++;
                }
                int depth = (spaces - 1) / 2;
                String text = rest.substring(spaces);
                boolean anonymous = (text.contains("(anonymous at") || text.contains("(unnamed at")) && text.endsWith(" ");
                if (depth < anon.length) {
                    anon[depth] = anonymous;
                }
                boolean visible = depth >= 1;
                for (int k = 1; k < depth && visible; k++) {
                    visible = anon[k];
                }
                if (!visible || anonymous || text.endsWith(" ") || pos.endsWith(":-")) {
                    continue;
                }
                String fname = text.substring(text.lastIndexOf(' ') + 1);
                if (pos.contains(":")) {
                    long byteOff = Long.parseLong(pos.substring(0, pos.indexOf(':')));
                    String bits = pos.substring(pos.indexOf(':') + 1);
                    long from = Long.parseLong(bits.substring(0, bits.indexOf('-')));
                    long to = Long.parseLong(bits.substring(bits.indexOf('-') + 1));
                    fields.add(fname + "@" + (byteOff * 8 + from) + ":" + (to - from + 1));
                } else {
                    fields.add(fname + "@" + Long.parseLong(pos) * 8 + ":-1");
                }
            }
            result.put(name, new Dumped(size, align, fields));
        }
        return result;
    }
}
