package dev.structscope.model.c;

import dev.structscope.model.type.MemberRules;
import dev.structscope.model.InputException;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The layout-relevant part of GCC {@code __attribute__((...))}, MSVC {@code __declspec(...)} and
 * C23 {@code [[...]]} attribute lists: {@code packed}, {@code aligned}, {@code vector_size} and
 * {@code mode} ({@link GnuAttributes} says which GCC names are skipped and which are refused),
 * C's {@code counted_by(n)}, and StructScope's dynamic-layout attributes
 * ({@code [[structscope::at(E), structscope::switch(E), structscope::when(V, ...),
 * structscope::size(E)]]}). A mutable accumulator owned by one declaration being parsed.
 */
final class Attributes {
    boolean packed;
    /** The largest {@code aligned} requested, 0 when none. */
    long aligned;
    /** The {@code structscope::} attributes seen. */
    Dynamic dynamic = Dynamic.NONE;
    /** {@code counted_by(n)} on a flexible array member, or null. */
    Expr countedBy;
    /** Where the first dynamic attribute was written, for messages. */
    Token dynamicAt;

    /** This accumulator with another's dynamic attributes added (each attribute at most once). */
    void mergeDynamic(Attributes other, TokenCursor in) {
        if (other.countedBy != null) {
            countedBy = other.countedBy;
        }
        Dynamic o = other.dynamic;
        if (o.isNone()) {
            return;
        }
        if (dynamicAt == null) {
            dynamicAt = other.dynamicAt;
        }
        Dynamic d = dynamic;
        if ((o.at() != null && d.at() != null) || (o.switchOn() != null && d.switchOn() != null)
                || (o.size() != null && d.size() != null) || (!o.when().isEmpty() && !d.when().isEmpty())) {
            throw in.error(other.dynamicAt, "a structscope attribute is given twice for one member");
        }
        dynamic = new Dynamic(o.at() != null ? o.at() : d.at(), o.switchOn() != null ? o.switchOn() : d.switchOn(),
                o.when().isEmpty() ? d.when() : o.when(), o.size() != null ? o.size() : d.size());
    }

    /** {@code vector_size(N)}: N bytes, 0 when none; {@link #typeAt} is where it was written. */
    long vectorSize;
    /** {@link #vectorSize} counts elements, not bytes: clang's {@code neon_vector_type(N)}. */
    boolean neon;
    /** {@code mode(M)}: M without decoration, null when none. */
    String mode;
    /** Where {@code vector_size} or {@code mode} was written. */
    Token typeAt;

    /** Whether the list asks anything of the layout: packing, alignment, another type, a dynamic member. */
    boolean affectsLayout() {
        return packed || aligned != 0 || changesType() || !dynamic.isNone() || countedBy != null;
    }

    /** Whether the list changes the declared type ({@code vector_size}, {@code mode}). */
    boolean changesType() {
        return vectorSize != 0 || mode != null;
    }

    /** Adds what another list asks for. */
    void add(Attributes o) {
        packed |= o.packed;
        aligned = Math.max(aligned, o.aligned);
        if (o.changesType()) {
            neon = o.vectorSize != 0 ? o.neon : neon;
            vectorSize = o.vectorSize != 0 ? o.vectorSize : vectorSize;
            mode = o.mode != null ? o.mode : mode;
            typeAt = o.typeAt;
        }
    }

    /** Refuses {@code vector_size}/{@code mode} where this list does not apply to a declared type. */
    void noTypeChange(TokenCursor in, String where) {
        if (changesType()) {
            throw in.error(typeAt, "not supported: '" + typeAt.text() + "' " + where);
        }
    }

    static boolean at(TokenCursor in) {
        Token t = in.peek();
        return t.is("__attribute__") || t.is("__attribute") || t.is("__declspec")
                || (t.is("[") && in.peek(1).is("["));
    }

    /** Parses every attribute list at the cursor into this accumulator; {@code p} parses the expressions in them. */
    void parse(ParseState st, DeclParser p) {
        TokenCursor in = st.in();
        while (at(in)) {
            Token t = in.next();
            if (t.is("[")) {
                in.next();
                c23(st, p);
            } else if (t.is("__declspec")) {
                in.expect("(", "after '__declspec'");
                while (!in.accept(")")) {
                    Token n = in.next();
                    if (n.kind() == Token.Kind.EOF) {
                        throw in.error(n, "expected ')' to end __declspec");
                    }
                    if (n.is("align") && in.at("(")) {
                        in.next();
                        aligned(st, p, n);
                        in.expect(")", "after alignment");
                    } else if (in.at("(")) {
                        in.skipBalanced();
                    }
                }
            } else {
                in.expect("(", "after '" + t.text() + "'");
                in.expect("(", "after '" + t.text() + "('");
                gnuList(st, p, "))");
                in.expect(")", "to end the attribute list");
                in.expect(")", "to end the attribute list");
            }
        }
    }

    private void gnuList(ParseState st, DeclParser p, String end) {
        TokenCursor in = st.in();
        while (!in.at(")")) {
            if (in.accept(",")) {
                continue;
            }
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, "expected an attribute name" + (n.kind() == Token.Kind.EOF ? " (found end of file)" : " (found '" + n.text() + "')"));
            }
            gnu(st, p, n);
        }
    }

    /** One GCC attribute (from {@code __attribute__} or {@code [[gnu::...]]}), classified by {@link GnuAttributes}. */
    private void gnu(ParseState st, DeclParser p, Token n) {
        TokenCursor in = st.in();
        String name = GnuAttributes.strip(n.text());
        if (name.equals("counted_by")) {
            countedBy(st, p, n);
            return;
        }
        boolean windows = st.abi().bitfields() == dev.structscope.model.abi.Abi.BitfieldRules.MSVC;
        switch (GnuAttributes.kind(name)) {
            case REFUSED -> throw in.error(n, GnuAttributes.refusal(name, st.abi()));
            case NEUTRAL -> {
                if (in.at("(")) {
                    in.skipBalanced();
                }
            }
            case IMPLEMENTED -> {
                switch (name) {
                    case "packed" -> {
                        packed = true;
                        if (in.at("(")) {
                            in.skipBalanced();
                        }
                    }
                    case "aligned" -> {
                        if (in.accept("(")) {
                            aligned(st, p, n);
                            in.expect(")", "after alignment");
                        } else {
                            aligned = Math.max(aligned, BuiltinTypes.biggestAlignment(st.abi()));
                        }
                    }
                    case "vector_size", "neon_vector_type", "neon_polyvector_type" -> {
                        neon = !name.equals("vector_size");
                        in.expect("(", "after '" + name + "'");
                        IntValue v = p.constant();
                        in.expect(")", "after the vector size");
                        if (v.value() <= 0 || v.value() > (1L << 28)) {
                            throw in.error(n, "invalid vector size " + v);
                        }
                        vectorSize = v.value();
                        typeAt = n;
                    }
                    case "mode" -> {
                        in.expect("(", "after 'mode'");
                        Token m = in.next();
                        if (!m.isIdent()) {
                            throw in.error(m, "expected a machine mode name" + in.found());
                        }
                        in.expect(")", "after the mode");
                        mode = GnuAttributes.strip(m.text());
                        typeAt = n;
                    }
                    // Microsoft's rules are the only ones on x86_64-windows, System V's elsewhere:
                    // the attribute asking for the ABI's own rules changes nothing.
                    case "ms_struct" -> {
                        if (!windows) {
                            throw in.error(n, GnuAttributes.refusal(name, st.abi()));
                        }
                    }
                    case "gcc_struct" -> {
                        if (windows) {
                            throw in.error(n, GnuAttributes.refusal(name, st.abi()));
                        }
                    }
                    default -> throw new IllegalStateException("unhandled attribute " + name);
                }
            }
        }
    }

    private void c23(ParseState st, DeclParser p) {
        TokenCursor in = st.in();
        while (!(in.at("]") && in.peek(1).is("]"))) {
            if (in.accept(",")) {
                continue;
            }
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, "expected an attribute name");
            }
            String ns = null;
            Token nsAt = n;
            if (in.accept("::")) {
                ns = n.text();
                n = in.next();
            }
            String name = strip(n.text());
            boolean gnu = ns != null && (ns.equals("gnu") || ns.equals("__gnu__"));
            if (ns != null && ns.equals("structscope")) {
                structscope(st, p, n, name);
                continue;
            }
            if (ns != null && nearStructscope(ns)) {
                // A compiler ignores attributes it does not know, and so does the importer (other
                // tools' attributes are fine), but a misspelt structscope:: would drop a count or a
                // switch without a word.
                st.warn(nsAt, "unknown attribute '" + ns + "::" + n.text() + "' ignored (did you mean 'structscope::"
                        + n.text() + "'?)");
            }
            if ((gnu || "clang".equals(ns)) && name.equals("counted_by")) {
                countedBy(st, p, n);
                continue;
            }
            if (gnu) {
                gnu(st, p, n);
                continue;
            }
            if (in.at("(")) {
                in.skipBalanced();
            }
        }
        in.next();
        in.next();
    }

    private void countedBy(ParseState st, DeclParser p, Token at) {
        TokenCursor in = st.in();
        in.expect("(", "after 'counted_by'");
        if (!st.inRecord()) {
            throw in.error(at, "counted_by is allowed only on a member of a struct");
        }
        countedBy = p.memberExpression();
        in.expect(")", "to close counted_by");
    }

    /** {@code structscope::at(E)}, {@code switch(E)}, {@code when(V, ...)}, {@code size(E)}. */
    private void structscope(ParseState st, DeclParser p, Token at, String name) {
        TokenCursor in = st.in();
        if (!st.inRecord()) {
            throw in.error(at, "structscope::" + name + " is allowed only on a member of a struct or union");
        }
        if (!List.of("at", "switch", "when", "size").contains(name)) {
            throw in.error(at, "unknown attribute 'structscope::" + name + "' (known: at, switch, when, size)");
        }
        in.expect("(", "after 'structscope::" + name + "'");
        if (dynamicAt == null) {
            dynamicAt = at;
        }
        Dynamic d = dynamic;
        if (name.equals("when")) {
            List<Expr> values = new ArrayList<>(d.when());
            do {
                Token vAt = in.peek();
                Expr v = p.memberExpression();
                if (!v.isConstant()) {
                    throw in.error(vAt, "a when value must be a constant (found '" + v.text() + "')");
                }
                st.sym().declaredAt.put(v, vAt);
                values.add(v);
            } while (in.accept(","));
            dynamic = d.withWhen(values);
        } else {
            Expr e = p.memberExpression();
            boolean twice = switch (name) {
                case "at" -> d.at() != null;
                case "switch" -> d.switchOn() != null;
                default -> d.size() != null;
            };
            if (twice) {
                throw in.error(at, "structscope::" + name + " is given twice for one member");
            }
            dynamic = switch (name) {
                case "at" -> d.withAt(e);
                case "switch" -> d.withSwitchOn(e);
                default -> d.withSize(e);
            };
        }
        in.expect(")", "to close structscope::" + name);
    }

    private void aligned(ParseState st, DeclParser p, Token at) {
        TokenCursor in = st.in();
        IntValue v = p.constant();
        if (!MemberRules.isPowerOfTwo(v.value())) {
            throw new InputException(at.where(), "requested alignment is not a positive power of 2 (" + v + ")");
        }
        if (v.value() > (1L << 28)) {
            throw new InputException(at.where(), "requested alignment must be 268435456 bytes or smaller");
        }
        aligned = Math.max(aligned, v.value());
    }

    /**
     * Whether an attribute namespace other than {@code structscope} is probably meant to be it:
     * within two edits of it, ignoring case and GCC's {@code __x__} spelling.
     */
    static boolean nearStructscope(String ns) {
        String s = strip(ns).toLowerCase(java.util.Locale.ROOT);
        String want = "structscope";
        if (Math.abs(s.length() - want.length()) > 2) {
            return false;
        }
        return MemberRules.edits(s, want) <= 2;
    }

    private static String strip(String s) {
        if (s.length() > 4 && s.startsWith("__") && s.endsWith("__")) {
            return s.substring(2, s.length() - 2);
        }
        return s;
    }
}
