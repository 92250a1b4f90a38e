package dev.structscope.model.layout;

import dev.structscope.model.type.CType;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * A struct or union laid out for one ABI: the single source of truth every view, decoder and
 * exporter reads. Immutable.
 *
 * <p>Offsets of {@link #fields()} are relative to the start of this record; the fields of a nested
 * record member (in {@link FieldLayout#layout()}, anonymous members included) are relative to the
 * nested record's own start. {@link #visibleFields()} shifts them to this record's start.
 *
 * @param type       the type as referred to
 * @param name       tag or typedef name, or {@code null} for an anonymous record
 * @param definition the record definition
 * @param size       {@code sizeof}, tail padding included
 * @param align      {@code _Alignof}
 * @param fields     direct members in declaration order, unnamed bit-fields included
 * @param padding    byte ranges that belong to no member, holes and tail padding, in order
 * @param dynamic    whether data decides the size or the place of a member (counted arrays, arrays
 *                   to the end, placed, switched or sized members, here or in a nested record); the
 *                   {@code size} is then the smallest the record can be, and fields after the first
 *                   dynamic one are marked {@link FieldLayout#dynamic()}
 * @param sizeVaries whether data decides the size: false for a record dynamic only through placed
 *                   members (here or nested), which keeps its {@code size} since placed members lie
 *                   elsewhere, so that what follows it has a fixed offset. (Readers and exporters
 *                   still treat such a record as dynamic: {@link TypeLayout#sizeFromData()} is true.)
 */
public record RecordLayout(CType type, String name, RecordType definition, long size, long align,
                           List<FieldLayout> fields, List<Padding> padding, boolean dynamic, boolean sizeVaries)
        implements TypeLayout {
    public RecordLayout {
        fields = List.copyOf(fields);
        padding = List.copyOf(padding);
    }

    /** A record whose layout data does not change. */
    public RecordLayout(CType type, String name, RecordType definition, long size, long align,
                        List<FieldLayout> fields, List<Padding> padding) {
        this(type, name, definition, size, align, fields, padding, false, false);
    }

    /**
     * The record as C names it: {@code struct T} by its tag, {@code T} by a typedef's name (of an
     * untagged record, or of a tagged one laid out by that name), the type's own spelling when
     * it has no name.
     */
    public String spelling() {
        if (name == null) {
            return type.spelling();
        }
        return name.equals(definition.tag()) ? definition.kind().keyword() + " " + name : name;
    }

    /** The same record seen as type {@code t} (a typedef's name), aligned to {@code align}. */
    RecordLayout as(CType t, long align) {
        return new RecordLayout(t, name, definition, size, align, fields, padding, dynamic, sizeVaries);
    }

    /**
     * Whether the record has a fixed layout in C's sense: not dynamic, or dynamic only through a
     * flexible array member at its end (C's "struct hack", whose elements follow {@code sizeof}).
     * What tools that write records at fixed offsets (the compose form, the encoder) can handle.
     */
    public boolean fixedInC() {
        if (!dynamic) {
            return true;
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldLayout f = fields.get(i);
            boolean last = i == fields.size() - 1;
            if (f.dynamic() || !f.member().dynamic().isNone()) {
                return false;
            }
            if (f.layout() instanceof ArrayLayout a && a.dynamicLength()) {
                if (!(last && a.flexible() && a.count() == null && !RecordLayouter.isDynamic(a.element()))) {
                    return false;
                }
            } else if (RecordLayouter.isDynamic(f.layout())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether this stands for a record still being laid out where it is used: the type of a
     * member placed by {@code at} inside its own record (or a record that holds it), as in a
     * linked structure in a file. It has no fields and size 0; the decoder reads it as the record
     * it names. (Every laid-out record has a field for each member, so this is unambiguous.)
     */
    public boolean isReference() {
        return fields.isEmpty() && !definition.members().isEmpty();
    }

    /**
     * The members as the contract lists them: members of anonymous struct/union members in their
     * place (recursively, with offsets from the start of this record), unnamed bit-fields left out.
     */
    public List<FieldLayout> visibleFields() {
        List<FieldLayout> out = new ArrayList<>();
        addVisible(fields, 0, out);
        return out;
    }

    private static void addVisible(List<FieldLayout> in, long base, List<FieldLayout> out) {
        addVisible(in, base, false, out);
    }

    private static void addVisible(List<FieldLayout> in, long base, boolean dynamic, List<FieldLayout> out) {
        for (FieldLayout f : in) {
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                addVisible(inner.fields(), base + f.offset(), dynamic || f.dynamic(), out);
            } else if (f.name() != null) {
                FieldLayout v = base == 0 ? f : f.shifted(base);
                out.add(dynamic ? v.asDynamic() : v);
            }
        }
    }

    /** Bytes in holes between members. */
    public long holeBytes() {
        return padding.stream().filter(p -> !p.tail()).mapToLong(Padding::size).sum();
    }

    /** Bytes of tail padding. */
    public long tailBytes() {
        return padding.stream().filter(Padding::tail).mapToLong(Padding::size).sum();
    }

    /**
     * Bytes that belong to some member: the size less holes and tail padding, so that the three
     * add up to the size (a byte counts once however many union alternatives cover it; a byte that
     * holds bits of a bit-field counts whole). Meaningful for a record that is not
     * {@link #dynamic()}, whose padding is known to its end.
     */
    public long memberBytes() {
        return size - holeBytes() - tailBytes();
    }

    public long holeCount() {
        return padding.stream().filter(p -> !p.tail()).count();
    }
}
