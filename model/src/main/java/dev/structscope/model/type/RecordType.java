package dev.structscope.model.type;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A struct or union definition. Tagged records live in a {@link TypeLibrary} as declarations and
 * are referred to by {@link NamedType}; an untagged record (the body of
 * {@code typedef struct {...} T;} or an anonymous member) appears inline where it is used.
 *
 * @param kind      struct or union
 * @param tag       the tag ({@code Foo} of {@code struct Foo}), or {@code null} when untagged
 * @param members   members in declaration order
 * @param pack      the {@code #pragma pack} value in force where the record was defined
 *                  (1, 2, 4, 8, 16), or 0 when none
 * @param packed    {@code __attribute__((packed))} on the record: every member aligned to 1
 * @param alignedAttr {@code __attribute__((aligned(N)))} on the record (a minimum alignment), or 0
 * @param comment   a comment carried to exports and documents, or {@code null}
 */
public record RecordType(RecordKind kind, String tag, List<Member> members, int pack, boolean packed,
                         long alignedAttr, String comment) implements CType, Decl {
    public RecordType {
        Objects.requireNonNull(kind, "kind");
        members = List.copyOf(members);
        if (tag != null && tag.isEmpty()) {
            tag = null;
        }
        if (!MemberRules.isAlignmentOrNone(pack)) {
            throw new IllegalArgumentException("pack must be 0 or a power of two, was " + pack);
        }
        if (!MemberRules.isAlignmentOrNone(alignedAttr)) {
            throw new IllegalArgumentException("aligned must be a power of two, was " + alignedAttr);
        }
    }

    public static RecordType struct(String tag, List<Member> members) {
        return new RecordType(RecordKind.STRUCT, tag, members, 0, false, 0, null);
    }

    public static RecordType union(String tag, List<Member> members) {
        return new RecordType(RecordKind.UNION, tag, members, 0, false, 0, null);
    }

    @Override
    public String spelling() {
        return kind.keyword() + (tag == null ? " <anonymous>" : " " + tag);
    }

    @Override
    public String name() {
        return tag;
    }

    public RecordType withMembers(List<Member> newMembers) {
        return new RecordType(kind, tag, newMembers, pack, packed, alignedAttr, comment);
    }

    public RecordType withMember(int index, Member m) {
        List<Member> copy = new ArrayList<>(members);
        copy.set(index, m);
        return withMembers(copy);
    }

    public RecordType withTag(String newTag) {
        return new RecordType(kind, newTag, members, pack, packed, alignedAttr, comment);
    }

    public RecordType withKind(RecordKind newKind) {
        return new RecordType(newKind, tag, members, pack, packed, alignedAttr, comment);
    }

    public RecordType withPack(int newPack) {
        return new RecordType(kind, tag, members, newPack, packed, alignedAttr, comment);
    }

    public RecordType withPacked(boolean newPacked) {
        return new RecordType(kind, tag, members, pack, newPacked, alignedAttr, comment);
    }

    public RecordType withAlignedAttr(long newAligned) {
        return new RecordType(kind, tag, members, pack, packed, newAligned, comment);
    }

    public RecordType withComment(String newComment) {
        return new RecordType(kind, tag, members, pack, packed, alignedAttr, newComment);
    }
}
