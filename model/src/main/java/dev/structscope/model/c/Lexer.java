package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.type.Identifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the text of one file into {@link Token}s, dropping line splices and setting comments
 * aside (into {@link Comments}, when given one: the user's own files). It is
 * lenient about things only a compiler would reject in skipped code (an apostrophe in an
 * {@code #if 0} block): such text becomes a {@code BAD} token that is an error only if it is used.
 * One instance per file; not thread-safe.
 */
final class Lexer {
    private static final String[] PUNCTS = {
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "::",
    };

    private final String src;
    private final String file;
    private final int maxTokens;
    private final Comments comments;
    private int pos;
    private int line = 1;
    private int col = 1;

    Lexer(String src, String file, int maxTokens) {
        this(src, file, maxTokens, null);
    }

    /** @param comments where to keep this file's comments, or null to drop them */
    Lexer(String src, String file, int maxTokens, Comments comments) {
        this.src = src;
        this.file = file;
        this.maxTokens = maxTokens;
        this.comments = comments;
    }

    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        boolean lineStart = true;
        boolean space = false;
        while (true) {
            // White space, comments and splices.
            if (pos >= src.length()) {
                break;
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                advance();
                lineStart = true;
                space = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
                advance();
                space = true;
                continue;
            }
            if (c == '\\' && splice()) {
                space = true;
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                int l = line;
                int cl = col;
                int from = pos;
                advance();
                advance();
                while (pos < src.length() && !(src.charAt(pos) == '*' && peek(1) == '/')) {
                    advance();
                }
                if (pos >= src.length()) {
                    throw new InputException(file + ":" + l + ":" + cl, "unterminated /* comment");
                }
                advance();
                advance();
                keep(l, cl, lineStart, from);
                space = true;
                continue;
            }
            if (c == '/' && peek(1) == '/') {
                int l = line;
                int cl = col;
                int from = pos;
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    if (src.charAt(pos) == '\\' && splice()) {
                        continue;
                    }
                    advance();
                }
                keep(l, cl, lineStart, from);
                space = true;
                continue;
            }
            if (out.size() >= maxTokens) {
                throw new InputException(file + ":" + line + ":" + col, "too many tokens (limit " + maxTokens + ")");
            }
            out.add(token(lineStart, space));
            lineStart = false;
            space = false;
        }
        return out;
    }

    private void keep(int startLine, int startCol, boolean ownLine, int from) {
        if (comments != null) {
            comments.add(file, startLine, line, startCol, ownLine, src.substring(from, pos).replace("\\\n", ""));
        }
    }

    private Token token(boolean lineStart, boolean space) {
        int l = line;
        int cl = col;
        int start = pos;
        char c = src.charAt(pos);
        Token.Kind kind;
        if (Identifiers.isStart(src.codePointAt(pos))) {
            // Character and string literal prefixes: L'x', u8"s" ...
            int p = pos;
            while (p < src.length() && Identifiers.isPart(src.codePointAt(p))) {
                p += Character.charCount(src.codePointAt(p));
            }
            String word = src.substring(pos, p);
            if (p < src.length() && (src.charAt(p) == '\'' || src.charAt(p) == '"')
                    && (word.equals("L") || word.equals("u") || word.equals("U") || word.equals("u8"))) {
                while (pos < p) {
                    advance();
                }
                kind = quoted(src.charAt(pos));
            } else {
                while (pos < p) {
                    advance();
                }
                kind = Token.Kind.IDENT;
            }
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            advance();
            while (pos < src.length()) {
                char d = src.charAt(pos);
                if ((d == '+' || d == '-') && "eEpP".indexOf(src.charAt(pos - 1)) >= 0) {
                    advance();
                } else if (Identifiers.isPart(d) || d == '.') {
                    advance();
                } else {
                    break;
                }
            }
            kind = Token.Kind.NUMBER;
        } else if (c == '\'' || c == '"') {
            kind = quoted(c);
        } else {
            String p = null;
            for (String s : PUNCTS) {
                if (src.startsWith(s, pos)) {
                    p = s;
                    break;
                }
            }
            int n = p == null ? 1 : p.length();
            for (int i = 0; i < n; i++) {
                advance();
            }
            kind = p != null || "[](){}.&*+-~!/%<>^|?:;=,#".indexOf(c) >= 0 ? Token.Kind.PUNCT : Token.Kind.BAD;
        }
        return Token.of(kind, src.substring(start, pos), file, l, cl, lineStart, space);
    }

    /** A character or string literal; unterminated ones become BAD tokens up to the line's end. */
    private Token.Kind quoted(char q) {
        advance();
        while (pos < src.length()) {
            char d = src.charAt(pos);
            if (d == '\n') {
                return Token.Kind.BAD;
            }
            if (d == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n') {
                advance();
                advance();
                continue;
            }
            advance();
            if (d == q) {
                return q == '\'' ? Token.Kind.CHAR : Token.Kind.STRING;
            }
        }
        return Token.Kind.BAD;
    }

    private boolean splice() {
        int p = pos + 1;
        if (p < src.length() && src.charAt(p) == '\r') {
            p++;
        }
        if (p < src.length() && src.charAt(p) == '\n') {
            while (pos <= p) {
                advance();
            }
            return true;
        }
        return false;
    }

    private char peek(int k) {
        return pos + k < src.length() ? src.charAt(pos + k) : '\0';
    }

    private void advance() {
        if (src.charAt(pos) == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        pos++;
    }
}
