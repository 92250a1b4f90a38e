package dev.structscope.model.c;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code #pragma pack} state as GCC, clang and MSVC keep it: a current value (0 = none) and a
 * stack of pushed values with optional labels. Owned by one parse; not thread-safe.
 */
final class PackState {
    private record Saved(String label, int value) {
    }

    private final Deque<Saved> stack = new ArrayDeque<>();
    private final Consumer<String> warnings;
    private int current;

    PackState(Consumer<String> warnings) {
        this.warnings = warnings;
    }

    int current() {
        return current;
    }

    /** Applies {@code pack ( ... )}; malformed pragmas are ignored with a warning, as compilers do. */
    void apply(List<Token> p) {
        Token at = p.get(0);
        if (p.size() < 3 || !p.get(1).is("(") || !p.get(p.size() - 1).is(")")) {
            if (p.size() == 1) {
                current = 0; // "#pragma pack" alone resets, like pack()
                return;
            }
            warnings.accept(at.where() + ": malformed '#pragma pack' ignored");
            return;
        }
        List<Token> args = p.subList(2, p.size() - 1);
        if (args.isEmpty()) {
            current = 0;
            return;
        }
        Token first = args.get(0);
        if (first.is("push") || first.is("pop")) {
            String label = null;
            Integer value = null;
            for (int i = 1; i < args.size(); i++) {
                Token a = args.get(i);
                if (a.is(",")) {
                    continue;
                }
                if (a.kind() == Token.Kind.NUMBER) {
                    value = number(a);
                    if (value == null) {
                        return;
                    }
                } else if (a.isIdent()) {
                    label = a.text();
                } else {
                    warnings.accept(a.where() + ": malformed '#pragma pack' ignored");
                    return;
                }
            }
            if (first.is("push")) {
                stack.push(new Saved(label, current));
                if (value != null) {
                    current = value;
                }
            } else {
                pop(label, at);
                if (value != null) {
                    current = value;
                }
            }
        } else if (first.is("show")) {
            warnings.accept(at.where() + ": #pragma pack(show): value is " + current);
        } else if (first.kind() == Token.Kind.NUMBER && args.size() == 1) {
            Integer v = number(first);
            if (v != null) {
                current = v;
            }
        } else {
            warnings.accept(at.where() + ": malformed '#pragma pack' ignored");
        }
    }

    private void pop(String label, Token at) {
        if (stack.isEmpty()) {
            warnings.accept(at.where() + ": #pragma pack(pop) without a matching push");
            return;
        }
        if (label == null) {
            current = stack.pop().value;
            return;
        }
        for (Saved s : stack) {
            if (label.equals(s.label)) {
                while (true) {
                    Saved top = stack.pop();
                    if (top == s) {
                        current = top.value;
                        return;
                    }
                }
            }
        }
        warnings.accept(at.where() + ": #pragma pack(pop, " + label + ") without a matching push");
    }

    private Integer number(Token t) {
        int v;
        try {
            v = Integer.decode(t.text());
        } catch (NumberFormatException e) {
            v = -1;
        }
        if (v != 0 && v != 1 && v != 2 && v != 4 && v != 8 && v != 16) {
            warnings.accept(t.where() + ": alignment must be a small power of two, not " + t.text()
                    + "; '#pragma pack' ignored");
            return null;
        }
        return v;
    }
}
