package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.CType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates the expression of {@code #if}/{@code #elif}: {@code defined}, the {@code __has_*}
 * queries, macro expansion, then every remaining identifier is 0, as C says. Stateless apart from
 * the macros it reads.
 */
final class ConditionEvaluator implements ConstExpr.Hooks {
    private static final Set<String> ATTRIBUTES = Set.of("packed", "aligned", "__packed__", "__aligned__");

    private final Map<String, Macro> macros;
    private final MacroExpander expander;
    private final Abi abi;

    ConditionEvaluator(Map<String, Macro> macros, MacroExpander expander, Abi abi) {
        this.macros = macros;
        this.expander = expander;
        this.abi = abi;
    }

    boolean evaluate(List<Token> expr, Token at) {
        if (expr.isEmpty()) {
            throw new InputException(at.where(), "#" + at.text() + " with no expression");
        }
        List<Token> pre = new ArrayList<>();
        for (int i = 0; i < expr.size(); i++) {
            Token t = expr.get(i);
            if (t.is("defined")) {
                int j = i + 1;
                boolean paren = j < expr.size() && expr.get(j).is("(");
                if (paren) {
                    j++;
                }
                if (j >= expr.size() || !expr.get(j).isIdent()) {
                    throw new InputException(t.where(), "macro name missing after 'defined'");
                }
                boolean v = macros.containsKey(expr.get(j).text());
                if (paren) {
                    j++;
                    if (j >= expr.size() || !expr.get(j).is(")")) {
                        throw new InputException(t.where(), "missing ')' after 'defined'");
                    }
                }
                pre.add(number(v ? 1 : 0, t));
                i = j;
            } else if (t.isIdent() && t.text().startsWith("__has_") && i + 1 < expr.size() && expr.get(i + 1).is("(")) {
                int j = i + 2;
                int depth = 1;
                StringBuilder arg = new StringBuilder();
                while (j < expr.size() && depth > 0) {
                    Token a = expr.get(j);
                    depth += a.is("(") ? 1 : a.is(")") ? -1 : 0;
                    if (depth > 0) {
                        arg.append(a.text());
                    }
                    j++;
                }
                if (depth > 0) {
                    throw new InputException(t.where(), "missing ')' after '" + t.text() + "'");
                }
                String a = arg.toString();
                boolean v = switch (t.text()) {
                    case "__has_include", "__has_include_next" -> a.startsWith("<") && SystemHeaders.known(a.substring(1, a.length() - 1));
                    case "__has_attribute" -> ATTRIBUTES.contains(a);
                    default -> false;
                };
                pre.add(number(v ? 1 : 0, t));
                i = j - 1;
            } else {
                pre.add(t);
            }
        }
        List<Token> expanded = new ArrayList<>();
        for (Token t : expander.expand(pre)) {
            expanded.add(t.isIdent() ? number(0, t) : t);
        }
        Token last = expr.get(expr.size() - 1);
        expanded.add(Token.of(Token.Kind.EOF, "", last.file(), last.line(), last.col() + last.text().length(), false, false));
        TokenCursor c = new TokenCursor(expanded, p -> { });
        IntValue v = new ConstExpr(c, this).conditional();
        if (!c.atEnd()) {
            throw new InputException(c.peek().where(), "extra tokens at end of #" + at.text() + " expression"
                    + c.found());
        }
        return v.isTrue();
    }

    private static Token number(long v, Token at) {
        return Token.of(Token.Kind.NUMBER, Long.toString(v), at.file(), at.line(), at.col(), false, at.spaceBefore());
    }

    @Override
    public IntValue identifier(Token t) {
        return IntValue.ZERO;
    }

    @Override
    public boolean atTypeName() {
        return false;
    }

    @Override
    public CType typeName() {
        throw new IllegalStateException();
    }

    @Override
    public IntValue sizeOf(CType type, Token at) {
        throw new InputException(at.where(), "sizeof is not allowed in a preprocessor expression");
    }

    @Override
    public IntValue alignOf(CType type, Token at) {
        throw new InputException(at.where(), "alignof is not allowed in a preprocessor expression");
    }

    @Override
    public TypeLayout layout(CType type, Token at) {
        throw new InputException(at.where(), "types are not known in a preprocessor expression");
    }

    /** In #if every integer is intmax_t: long is as wide as long long. */
    @Override
    public int longBits() {
        return 64;
    }

    @Override
    public boolean preprocessor() {
        return true;
    }

    /** The ABI's {@code char} and {@code wchar_t} rules hold in {@code #if} too; its {@code long} does not. */
    @Override
    public Abi abi() {
        return abi;
    }
}
