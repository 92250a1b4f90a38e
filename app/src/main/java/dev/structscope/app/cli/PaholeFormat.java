package dev.structscope.app.cli;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.Padding;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.Reordering;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.List;

/**
 * The text listing of {@code structscope layout}, shaped like pahole's so that people who know
 * pahole read it at once: one line per member with {@code offset size} (and {@code :bit} for
 * bit-fields) in a comment, a comment line for each hole, and totals at the end.
 */
final class PaholeFormat {
    private static final int CACHE_LINE = 64;

    private PaholeFormat() {
    }

    static String format(RecordLayout r, TypeLibrary library, Abi abi) {
        StringBuilder sb = new StringBuilder();
        // A name that is not the tag is a typedef's, written as C and pahole write it: typedef struct { ... } Name;
        String tag = r.definition().tag();
        boolean typedefName = r.name() != null && !r.name().equals(tag);
        sb.append(typedefName ? "typedef " : "").append(r.definition().kind().keyword()).append(' ')
                .append(typedefName ? (tag == null ? "" : tag + " ") : (r.name() == null ? "<anonymous> " : r.name() + " "))
                .append("{\n");
        List<FieldLayout> fields = r.visibleFields();
        List<Padding> holes = new ArrayList<>(r.padding().stream().filter(p -> !p.tail()).toList());
        long membersBytes = 0;
        // Also for a record that is not dynamic itself: a union's alternatives carry when, and are listed as dynamic members.
        List<String> offsetTexts = dev.structscope.model.layout.DynamicOffsets.of(r);
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            while (!f.dynamic() && !holes.isEmpty() && holes.getFirst().offset() < f.offset()) {
                appendHole(sb, holes.removeFirst());
            }
            String decl = declaration(f);
            sb.append('\t').append(pad(decl, 40));
            var d = f.member().dynamic();
            // An alternative that only carries when sits where a union member sits: numbers, and its values.
            boolean whenOnly = !f.dynamic() && d.at() == null && d.switchOn() == null && d.size() == null && !d.when().isEmpty()
                    && !(f.member().type() instanceof dev.structscope.model.type.ArrayType a && a.isDynamic());
            String when = d.when().isEmpty() ? "" : " when " + String.join(", ", d.when().stream().map(e -> e.text()).toList());
            if (whenOnly) {
                sb.append(String.format("/* %6d    %5d %3d", f.offset(), f.size(), f.align())).append(when).append(" */");
                membersBytes += f.size();
            } else if (f.dynamic() || f.member().isDynamic()) {
                // Offsets and sizes data decides: the expressions, as the layout knows them.
                sb.append("/* ").append(offsetTexts.get(i));
                if (f.layout() instanceof dev.structscope.model.layout.ArrayLayout a && a.count() != null) {
                    sb.append(", count ").append(a.count().text());
                }
                if (f.member().dynamic().switchOn() != null) {
                    sb.append(", switch ").append(f.member().dynamic().switchOn().text());
                }
                if (f.member().dynamic().size() != null) {
                    sb.append(", size ").append(f.member().dynamic().size().text());
                }
                sb.append(when.isEmpty() ? "" : "," + when).append(" */");
            } else if (f.isBitField()) {
                sb.append(String.format("/* %6d:%2d %5d %3d */", f.offset(), f.bits().offset() % 8, f.size(), f.align()));
            } else {
                sb.append(String.format("/* %6d    %5d %3d */", f.offset(), f.size(), f.align()));
                membersBytes += f.size();
            }
            sb.append('\n');
        }
        for (Padding h : holes) {
            appendHole(sb, h);
        }
        long bitBytes = bitFieldBytes(r);
        long holeBytes = r.holeBytes();
        long tail = r.tailBytes();
        sb.append('\n');
        if (r.sizeVaries()) {
            sb.append(String.format("\t/* dynamic: size at least %d (data decides), align: %d, members: %d */%n",
                    r.size(), r.align(), fields.size()));
        } else if (r.dynamic()) {
            // Placed members lie where data says, outside the record's own bytes.
            sb.append(String.format("\t/* dynamic: size %d (data places members elsewhere), align: %d, members: %d */%n",
                    r.size(), r.align(), fields.size()));
        } else {
            sb.append(String.format("\t/* size: %d, align: %d, cachelines: %d, members: %d */%n", r.size(), r.align(),
                    (r.size() + CACHE_LINE - 1) / CACHE_LINE, fields.size()));
        }
        // A static record's totals add up to its size (union alternatives overlap, so their sizes
        // do not); a dynamic one only knows the members it could place.
        long sumMembers = r.dynamic() ? membersBytes + bitBytes : r.memberBytes();
        sb.append(String.format("\t/* sum members: %d, holes: %d, sum holes: %d */%n", sumMembers,
                r.holeCount(), holeBytes));
        if (tail > 0) {
            sb.append(String.format("\t/* padding: %d */%n", tail));
        }
        Reordering re = r.dynamic() ? null : LayoutEngine.minimisePadding(r.definition(), library, abi);
        if (re == null) {
            sb.append("\t/* a dynamic record keeps its order: members name the ones before them */\n");
        } else if (re.saved() > 0) {
            sb.append(String.format("\t/* a reordering would save %d bytes (size %d) */%n", re.saved(), re.sizeAfter()));
        } else {
            sb.append("\t/* a reordering would save 0 bytes */\n");
        }
        sb.append(typedefName ? "} " + r.name() + ";\n" : "};\n");
        return sb.toString();
    }

    private static long bitFieldBytes(RecordLayout r) {
        long bits = 0;
        for (FieldLayout f : r.visibleFields()) {
            if (f.isBitField()) {
                bits += f.bits().width();
            }
        }
        return (bits + 7) / 8;
    }

    private static void appendHole(StringBuilder sb, Padding h) {
        sb.append('\n').append(String.format("\t/* XXX %d byte%s hole, try to pack */%n%n", h.size(),
                h.size() == 1 ? "" : "s"));
    }

    private static String declaration(FieldLayout f) {
        String type = f.typeName();
        String name = f.name();
        int bracket = type.indexOf('[');
        String decl;
        if (bracket >= 0) {
            decl = type.substring(0, bracket).strip() + " " + name + type.substring(bracket);
        } else {
            decl = type + (type.endsWith("*") ? "" : " ") + name;
        }
        if (f.isBitField()) {
            decl += ":" + f.bits().width();
        }
        return decl + ";";
    }

    /** {@code s} and spaces to {@code width} terminal columns (a name may hold wide or combining letters). */
    private static String pad(String s, int width) {
        int columns = columns(s);
        return columns >= width ? s + " " : s + " ".repeat(width - columns);
    }

    /**
     * The columns a terminal gives {@code s}: two for East Asian wide and full-width letters (温度),
     * none for combining marks, one for the rest; enough for identifiers, not a full wcwidth.
     */
    static int columns(String s) {
        return s.codePoints().map(cp -> switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> 0;
            default -> wide(cp) ? 2 : 1;
        }).sum();
    }

    private static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
                || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f)
                || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x20000 && cp <= 0x3fffd);
    }
}
