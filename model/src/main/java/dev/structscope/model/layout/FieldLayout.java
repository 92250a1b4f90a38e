package dev.structscope.model.layout;

import dev.structscope.model.type.Member;

/**
 * One member of a record with its place resolved.
 *
 * @param name      the member name; {@code null} for an unnamed bit-field or an anonymous record member
 * @param member    the declaration it comes from
 * @param layout    the member's type resolved (for an anonymous member, the inner record)
 * @param offset    byte offset from the start of the record that holds the member; for a
 *                  bit-field, {@code bits.firstByte()}
 * @param align     the member's effective alignment in this record (after pack and attributes)
 * @param bits      a bit-field's bits counted from the start of that record (bit 0 = least
 *                  significant bit of byte 0 on little-endian ABIs); {@code null} when the member
 *                  is not a bit-field
 * @param dynamic   whether the offset depends on data (the member follows a member whose size data
 *                  decides, or is placed by {@code at}); {@code offset} is then the smallest it can be
 *                  (for a placed member, 0)
 */
public record FieldLayout(String name, Member member, TypeLayout layout, long offset, long align, BitSpan bits,
                          boolean dynamic) {

    /** A member at a static offset that is not a bit-field. */
    public FieldLayout(String name, Member member, TypeLayout layout, long offset, long align) {
        this(name, member, layout, offset, align, null, false);
    }

    /** A bit-field at a static place: its byte offset is that of its first bit. */
    public FieldLayout(String name, Member member, TypeLayout layout, long align, BitSpan bits) {
        this(name, member, layout, bits.firstByte(), align, bits, false);
    }

    /** The same member with its offset marked as depending on data. */
    public FieldLayout asDynamic() {
        return dynamic ? this : new FieldLayout(name, member, layout, offset, align, bits, true);
    }

    /** The same member with another resolved type (its place kept). */
    public FieldLayout withLayout(TypeLayout newLayout) {
        return new FieldLayout(name, member, newLayout, offset, align, bits, dynamic);
    }

    /** The same field seen from a record in which its holder starts {@code base} bytes in. */
    public FieldLayout shifted(long base) {
        return new FieldLayout(name, member, layout, offset + base, align,
                bits == null ? null : bits.shifted(base * 8), dynamic);
    }

    /** Whether data decides how many bytes this member occupies (counted, switched, sized, or holding such). */
    public boolean sizeFromData() {
        return RecordLayouter.sizeFromData(this);
    }

    public boolean isBitField() {
        return bits != null;
    }

    /** The size of the member's declared type. */
    public long size() {
        return layout.size();
    }

    /**
     * The fewest bytes the member occupies in a record, as the record's smallest size counts it:
     * its size, but 0 for a sized member and the smallest alternative for a tagged union, whose
     * bytes data decides (a counted array's layout is already its smallest, 0 elements).
     */
    public long smallestSize() {
        return RecordLayouter.smallestSize(member, layout);
    }

    /** The type as it was written, e.g. {@code "int16_t[2][3]"}. */
    public String typeName() {
        return member.type().spelling();
    }

    /** True for an anonymous struct/union member whose fields belong to the enclosing record. */
    public boolean isAnonymousRecord() {
        return member.isAnonymousRecord();
    }
}
