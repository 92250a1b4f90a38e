package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Microsoft record layout (x86_64-windows), as clang's Microsoft record layout builder
 * computes it for C. Checked member by member against clang-16 by {@code ClangOracleTest}.
 * Confined to one thread, one record.
 *
 * <p>How it differs from System V:
 * <ul>
 *   <li>a run of bit-fields shares a storage unit of the declared type; a new unit starts when
 *       the declared type's size changes, when the unit is full, or after a non-bit-field;</li>
 *   <li>a zero-width bit-field is ignored unless it follows a non-zero-width bit-field; then it
 *       ends the run and aligns to its type;</li>
 *   <li>in unions, bit-fields do not raise the union's alignment;</li>
 *   <li>alignment from {@code aligned} attributes (on members, on typedefs, on nested records) is
 *       "required": {@code #pragma pack} and {@code packed} cap only the natural alignment, and a
 *       lowering typedef attribute has no effect;</li>
 *   <li>{@code #pragma pack(N)} with N above the pointer size is ignored;</li>
 *   <li>an empty record has size 4 in C (or its alignment when an attribute asks for 4 or more).</li>
 * </ul>
 */
final class MsvcRules implements LayoutRules {
    private static final long MIN_EMPTY_SIZE = 4;

    private final LayoutContext ctx;
    private final RecordType rec;
    private final boolean union;
    private final long maxFieldAlign;
    private long size;
    private long align = 1;
    private long required;
    private boolean lastWasNonZeroBitField;
    private long unitSize;
    private long remainingBits;
    private final List<FieldLayout> fields = new ArrayList<>();

    /** Alignments already computed for the members (a replay, {@link DecodeTimeLayout}), or null. */
    private final Map<Member, Long> knownAlign;

    MsvcRules(LayoutContext ctx, RecordType rec) {
        this(ctx, ctx.abi, rec, null);
    }

    /**
     * Rules that replay a record already laid out, taking each member's alignment from that
     * layout ({@code knownAlign}, by member identity) instead of working it out from the types:
     * a replay has no type library.
     */
    MsvcRules(Abi abi, RecordType rec, Map<Member, Long> knownAlign) {
        this(null, abi, rec, knownAlign);
    }

    private MsvcRules(LayoutContext ctx, Abi abi, RecordType rec, Map<Member, Long> knownAlign) {
        this.ctx = ctx;
        this.rec = rec;
        this.knownAlign = knownAlign;
        this.union = rec.kind() == RecordKind.UNION;
        long max = rec.pack() != 0 && rec.pack() <= abi.pointer().size() ? rec.pack() : 0;
        this.maxFieldAlign = rec.packed() ? 1 : max;
        this.required = Math.max(abi.pointer().size() == 8 ? 1 : 0, rec.alignedAttr());
    }

    @Override
    public List<FieldLayout> fields() {
        return fields;
    }

    /** The alignment a member gets: natural alignment capped by pack, then raised to what attributes require. */
    private long fieldAlign(Member m, TypeLayout tl, boolean bitField) {
        if (knownAlign != null) {
            return knownAlign.get(m);
        }
        long natural = ctx.naturalAlign(m.type(), tl);
        long req = Math.max(m.alignAs(), ctx.msvcRequiredAlign(m.type(), tl));
        if (bitField) {
            natural = Math.max(natural, req);
        } else {
            required = Math.max(required, req);
        }
        long a = natural;
        if (maxFieldAlign != 0) {
            a = Math.min(a, maxFieldAlign);
        }
        if (m.packed()) {
            a = 1;
        }
        return Math.max(a, req);
    }

    @Override
    public void plain(Member m, TypeLayout tl) {
        lastWasNonZeroBitField = false;
        long a = fieldAlign(m, tl, false);
        align = Math.max(align, a);
        long offset = union ? 0 : RecordLayouter.roundUp(size, a);
        size = Math.max(size, Math.addExact(offset, tl.size()));
        fields.add(new FieldLayout(m.name(), m, tl, offset, a));
    }

    @Override
    public void bitField(Member m, TypeLayout tl, int width) {
        long a = fieldAlign(m, tl, true);
        long typeSize = tl.size();
        if (width == 0) {
            if (!lastWasNonZeroBitField) {
                long at = union ? 0 : size;
                fields.add(new FieldLayout(null, m, tl, a, new BitSpan(at * 8, 0)));
                return;
            }
            lastWasNonZeroBitField = false;
            if (union) {
                size = Math.max(size, typeSize);
                fields.add(new FieldLayout(null, m, tl, a, new BitSpan(0, 0)));
            } else {
                long offset = RecordLayouter.roundUp(size, a);
                size = offset;
                align = Math.max(align, a);
                fields.add(new FieldLayout(null, m, tl, a, new BitSpan(offset * 8, 0)));
            }
            return;
        }
        if (!union && lastWasNonZeroBitField && unitSize == typeSize && width <= remainingBits) {
            long pos = size * 8 - remainingBits;
            remainingBits -= width;
            fields.add(new FieldLayout(m.name(), m, tl, a, new BitSpan(pos, width)));
            return;
        }
        lastWasNonZeroBitField = true;
        unitSize = typeSize;
        if (union) {
            size = Math.max(size, typeSize);
            fields.add(new FieldLayout(m.name(), m, tl, a, new BitSpan(0, width)));
            return;
        }
        long offset = RecordLayouter.roundUp(size, a);
        size = offset + typeSize;
        align = Math.max(align, a);
        remainingBits = typeSize * 8 - width;
        fields.add(new FieldLayout(m.name(), m, tl, a, new BitSpan(offset * 8, width)));
    }

    @Override
    public long dataEnd() {
        return size;
    }

    @Override
    public long[] finish() {
        align = Math.max(align, required);
        long total = RecordLayouter.roundUp(size, align);
        if (total == 0) {
            total = required >= MIN_EMPTY_SIZE ? align : MIN_EMPTY_SIZE;
        }
        if (ctx != null) {
            ctx.rememberRequiredAlign(rec, required);
        }
        return new long[] {total, align};
    }
}
