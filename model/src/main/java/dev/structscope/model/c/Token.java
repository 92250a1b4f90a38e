package dev.structscope.model.c;

import java.util.List;

/**
 * One C token with the place it came from. Tokens produced by a macro expansion carry the place
 * of the macro name that was expanded, so errors point at what the user wrote. Immutable; owned
 * by one import run.
 *
 * @param kind        what sort of token
 * @param text        the spelling as written
 * @param file        the file name used in error positions
 * @param line        1-based line
 * @param col         1-based column
 * @param lineStart   first token of its (logical) line: directives start with such a {@code #}
 * @param spaceBefore white space precedes it (matters for function-like macro definitions)
 * @param hide        macro names not to expand again in this token (the "hide set"), or null
 * @param pragmas     {@code #pragma} lines that came right before this token (parser side), or null
 */
record Token(Kind kind, String text, String file, int line, int col, boolean lineStart, boolean spaceBefore,
             HideSet hide, List<List<Token>> pragmas) {

    enum Kind { IDENT, NUMBER, CHAR, STRING, PUNCT, PRAGMA, BAD, EOF }

    static Token of(Kind kind, String text, String file, int line, int col, boolean lineStart, boolean spaceBefore) {
        return new Token(kind, text, file, line, col, lineStart, spaceBefore, null, null);
    }

    String where() {
        return file + ":" + line + ":" + col;
    }

    boolean is(String s) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }

    boolean isIdent() {
        return kind == Kind.IDENT;
    }

    Token withHide(HideSet newHide) {
        return new Token(kind, text, file, line, col, lineStart, spaceBefore, newHide, pragmas);
    }

    /** This token standing where {@code at} stands (a macro body token at the macro's use). */
    Token at(Token at, boolean space) {
        return new Token(kind, text, at.file, at.line, at.col, false, space, hide, null);
    }

    Token withPlace(String newFile, int newLine) {
        return new Token(kind, text, newFile, newLine, col, lineStart, spaceBefore, hide, pragmas);
    }

    Token withPragmas(List<List<Token>> p) {
        return new Token(kind, text, file, line, col, lineStart, spaceBefore, hide, p);
    }

    @Override
    public String toString() {
        return text;
    }
}
