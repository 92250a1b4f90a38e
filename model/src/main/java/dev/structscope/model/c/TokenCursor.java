package dev.structscope.model.c;

import dev.structscope.model.InputException;

import java.util.List;
import java.util.function.Consumer;

/**
 * A position in a token list, shared by the declaration parser and the constant expression
 * evaluator. It also bounds recursion: every recursive descent calls {@link #enter} so that deep
 * nesting ends with a clear error instead of a stack overflow. Not thread-safe.
 */
final class TokenCursor {
    static final int MAX_DEPTH = 256;

    private final List<Token> tokens;
    private final Consumer<List<Token>> pragmaHandler;
    private int pos;
    private int depth;

    /** @param tokens ends with an EOF token; pragmas ride on the token that follows them */
    TokenCursor(List<Token> tokens, Consumer<List<Token>> pragmaHandler) {
        this.tokens = tokens;
        this.pragmaHandler = pragmaHandler;
        arrive();
    }

    Token peek() {
        return tokens.get(pos);
    }

    Token peek(int k) {
        return tokens.get(Math.min(pos + k, tokens.size() - 1));
    }

    Token next() {
        Token t = tokens.get(pos);
        if (t.kind() == Token.Kind.BAD) {
            throw new InputException(t.where(), "invalid token '" + abbreviate(t.text()) + "'");
        }
        if (pos < tokens.size() - 1) {
            pos++;
            arrive();
        }
        return t;
    }

    /** The index of the current token: where a construct starts and ends, to compare spans. */
    int position() {
        return pos;
    }

    /** The token at index {@code position} (a {@link #position()} noted before). */
    Token tokenAt(int position) {
        return tokens.get(Math.min(position, tokens.size() - 1));
    }

    boolean atEnd() {
        return peek().kind() == Token.Kind.EOF;
    }

    boolean at(String s) {
        return peek().is(s);
    }

    boolean accept(String s) {
        if (peek().is(s)) {
            next();
            return true;
        }
        return false;
    }

    Token expect(String s, String context) {
        if (!peek().is(s)) {
            throw error(peek(), "expected '" + s + "'" + (context.isEmpty() ? "" : " " + context) + found());
        }
        return next();
    }

    String found() {
        Token t = peek();
        return t.kind() == Token.Kind.EOF ? " (found end of file)" : " (found '" + abbreviate(t.text()) + "')";
    }

    InputException error(Token at, String message) {
        return new InputException(at.where(), message);
    }

    void enter() {
        enter(1);
    }

    /**
     * Enters a construct that costs {@code weight} levels: a record body takes several parser
     * frames per level (more when instrumented, as under the fuzzers), so it counts more than an
     * operator does, and the limit comes well before the thread's stack runs out.
     */
    void enter(int weight) {
        depth += weight;
        if (depth > MAX_DEPTH) {
            throw error(peek(), "nesting too deep (limit " + MAX_DEPTH + ")");
        }
    }

    void exit() {
        depth--;
    }

    void exit(int weight) {
        depth -= weight;
    }

    /** Skips a balanced group that starts at the current opening bracket. */
    void skipBalanced() {
        Token open = next();
        String o = open.text();
        String c = o.equals("(") ? ")" : o.equals("[") ? "]" : "}";
        int d = 1;
        while (d > 0) {
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) {
                throw error(open, "unbalanced '" + o + "': no matching '" + c + "'");
            }
            pos++;
            if (t.kind() == Token.Kind.PUNCT) {
                if (t.text().equals("(") || t.text().equals("[") || t.text().equals("{")) {
                    d++;
                } else if (t.text().equals(")") || t.text().equals("]") || t.text().equals("}")) {
                    d--;
                }
            }
            arrive();
        }
    }

    private void arrive() {
        Token t = tokens.get(pos);
        if (t.pragmas() != null) {
            for (List<Token> p : t.pragmas()) {
                pragmaHandler.accept(p);
            }
        }
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
