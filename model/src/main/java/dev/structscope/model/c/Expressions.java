package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.Expr;


/**
 * Dynamic-layout expressions as text, the way layout documents store them ({@code "count":
 * "name_len"}, {@code "when": ["\"fmt \""]}): parsed with the C grammar the header importer uses,
 * so a header, a document and what {@link Expr#text()} writes all read the same. Stateless.
 */
public final class Expressions {
    private Expressions() {
    }

    /**
     * Parses {@code text}; every identifier names a member (enum constants were folded to
     * numbers when the expression was written).
     *
     * @param where where the text comes from, for messages (a document path and JSON pointer)
     * @throws InputException naming {@code where} and the column when the text is not an expression
     */
    public static Expr parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new InputException(where, "empty expression");
        }
        ParseState st = new ParseState(new Symbols(Abis.X86_64_LINUX), new PackState(w -> { }), new Comments(), true,
                w -> { });
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
