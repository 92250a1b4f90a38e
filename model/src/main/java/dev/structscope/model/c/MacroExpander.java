package dev.structscope.model.c;

import dev.structscope.model.InputException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Expands macros in a token list the way C does: each token carries the set of macro names that
 * produced it (its hide set) so that a macro is not expanded inside its own expansion, the result
 * is rescanned together with the text that follows, and arguments are expanded before they are
 * substituted (except next to {@code #} and {@code ##}). Work is bounded by a step budget so a
 * macro bomb ends with an error. Owned by one {@link Preprocessor}; not thread-safe.
 */
final class MacroExpander {
    static final long MAX_STEPS = 5_000_000;

    private final Map<String, Macro> macros;
    private long steps;

    MacroExpander(Map<String, Macro> macros) {
        this.macros = macros;
    }

    List<Token> expand(List<Token> input) {
        return expand(input, 0);
    }

    private List<Token> expand(List<Token> input, int depth) {
        if (depth > TokenCursor.MAX_DEPTH) {
            Token t = input.isEmpty() ? null : input.get(0);
            throw new InputException(t == null ? "" : t.where(), "macro arguments nested too deeply");
        }
        Deque<Token> work = new ArrayDeque<>(input);
        List<Token> out = new ArrayList<>();
        while (!work.isEmpty()) {
            Token t = work.pollFirst();
            if (++steps > MAX_STEPS) {
                throw new InputException(t.where(), "macro expansion too large (limit " + MAX_STEPS + " tokens)");
            }
            Macro m = t.isIdent() ? macros.get(t.text()) : null;
            if (m == null || HideSet.contains(t.hide(), m.name())) {
                out.add(t);
                continue;
            }
            HideSet hs = new HideSet(m.name(), t.hide());
            List<Token> replaced;
            if (m.objectLike()) {
                replaced = substitute(m, t, List.of(), hs, depth);
            } else {
                Token open = work.peekFirst();
                if (open == null || !open.is("(")) {
                    out.add(t);
                    continue;
                }
                work.pollFirst();
                List<List<Token>> args = arguments(m, t, work);
                replaced = substitute(m, t, args, hs, depth);
            }
            for (int i = replaced.size() - 1; i >= 0; i--) {
                work.addFirst(replaced.get(i));
            }
        }
        return out;
    }

    private List<List<Token>> arguments(Macro m, Token name, Deque<Token> work) {
        List<List<Token>> args = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        int depth = 0;
        while (true) {
            Token t = work.pollFirst();
            if (t == null) {
                throw new InputException(name.where(), "unterminated argument list invoking macro '" + m.name() + "'");
            }
            if (++steps > MAX_STEPS) {
                throw new InputException(t.where(), "macro expansion too large (limit " + MAX_STEPS + " tokens)");
            }
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                if (depth == 0) {
                    args.add(cur);
                    break;
                }
                depth--;
            } else if (t.is(",") && depth == 0 && !(m.variadic() && args.size() == m.params().size() - 1)) {
                args.add(cur);
                cur = new ArrayList<>();
                continue;
            }
            cur.add(t);
        }
        int n = m.params().size();
        if (n == 0 && args.size() == 1 && args.get(0).isEmpty()) {
            return List.of();
        }
        if (m.variadic() && args.size() == n - 1) {
            args.add(new ArrayList<>());
        }
        if (args.size() != n) {
            throw new InputException(name.where(), "macro '" + m.name() + "' takes " + n + " argument"
                    + (n == 1 ? "" : "s") + ", but " + args.size() + " were given");
        }
        return args;
    }

    private List<Token> substitute(Macro m, Token at, List<List<Token>> args, HideSet hs, int depth) {
        List<Token> body = m.body();
        List<Token> out = new ArrayList<>();
        List<List<Token>> expanded = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            expanded.add(null);
        }
        boolean pasteNext = false;
        for (int i = 0; i < body.size(); i++) {
            Token b = body.get(i);
            boolean space = i == 0 ? at.spaceBefore() : b.spaceBefore();
            int p = param(m, b);
            if (!m.objectLike() && b.is("#") && i + 1 < body.size() && param(m, body.get(i + 1)) >= 0) {
                Token s = stringify(args.get(param(m, body.get(i + 1))), at);
                add(out, s.at(at, space), hs, pasteNext);
                pasteNext = false;
                i++;
                continue;
            }
            if (b.is("##") && i > 0 && i + 1 < body.size()) {
                pasteNext = true;
                continue;
            }
            if (p >= 0) {
                boolean raw = pasteNext || (i + 1 < body.size() && body.get(i + 1).is("##"));
                List<Token> a;
                if (raw) {
                    a = args.get(p);
                } else {
                    if (expanded.get(p) == null) {
                        expanded.set(p, expand(args.get(p), depth + 1));
                    }
                    a = expanded.get(p);
                }
                if (a.isEmpty()) {
                    // GNU: ", ## __VA_ARGS__" drops the comma when there are no variadic arguments.
                    if (pasteNext && m.variadic() && p == m.params().size() - 1 && !out.isEmpty()
                            && out.get(out.size() - 1).is(",")) {
                        out.remove(out.size() - 1);
                    }
                    pasteNext = false;
                    continue;
                }
                for (int k = 0; k < a.size(); k++) {
                    Token x = a.get(k);
                    add(out, x.at(at, k == 0 ? space : x.spaceBefore()).withHide(union(x.hide(), hs)), hs,
                            pasteNext && k == 0);
                }
                pasteNext = false;
                continue;
            }
            add(out, b.at(at, space).withHide(union(b.hide(), hs)), hs, pasteNext);
            pasteNext = false;
        }
        return out;
    }

    private void add(List<Token> out, Token t, HideSet hs, boolean paste) {
        if (!paste || out.isEmpty()) {
            out.add(t);
            return;
        }
        Token left = out.remove(out.size() - 1);
        String text = left.text() + t.text();
        List<Token> lexed;
        try {
            lexed = new Lexer(text, left.file(), 4).tokens();
        } catch (InputException e) {
            lexed = List.of();
        }
        if (lexed.size() != 1 || lexed.get(0).kind() == Token.Kind.BAD) {
            throw new InputException(left.where(), "pasting formed '" + TokenCursor.abbreviate(text)
                    + "', an invalid preprocessing token");
        }
        Token p = lexed.get(0);
        out.add(new Token(p.kind(), p.text(), left.file(), left.line(), left.col(), false, left.spaceBefore(),
                hs, null));
    }

    private static HideSet union(HideSet a, HideSet b) {
        return HideSet.union(a, b);
    }

    private static int param(Macro m, Token t) {
        if (m.params() == null || !t.isIdent()) {
            return -1;
        }
        return m.params().indexOf(t.text());
    }

    private static Token stringify(List<Token> arg, Token at) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < arg.size(); i++) {
            Token t = arg.get(i);
            if (i > 0 && t.spaceBefore()) {
                sb.append(' ');
            }
            String s = t.text();
            if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.CHAR) {
                s = s.replace("\\", "\\\\").replace("\"", "\\\"");
            }
            sb.append(s);
        }
        sb.append('"');
        return Token.of(Token.Kind.STRING, sb.toString(), at.file(), at.line(), at.col(), false, false);
    }
}
