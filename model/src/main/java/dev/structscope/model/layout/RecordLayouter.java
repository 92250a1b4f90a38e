package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out one struct or union, member by member, the way GCC/clang (System V, AAPCS) or MSVC
 * do, as the ABI's data selects. One instance per record; confined to its thread.
 *
 * <p>Positions are kept in bits so that bit-fields and whole members share one cursor. The
 * System V rules follow clang's ItaniumRecordLayoutBuilder: a bit-field goes at the next free
 * bit unless it would cross a boundary of its declared type's alignment, and any
 * {@code #pragma pack} suppresses that rule. The Microsoft rules follow its record layout: a run
 * of bit-fields shares a storage unit of its declared type, and a new unit starts whenever the
 * type's size changes or the unit is full.
 */
final class RecordLayouter {
    private final LayoutContext ctx;
    private final Abi abi;
    private final CType type;
    private final RecordType rec;
    private final String name;
    private final boolean union;
    private final boolean msvc;

    /** End of the data laid out so far, in bits (System V: may stop inside a byte after a bit-field). */
    private long bitPos;
    /** Size so far in bits, always whole bytes. */
    private long sizeBits;
    private long align = 1;
    private final List<FieldLayout> fields = new ArrayList<>();

    // Microsoft bit-field run state.
    private boolean msInBitfieldRun;
    private long msUnitSize;
    private long msRemainingBits;

    RecordLayouter(LayoutContext ctx, CType type, RecordType rec, String name) {
        this.ctx = ctx;
        this.abi = ctx.abi;
        this.type = type;
        this.rec = rec;
        this.name = name;
        this.union = rec.kind() == RecordKind.UNION;
        this.msvc = abi.bitfields() == Abi.BitfieldRules.MSVC;
    }

    RecordLayout layout() {
        List<Member> members = rec.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            TypeLayout tl = ctx.type(m.type());
            if (tl instanceof ArrayLayout a && a.flexible() && (union || i != members.size() - 1)) {
                throw new InputException(where(m), "flexible array member '" + m.name()
                        + "' must be the last member of a struct");
            }
            if (tl instanceof RecordLayout r && hasFlexibleTail(r) && !union && i != members.size() - 1) {
                throw new InputException(where(m), "member '" + m.name() + "' ends in a flexible array and must be last");
            }
            if (m.isBitField()) {
                bitField(m, tl);
            } else {
                if (m.name() == null && !(tl instanceof RecordLayout)) {
                    throw new InputException(where(m), "a member without a name must be a struct or union");
                }
                plain(m, tl);
            }
        }
        if (rec.alignedAttr() > align) {
            align = rec.alignedAttr();
        }
        long dataBits = Math.max(sizeBits, roundUp(bitPos, 8));
        long size = roundUp(dataBits / 8, align);
        if (size > LayoutContext.MAX_SIZE) {
            throw new InputException(where(null), "record too large: " + size + " bytes");
        }
        return new RecordLayout(type, name, rec, size, align, fields, padding(size));
    }

    private static boolean hasFlexibleTail(RecordLayout r) {
        if (r.fields().isEmpty()) {
            return false;
        }
        FieldLayout last = r.fields().getLast();
        return last.layout() instanceof ArrayLayout a && a.flexible();
    }

    private void plain(Member m, TypeLayout tl) {
        long fieldAlign = tl.align();
        boolean packed = rec.packed() || m.packed();
        if (msvc) {
            if (rec.pack() != 0) {
                fieldAlign = Math.min(fieldAlign, rec.pack());
            }
            if (packed) {
                fieldAlign = 1;
            }
            fieldAlign = Math.max(fieldAlign, m.alignAs());
            msInBitfieldRun = false;
        } else {
            if (packed) {
                fieldAlign = 1;
            }
            fieldAlign = Math.max(fieldAlign, m.alignAs());
            if (rec.pack() != 0) {
                // #pragma pack overrides even an aligned attribute on the member.
                fieldAlign = Math.min(fieldAlign, rec.pack());
            }
        }
        long offset = union ? 0 : roundUp(roundUp(Math.max(bitPos, sizeBits), 8) / 8, fieldAlign);
        long endBits = (offset + tl.size()) * 8;
        if (union) {
            sizeBits = Math.max(sizeBits, endBits);
        } else {
            sizeBits = endBits;
            bitPos = endBits;
        }
        align = Math.max(align, fieldAlign);
        fields.add(new FieldLayout(m.name(), m, tl, offset, fieldAlign, -1, -1));
    }

    private void bitField(Member m, TypeLayout tl) {
        long typeBits = tl.size() * 8;
        int width = m.bitWidth();
        if (!(tl instanceof ScalarLayout s && s.prim().isInteger()) && !(tl instanceof EnumLayout)) {
            throw new InputException(where(m), "bit-field '" + display(m) + "' has non-integer type '"
                    + m.type().spelling() + "'");
        }
        if (width > typeBits) {
            throw new InputException(where(m), "width of bit-field '" + display(m) + "' (" + width
                    + " bits) exceeds the width of its type (" + typeBits + " bits)");
        }
        if (width == 0 && m.name() != null) {
            throw new InputException(where(m), "named bit-field '" + m.name() + "' has zero width");
        }
        if (msvc) {
            msBitField(m, tl, width);
        } else {
            sysvBitField(m, tl, width);
        }
    }

    private void sysvBitField(Member m, TypeLayout tl, int width) {
        long typeBits = tl.size() * 8;
        boolean packed = rec.packed() || m.packed();
        long fieldAlign = tl.align();
        long unpackedAlign = fieldAlign;
        if (packed && width != 0) {
            fieldAlign = 1;
        }
        if (m.alignAs() != 0) {
            fieldAlign = Math.max(fieldAlign, m.alignAs());
            unpackedAlign = Math.max(unpackedAlign, m.alignAs());
        }
        if (rec.pack() != 0 && width != 0) {
            unpackedAlign = Math.min(unpackedAlign, rec.pack());
            fieldAlign = packed ? unpackedAlign : Math.min(fieldAlign, rec.pack());
        }
        long alignBits = fieldAlign * 8;
        long pos = union ? 0 : bitPos;
        boolean allowPadding = rec.pack() == 0;
        if (width == 0 || (allowPadding && (pos % alignBits) + width > typeBits)) {
            pos = roundUp(pos, alignBits);
        } else if (m.alignAs() != 0 && (rec.pack() == 0 || m.alignAs() <= rec.pack())) {
            pos = roundUp(pos, m.alignAs() * 8);
        }
        long end = pos + width;
        if (union) {
            sizeBits = Math.max(sizeBits, roundUp(end, 8));
        } else {
            bitPos = end;
            sizeBits = Math.max(sizeBits, roundUp(end, 8));
        }
        boolean affectsAlign = m.name() != null
                || (width == 0 ? abi.zeroWidthBitfieldAffectsAlignment() : abi.unnamedBitfieldAffectsAlignment());
        if (affectsAlign) {
            align = Math.max(align, fieldAlign);
        }
        fields.add(new FieldLayout(m.name(), m, tl, pos / 8, fieldAlign, pos, width));
    }

    private void msBitField(Member m, TypeLayout tl, int width) {
        long unitSize = tl.size();
        long fieldAlign = tl.align();
        if (rec.pack() != 0) {
            fieldAlign = Math.min(fieldAlign, rec.pack());
        }
        if (rec.packed() || m.packed()) {
            fieldAlign = 1;
        }
        fieldAlign = Math.max(fieldAlign, m.alignAs());
        if (width == 0) {
            if (!msInBitfieldRun) {
                // MSVC ignores a zero-width bit-field that does not follow a bit-field.
                long at = union ? 0 : sizeBits / 8;
                fields.add(new FieldLayout(null, m, tl, at, fieldAlign, at * 8, 0));
                return;
            }
            msInBitfieldRun = false;
            long offset = union ? 0 : roundUp(sizeBits / 8, fieldAlign);
            if (union) {
                sizeBits = Math.max(sizeBits, unitSize * 8);
            } else {
                sizeBits = offset * 8;
                align = Math.max(align, fieldAlign);
            }
            bitPos = sizeBits;
            fields.add(new FieldLayout(null, m, tl, offset, fieldAlign, offset * 8, 0));
            return;
        }
        if (!union && msInBitfieldRun && msUnitSize == unitSize && width <= msRemainingBits) {
            long pos = sizeBits - msRemainingBits;
            msRemainingBits -= width;
            fields.add(new FieldLayout(m.name(), m, tl, pos / 8, fieldAlign, pos, width));
            return;
        }
        msInBitfieldRun = true;
        msUnitSize = unitSize;
        if (union) {
            sizeBits = Math.max(sizeBits, unitSize * 8);
            // MSVC ignores bit-field alignment in unions.
            fields.add(new FieldLayout(m.name(), m, tl, 0, fieldAlign, 0, width));
            return;
        }
        long offset = roundUp(sizeBits / 8, fieldAlign);
        sizeBits = (offset + unitSize) * 8;
        bitPos = sizeBits;
        align = Math.max(align, fieldAlign);
        msRemainingBits = unitSize * 8 - width;
        fields.add(new FieldLayout(m.name(), m, tl, offset, fieldAlign, offset * 8, width));
    }

    /** Byte ranges that no member's bytes (or bits) touch. */
    private List<Padding> padding(long size) {
        List<long[]> used = new ArrayList<>();
        for (FieldLayout f : fields) {
            if (f.isBitField()) {
                if (f.bitWidth() > 0) {
                    used.add(new long[] {f.bitOffset() / 8, roundUp(f.bitOffset() + f.bitWidth(), 8) / 8});
                }
            } else if (f.size() > 0) {
                used.add(new long[] {f.offset(), f.offset() + f.size()});
            }
        }
        used.sort((a, b) -> Long.compare(a[0], b[0]));
        List<Padding> out = new ArrayList<>();
        long cursor = 0;
        for (long[] u : used) {
            if (u[0] > cursor) {
                out.add(new Padding(cursor, u[0] - cursor, false));
            }
            cursor = Math.max(cursor, u[1]);
        }
        if (size > cursor) {
            out.add(new Padding(cursor, size - cursor, true));
        }
        return out;
    }

    private String where(Member m) {
        String r = rec.kind().keyword() + " " + (name == null ? "<anonymous>" : name);
        return m == null || m.name() == null ? r : r + "." + m.name();
    }

    private static String display(Member m) {
        return m.name() == null ? "<unnamed>" : m.name();
    }

    static long roundUp(long v, long a) {
        if (a <= 1) {
            return v;
        }
        long r = v % a;
        return r == 0 ? v : Math.addExact(v, a - r);
    }
}
