package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.PointerLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;

import java.math.BigDecimal;
import java.math.BigInteger;


/**
 * Evaluates a C integer constant expression at the cursor with C's integer semantics (promotions,
 * the usual arithmetic conversions, unsigned wrap-around, short-circuit evaluation), and floating
 * operands on their way to an integer as GCC and clang fold them ({@link FloatValue}). Names,
 * types, {@code sizeof} and the layouts casts convert to are asked of {@link Hooks}: the
 * preprocessor's hooks know no types, the declaration parser's know every type declared so far.
 * One instance per use.
 *
 * <p>Member designators are walked here, once, with the hooks' layouts: {@code offsetof(T, a.b[2])},
 * and the member access through a null pointer of offsetof-like macros and {@code FIELD_SIZEOF}:
 * {@code &((T *)0)->a.b}, {@code sizeof(((T *)0)->a)}. Such an access designates a place, not a
 * value: only {@code sizeof}, {@code &} and {@code typeof} take one, whole.
 */
final class ConstExpr {

    /** What the evaluator cannot know by itself. */
    interface Hooks {
        /** The value of an identifier (an enum constant, a macro), or an error at {@code t}. */
        IntValue identifier(Token t);

        /** Whether the current token starts a type name (for casts and {@code sizeof(type)}). */
        boolean atTypeName();

        CType typeName();

        IntValue sizeOf(CType type, Token at);

        IntValue alignOf(CType type, Token at);

        /** The layout of {@code type}, for member designators (never asked in {@code #if}, where no type is known). */
        TypeLayout layout(CType type, Token at);

        /**
         * The ABI whose data model literals and {@code sizeof} results follow. The widths and
         * signedness below are derived from it here, once for both kinds of hooks.
         */
        Abi abi();

        /** Width of {@code long} in bits: the ABI's, except in {@code #if} (see {@link #preprocessor}). */
        default int longBits() {
            return abi().scalar(Prim.LONG).size() * 8;
        }

        default boolean charSigned() {
            return abi().charSigned();
        }

        default int wcharBits() {
            return abi().scalar(Prim.WCHAR).size() * 8;
        }

        default boolean wcharSigned() {
            return abi().wcharSigned();
        }

        /** In {@code #if} every value is {@code intmax_t} or {@code uintmax_t}. */
        default boolean preprocessor() {
            return false;
        }
    }

    private IntValue widen(IntValue v) {
        return hooks.preprocessor() && v.bits() < 64 ? v.convert(64, v.unsigned()) : v;
    }

    private final TokenCursor in;
    private final Hooks hooks;
    /** False inside the unevaluated operand of {@code &&}, {@code ||} and {@code ?:}. */
    private boolean evaluating = true;

    /** A place inside an object: its type's layout, its offset, and the bit-field it is (or null). */
    private record Place(TypeLayout layout, long offset, FieldLayout bitField) {
    }

    /** The place the last member access through a pointer designates, and the token positions it spans. */
    private Place designated;
    private int designatedFrom = -1;
    private int designatedTo = -1;
    /** The pointed-to type of the last cast to a pointer type, and the token positions the cast spans. */
    private CType pointee;
    private int pointeeFrom = -1;
    private int pointeeTo = -1;
    /** Where an operand of sizeof, _Alignof or & starts: a member access may begin only there. */
    private int designatorAt = -1;

    ConstExpr(TokenCursor in, Hooks hooks) {
        this.in = in;
        this.hooks = hooks;
    }

    /** An integer conditional-expression (what array sizes, bit widths and enum values are). */
    IntValue conditional() {
        Token at = in.peek();
        return integer(value(), at);
    }

    /** A conditional-expression of any arithmetic type. */
    private Value value() {
        in.enter();
        try {
            Value c = binary(0);
            if (!in.accept("?")) {
                return c;
            }
            boolean saved = evaluating;
            evaluating = saved && c.isTrue();
            Value a = comma();
            evaluating = saved;
            in.expect(":", "in conditional expression");
            evaluating = saved && !c.isTrue();
            Value b = value();
            evaluating = saved;
            Value[] ab = balance(a, b);
            return c.isTrue() ? ab[0] : ab[1];
        } finally {
            in.exit();
        }
    }

    /** Inside parentheses the comma operator is allowed. */
    private Value comma() {
        Value v = value();
        while (in.accept(",")) {
            v = value();
        }
        return v;
    }

    /** The usual arithmetic conversions of two operands. */
    private static Value[] balance(Value a, Value b) {
        if (a instanceof IntValue x && b instanceof IntValue y) {
            return IntValue.balance(x, y);
        }
        Prim t = FloatValue.common(a, b);
        return new Value[] {FloatValue.convert(a, t), FloatValue.convert(b, t)};
    }

    /**
     * {@code v} where C asks for an integer: a floating value there (an array size of 2.5) is
     * refused, as clang refuses it; a cast makes it one ({@code (int)(2.5 * 4)}).
     */
    private IntValue integer(Value v, Token at) {
        return switch (v) {
            case IntValue i -> i;
            case FloatValue f -> throw in.error(at, "expected an integer constant expression, not one of type '"
                    + f.type().cName() + "' (a cast makes it one, as in (int)(...))");
        };
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<", ">", "<=", ">="}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"},
    };

    private Value binary(int level) {
        if (level == LEVELS.length) {
            return unaryValue();
        }
        Value left = binary(level + 1);
        while (true) {
            Token op = in.peek();
            String o = null;
            if (op.kind() == Token.Kind.PUNCT) {
                for (String s : LEVELS[level]) {
                    if (op.text().equals(s)) {
                        o = s;
                    }
                }
            }
            if (o == null) {
                return left;
            }
            in.next();
            if (o.equals("&&") || o.equals("||")) {
                boolean saved = evaluating;
                boolean decided = o.equals("&&") ? !left.isTrue() : left.isTrue();
                evaluating = saved && !decided;
                Value right = binary(level + 1);
                evaluating = saved;
                left = IntValue.bool(o.equals("&&") ? left.isTrue() && right.isTrue() : left.isTrue() || right.isTrue());
            } else {
                left = apply(o, left, binary(level + 1), op);
            }
        }
    }

    private Value apply(String o, Value av, Value bv, Token at) {
        if (!(av instanceof IntValue a) || !(bv instanceof IntValue b)) {
            return floating(o, av, bv, at);
        }
        if (o.equals("<<") || o.equals(">>")) {
            IntValue l = a.convert(a.bits(), a.unsigned());
            if (b.value() < 0 && !b.unsigned() || Long.compareUnsigned(b.value(), l.bits()) >= 0) {
                if (!evaluating) {
                    return l;
                }
                throw in.error(at, "shift count " + b + " is out of range for a " + l.bits() + "-bit value");
            }
            int n = (int) b.value();
            if (o.equals("<<")) {
                return new IntValue(l.value() << n, l.bits(), l.unsigned());
            }
            return new IntValue(l.unsigned() ? l.value() >>> n : l.value() >> n, l.bits(), l.unsigned());
        }
        IntValue[] ab = IntValue.balance(a, b);
        long x = ab[0].value();
        long y = ab[1].value();
        int bits = ab[0].bits();
        boolean u = ab[0].unsigned();
        return switch (o) {
            case "+" -> new IntValue(x + y, bits, u);
            case "-" -> new IntValue(x - y, bits, u);
            case "*" -> new IntValue(x * y, bits, u);
            case "/", "%" -> {
                if (y == 0) {
                    if (!evaluating) {
                        yield new IntValue(0, bits, u);
                    }
                    throw in.error(at, o.equals("/") ? "division by zero in constant expression"
                            : "remainder by zero in constant expression");
                }
                long r;
                if (u) {
                    r = o.equals("/") ? Long.divideUnsigned(x, y) : Long.remainderUnsigned(x, y);
                } else {
                    r = o.equals("/") ? x / y : x % y;
                }
                yield new IntValue(r, bits, u);
            }
            case "&" -> new IntValue(x & y, bits, u);
            case "|" -> new IntValue(x | y, bits, u);
            case "^" -> new IntValue(x ^ y, bits, u);
            case "==" -> IntValue.bool(x == y);
            case "!=" -> IntValue.bool(x != y);
            case "<" -> IntValue.bool(a.compareTo(b) < 0);
            case ">" -> IntValue.bool(a.compareTo(b) > 0);
            case "<=" -> IntValue.bool(a.compareTo(b) <= 0);
            case ">=" -> IntValue.bool(a.compareTo(b) >= 0);
            default -> throw new IllegalStateException(o);
        };
    }

    /**
     * A binary operator with a floating operand: arithmetic in the operands' common type, each
     * result rounded to it. A division by zero or a result that overflows is refused: GCC does not
     * fold it, where clang goes on with an infinity, so the two compilers lay such a header out
     * differently (or one of them not at all).
     */
    private Value floating(String o, Value a, Value b, Token at) {
        Prim t = FloatValue.common(a, b);
        double x = FloatValue.convert(a, t).value();
        double y = FloatValue.convert(b, t).value();
        double r;
        switch (o) {
            case "+" -> r = x + y;
            case "-" -> r = x - y;
            case "*" -> r = x * y;
            case "/" -> {
                if (y == 0 && evaluating) {
                    throw in.error(at, "floating division by zero in constant expression (GCC refuses it;"
                            + " clang makes it an infinity)");
                }
                r = y == 0 ? 0 : x / y;
            }
            case "==" -> {
                return IntValue.bool(x == y);
            }
            case "!=" -> {
                return IntValue.bool(x != y);
            }
            case "<" -> {
                return IntValue.bool(x < y);
            }
            case ">" -> {
                return IntValue.bool(x > y);
            }
            case "<=" -> {
                return IntValue.bool(x <= y);
            }
            case ">=" -> {
                return IntValue.bool(x >= y);
            }
            default -> throw in.error(at, "invalid operands to binary expression ('" + typeName(a) + "' " + o
                    + " '" + typeName(b) + "')");
        }
        FloatValue v = new FloatValue(r, t);
        if (Double.isInfinite(v.value()) && evaluating) {
            // Double first, then the float's rounding: a float product can overflow where the double did not.
            throw in.error(at, "floating point arithmetic overflows '" + t.cName() + "' in constant expression"
                    + " (GCC refuses it; clang makes it an infinity)");
        }
        return v;
    }

    private static String typeName(Value v) {
        return switch (v) {
            case FloatValue f -> f.type().cName();
            case IntValue i -> (i.unsigned() ? "unsigned " : "") + (i.bits() == 64 ? "long long" : "int");
        };
    }

    /** A unary-expression that must be an integer (a member expression's constant operand). */
    IntValue unary() {
        Token at = in.peek();
        return integer(unaryValue(), at);
    }

    private Value unaryValue() {
        in.enter();
        try {
            Token t = in.peek();
            if (t.kind() == Token.Kind.PUNCT) {
                switch (t.text()) {
                    case "-" -> {
                        in.next();
                        return switch (unaryValue()) {
                            case FloatValue f -> new FloatValue(-f.value(), f.type());
                            case IntValue v -> {
                                IntValue p = v.convert(v.bits(), v.unsigned());
                                yield new IntValue(-p.value(), p.bits(), p.unsigned());
                            }
                        };
                    }
                    case "+" -> {
                        in.next();
                        return switch (unaryValue()) {
                            case FloatValue f -> f;
                            case IntValue v -> v.convert(v.bits(), v.unsigned());
                        };
                    }
                    case "~" -> {
                        in.next();
                        Value operand = unaryValue();
                        if (!(operand instanceof IntValue v)) {
                            throw in.error(t, "invalid argument type '" + typeName(operand) + "' to unary expression");
                        }
                        return new IntValue(~v.value(), v.bits(), v.unsigned());
                    }
                    case "!" -> {
                        in.next();
                        return IntValue.bool(!unaryValue().isTrue());
                    }
                    case "*" -> {
                        // *(T *)0: the object a cast null pointer points at, for sizeof, & and typeof.
                        int star = in.position();
                        in.next();
                        boolean mayDesignate = designatorAt == star;
                        IntValue v = integer(unaryValue(), t);
                        if (pointee == null || pointeeFrom != star + 1 || pointeeTo != in.position()) {
                            throw in.error(t, "indirection in a constant expression (only of a cast pointer, as in"
                                    + " sizeof(*(struct S *)0))");
                        }
                        if (!mayDesignate) {
                            throw in.error(t, "an object through a pointer is not a constant (sizeof and & take one,"
                                    + " as in sizeof(*(struct S *)0))");
                        }
                        designated = new Place(hooks.layout(pointee, t), v.value(), null);
                        designatedFrom = star;
                        designatedTo = in.position();
                        return address(v.value());
                    }
                    case "&" -> {
                        in.next();
                        int from = in.position();
                        designatorAt = from;
                        unaryValue();
                        Place p = designated(from, in.position());
                        if (p == null) {
                            throw in.error(t, "cannot take an address in a constant expression (only of a member"
                                    + " through a null pointer, as in &((struct S *)0)->m)");
                        }
                        if (p.bitField() != null) {
                            throw in.error(t, "address of bit-field requested");
                        }
                        return address(p.offset());
                    }
                    case "(" -> {
                        int from = in.position();
                        in.next();
                        if (hooks.atTypeName()) {
                            CType type = hooks.typeName();
                            in.expect(")", "after type name in cast");
                            Value v = unaryValue();
                            if (type instanceof PointerType ptr) {
                                pointee = ptr.target();
                                pointeeFrom = from;
                                pointeeTo = in.position();
                            }
                            // Converted in an arm left unevaluated too: the arm's type is the
                            // conditional's (sizeof(0 ? (long)1 : 2) is a long's size).
                            return cast(type, v, t);
                        }
                        boolean mayDesignate = designatorAt == from;
                        if (mayDesignate) {
                            designatorAt = from + 1; // (((T *)0)->m)[0], as ARRAY_SIZE writes it
                        }
                        Value v = comma();
                        Place inner = mayDesignate ? designated(from + 1, in.position()) : null;
                        in.expect(")", "to close '('");
                        if (inner != null) {
                            Place p = steps(inner);
                            designated = p;
                            designatedFrom = from;
                            designatedTo = in.position();
                            return address(p.offset());
                        }
                        if (in.at("->") && pointee != null && pointeeFrom == from + 1 && pointeeTo == in.position() - 1) {
                            return access(integer(v, t), from, mayDesignate);
                        }
                        return v;
                    }
                    default -> {
                    }
                }
            }
            if (t.isIdent()) {
                switch (t.text()) {
                    case "sizeof" -> {
                        in.next();
                        return sizeOrAlign(t, true);
                    }
                    case "_Alignof", "alignof", "__alignof__", "__alignof" -> {
                        in.next();
                        return sizeOrAlign(t, false);
                    }
                    case "__builtin_offsetof", "offsetof" -> {
                        in.next();
                        return offsetOf(t);
                    }
                    default -> {
                        in.next();
                        return widen(hooks.identifier(t));
                    }
                }
            }
            return primary();
        } finally {
            in.exit();
        }
    }

    private IntValue sizeOrAlign(Token op, boolean size) {
        if (in.at("(")) {
            Token open = in.peek();
            int at = in.position();
            in.next();
            if (hooks.atTypeName()) {
                CType type = hooks.typeName();
                in.expect(")", "after type name");
                return size ? hooks.sizeOf(type, op) : hooks.alignOf(type, op);
            }
            if (in.peek().kind() == Token.Kind.STRING) {
                long n = strings();
                in.expect(")", "to close '('");
                return address(size ? n : 1);
            }
            int from = in.position();
            designatorAt = from;
            Value v = comma();
            Place p = designated(from, in.position());
            in.expect(")", "to close '('");
            if (p != null && (in.at(".") || in.at("["))) {
                p = steps(p); // sizeof (*(T *)0).m: the parentheses were the operand's, not sizeof's
            } else if (p == null && in.at("->") && pointee != null && pointeeFrom == from && pointeeTo == in.position() - 1) {
                // sizeof ((T *)0)->m: the parentheses were the pointer's.
                access(integer(v, open), at, true);
                p = designated(at, in.position());
            }
            return p != null ? placeSize(p, size, op) : exprSize(v, size, op);
        }
        Token at = in.peek();
        if (at.kind() == Token.Kind.STRING) {
            return address(size ? strings() : 1);
        }
        int from = in.position();
        designatorAt = from;
        Value v = unaryValue();
        Place p = designated(from, in.position());
        return p != null ? placeSize(p, size, op) : exprSize(v, size, op);
    }

    /**
     * {@code ((T *)v)->m...}, the cursor at the arrow: the place it designates, remembered for the
     * sizeof or & whose operand it is; its value is the place's address, which only & reads.
     */
    private IntValue access(IntValue base, int from, boolean mayDesignate) {
        Token arrow = in.next();
        if (!mayDesignate) {
            throw in.error(arrow, "a member access is not a constant (sizeof and & take one, as in"
                    + " sizeof(((struct S *)0)->m))");
        }
        Place p = member(new Place(hooks.layout(pointee, arrow), base.value(), null), in.next());
        p = steps(p);
        designated = p;
        designatedFrom = from;
        designatedTo = in.position();
        return address(p.offset());
    }

    /**
     * {@code typeof}'s operand when it is no type name, the cursor after the opening parenthesis:
     * a member designator ({@code ((struct S *)0)->m}, {@code *(struct S *)0}), whose declared type
     * it names.
     */
    CType designatorType(Token op) {
        int from = in.position();
        designatorAt = from;
        comma();
        Place p = designated(from, in.position());
        if (p == null) {
            throw in.error(op, "not supported: '" + op.text() + "' of an expression other than a member through"
                    + " a null pointer, as in " + op.text() + "(((struct S *)0)->m)");
        }
        if (p.bitField() != null) {
            throw in.error(op, "'" + op.text() + "' applied to a bit-field");
        }
        return p.layout().type();
    }

    /**
     * The place designated by tokens {@code from} to {@code to} exactly, or null; taken once. A
     * place designated by only part of them was used as a value ({@code sizeof(((T *)0)->m + 1)}):
     * its type is not known here, so it is refused rather than sized as an address.
     */
    private Place designated(int from, int to) {
        Place p = designated;
        designated = null;
        if (p == null || (designatedFrom == from && designatedTo == to)) {
            return p;
        }
        throw in.error(in.tokenAt(designatedFrom), "a member access is not a constant (sizeof, & and typeof take"
                + " one whole, as in sizeof(((struct S *)0)->m))");
    }

    private IntValue placeSize(Place p, boolean size, Token op) {
        if (p.bitField() != null) {
            throw in.error(op, "invalid application of '" + op.text() + "' to bit-field");
        }
        if (!size) {
            // GCC's and clang's answer for a member (its declared or packed alignment) is not the
            // type's; refused rather than answered from the type.
            throw in.error(op, "'" + op.text() + "' of a member is not supported: name its type");
        }
        return address(p.layout().size());
    }

    /** A size or an address: an unsigned integer as wide as a pointer ({@code size_t}). */
    private IntValue address(long value) {
        return new IntValue(value, hooks.abi().pointer().size() * 8, true);
    }

    /** {@code .m} and {@code [i]} steps after a member, as far as they go. */
    private Place steps(Place p) {
        while (true) {
            if (in.at(".")) {
                in.next();
                p = member(p, in.next());
            } else if (in.at("[")) {
                Token open = in.next();
                if (!(p.layout() instanceof ArrayLayout a)) {
                    throw in.error(open, "subscripted value is not an array");
                }
                IntValue i = conditional();
                in.expect("]", "to close '['");
                p = new Place(a.element(), p.offset() + i.value() * a.element().size(), null);
            } else if (in.at("->")) {
                throw in.error(in.peek(), "a member access through a member's pointer is not a constant");
            } else {
                return p;
            }
        }
    }

    /** Member {@code name} of the record at {@code p}, anonymous members' members included. */
    private Place member(Place p, Token name) {
        if (!name.isIdent()) {
            throw in.error(name, "expected a member name" + (name.kind() == Token.Kind.EOF ? "" : " (found '"
                    + TokenCursor.abbreviate(name.text()) + "')"));
        }
        if (p.bitField() != null || !(p.layout() instanceof RecordLayout r)) {
            throw in.error(name, "'" + name.text() + "' is not inside a struct or union");
        }
        FieldLayout found = null;
        for (FieldLayout f : r.visibleFields()) {
            if (name.text().equals(f.name())) {
                found = f;
            }
        }
        if (found == null) {
            throw in.error(name, "no member named '" + name.text() + "' in '" + r.type().spelling() + "'");
        }
        return new Place(found.layout(), p.offset() + found.offset(), found.isBitField() ? found : null);
    }

    /** Adjacent string literals: the bytes of the array they make together ({@link Literals#stringBytes}). */
    private long strings() {
        java.util.List<Token> literals = new java.util.ArrayList<>();
        while (in.peek().kind() == Token.Kind.STRING) {
            literals.add(in.next());
        }
        return Literals.stringBytes(literals, hooks.wcharBits() / 8);
    }

    /**
     * {@code sizeof}, {@code _Alignof} or {@code __alignof__} ({@code op}) of an expression: of
     * its type, which the evaluator tracks (int, long, unsigned, double, and the size before
     * promotion). The alignment is the hooks' for a scalar of that size, so that i386 answers 4
     * for {@code _Alignof(1.0)} and 8 for {@code __alignof__(1.0)}, as GCC and clang do.
     */
    private IntValue exprSize(Value v, boolean size, Token op) {
        if (!size) {
            Prim scalar = switch (v) {
                case FloatValue f -> f.type();
                case IntValue i -> switch (i.size()) {
                    case 1 -> Prim.CHAR;
                    case 2 -> Prim.SHORT;
                    case 8 -> Prim.LONG_LONG;
                    default -> Prim.INT;
                };
            };
            return hooks.alignOf(dev.structscope.model.type.PrimitiveType.of(scalar), op);
        }
        long n = switch (v) {
            case IntValue i -> i.size();
            case FloatValue f -> hooks.abi().scalar(f.type()).size();
        };
        return address(n);
    }

    private IntValue offsetOf(Token op) {
        in.expect("(", "after '" + op.text() + "'");
        if (!hooks.atTypeName()) {
            throw in.error(in.peek(), "expected a type name in " + op.text());
        }
        CType type = hooks.typeName();
        in.expect(",", "in " + op.text());
        Token first = in.next();
        Place p = steps(member(new Place(hooks.layout(type, op), 0, null), first));
        in.expect(")", "to close " + op.text());
        if (p.bitField() != null) {
            throw in.error(op, "cannot compute offset of bit-field '" + p.bitField().name() + "'");
        }
        return address(p.offset());
    }

    private Value primary() {
        Token t = in.peek();
        switch (t.kind()) {
            case NUMBER -> {
                in.next();
                if (!Literals.isFloating(t)) {
                    return widen(Literals.integer(t, hooks.longBits()));
                }
                if (hooks.preprocessor()) {
                    throw in.error(t, "floating constant in preprocessor expression");
                }
                FloatValue f = Literals.floating(t);
                return f.type() == Prim.LONG_DOUBLE ? new FloatValue(f.value(), floatingType(Prim.LONG_DOUBLE, t)) : f;
            }
            case CHAR -> {
                in.next();
                return widen(Literals.character(t, hooks.charSigned(), hooks.wcharBits(), hooks.wcharSigned()));
            }
            case EOF -> throw in.error(t, "expected an expression (found end of input)");
            default -> throw in.error(t, "expected an expression" + in.found());
        }
    }

    /**
     * {@code (type) v}: to a floating type, rounded to it; to an integer, enum or pointer type,
     * an integer converted to its width and signedness, a floating value truncated toward zero
     * and refused (as GCC and clang refuse it) where the result does not fit, the conversion being
     * undefined there; to {@code _Bool}, whether it is nonzero.
     */
    private Value cast(CType type, Value v, Token at) {
        TypeLayout l = hooks.layout(type, at);
        int bits;
        boolean signed;
        switch (l) {
            case ScalarLayout s when s.prim().isFloating() -> {
                return FloatValue.convert(v, floatingType(s.prim(), at));
            }
            case ScalarLayout s when s.prim() == Prim.BOOL -> {
                return IntValue.bool(v.isTrue()).ofSize((int) s.size());
            }
            case ScalarLayout s when s.prim().isInteger() -> {
                bits = (int) s.size() * 8;
                signed = s.signed();
            }
            case EnumLayout e -> {
                bits = (int) e.size() * 8;
                signed = e.signed();
            }
            case PointerLayout p when v instanceof IntValue -> {
                bits = (int) p.size() * 8;
                signed = false;
            }
            default -> throw in.error(at, v instanceof FloatValue ? "cannot cast a floating value to '" + type.spelling() + "'"
                    : "cast to '" + type.spelling() + "' in an integer constant expression");
        }
        if (v instanceof IntValue i) {
            return i.convert(bits, !signed);
        }
        FloatValue f = (FloatValue) v;
        BigInteger whole = Double.isFinite(f.value()) ? new BigDecimal(f.value()).toBigInteger() : null;
        if (whole == null || !IntValue.fits(whole, bits, signed)) {
            if (!evaluating) {
                return IntValue.ZERO.convert(bits, !signed);
            }
            throw in.error(at, "the value " + f + " does not fit '" + type.spelling() + "': the conversion is undefined,"
                    + " and no constant");
        }
        return new IntValue(whole.longValue(), bits, !signed).convert(bits, !signed);
    }

    /** A floating type the evaluator computes in: float, double, or a long double the ABI makes a double. */
    private Prim floatingType(Prim p, Token at) {
        if (p == Prim.FLOAT || p == Prim.DOUBLE || p == Prim.LONG_DOUBLE && hooks.abi().scalar(p).size() == 8) {
            return p;
        }
        throw in.error(at, "not supported: " + p.cName() + " arithmetic in a constant expression" + (p == Prim.LONG_DOUBLE
                ? " (on " + hooks.abi().name() + " it is wider than a double)" : ""));
    }

    static InputException notConstant(Token t) {
        return new InputException(t.where(), "'" + t.text() + "' is not an integer constant");
    }
}
