package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.util.ArrayList;
import java.util.List;

/**
 * The GCC/clang record layout of System V (x86-64, i386) and AAPCS (aarch64, arm), as clang's
 * Itanium record layout builder computes it. Checked member by member against clang-16 by
 * {@code ClangOracleTest}. Confined to one thread, one record.
 *
 * <p>The points that differ from a naive "align each member" rule, each one seen in clang:
 * <ul>
 *   <li>a bit-field goes at the next free bit unless it would cross a boundary of its declared
 *       type's alignment; {@code #pragma pack} (any value) switches that rule off;</li>
 *   <li>a packed bit-field has an alignment of one <em>bit</em>, so it may start mid-byte
 *       and straddle anything;</li>
 *   <li>a zero-width bit-field aligns the next member to its declared type even in packed and
 *       pragma-packed records;</li>
 *   <li>unnamed bit-fields (zero-width or not) do not raise the record's alignment on x86, but do
 *       on AAPCS (the {@link Abi} flags).</li>
 * </ul>
 */
final class SysvRules implements LayoutRules {
    private final Abi abi;
    private final RecordType rec;
    private final boolean union;
    /** Data size so far in bits, always whole bytes. */
    private long dataBits;
    /** Bits at the end of the data size that the last bit-field left free. */
    private long unfilledBits;
    private long align = 1;
    private final List<FieldLayout> fields = new ArrayList<>();

    SysvRules(Abi abi, RecordType rec) {
        this.abi = abi;
        this.rec = rec;
        this.union = rec.kind() == RecordKind.UNION;
    }

    @Override
    public List<FieldLayout> fields() {
        return fields;
    }

    @Override
    public void plain(Member m, TypeLayout tl) {
        long fieldAlign = rec.packed() || m.packed() ? 1 : tl.align();
        fieldAlign = Math.max(fieldAlign, m.alignAs());
        if (rec.pack() != 0) {
            // #pragma pack overrides even an aligned attribute on the member.
            fieldAlign = Math.min(fieldAlign, rec.pack());
        }
        long offset = union ? 0 : RecordLayouter.roundUp(dataBits / 8, fieldAlign);
        long end = Math.addExact(offset, tl.size()) * 8;
        dataBits = union ? Math.max(dataBits, end) : end;
        unfilledBits = 0;
        align = Math.max(align, fieldAlign);
        fields.add(new FieldLayout(m.name(), m, tl, offset, fieldAlign));
    }

    @Override
    public void bitField(Member m, TypeLayout tl, int width) {
        long typeBits = tl.size() * 8;
        boolean packed = rec.packed() || m.packed();
        // Alignments in bits here: a packed bit-field is aligned to 1 bit.
        long fieldAlign = tl.align() * 8;
        long unpackedAlign = fieldAlign;
        if (packed && width != 0) {
            fieldAlign = 1;
        }
        long explicit = m.alignAs() * 8;
        if (explicit != 0) {
            fieldAlign = Math.max(fieldAlign, explicit);
            unpackedAlign = Math.max(unpackedAlign, explicit);
        }
        long packBits = rec.pack() * 8L;
        if (packBits != 0 && width != 0) {
            unpackedAlign = Math.min(unpackedAlign, packBits);
            fieldAlign = packed ? unpackedAlign : Math.min(fieldAlign, packBits);
        }
        long pos = union ? 0 : dataBits - unfilledBits;
        if (width == 0 || (packBits == 0 && (pos % fieldAlign) + width > typeBits)) {
            pos = RecordLayouter.roundUp(pos, fieldAlign);
        } else if (explicit != 0 && (packBits == 0 || explicit <= packBits)) {
            pos = RecordLayouter.roundUp(pos, explicit);
        }
        if (union) {
            dataBits = Math.max(dataBits, RecordLayouter.roundUp(width, 8));
        } else {
            long end = pos + width;
            dataBits = RecordLayouter.roundUp(end, 8);
            unfilledBits = dataBits - end;
        }
        boolean affectsAlign = m.name() != null
                || (width == 0 ? abi.zeroWidthBitfieldAffectsAlignment() : abi.unnamedBitfieldAffectsAlignment());
        if (affectsAlign) {
            align = Math.max(align, fieldAlign / 8);
        }
        fields.add(new FieldLayout(m.name(), m, tl, Math.max(1, fieldAlign / 8), new BitSpan(pos, width)));
    }

    @Override
    public long dataEnd() {
        return dataBits / 8;
    }

    @Override
    public long[] finish() {
        align = Math.max(align, rec.alignedAttr());
        return new long[] {RecordLayouter.roundUp(dataBits / 8, align), align};
    }
}
