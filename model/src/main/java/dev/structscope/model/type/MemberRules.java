package dev.structscope.model.type;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The rules C puts on a record's members and on alignments, written once: the header parser, the
 * layout engine and the document checker each ask here whether a bit-field or a flexible array
 * member is allowed, and whether a number may be an alignment. Each asker knows the facts in its
 * own terms (the parser a width expression and the ABI's sizes, the layout engine resolved
 * layouts, the document ABI-free widths) and hands them in; the answer is a fault that can say
 * itself in the words that asker has always used ({@link Wording}). Stateless.
 */
public final class MemberRules {
    private MemberRules() {
    }

    /** Whose words a fault is said in: the messages users see stay as each part has always written them. */
    public enum Wording {
        /** The C header importer: clang's words. */
        HEADER,
        /** The layout engine, on a type tree built by hand or by the designer. */
        LAYOUT,
        /** The layout document checker. */
        DOCUMENT
    }

    /** Whether {@code v} is a positive power of two. */
    public static boolean isPowerOfTwo(long v) {
        return v > 0 && (v & (v - 1)) == 0;
    }

    /** Whether {@code v} may be an alignment request: 0 (none) or a power of two. */
    public static boolean isAlignmentOrNone(long v) {
        return v == 0 || isPowerOfTwo(v);
    }

    /** How many bits a bit-field of an integer type {@code bytes} wide may have: a {@code _Bool} holds one. */
    public static long bitFieldBits(Prim prim, long bytes) {
        return prim == Prim.BOOL ? 1 : bytes * 8;
    }

    /** What is wrong with a bit-field. */
    public sealed interface BitFieldFault {
        /** The message in {@code w}'s words. */
        String message(Wording w);
    }

    /** A bit-field whose type is neither an integer nor an enum. */
    public record NotInteger(String name, String type) implements BitFieldFault {
        @Override
        public String message(Wording w) {
            return label(name, w) + (w == Wording.HEADER ? " has non-integral type '" : " has non-integer type '")
                    + type + "'";
        }
    }

    /** A bit-field written with a negative width. */
    public record NegativeWidth(String name, BigInteger width) implements BitFieldFault {
        @Override
        public String message(Wording w) {
            return label(name, w) + " has negative width (" + width + ")";
        }
    }

    /** A bit-field wider than its type ({@code typeBits} as the asker counts them). */
    public record TooWide(String name, BigInteger width, long typeBits, String type) implements BitFieldFault {
        @Override
        public String message(Wording w) {
            return switch (w) {
                case HEADER -> "width of " + label(name, w) + " (" + width + " bits) exceeds the width of its type ("
                        + typeBits + " bit" + (typeBits == 1 ? "" : "s") + ")";
                case LAYOUT -> "width of " + label(name, w) + " (" + width + " bits) exceeds the width of its type ("
                        + typeBits + " bits)";
                case DOCUMENT -> label(name, w) + " is " + width + " bits wide, wider than its type '" + type + "'";
            };
        }
    }

    /** A bit-field of width 0 with a name: only an unnamed one may be zero wide. */
    public record NamedZeroWidth(String name) implements BitFieldFault {
        @Override
        public String message(Wording w) {
            return "named bit-field '" + name + "' has zero width";
        }
    }

    private static String label(String name, Wording w) {
        if (name != null) {
            return "bit-field '" + name + "'";
        }
        return switch (w) {
            case HEADER -> "anonymous bit-field";
            case LAYOUT -> "bit-field '<unnamed>'";
            case DOCUMENT -> "unnamed bit-field";
        };
    }

    /**
     * Checks a bit-field: its type must be an integer or an enum, its width not negative, not wider
     * than its type, and 0 only when it has no name.
     *
     * @param name     the member's name, or null
     * @param width    the width as written
     * @param typeBits the bits its type holds, empty when the type is not an integer or enum type
     * @param type     the type as written, for messages
     */
    public static Optional<BitFieldFault> bitField(String name, BigInteger width, OptionalLong typeBits, String type) {
        if (typeBits.isEmpty()) {
            return Optional.of(new NotInteger(name, type));
        }
        if (width.signum() < 0) {
            return Optional.of(new NegativeWidth(name, width));
        }
        if (width.compareTo(BigInteger.valueOf(typeBits.getAsLong())) > 0) {
            return Optional.of(new TooWide(name, width, typeBits.getAsLong(), type));
        }
        if (width.signum() == 0 && name != null) {
            return Optional.of(new NamedZeroWidth(name));
        }
        return Optional.empty();
    }

    /** What is wrong with the place of a flexible array member ({@code T x[]}). */
    public enum FlexibleFault {
        /** A union cannot hold one. */
        IN_UNION,
        /** It is followed by another member laid out in sequence. */
        NOT_LAST,
        /** Nothing named comes before it: the struct would have no storage of its own. */
        NO_NAMED_MEMBER_BEFORE;

        /** The message about {@code member} (null when unnamed) in {@code w}'s words. */
        public String message(String member, Wording w) {
            String n = member == null ? "<unnamed>" : member;
            return switch (this) {
                case NO_NAMED_MEMBER_BEFORE -> "flexible array member in a struct with no named members";
                case IN_UNION -> w == Wording.HEADER ? "flexible array member '" + n + "' in a union is not allowed"
                        : "flexible array member '" + n + "' must be the last member of a struct";
                case NOT_LAST -> switch (w) {
                    case HEADER -> "flexible array member '" + n + "' is not at the end of the struct";
                    case LAYOUT -> "flexible array member '" + n + "' must be the last member of a struct";
                    case DOCUMENT -> "flexible array member '" + n + "' must be the last member";
                };
            };
        }
    }

    /**
     * Checks the place of member {@code i}, a flexible array member as the asker sees it (its
     * declared type, or its resolved layout): only in a struct; unless placed by {@code at} (then
     * it takes no room in the sequence), after a named member (or an anonymous struct or union)
     * and last of the members laid out in sequence (placed members may follow it).
     */
    public static Optional<FlexibleFault> flexibleArray(RecordKind kind, List<Member> members, int i) {
        if (kind == RecordKind.UNION) {
            return Optional.of(FlexibleFault.IN_UNION);
        }
        if (members.get(i).dynamic().at() != null) {
            return Optional.empty();
        }
        if (i != lastSequential(members)) {
            return Optional.of(FlexibleFault.NOT_LAST);
        }
        if (members.subList(0, i).stream().noneMatch(m -> m.name() != null || m.isAnonymousRecord())) {
            return Optional.of(FlexibleFault.NO_NAMED_MEMBER_BEFORE);
        }
        return Optional.empty();
    }

    /** The index of the last member that is not placed by {@code at}, or -1. */
    public static int lastSequential(List<Member> members) {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i).dynamic().at() == null) {
                return i;
            }
        }
        return -1;
    }
}
