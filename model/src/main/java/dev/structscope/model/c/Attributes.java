package dev.structscope.model.c;

import dev.structscope.model.InputException;

/**
 * The layout-relevant part of GCC {@code __attribute__((...))}, MSVC {@code __declspec(...)} and
 * C23 {@code [[...]]} attribute lists: {@code packed} and {@code aligned}. Everything else is
 * skipped. A mutable accumulator owned by one declaration being parsed.
 */
final class Attributes {
    boolean packed;
    /** The largest {@code aligned} requested, 0 when none. */
    long aligned;

    static boolean at(TokenCursor in) {
        Token t = in.peek();
        return t.is("__attribute__") || t.is("__attribute") || t.is("__declspec")
                || (t.is("[") && in.peek(1).is("["));
    }

    /** Parses every attribute list at the cursor into this accumulator. */
    void parse(TokenCursor in, DeclParser p) {
        while (at(in)) {
            Token t = in.next();
            if (t.is("[")) {
                in.next();
                c23(in, p);
            } else if (t.is("__declspec")) {
                in.expect("(", "after '__declspec'");
                while (!in.accept(")")) {
                    Token n = in.next();
                    if (n.kind() == Token.Kind.EOF) {
                        throw in.error(n, "expected ')' to end __declspec");
                    }
                    if (n.is("align") && in.at("(")) {
                        in.next();
                        aligned(in, p, n);
                        in.expect(")", "after alignment");
                    } else if (in.at("(")) {
                        in.skipBalanced();
                    }
                }
            } else {
                in.expect("(", "after '" + t.text() + "'");
                in.expect("(", "after '" + t.text() + "('");
                gnuList(in, p, "))");
                in.expect(")", "to end the attribute list");
                in.expect(")", "to end the attribute list");
            }
        }
    }

    private void gnuList(TokenCursor in, DeclParser p, String end) {
        while (!in.at(")")) {
            if (in.accept(",")) {
                continue;
            }
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, "expected an attribute name" + (n.kind() == Token.Kind.EOF ? " (found end of file)" : " (found '" + n.text() + "')"));
            }
            String name = strip(n.text());
            if (name.equals("packed")) {
                packed = true;
                if (in.at("(")) {
                    in.skipBalanced();
                }
            } else if (name.equals("aligned")) {
                if (in.accept("(")) {
                    aligned(in, p, n);
                    in.expect(")", "after alignment");
                } else {
                    aligned = Math.max(aligned, BuiltinTypes.biggestAlignment(p.abi()));
                }
            } else if (in.at("(")) {
                in.skipBalanced();
            }
        }
    }

    private void c23(TokenCursor in, DeclParser p) {
        while (!(in.at("]") && in.peek(1).is("]"))) {
            if (in.accept(",")) {
                continue;
            }
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, "expected an attribute name");
            }
            String ns = null;
            if (in.accept("::")) {
                ns = n.text();
                n = in.next();
            }
            String name = strip(n.text());
            boolean gnu = ns != null && (ns.equals("gnu") || ns.equals("__gnu__"));
            if (gnu && name.equals("packed")) {
                packed = true;
            } else if (gnu && name.equals("aligned")) {
                if (in.accept("(")) {
                    aligned(in, p, n);
                    in.expect(")", "after alignment");
                } else {
                    aligned = Math.max(aligned, BuiltinTypes.biggestAlignment(p.abi()));
                }
                continue;
            }
            if (in.at("(")) {
                in.skipBalanced();
            }
        }
        in.next();
        in.next();
    }

    private void aligned(TokenCursor in, DeclParser p, Token at) {
        IntValue v = p.constant();
        if (v.value() <= 0 || Long.bitCount(v.value()) != 1) {
            throw new InputException(at.where(), "requested alignment is not a positive power of 2 (" + v + ")");
        }
        if (v.value() > (1L << 28)) {
            throw new InputException(at.where(), "requested alignment must be 268435456 bytes or smaller");
        }
        aligned = Math.max(aligned, v.value());
    }

    private static String strip(String s) {
        if (s.length() > 4 && s.startsWith("__") && s.endsWith("__")) {
            return s.substring(2, s.length() - 2);
        }
        return s;
    }
}
