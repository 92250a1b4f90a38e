package dev.structscope.model.type;

import java.util.Objects;

/**
 * One member of a struct or union, as declared.
 *
 * @param name     the member name; {@code null} for an unnamed bit-field ({@code int : 3;}) and
 *                 for an anonymous struct/union member, whose own members are reached through it
 * @param type     the declared type
 * @param bitWidth the bit-field width ({@code 0} for a zero-width bit-field), or {@code null}
 *                 when the member is not a bit-field
 * @param alignAs  an alignment requested on the member by {@code _Alignas}/{@code alignas} or
 *                 {@code __attribute__((aligned(N)))}; 0 when none. A power of two.
 * @param packed   {@code __attribute__((packed))} on the member: its alignment becomes 1 (unless
 *                 {@code alignAs} raises it again)
 * @param comment  a comment carried along to exports and documents, or {@code null}
 * @param dynamic  the dynamic-layout attributes ({@code at}, {@code switch}, {@code when},
 *                 {@code size}); {@link Dynamic#NONE} for an ordinary C member
 */
public record Member(String name, CType type, Integer bitWidth, long alignAs, boolean packed, String comment,
                     Dynamic dynamic) {
    public Member {
        Objects.requireNonNull(type, "type");
        if (dynamic == null) {
            dynamic = Dynamic.NONE;
        }
        if (name != null && name.isEmpty()) {
            name = null;
        }
        if (bitWidth != null && bitWidth < 0) {
            throw new IllegalArgumentException("bit width must be >= 0, was " + bitWidth);
        }
        if (!MemberRules.isAlignmentOrNone(alignAs)) {
            throw new IllegalArgumentException("alignment must be a power of two, was " + alignAs);
        }
    }

    /** A member with no dynamic-layout attribute. */
    public Member(String name, CType type, Integer bitWidth, long alignAs, boolean packed, String comment) {
        this(name, type, bitWidth, alignAs, packed, comment, Dynamic.NONE);
    }

    /** A plain named member. */
    public static Member of(String name, CType type) {
        return new Member(name, type, null, 0, false, null);
    }

    /** A named bit-field (or unnamed when {@code name} is null). */
    public static Member bitField(String name, CType type, int width) {
        return new Member(name, type, width, 0, false, null);
    }

    public boolean isBitField() {
        return bitWidth != null;
    }

    /** An unnamed member whose type is a struct or union: its members belong to the enclosing record. */
    public boolean isAnonymousRecord() {
        return name == null && bitWidth == null;
    }

    public Member withName(String newName) {
        return new Member(newName, type, bitWidth, alignAs, packed, comment, dynamic);
    }

    public Member withType(CType newType) {
        return new Member(name, newType, bitWidth, alignAs, packed, comment, dynamic);
    }

    public Member withBitWidth(Integer newWidth) {
        return new Member(name, type, newWidth, alignAs, packed, comment, dynamic);
    }

    public Member withAlignAs(long newAlignAs) {
        return new Member(name, type, bitWidth, newAlignAs, packed, comment, dynamic);
    }

    public Member withPacked(boolean newPacked) {
        return new Member(name, type, bitWidth, alignAs, newPacked, comment, dynamic);
    }

    public Member withComment(String newComment) {
        return new Member(name, type, bitWidth, alignAs, packed, newComment, dynamic);
    }

    public Member withDynamic(Dynamic newDynamic) {
        return new Member(name, type, bitWidth, alignAs, packed, comment, newDynamic);
    }

    /** Whether data decides this member's place, size or content (its own attributes or its type's count). */
    public boolean isDynamic() {
        return !dynamic.isNone() || (type instanceof ArrayType a && a.isDynamic());
    }
}
