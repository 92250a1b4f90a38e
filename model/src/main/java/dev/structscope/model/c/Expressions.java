package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.Expr;

import java.util.Map;


/**
 * Dynamic-layout expressions as text, the way layout documents store them ({@code "count":
 * "name_len"}, {@code "when": ["\"fmt \""]}): parsed with the C grammar the header importer uses,
 * so a header, a document and what {@link Expr#text()} writes all read the same. Stateless.
 */
public final class Expressions {
    private Expressions() {
    }

    /** As {@link #parse(String, String, Map)} where no enum constant is in scope. */
    public static Expr parse(String text, String where) {
        return parse(text, where, Map.of());
    }

    /**
     * Parses {@code text}; an identifier among {@code enumerators} is that enum constant (kept by
     * name, as a header's expression keeps it), every other identifier names a member.
     *
     * @param where       where the text comes from, for messages (a document path and JSON pointer)
     * @param enumerators the enum constants in scope, by name (a document's or library's enums)
     * @throws InputException naming {@code where} and the column when the text is not an expression
     */
    public static Expr parse(String text, String where, Map<String, Long> enumerators) {
        if (text == null || text.isBlank()) {
            throw new InputException(where, "empty expression");
        }
        ParseState st = new ParseState(new Symbols(Abis.X86_64_LINUX), new PackState(w -> { }), new Comments(), true,
                w -> { });
        enumerators.forEach((name, value) -> {
            st.sym().enumerators.put(name, new IntValue(value, 64, false));
            st.sym().namedEnumerators.add(name);
        });
        String file = where;
        try {
            java.util.List<Token> tokens = new java.util.ArrayList<>(new Lexer(text, file, 10_000).tokens());
            tokens.add(Token.of(Token.Kind.EOF, "", file, 1, text.length() + 1, false, false));
            st.read(new TokenCursor(tokens, x -> { }));
            Expr e = new DeclParser(st).memberExpression();
            if (!st.in().atEnd()) {
                Token t = st.in().peek();
                throw new InputException(where, "unexpected '" + t.text() + "' at column " + t.col()
                        + " of expression \"" + text + "\"");
            }
            return e;
        } catch (InputException e) {
            if (e.where().startsWith(file + ":")) {
                throw new InputException(where, "in expression \"" + text + "\": " + e.getMessage());
            }
            throw e;
        }
    }
}
