package dev.structscope.model.layout.oracle;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pahole-like text that both sides of a comparison are reduced to, modelled on clang's
 * {@code -fdump-record-layouts}: one header line per record ({@code struct S [abi] size=16 align=8}),
 * then one line per member, nested members indented under theirs, each with its offset
 * ({@code 12}) or bit range ({@code 4:0-2}, {@code 4:-} for zero width) from the start of the
 * top-level record, and its name (empty for unnamed bit-fields and anonymous members).
 * Comparing text makes a failure show the first line that differs.
 */
public final class LayoutText {
    private LayoutText() {
    }

    /** The record's header line. */
    public static String header(String spelling, Abi abi, long size, long align) {
        return spelling + " [" + abi.name() + "] size=" + size + " align=" + align;
    }

    /** The line of one member, {@code depth} 1 for direct members. */
    public static String line(int depth, String offsetSpec, String name) {
        return ("  ".repeat(depth) + offsetSpec + " " + name).stripTrailing();
    }

    /** A bit-field's offset spec as clang prints it: byte, first bit in that byte, last bit. */
    public static String bitSpec(long bitOffset, int width) {
        long b = bitOffset % 8;
        return (bitOffset / 8) + ":" + (width == 0 ? "-" : b + "-" + (b + width - 1));
    }

    /** Every record of {@code records} (C spellings) laid out by the engine, as text. */
    public static Map<String, String> engine(TypeLibrary library, List<String> records, Abi abi) {
        Map<String, RecordLayout> byName = new LinkedHashMap<>();
        for (RecordLayout rl : LayoutEngine.layoutAll(library, abi)) {
            byName.put(rl.definition().kind().keyword() + " " + rl.name(), rl);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : records) {
            RecordLayout rl = byName.get(r);
            if (rl == null) {
                throw new AssertionError("engine did not lay out " + r);
            }
            out.put(r, text(r, rl, abi));
        }
        return out;
    }

    /** One record laid out by the engine, as text. */
    public static String text(String spelling, RecordLayout rl, Abi abi) {
        StringBuilder sb = new StringBuilder(header(spelling, abi, rl.size(), rl.align())).append('\n');
        fields(rl, 0, 1, sb);
        return sb.toString();
    }

    private static void fields(RecordLayout rl, long base, int depth, StringBuilder sb) {
        for (FieldLayout f : rl.fields()) {
            String name = f.name() == null ? "" : f.name();
            if (f.isBitField()) {
                sb.append(line(depth, bitSpec(base * 8 + f.bits().offset(), f.bits().width()), name)).append('\n');
            } else {
                sb.append(line(depth, Long.toString(base + f.offset()), name)).append('\n');
                if (f.layout() instanceof RecordLayout inner) {
                    fields(inner, base + f.offset(), depth + 1, sb);
                }
            }
        }
    }

    /** The first line where two texts differ, with both versions, or null when equal. */
    public static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected '" + el + "' but engine gave '" + al + "'";
            }
        }
        return null;
    }
}
