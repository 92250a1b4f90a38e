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
 * itself in the words that asker has always used ({@link Wording}).
 *
 * <p>The rules of the dynamic-layout attributes ({@code switch}, {@code when}, and what the
 * expressions of counts, {@code at}, {@code size} and {@code switch} may read) live here too;
 * {@link DynamicLayoutCheck} finds the facts for them in a header's or a document's library, so
 * both are refused for the same reasons when they are read. Stateless.
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

    // Dynamic-layout attributes. One wording serves every asker (there are no earlier messages to
    // keep): the header importer and the document checker both reach them through DynamicLayoutCheck.

    /**
     * A dynamic-layout attribute that cannot mean anything, found when the layout is read: the
     * member it is about (an alternative, for the faults of a tagged union's alternatives), the
     * expression to point at when the asker knows where it was written (else null: the member),
     * and the message.
     */
    public record DynamicFault(Member member, Expr at, String message) {
    }

    /**
     * Where an expression is used, and so what it must compute: a count, a position or a size is
     * a number; a discriminator is a number or a string (a {@code char} array, compared with
     * string {@code when} values).
     */
    public enum Use {
        COUNT("count", "a count needs an integer or enum member"),
        AT("at", "at needs an integer or enum member"),
        SIZE("size", "a size needs an integer or enum member"),
        SWITCH("switch", "a switch needs an integer, enum or char array member");

        private final String word;
        private final String need;

        Use(String word, String need) {
            this.word = word;
            this.need = need;
        }

        /** How the use reads in a message: {@code switch(t)}, {@code size(len - 4)}, {@code count n}. */
        public String label(Expr e) {
            return this == COUNT ? word + " " + e.text() : word + "(" + e.text() + ")";
        }
    }

    /**
     * What a member, or an expression over members, computes as far as the declared types tell.
     *
     * @param kind  a number; a string of at most {@code chars} characters (-1: data decides); a
     *              value no expression can read (a float, a struct); unknown (a name only the
     *              record around it at decode time supplies); or missing (a name no member
     *              answers to wherever the record is decoded: {@link #noMember}, {@link #noMemberIn},
     *              {@link #noMembers})
     * @param chars for {@code TEXT}, the most characters it can have, or -1
     * @param type  the declared type of the member the value is, for messages; null for
     *              constants and computed values; for {@code MISSING}, what the name lacks
     * @param holds for a {@code NUMBER} that is a member, the values it can have on some ABI; null
     *              when that is any 64-bit value (or not known)
     */
    public record Operand(Kind kind, long chars, String type, Span holds) {
        public enum Kind { NUMBER, TEXT, UNREADABLE, UNKNOWN, MISSING }

        static final Operand NUMBER = new Operand(Kind.NUMBER, -1, null, null);
        static final Operand UNKNOWN = new Operand(Kind.UNKNOWN, -1, null, null);

        Operand(Kind kind, long chars, String type) {
            this(kind, chars, type, null);
        }
    }

    /**
     * The integers from {@code min} to {@code max}: what a member narrower than 64 bits can hold.
     * (Expressions compute with 64 bits, and the decoder compares a {@code when} value with a
     * 64-bit discriminator by its 64 bits, so every value equals some value of such a member.)
     */
    public record Span(long min, long max) {
        /** Whether {@code v}, a {@link Long} or an {@link Expr.Unsigned} (2<sup>63</sup> or more), is in it. */
        boolean contains(Object v) {
            return v instanceof Long l && l >= min && l <= max;
        }

        @Override
        public String toString() {
            return min + " to " + max;
        }
    }

    /** Whether an integer type's values are signed: per the ABI for {@code char} and {@code wchar_t}. */
    private enum Sign { SIGNED, UNSIGNED, EITHER }

    /**
     * The values an integer {@code bits} wide holds on some ABI: both the signed and the unsigned
     * range when the ABI decides; null (any) from 64 bits on.
     */
    private static Span span(long bits, Sign sign) {
        if (bits >= 64) {
            return null;
        }
        long half = 1L << (bits - 1);
        return switch (sign) {
            case SIGNED -> new Span(-half, half - 1);
            case UNSIGNED -> new Span(0, 2 * half - 1);
            case EITHER -> new Span(-half, 2 * half - 1);
        };
    }

    private static Sign sign(Prim p) {
        return switch (p.category()) {
            case SIGNED -> Sign.SIGNED;
            case CHAR -> Sign.EITHER;
            default -> Sign.UNSIGNED;
        };
    }

    /**
     * The most bits an integer type has on any supported ABI: {@code long} is 64 on LP64 and 32 on
     * the others, {@code wchar_t} 32 on Linux and 16 on Windows; a {@code _Bool} holds one bit.
     * (What a bit-field of the type may be at most, and what a discriminator of it can hold.)
     */
    public static int widestBits(Prim p) {
        return switch (p) {
            case BOOL -> 1;
            case CHAR, SIGNED_CHAR, UNSIGNED_CHAR, INT8, UINT8 -> 8;
            case SHORT, UNSIGNED_SHORT, INT16, UINT16, CHAR16 -> 16;
            case INT, UNSIGNED_INT, INT32, UINT32, CHAR32, WCHAR -> 32;
            case INT128, UINT128 -> 128;
            default -> 64;
        };
    }

    /**
     * The values a member of enum type {@code e} holds, {@code bits} wide (a bit-field) or as wide
     * as the enum is stored: its fixed underlying type's; else int or unsigned int as every
     * supported ABI stores an enum whose values fit them (a packed one in fewer bytes, MSVC always
     * in an int), and any value when they do not (the ABI may store it in 64 bits).
     */
    private static Span enumSpan(EnumType e, Integer bits) {
        if (e.underlying() != null) {
            return e.underlying() == Prim.BOOL ? new Span(0, 1)
                    : span(bits != null ? bits : widestBits(e.underlying()), sign(e.underlying()));
        }
        long min = 0;
        long max = 0;
        for (Enumerator en : e.enumerators()) {
            min = Math.min(min, en.value());
            max = Math.max(max, en.value());
        }
        boolean fits32 = min < 0 ? min >= Integer.MIN_VALUE && max <= Integer.MAX_VALUE : max <= 0xFFFF_FFFFL;
        return fits32 || bits != null ? span(bits != null ? bits : 32, Sign.EITHER) : null;
    }

    /**
     * A name no member answers to: none of that name comes before the expression in its record,
     * nor in the records around it ({@code looked}, innermost first, as the reader would name them),
     * so the decoder would fail on every record. {@code visible} are the names it could have meant.
     */
    public static Operand noMember(String name, List<String> looked, java.util.Collection<String> visible) {
        String where = looked.isEmpty() ? "" : " in " + looked.getFirst() + (looked.size() == 1 ? ""
                : ", nor in " + String.join(" or ", looked.subList(1, looked.size())) + " around it");
        return missing("no member '" + name + "' is decoded before it" + where + meant(name, visible));
    }

    /** A dotted name past the members of the record {@code holder} ({@code type}) names: {@code hdr.nmae}. */
    public static Operand noMemberIn(String holder, String type, String name, java.util.Collection<String> members) {
        return missing("'" + holder + "' (" + type + ") has no member '" + name + "'" + meant(name, members));
    }

    /** A dotted name into a member that has no members: a number, a string, an array ({@code recs.count}). */
    public static Operand noMembers(String holder, String type) {
        return missing("'" + holder + "' is " + type + ", which has no members");
    }

    private static Operand missing(String why) {
        return new Operand(Operand.Kind.MISSING, -1, why);
    }

    /**
     * " (did you mean 'x'?)" for the name among {@code names} nearest to {@code name} (the first of
     * the nearest), when it is a near miss (two edits or fewer, and fewer than the name has
     * characters, so that 'a' does not suggest 'b'), else "".
     */
    public static String meant(String name, java.util.Collection<String> names) {
        int limit = Math.min(2, name.length() - 1);
        String best = null;
        int bestEdits = Integer.MAX_VALUE;
        for (String n : names) {
            int e = edits(name, n);
            if (e <= limit && e < bestEdits) {
                best = n;
                bestEdits = e;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /**
     * How many characters must be inserted, deleted or replaced to turn {@code a} into {@code b}
     * (Levenshtein): how far a misspelt name is from what was meant.
     */
    public static int edits(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /**
     * What the value of member {@code m} is in an expression, as the decoder reads it: integers,
     * enums, booleans and pointers are numbers; a {@code char} array is a string read up to its
     * first NUL; anything else (floats, records, other arrays, and {@code __int128}, which is wider
     * than the 64 bits expressions compute with) cannot be read. {@code resolve} strips typedefs
     * and tags and answers null for a type it cannot resolve (then the value is unknown).
     */
    public static Operand operand(Member m, java.util.function.UnaryOperator<CType> resolve) {
        String spelling = m.type().spelling();
        if (m.isBitField()) {
            int w = m.bitWidth();
            Span holds = switch (resolve.apply(m.type())) {
                case PrimitiveType p when p.prim() == Prim.BOOL -> new Span(0, 1);
                case PrimitiveType p when p.prim().isInteger() -> span(w, sign(p.prim()));
                case EnumType e -> enumSpan(e, w);
                case null, default -> null;
            };
            return new Operand(Operand.Kind.NUMBER, -1, spelling + " : " + w, holds);
        }
        return switch (resolve.apply(m.type())) {
            case null -> Operand.UNKNOWN;
            case PrimitiveType p when p.prim() == Prim.INT128 || p.prim() == Prim.UINT128 ->
                    new Operand(Operand.Kind.UNREADABLE, -1, spelling + ", wider than 64 bits");
            case PrimitiveType p when p.prim() == Prim.BOOL -> new Operand(Operand.Kind.NUMBER, -1, spelling, new Span(0, 1));
            case PrimitiveType p when p.prim().isInteger() ->
                    new Operand(Operand.Kind.NUMBER, -1, spelling, span(widestBits(p.prim()), sign(p.prim())));
            case EnumType e -> new Operand(Operand.Kind.NUMBER, -1, spelling, enumSpan(e, null));
            case PointerType p -> new Operand(Operand.Kind.NUMBER, -1, spelling);
            case ArrayType a when resolve.apply(a.element()) instanceof PrimitiveType p && p.prim() == Prim.CHAR ->
                    new Operand(Operand.Kind.TEXT, a.extent() instanceof ArrayType.Fixed f ? f.length() : -1, spelling);
            default -> new Operand(Operand.Kind.UNREADABLE, -1, spelling);
        };
    }

    /**
     * An expression's value, or what makes it meaningless.
     *
     * @param operand what it computes; null when {@code fault} is set
     * @param fault   why no data can give it a meaning, or null
     */
    public record Typed(Operand operand, DynamicFault fault) {
    }

    /**
     * Checks expression {@code e} of member {@code m} used as {@code use}, with {@code members}
     * saying what each member it names is: every name must be one a member answers to (unless only
     * the record around it at decode time can say), every member it reads must be readable, a string may
     * only be compared with a string ({@code ==}, {@code !=}), and a count, position or size must
     * be a number. These would otherwise fail on every record decoded, with a message about the
     * data rather than about the layout.
     */
    public static Typed expression(Member m, Use use, Expr e, java.util.function.Function<Expr.Ref, Operand> members) {
        try {
            Operand o = new Typing(m, use, e, members).of(e);
            if (use != Use.SWITCH && o.kind() == Operand.Kind.TEXT) {
                return new Typed(null, notANumber(m, use, e, e, o, use.need));
            }
            return new Typed(o, null);
        } catch (Refused r) {
            return new Typed(null, r.fault);
        }
    }

    /** Typing of one expression; the first fault ends it ({@link Refused}). */
    private record Typing(Member m, Use use, Expr whole, java.util.function.Function<Expr.Ref, Operand> members) {
        Operand of(Expr e) {
            return switch (e) {
                case Expr.Const c -> Operand.NUMBER;
                case Expr.Str s -> new Operand(Operand.Kind.TEXT, whenText(s.value()).length(), null);
                case Expr.Ref r -> {
                    Operand o = members.apply(r);
                    if (o.kind() == Operand.Kind.MISSING) {
                        throw new Refused(new DynamicFault(m, r, use.label(whole) + ": " + o.type()));
                    }
                    if (o.kind() == Operand.Kind.UNREADABLE) {
                        throw new Refused(new DynamicFault(m, r, use.label(whole) + ": '" + r.text() + "' is " + o.type()
                                + "; " + (r == whole ? use.need : "expressions read only integer, enum and char array members")));
                    }
                    yield o;
                }
                case Expr.Unary u -> number(u.operand(), "'" + u.op().symbol + "' needs a number");
                case Expr.Binary b when b.op() == Expr.BinaryOp.EQ || b.op() == Expr.BinaryOp.NE -> {
                    Operand l = of(b.left());
                    Operand r = of(b.right());
                    if (mixed(l, r)) {
                        throw new Refused(new DynamicFault(m, b.left(), use.label(whole) + ": '" + b.text()
                                + "' compares a string with a number, which are never equal"));
                    }
                    yield Operand.NUMBER;
                }
                case Expr.Binary b -> {
                    number(b.left(), "'" + b.op().symbol + "' needs numbers");
                    yield number(b.right(), "'" + b.op().symbol + "' needs numbers");
                }
                case Expr.Cond c -> {
                    number(c.test(), "the test of '?:' needs a number");
                    Operand a = of(c.then());
                    Operand b = of(c.otherwise());
                    if (mixed(a, b)) {
                        throw new Refused(new DynamicFault(m, c.then(), use.label(whole) + ": '" + c.text()
                                + "' is a string or a number depending on '" + c.test().text() + "'"));
                    }
                    yield a.kind() == Operand.Kind.UNKNOWN ? b : b.kind() == Operand.Kind.UNKNOWN ? a
                            : a.kind() == Operand.Kind.TEXT ? new Operand(Operand.Kind.TEXT,
                                    a.chars() < 0 || b.chars() < 0 ? -1 : Math.max(a.chars(), b.chars()), null)
                            : Operand.NUMBER;
                }
            };
        }

        private Operand number(Expr e, String need) {
            Operand o = of(e);
            if (o.kind() == Operand.Kind.TEXT) {
                throw new Refused(notANumber(m, use, whole, e, o, need));
            }
            return Operand.NUMBER;
        }

        private static boolean mixed(Operand a, Operand b) {
            return (a.kind() == Operand.Kind.TEXT && b.kind() == Operand.Kind.NUMBER)
                    || (a.kind() == Operand.Kind.NUMBER && b.kind() == Operand.Kind.TEXT);
        }
    }

    private static DynamicFault notANumber(Member m, Use use, Expr whole, Expr e, Operand o, String need) {
        return new DynamicFault(m, e, use.label(whole) + ": '" + e.text() + "' is "
                + (o.type() == null ? "a string" : o.type() + ", a string") + "; " + need);
    }

    /** Ends a {@link Typing} with its fault. */
    private static final class Refused extends RuntimeException {
        final transient DynamicFault fault;

        Refused(DynamicFault fault) {
            super(null, null, false, false);
            this.fault = fault;
        }
    }

    /**
     * What a string {@code when} value matches: its characters up to the first NUL, as a
     * {@code char} array discriminator is read up to its first NUL ({@code "ab\0\0"} matches a
     * discriminator holding "ab").
     */
    public static String whenText(String s) {
        int i = s.indexOf('\0');
        return i < 0 ? s : s.substring(0, i);
    }

    /**
     * Checks the alternatives of a union chosen by {@code switch(switchOn)}, whose value is
     * {@code key}: each {@code when} value must be of the discriminator's kind (a string for a
     * {@code char} array, a number otherwise); for a string, no longer than the array; for a
     * number and a discriminator that is an integer member, one the member's type can hold on some
     * ABI ({@code when(300)} for a {@code uint8_t}, {@code when(-1)} for an unsigned one, 8 for a
     * 3-bit bit-field); no value
     * may choose two alternatives (the first would always win); and at most one alternative may be
     * the default (one without {@code when}; an unnamed bit-field is no alternative). Each of these
     * would make an alternative that data can never choose, with no word said.
     */
    public static Optional<DynamicFault> alternatives(Expr switchOn, Operand key, List<Member> alternatives) {
        String sw = Use.SWITCH.label(switchOn);
        java.util.Map<Object, Member> seen = new java.util.HashMap<>();
        Member fallback = null;
        for (Member alt : alternatives) {
            if (alt.name() == null && alt.isBitField()) {
                continue;
            }
            if (alt.dynamic().when().isEmpty()) {
                if (fallback != null) {
                    return Optional.of(new DynamicFault(alt, null, sw + ": '" + display(fallback) + "' and '"
                            + display(alt) + "' both have no when; a tagged union has at most one default alternative"));
                }
                fallback = alt;
                continue;
            }
            for (Expr w : alt.dynamic().when()) {
                String when = "when(" + w.text() + ")";
                Object v;
                try {
                    v = w.evaluate(p -> {
                        throw new Expr.EvalException("'" + String.join(".", p) + "' is not a constant");
                    });
                } catch (Expr.EvalException e) {
                    return Optional.of(new DynamicFault(alt, w, when + ": " + e.getMessage()));
                }
                boolean text = v instanceof String;
                String keyIs = key.type() == null ? "" : " ('" + switchOn.text() + "' is " + key.type() + ")";
                if (text ? key.kind() == Operand.Kind.NUMBER : key.kind() == Operand.Kind.TEXT) {
                    return Optional.of(new DynamicFault(alt, w, when + ": " + sw + " is a " + (text ? "number" : "string")
                            + keyIs + "; a " + (text ? "string" : "number") + " never equals it"));
                }
                // Only a member's type says what a discriminator can hold; a computed one can be anything.
                if (!text && switchOn instanceof Expr.Ref && key.holds() != null && !key.holds().contains(v)) {
                    return Optional.of(new DynamicFault(alt, w, when + ": " + sw + " holds " + key.holds() + keyIs
                            + ", so " + v + " never equals it"));
                }
                Object match = text ? whenText((String) v) : v instanceof Expr.Unsigned u ? (Object) u.bits() : v;
                if (text && key.kind() == Operand.Kind.TEXT && key.chars() >= 0 && ((String) match).length() > key.chars()) {
                    return Optional.of(new DynamicFault(alt, w, when + ": " + sw + " has at most " + key.chars()
                            + " characters" + keyIs + ", so " + w.text() + " (" + ((String) match).length()
                            + ") never equals it"));
                }
                Member first = seen.putIfAbsent(match, alt);
                if (first != null) {
                    return Optional.of(new DynamicFault(alt, w, when + ": " + w.text() + (first == alt
                            ? " is given twice for '" + display(alt) + "'"
                            : " is also a when value of '" + display(first) + "', which is chosen first")));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * {@code when} on a member of a struct: it marks an alternative of a union that a switch
     * chooses from, and a struct member is always read.
     */
    public static Optional<DynamicFault> whenOutsideUnion(RecordKind kind, Member m) {
        if (kind == RecordKind.UNION || m.dynamic().when().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DynamicFault(m, m.dynamic().when().getFirst(), "when on '" + display(m)
                + "', a member of a struct: when marks an alternative of a union chosen by switch"));
    }

    /**
     * A member of union type (or an array of it) whose alternatives have {@code when}, without
     * {@code switch}: nothing says which alternative to read, so the {@code when} values would be
     * silently ignored and every alternative read over the others.
     */
    public static Optional<DynamicFault> unswitched(Member m, RecordType union) {
        if (m.dynamic().switchOn() != null || union.kind() != RecordKind.UNION
                || union.members().stream().allMatch(a -> a.dynamic().when().isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new DynamicFault(m, null, "'" + display(m) + "' is " + m.type().spelling()
                + ", whose alternatives have when, but it has no switch to choose one"));
    }

    private static String display(Member m) {
        return m.name() == null ? "<unnamed>" : m.name();
    }
}
