package dev.structscope.app.hexview;

/**
 * The tiny expression language of "go to offset": integers in hex ({@code 0x1f00}, {@code 1f00h})
 * or decimal, combined with {@code + - *} and parentheses, e.g. {@code 0x1f00+24} or
 * {@code 4*1024*1024*1024+0x10}. {@code $} stands for the caret. Results are longs; overflow and
 * malformed input raise {@link Error} with a message meant to be shown in place next to the field.
 * Pure; any thread.
 */
public final class OffsetExpr {
    /** A malformed expression: {@code position} is the character index the problem was found at. */
    public static final class Error extends Exception {
        private final int position;

        public Error(String message, int position) {
            super(message);
            this.position = position;
        }

        public int position() {
            return position;
        }
    }

    private final String text;
    private final long caret;
    private int pos;

    private OffsetExpr(String text, long caret) {
        this.text = text;
        this.caret = caret;
    }

    /** Evaluates {@code text}; {@code $} in it means {@code caret}. */
    public static long eval(String text, long caret) throws Error {
        if (text == null || text.isBlank()) {
            throw new Error("enter an offset, e.g. 0x1f00+24", 0);
        }
        if (text.length() > 200) {
            throw new Error("expression too long", 200);
        }
        OffsetExpr p = new OffsetExpr(text, caret);
        long v = p.sum(0);
        p.skipSpace();
        if (p.pos < text.length()) {
            throw new Error("unexpected '" + text.charAt(p.pos) + "'", p.pos);
        }
        return v;
    }

    private long sum(int depth) throws Error {
        long v = product(depth);
        while (true) {
            skipSpace();
            if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                char op = text.charAt(pos++);
                long r = product(depth);
                try {
                    v = op == '+' ? Math.addExact(v, r) : Math.subtractExact(v, r);
                } catch (ArithmeticException e) {
                    throw new Error("the value is too large", pos);
                }
            } else {
                return v;
            }
        }
    }

    private long product(int depth) throws Error {
        long v = unary(depth);
        while (true) {
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '*') {
                pos++;
                long r = unary(depth);
                try {
                    v = Math.multiplyExact(v, r);
                } catch (ArithmeticException e) {
                    throw new Error("the value is too large", pos);
                }
            } else {
                return v;
            }
        }
    }

    private long unary(int depth) throws Error {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '-') {
            pos++;
            long v = unary(depth);
            if (v == Long.MIN_VALUE) {
                throw new Error("the value is too large", pos);
            }
            return -v;
        }
        if (pos < text.length() && text.charAt(pos) == '+') {
            pos++;
            return unary(depth);
        }
        return atom(depth);
    }

    private long atom(int depth) throws Error {
        skipSpace();
        if (pos >= text.length()) {
            throw new Error("a number is missing at the end", pos);
        }
        char c = text.charAt(pos);
        if (c == '(') {
            if (depth > 50) {
                throw new Error("too many parentheses", pos);
            }
            pos++;
            long v = sum(depth + 1);
            skipSpace();
            if (pos >= text.length() || text.charAt(pos) != ')') {
                throw new Error("')' is missing", pos);
            }
            pos++;
            return v;
        }
        if (c == '$') {
            pos++;
            return caret;
        }
        return number();
    }

    private long number() throws Error {
        int start = pos;
        boolean hex = false;
        if (text.startsWith("0x", pos) || text.startsWith("0X", pos)) {
            hex = true;
            pos += 2;
        }
        int digitsStart = pos;
        while (pos < text.length() && (Character.digit(text.charAt(pos), 16) >= 0 || text.charAt(pos) == '_')) {
            pos++;
        }
        String digits = text.substring(digitsStart, pos).replace("_", "");
        if (!hex && pos < text.length() && (text.charAt(pos) == 'h' || text.charAt(pos) == 'H')) {
            hex = true;
            pos++;
        }
        if (digits.isEmpty()) {
            throw new Error(pos < text.length() ? "expected a number at '" + text.charAt(pos) + "'"
                    : "a number is missing at the end", start);
        }
        if (!hex && !digits.chars().allMatch(Character::isDigit)) {
            throw new Error("'" + digits + "' is not a decimal number (hex needs 0x)", start);
        }
        try {
            return Long.parseLong(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new Error("the number " + text.substring(start, pos) + " is too large", start);
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
