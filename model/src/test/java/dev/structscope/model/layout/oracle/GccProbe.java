package dev.structscope.model.layout.oracle;

import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gcc side of the oracle: a C file that includes a generated header and makes gcc compute,
 * for each record, {@code sizeof}, {@code _Alignof}, the {@code offsetof} of every named member
 * reachable by a member path ({@code a.b.c}, anonymous members flattened) and the bit range of
 * every named bit-field (an object initialised with just that field set to all ones, whose bytes
 * gcc writes out; little-endian); the values are read back from gcc's assembly. The same lines
 * are computed from the engine's layouts. Test code.
 */
public final class GccProbe {
    private GccProbe() {
    }

    /** One value the probe asks gcc for: a record's size and alignment, a member offset, or a bit-field's bits. */
    private record Item(String record, String path, char kind) {
    }

    private static List<Item> items(Map<String, RecordLayout> layouts) {
        List<Item> out = new ArrayList<>();
        for (Map.Entry<String, RecordLayout> e : layouts.entrySet()) {
            out.add(new Item(e.getKey(), null, 'R'));
            itemFields(out, e.getKey(), e.getValue(), "");
        }
        return out;
    }

    private static void itemFields(List<Item> out, String r, RecordLayout rl, String prefix) {
        for (FieldLayout f : rl.fields()) {
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                itemFields(out, r, inner, prefix);
            } else if (f.name() != null) {
                String path = prefix + f.name();
                out.add(new Item(r, path, f.isBitField() ? 'B' : 'O'));
                if (!f.isBitField() && f.layout() instanceof RecordLayout inner) {
                    itemFields(out, r, inner, path + ".");
                }
            }
        }
    }

    /**
     * A C file whose data gcc computes at compile time: an array of sizes, alignments and
     * offsets, and per bit-field an object whose bytes have just that bit-field set to all ones.
     * Compiled with {@code -S}, so it works for {@code -m32} where 32-bit programs cannot run.
     */
    public static String source(String headerFile, Map<String, RecordLayout> layouts) {
        StringBuilder c = new StringBuilder("#include <stddef.h>\n#include \"").append(headerFile).append("\"\n\n");
        StringBuilder vals = new StringBuilder("const unsigned int probe_vals[] = {\n");
        int bf = 0;
        for (Item it : items(layouts)) {
            switch (it.kind()) {
                case 'R' -> vals.append("  sizeof(").append(it.record()).append("), _Alignof(").append(it.record()).append("),\n");
                case 'O' -> vals.append("  offsetof(").append(it.record()).append(", ").append(it.path()).append("),\n");
                default -> c.append("const union { ").append(it.record()).append(" s; unsigned char b[sizeof(")
                        .append(it.record()).append(")]; } probe_bf").append(bf++).append(" = { .s.").append(it.path())
                        .append(" = -1 };\n");
            }
        }
        return c.append(vals).append("  0 };\n").toString();
    }

    /** Rebuilds, from gcc's assembly of {@link #source}, the per-record text of {@link #expectedFromEngine}. */
    public static Map<String, String> fromAssembly(String asm, Map<String, RecordLayout> layouts) {
        Map<String, List<Long>> data = dataBytes(asm);
        List<Long> vals = data.get("probe_vals");
        if (vals == null) {
            throw new AssertionError("no probe_vals in gcc's assembly");
        }
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder sb = null;
        int vi = 0;
        int bf = 0;
        String record = null;
        for (Item it : items(layouts)) {
            switch (it.kind()) {
                case 'R' -> {
                    if (record != null) {
                        out.put(record, sb.toString());
                    }
                    record = it.record();
                    sb = new StringBuilder(record + " size=" + word(vals, vi++) + " align=" + word(vals, vi++) + "\n");
                }
                case 'O' -> sb.append("  ").append(it.path()).append(' ').append(word(vals, vi++)).append('\n');
                default -> {
                    List<Long> bytes = data.get("probe_bf" + bf++);
                    long lo = -1;
                    long hi = -1;
                    for (int i = 0; bytes != null && i < bytes.size() * 8; i++) {
                        if (((bytes.get(i / 8) >> (i % 8)) & 1) != 0) {
                            lo = lo < 0 ? i : lo;
                            hi = i;
                        }
                    }
                    sb.append("  ").append(it.path()).append(' ').append(lo).append(':').append(hi - lo + 1).append('\n');
                }
            }
        }
        if (record != null) {
            out.put(record, sb.toString());
        }
        return out;
    }

    /**
     * The bytes of each {@code probe_*} object in a compiler's assembly, by label, read from its
     * data directives (those of gcc and clang on all five targets); any other directive ends the
     * object. What the probe programs' initialisers hold, without running them.
     */
    public static Map<String, List<Long>> dataBytes(String asm) {
        Map<String, List<Long>> data = new LinkedHashMap<>();
        List<Long> current = null;
        for (String line : asm.split("\n")) {
            String t = line.strip();
            if (t.startsWith("probe_") && t.endsWith(":")) {
                current = new ArrayList<>();
                data.put(t.substring(0, t.length() - 1), current);
                continue;
            }
            String[] parts = t.split("\\s+");
            if (current == null || parts.length < 2 || !parts[0].startsWith(".")) {
                continue;
            }
            switch (parts[0]) {
                case ".byte" -> addBytes(current, Long.decode(parts[1]), 1);
                case ".short", ".hword", ".value", ".2byte" -> addBytes(current, Long.decode(parts[1]), 2);
                case ".long", ".word", ".4byte" -> addBytes(current, Long.decode(parts[1]), 4);
                case ".quad", ".xword", ".8byte" -> addBytes(current, Long.decode(parts[1]), 8);
                case ".zero" -> addBytes(current, 0, Integer.parseInt(parts[1]));
                default -> current = null;
            }
        }
        return data;
    }

    private static void addBytes(List<Long> out, long value, int n) {
        for (int i = 0; i < n; i++) {
            out.add(i < 8 ? (value >>> (8 * i)) & 0xFF : 0);
        }
    }

    /** The i-th 32-bit little-endian word of {@code bytes}. */
    public static long word(List<Long> bytes, int i) {
        long v = 0;
        for (int k = 3; k >= 0; k--) {
            v = (v << 8) | bytes.get(i * 4 + k);
        }
        return v;
    }

    /** What the probe program prints, computed from the engine's layouts instead. */
    public static Map<String, String> expectedFromEngine(Map<String, RecordLayout> layouts) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, RecordLayout> e : layouts.entrySet()) {
            RecordLayout rl = e.getValue();
            StringBuilder sb = new StringBuilder();
            sb.append(e.getKey()).append(" size=").append(rl.size()).append(" align=").append(rl.align()).append('\n');
            engineFields(sb, rl, "", 0);
            out.put(e.getKey(), sb.toString());
        }
        return out;
    }

    private static void engineFields(StringBuilder sb, RecordLayout rl, String prefix, long base) {
        for (FieldLayout f : rl.fields()) {
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                engineFields(sb, inner, prefix, base + f.offset());
                continue;
            }
            if (f.name() == null) {
                continue;
            }
            String path = prefix + f.name();
            if (f.isBitField()) {
                sb.append("  ").append(path).append(' ').append(base * 8 + f.bits().offset()).append(':')
                        .append(f.bits().width()).append('\n');
            } else {
                sb.append("  ").append(path).append(' ').append(base + f.offset()).append('\n');
                if (f.layout() instanceof RecordLayout inner) {
                    engineFields(sb, inner, path + ".", base + f.offset());
                }
            }
        }
    }
}
