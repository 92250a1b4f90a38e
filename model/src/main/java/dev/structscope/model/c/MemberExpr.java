package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.type.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the expressions of dynamic layouts ({@code char name[name_len]},
 * {@code [[structscope::at(ehdr.e_shoff)]]}, {@code when("fmt ")}) into {@link Expr} trees: C's
 * conditional-expression grammar where an identifier that is not an enum constant names a member
 * decoded earlier. Everything constant ({@code sizeof}, {@code _Alignof}, {@code offsetof}, casts
 * of constants, literals) is evaluated on the spot by {@link ConstExpr}, so the tree holds only
 * what data decides; an enum constant standing alone stays a constant that remembers its name
 * (in a larger constant subtree it folds with the rest). One instance per expression.
 */
final class MemberExpr {
    private static final Set<String> BUILTINS = Set.of("sizeof", "_Alignof", "alignof", "__alignof__",
            "__alignof", "offsetof", "__builtin_offsetof", "true", "false");

    private final ParseState st;
    private final ConstExpr.Hooks hooks;
    private final TokenCursor in;

    MemberExpr(ParseState st, ConstExpr.Hooks hooks) {
        this.st = st;
        this.hooks = hooks;
        this.in = st.in();
    }

    /**
     * Whether the tokens from the cursor up to the {@code close} that ends them (at depth 0) name a
     * member, so that they must be parsed here rather than as a constant: an identifier that is
     * neither a builtin, an enum constant, a type name nor a member name after {@code .}.
     */
    static boolean namesMember(ParseState st, String close) {
        int depth = 0;
        for (int k = 0; ; k++) {
            Token t = st.in().peek(k);
            if (t.kind() == Token.Kind.EOF) {
                return false;
            }
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    return false;
                }
                depth--;
            } else if (depth == 0 && t.is(close)) {
                return false;
            } else if (t.isIdent() && !(k > 0 && (st.in().peek(k - 1).is(".") || st.in().peek(k - 1).is("->")))
                    && !BUILTINS.contains(t.text())
                    && !st.sym().enumerators.containsKey(t.text()) && !st.sym().isTypedefName(t.text())
                    && !DeclParser.isTypeWord(t.text()) && st.knowsMember(t.text())) {
                return true;
            }
        }
    }

    /** A conditional-expression. */
    Expr conditional() {
        in.enter();
        try {
            Expr c = binary(0);
            Token question = in.peek();
            if (!in.accept("?")) {
                return c;
            }
            Expr a = conditional();
            in.expect(":", "in conditional expression");
            Expr b = conditional();
            return fold(new Expr.Cond(c, a, b), question);
        } finally {
            in.exit();
        }
    }

    private static final int LOWEST = 4;

    private Expr binary(int minPrecedence) {
        Expr left = unary();
        while (true) {
            Token t = in.peek();
            Expr.BinaryOp op = t.kind() == Token.Kind.PUNCT ? Expr.BinaryOp.of(t.text()) : null;
            if (op == null || op.precedence < Math.max(minPrecedence, LOWEST)) {
                return left;
            }
            in.next();
            Expr right = binary(op.precedence + 1);
            left = fold(new Expr.Binary(op, left, right), t);
        }
    }

    private Expr unary() {
        in.enter();
        try {
            Token t = in.peek();
            if (t.kind() == Token.Kind.PUNCT) {
                Expr.UnaryOp op = switch (t.text()) {
                    case "-" -> Expr.UnaryOp.NEG;
                    case "+" -> Expr.UnaryOp.PLUS;
                    case "!" -> Expr.UnaryOp.NOT;
                    case "~" -> Expr.UnaryOp.COMPL;
                    default -> null;
                };
                if (op != null) {
                    in.next();
                    return fold(new Expr.Unary(op, unary()), t);
                }
                if (t.is("(") && !isCast()) {
                    in.next();
                    Expr e = conditional();
                    in.expect(")", "to close '('");
                    return e;
                }
            }
            if (t.kind() == Token.Kind.STRING) {
                StringBuilder sb = new StringBuilder();
                while (in.peek().kind() == Token.Kind.STRING) {
                    sb.append(Literals.string(in.next()));
                }
                return new Expr.Str(sb.toString());
            }
            if (t.isIdent() && !BUILTINS.contains(t.text())) {
                IntValue constant = st.sym().enumerators.get(t.text());
                if (constant == null) {
                    return member();
                }
                if (st.sym().namedEnumerators.contains(t.text())) {
                    // Kept by name, so that what is shown and written back says MSG_HELLO, not 1.
                    in.next();
                    return new Expr.Const(constant.value(), t.text());
                }
            }
            // Literals, sizeof, _Alignof, offsetof, enum constants, casts: constants C evaluates.
            return new Expr.Const(new ConstExpr(in, hooks).unary().value());
        } finally {
            in.exit();
        }
    }

    private boolean isCast() {
        Token save = in.peek(1);
        if (!save.isIdent()) {
            return false;
        }
        String w = save.text();
        return DeclParser.isTypeWord(w) || st.sym().isTypedefName(w) || w.equals("struct") || w.equals("union")
                || w.equals("enum");
    }

    private Expr member() {
        Token first = in.next();
        if (in.at("(")) {
            throw in.error(first, "function call '" + first.text() + "(...)' in an expression: only members, "
                    + "constants and C operators are allowed");
        }
        List<String> path = new ArrayList<>();
        path.add(first.text());
        while (in.accept(".")) {
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, "expected a member name after '.'" + (n.kind() == Token.Kind.EOF ? "" : " (found '"
                        + n.text() + "')"));
            }
            path.add(n.text());
        }
        if (!st.knowsMember(first.text())) {
            if (st.sym().isTypedefName(first.text())) {
                throw in.error(first, "unexpected type name '" + first.text() + "': expected an expression");
            }
            throw new InputException(first.where(), "use of undeclared identifier '" + first.text() + "'"
                    + st.nearestMember(first.text())
                    + " (a member named in an expression must be declared before it, in this record or an enclosing one)");
        }
        Expr.Ref ref = new Expr.Ref(path);
        st.sym().declaredAt.put(ref, first);
        return ref;
    }

    /**
     * A constant subtree is evaluated now, so that only what data decides stays a tree; one that
     * cannot be evaluated (a division by zero, a string used as a number) is an error at its
     * operator {@code at}, as in a C constant expression, rather than on every record decoded.
     */
    private Expr fold(Expr e, Token at) {
        if (!e.isConstant()) {
            return e;
        }
        Object v;
        try {
            v = e.evaluate(path -> null);
        } catch (Expr.EvalException ex) {
            throw in.error(at, ex.getMessage());
        }
        return v instanceof String ? e : new Expr.Const(e.evaluateLong(path -> null));
    }
}
