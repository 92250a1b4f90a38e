package dev.structscope.model.type;

import java.util.List;
import java.util.Objects;

/**
 * An expression of a dynamic layout: the count of a counted array ({@code char name[name_len]}),
 * the byte position of a placed member ({@code at(ehdr.e_shoff)}), a tagged union's
 * discriminator ({@code switch(type)}) and its alternatives' values ({@code when(1, 2)}), a sized
 * member's window ({@code size(len - 4)}). C integer arithmetic over constants and the values of
 * members decoded earlier ({@link Ref}, dotted into nested members). Immutable values; the C
 * importer and the document reader build them, the decoder evaluates them with {@link #evaluate}.
 *
 * <p>Arithmetic is on 64-bit two's complement integers (what every count, size and offset of a
 * real format fits in); division by zero and a string where a number is needed are errors. An
 * unsigned 64-bit member of 2<sup>63</sup> or more is an {@link Unsigned} value, and an operation
 * with one as an operand is C's unsigned one (it compares, divides and shifts as unsigned, and
 * its result is unsigned), so such a value is never taken for a negative number.
 */
public sealed interface Expr permits Expr.Const, Expr.Str, Expr.Ref, Expr.Unary, Expr.Binary, Expr.Cond {

    /** How the expression is written in C, fully parenthesised only where precedence needs it. */
    String text();

    /** The binding strength of the outermost operator, for {@link #text()}: higher binds tighter. */
    int precedence();

    /**
     * How the expression is written as an operand that must bind at least as tightly as
     * {@code precedence}: its {@link #text()}, in parentheses when its outermost operator binds
     * looser. The one rule of where the text of an expression inside another needs parentheses.
     */
    default String operandText(int precedence) {
        return precedence() >= precedence ? text() : "(" + text() + ")";
    }

    /** Member values the expression reads, resolved by the decoder from the values read so far. */
    @FunctionalInterface
    interface Env {
        /**
         * The value of the member at {@code path}: a {@link Long} for integers, enums, booleans
         * and pointers ({@link Unsigned} for an unsigned 64-bit value above {@link Long#MAX_VALUE}),
         * a {@link String} for {@code char} arrays.
         *
         * @throws EvalException when no member of that name has been decoded
         */
        Object value(List<String> path);
    }

    /** Evaluation failed: an unknown member, division by zero, a string used as a number. */
    final class EvalException extends RuntimeException {
        public EvalException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * An integer value of C type {@code unsigned long long}: the 64 bits of a value that may be
     * above {@link Long#MAX_VALUE}. What an unsigned 64-bit member and every result computed from
     * one are; printed as the unsigned number.
     */
    record Unsigned(long bits) {
        @Override
        public String toString() {
            return Long.toUnsignedString(bits);
        }
    }

    /**
     * The value: a {@link Long}, an {@link Unsigned}, or a {@link String} for a string literal or
     * a {@code char} array.
     */
    Object evaluate(Env env);

    /** The value as 64 integer bits (an {@link Unsigned}'s bits as they are). */
    default long evaluateLong(Env env) {
        return bits(evaluate(env), this);
    }

    /** An integer value's 64 bits, for {@code e}'s messages. */
    private static long bits(Object v, Expr e) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Unsigned u) {
            return u.bits();
        }
        throw new EvalException("'" + e.text() + "' is a string (\"" + v + "\"), not a number");
    }

    /** The member paths this expression reads, in the order written. */
    default List<List<String>> references() {
        java.util.ArrayList<List<String>> out = new java.util.ArrayList<>();
        collect(this, out);
        return out;
    }

    private static void collect(Expr e, List<List<String>> out) {
        switch (e) {
            case Ref r -> out.add(r.path());
            case Unary u -> collect(u.operand(), out);
            case Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            case Cond c -> {
                collect(c.test(), out);
                collect(c.then(), out);
                collect(c.otherwise(), out);
            }
            case Const ignored -> {
            }
            case Str ignored -> {
            }
        }
    }

    /** Whether the expression reads no member. */
    default boolean isConstant() {
        return references().isEmpty();
    }

    /**
     * An integer constant; {@code spelling} is the enum constant it was written as
     * ({@code when(MSG_HELLO)}), so that listings, documents and exported headers say it the same
     * way, or null for a number (and for anything folded from several constants).
     */
    record Const(long value, String spelling) implements Expr {
        public Const(long value) {
            this(value, null);
        }

        @Override
        public String text() {
            return spelling != null ? spelling : Long.toString(value);
        }

        @Override
        public int precedence() {
            return value < 0 && spelling == null ? 14 : 16;
        }

        @Override
        public Object evaluate(Env env) {
            return value;
        }
    }

    /** A string literal, compared with a {@code char} array discriminator ({@code when("fmt ")}). */
    record Str(String value) implements Expr {
        public Str {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return literal(value, Integer.MAX_VALUE);
        }

        /**
         * {@code s} as a C string literal: quoted, with quotes, backslashes and control and
         * non-ASCII characters escaped; after {@code maxChars} characters it stops and ends with
         * "…" inside the quotes. The one writer of C string literals (layout text, decoded values).
         */
        public static String literal(String s, int maxChars) {
            int n = Math.min(s.length(), maxChars);
            StringBuilder sb = new StringBuilder(n + 2).append('"');
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c < 0x20 || c > 0x7E) {
                            sb.append(String.format("\\x%02x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            if (s.length() > n) {
                sb.append("…");
            }
            return sb.append('"').toString();
        }

        @Override
        public int precedence() {
            return 16;
        }

        @Override
        public Object evaluate(Env env) {
            return value;
        }
    }

    /** A member, by name, dotted into nested members ({@code hdr.count}). */
    record Ref(List<String> path) implements Expr {
        public Ref {
            path = List.copyOf(path);
            if (path.isEmpty()) {
                throw new IllegalArgumentException("empty member path");
            }
        }

        @Override
        public String text() {
            return String.join(".", path);
        }

        @Override
        public int precedence() {
            return 16;
        }

        @Override
        public Object evaluate(Env env) {
            return env.value(path);
        }
    }

    /** The unary operators. */
    enum UnaryOp {
        NEG("-"), PLUS("+"), NOT("!"), COMPL("~");

        public final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }
    }

    record Unary(UnaryOp op, Expr operand) implements Expr {
        public Unary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String text() {
            // "-(a + b)" keeps its parentheses, "- -x" its space.
            String inner = operand.operandText(precedence());
            if (inner.startsWith(op.symbol) && (op == UnaryOp.NEG || op == UnaryOp.PLUS)) {
                inner = " " + inner;
            }
            return op.symbol + inner;
        }

        @Override
        public int precedence() {
            return 14;
        }

        @Override
        public Object evaluate(Env env) {
            Object o = operand.evaluate(env);
            long v = bits(o, operand);
            if (op == UnaryOp.NOT) {
                return v == 0 ? 1L : 0L;
            }
            long r = switch (op) {
                case NEG -> -v;
                case COMPL -> ~v;
                default -> v;
            };
            return o instanceof Unsigned ? new Unsigned(r) : (Object) r;
        }
    }

    /** The binary operators with C's precedence (higher binds tighter). */
    enum BinaryOp {
        MUL("*", 13), DIV("/", 13), MOD("%", 13), ADD("+", 12), SUB("-", 12), SHL("<<", 11), SHR(">>", 11),
        LT("<", 10), GT(">", 10), LE("<=", 10), GE(">=", 10), EQ("==", 9), NE("!=", 9), AND("&", 8),
        XOR("^", 7), OR("|", 6), LAND("&&", 5), LOR("||", 4);

        public final String symbol;
        public final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        /** The operator written {@code symbol}, or null. */
        public static BinaryOp of(String symbol) {
            for (BinaryOp op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String text() {
            // Left-associative: a right operand of the same precedence keeps its parentheses (a - (b - c)).
            return left.operandText(op.precedence) + " " + op.symbol + " " + right.operandText(op.precedence + 1);
        }

        @Override
        public int precedence() {
            return op.precedence;
        }

        @Override
        public Object evaluate(Env env) {
            if (op == BinaryOp.LAND) {
                return left.evaluateLong(env) != 0 && right.evaluateLong(env) != 0 ? 1L : 0L;
            }
            if (op == BinaryOp.LOR) {
                return left.evaluateLong(env) != 0 || right.evaluateLong(env) != 0 ? 1L : 0L;
            }
            if (op == BinaryOp.EQ || op == BinaryOp.NE) {
                Object a = left.evaluate(env);
                Object b = right.evaluate(env);
                if (a instanceof String || b instanceof String) {
                    boolean same = a.equals(b);
                    return (op == BinaryOp.EQ) == same ? 1L : 0L;
                }
            }
            Object l = left.evaluate(env);
            Object r = right.evaluate(env);
            long a = bits(l, left);
            long b = bits(r, right);
            boolean unsigned = op == BinaryOp.SHL || op == BinaryOp.SHR ? l instanceof Unsigned
                    : l instanceof Unsigned || r instanceof Unsigned;
            if (unsigned) {
                return unsigned(a, b);
            }
            return switch (op) {
                case MUL -> a * b;
                case DIV -> {
                    if (b == 0) {
                        throw new EvalException("division by zero in '" + text() + "'");
                    }
                    yield a / b;
                }
                case MOD -> {
                    if (b == 0) {
                        throw new EvalException("division by zero in '" + text() + "'");
                    }
                    yield a % b;
                }
                case ADD -> a + b;
                case SUB -> a - b;
                case SHL -> b < 0 || b > 63 ? 0L : a << b;
                case SHR -> b < 0 || b > 63 ? (a < 0 ? -1L : 0L) : a >> b;
                case LT -> a < b ? 1L : 0L;
                case GT -> a > b ? 1L : 0L;
                case LE -> a <= b ? 1L : 0L;
                case GE -> a >= b ? 1L : 0L;
                case EQ -> a == b ? 1L : 0L;
                case NE -> a != b ? 1L : 0L;
                case AND -> a & b;
                case XOR -> a ^ b;
                case OR -> a | b;
                case LAND, LOR -> throw new IllegalStateException();
            };
        }

        /** C's operation on {@code unsigned long long} operands: unsigned results, unsigned compares. */
        private Object unsigned(long a, long b) {
            return switch (op) {
                case LT -> Long.compareUnsigned(a, b) < 0 ? 1L : 0L;
                case GT -> Long.compareUnsigned(a, b) > 0 ? 1L : 0L;
                case LE -> Long.compareUnsigned(a, b) <= 0 ? 1L : 0L;
                case GE -> Long.compareUnsigned(a, b) >= 0 ? 1L : 0L;
                case EQ -> a == b ? 1L : 0L;
                case NE -> a != b ? 1L : 0L;
                default -> new Unsigned(switch (op) {
                    case MUL -> a * b;
                    case DIV, MOD -> {
                        if (b == 0) {
                            throw new EvalException("division by zero in '" + text() + "'");
                        }
                        yield op == BinaryOp.DIV ? Long.divideUnsigned(a, b) : Long.remainderUnsigned(a, b);
                    }
                    case ADD -> a + b;
                    case SUB -> a - b;
                    case SHL -> b < 0 || b > 63 ? 0L : a << b;
                    case SHR -> b < 0 || b > 63 ? 0L : a >>> b;
                    case AND -> a & b;
                    case XOR -> a ^ b;
                    case OR -> a | b;
                    default -> throw new IllegalStateException(op.symbol);
                });
            };
        }
    }

    /** {@code test ? then : otherwise}. */
    record Cond(Expr test, Expr then, Expr otherwise) implements Expr {
        public Cond {
            Objects.requireNonNull(test, "test");
            Objects.requireNonNull(then, "then");
            Objects.requireNonNull(otherwise, "otherwise");
        }

        @Override
        public String text() {
            // C would read "a || b ? x : y" too; a test of || or ?: is parenthesised for the reader.
            return test.operandText(BinaryOp.LAND.precedence) + " ? " + then.text() + " : " + otherwise.text();
        }

        @Override
        public int precedence() {
            return 3;
        }

        @Override
        public Object evaluate(Env env) {
            return test.evaluateLong(env) != 0 ? then.evaluate(env) : otherwise.evaluate(env);
        }
    }
}
