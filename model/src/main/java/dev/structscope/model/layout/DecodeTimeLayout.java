package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Member;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The sequential members of a dynamic record laid out again while it is decoded, once the data
 * has said how long its counted arrays and sized members are: the ABI's own rules (the ones
 * {@link LayoutEngine} used, fed the same members in the same order) replayed with those sizes,
 * so that what follows a dynamic member sits where a C compiler would put it for them — a run of
 * bit-fields after {@code uint8_t data[n]} shares the unit {@code data} ends in, exactly as gcc
 * and clang do. One per decoded record; the decoding thread.
 */
public final class DecodeTimeLayout {
    private final LayoutRules rules;

    /** A replay of {@code record}'s sequential members for {@code abi}, the ABI it was laid out for. */
    public DecodeTimeLayout(Abi abi, RecordLayout record) {
        if (abi.bitfields() == Abi.BitfieldRules.MSVC) {
            Map<Member, Long> aligns = new IdentityHashMap<>();
            for (FieldLayout f : record.fields()) {
                aligns.put(f.member(), f.align());
            }
            rules = new MsvcRules(abi, record.definition(), aligns);
        } else {
            rules = new SysvRules(abi, record.definition());
        }
    }

    /** The first byte after the members laid out so far, from the record's start (C's data size, no tail). */
    public long end() {
        return rules.dataEnd();
    }

    /** Lays out a member that is not a bit-field and turned out {@code size} bytes long; returns its offset. */
    public long plain(FieldLayout f, long size) {
        TypeLayout tl = f.layout();
        rules.plain(f.member(), size == tl.size() ? tl
                : new ArrayLayout(tl.type(), tl, 0, false, size, tl.align()));
        return rules.fields().getLast().offset();
    }

    /** Lays out a bit-field (named or not, zero-width too) after what came before; returns its bits from the record's start. */
    public BitSpan bitField(FieldLayout f) {
        rules.bitField(f.member(), f.layout(), f.member().bitWidth());
        return rules.fields().getLast().bits();
    }
}
