package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Struct, union and enum specifiers with their bodies. A tagged definition becomes a declaration
 * of its own as soon as it is complete (so one nested in another record's body comes first) and
 * is referred to by name; an untagged one stays inline. Owned by a {@link DeclParser}; works on
 * the {@link ParseState} it is handed.
 */
final class RecordParser {
    private final ParseState st;
    /** The declaration grammar, for the specifiers and declarators of members. */
    private final DeclParser p;

    RecordParser(ParseState st, DeclParser p) {
        this.st = st;
        this.p = p;
    }

    /**
     * After {@code struct}/{@code union}: a reference, a forward declaration or a definition. An
     * {@code aligned} attribute written after the tag of a mere reference
     * ({@code typedef struct R __attribute__((aligned(4))) T;}) belongs to the declaration, as in
     * GCC and clang, so it is added to {@code specAttrs}.
     */
    /** Nesting levels a record body counts for (64 nested records reach the limit of 256). */
    private static final int RECORD_WEIGHT = 4;

    CType record(Token kw, Attributes specAttrs) {
        TokenCursor in = st.in();
        NamedType.Kind kind = kw.is("struct") ? NamedType.Kind.STRUCT : NamedType.Kind.UNION;
        Attributes attrs = new Attributes();
        Token tag = tag(attrs);
        if (!in.at("{")) {
            if (tag == null) {
                throw in.error(in.peek(), "declaration of anonymous " + kw.text() + " must be a definition");
            }
            declareTag(kind, tag, false);
            attrs.noTypeChange(in, "on a struct or union");
            specAttrs.aligned = Math.max(specAttrs.aligned, attrs.aligned);
            return new NamedType(kind, tag.text());
        }
        if (tag != null) {
            declareTag(kind, tag, true);
        }
        int packAtStart = st.pack().current();
        in.enter(RECORD_WEIGHT);
        // Member expressions (counts, structscope attributes) are allowed inside record bodies only.
        st.enterRecord();
        List<Member> members;
        try {
            Token open = in.next();
            members = members(kind == NamedType.Kind.STRUCT, open);
        } finally {
            st.exitRecord();
            in.exit(RECORD_WEIGHT);
        }
        attrs.parse(st, p);
        attrs.noTypeChange(in, "on a struct or union");
        // A comment above a record written on its own line belongs to it; one above
        // "typedef struct {" belongs to the typedef.
        String comment = kw.lineStart() ? st.comments().leading(kw) : null;
        RecordType r = new RecordType(kind == NamedType.Kind.STRUCT ? RecordKind.STRUCT : RecordKind.UNION,
                tag == null ? null : tag.text(), members, packAtStart, attrs.packed, attrs.aligned, comment);
        if (tag == null) {
            return r;
        }
        st.sym().tags.get(tag.text()).complete = true;
        st.sym().add(r, tag);
        return new NamedType(kind, tag.text());
    }

    /** The tag after {@code struct}, {@code union} or {@code enum}, or null; attributes around it go to {@code attrs}. */
    private Token tag(Attributes attrs) {
        attrs.parse(st, p);
        if (!st.in().peek().isIdent()) {
            return null;
        }
        Token tag = st.in().next();
        attrs.parse(st, p);
        return tag;
    }

    private void declareTag(NamedType.Kind kind, Token tag, boolean definition) {
        Symbols.Tag old = st.sym().tags.get(tag.text());
        if (old == null) {
            st.sym().tags.put(tag.text(), new Symbols.Tag(kind));
            return;
        }
        if (old.kind != kind) {
            throw st.in().error(tag, "use of '" + tag.text() + "' with tag type that does not match previous declaration");
        }
        if (definition && old.complete) {
            throw st.in().error(tag, "redefinition of '" + new NamedType(kind, tag.text()).spelling() + "'");
        }
    }

    private List<Member> members(boolean struct, Token open) {
        TokenCursor in = st.in();
        List<Member> out = new ArrayList<>();
        List<Token> where = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (!in.accept("}")) {
            if (in.atEnd()) {
                throw in.error(open, "expected '}' to match this '{'");
            }
            if (in.accept(";")) {
                continue;
            }
            if (in.at("_Static_assert") || in.at("static_assert")) {
                p.staticAssert();
                continue;
            }
            DeclParser.Specs s = p.specifiers(false);
            if (in.at(";")) {
                Token semi = in.next();
                s.attrs().noTypeChange(in, "on a declaration without a declarator");
                if (s.type() instanceof RecordType r && r.tag() == null) {
                    addMember(out, where, names, new Member(null, r, null, s.alignAs(), s.attrs().packed,
                            st.comments().of(s.first(), semi), s.attrs().dynamic), s.first());
                } else if (!s.attrs().dynamic.isNone()) {
                    throw in.error(s.attrs().dynamicAt, "a structscope attribute needs a member to apply to");
                }
                continue;
            }
            boolean firstDecl = true;
            while (true) {
                Token at = in.peek();
                DeclParser.Declarator d = null;
                CType type = s.type();
                Attributes a;
                if (!in.at(":")) {
                    d = p.declarator(false);
                    a = p.trailing();
                    DeclParser.Derived der = p.apply(s, d, a);
                    if (der.function()) {
                        throw in.error(d.name() == null ? at : d.name(), "field '" + name(d) + "' declared as a function");
                    }
                    if (der.vectorAlign() != 0) {
                        // A vector member's alignment is its type's (packed lowers it), which only a
                        // typedef carries; members rarely declare vectors in place.
                        throw in.error(s.attrs().changesType() ? s.attrs().typeAt : a.typeAt,
                                "not supported: 'vector_size' on a member (declare a typedef for the vector type)");
                    }
                    type = der.type();
                } else {
                    a = p.trailing();
                    a.noTypeChange(in, "on an unnamed bit-field");
                    s.attrs().noTypeChange(in, "on an unnamed bit-field");
                }
                Integer width = null;
                if (in.accept(":")) {
                    Token wAt = in.peek();
                    width = bitWidth(type, s.attrs().mode != null || a.mode != null ? s.type() : null, d, wAt);
                    Attributes afterWidth = new Attributes();
                    afterWidth.parse(st, p);
                    afterWidth.noTypeChange(in, "after a bit-field width");
                    a.add(afterWidth);
                }
                Attributes more = p.trailing();
                more.noTypeChange(in, "after a bit-field width");
                Attributes dyn = new Attributes();
                dyn.mergeDynamic(s.attrs(), in);
                dyn.mergeDynamic(a, in);
                dyn.mergeDynamic(more, in);
                type = countedBy(type, dyn, d == null ? at : d.name());
                boolean packed = s.attrs().packed || a.packed || more.packed;
                long align = Math.max(s.alignAs(), Math.max(s.attrs().aligned, Math.max(a.aligned, more.aligned)));
                Token nameTok = d == null ? at : d.name();
                String n = d == null ? null : d.name().text();
                String bad = st.sym().incomplete(type);
                // A placed member takes no room: it may be of its record's own type (a linked structure).
                if (bad != null && dyn.dynamic.at() == null && !(type instanceof ArrayType arr && arr.isFlexible()
                        && st.sym().incomplete(arr.element()) == null)) {
                    throw in.error(nameTok, "field '" + (n == null ? "<unnamed>" : n) + "' has incomplete type '" + bad + "'");
                }
                if (n != null && !names.add(n)) {
                    throw in.error(nameTok, "duplicate member '" + n + "'");
                }
                if (s.holdsVaList(st.sym(), type)) {
                    throw in.error(nameTok, "not supported on " + st.abi().name() + ": a member of type va_list ("
                            + BuiltinTypes.vaListShape(st.abi()) + " there; only i386, arm and Windows pass it as a pointer)");
                }
                // The comment above a declaration goes to its first declarator; one after it on the
                // line, to the last declarator written on that line.
                String comment = lastOnLine(nameTok) ? st.comments().of(firstDecl ? s.first() : null, nameTok)
                        : firstDecl ? st.comments().leading(s.first()) : null;
                firstDecl = false;
                addMember(out, where, names, new Member(n, type, width, align, packed, comment, dyn.dynamic), nameTok);
                if (!in.accept(",")) {
                    break;
                }
            }
            in.expect(";", "after member declaration");
        }
        RecordKind kind = struct ? RecordKind.STRUCT : RecordKind.UNION;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).type() instanceof ArrayType a && a.isFlexible()) {
                int k = i;
                MemberRules.flexibleArray(kind, out, i).ifPresent(f -> {
                    throw in.error(where.get(k), f.message(out.get(k).name(), MemberRules.Wording.HEADER));
                });
            }
        }
        return out;
    }

    /**
     * Whether the declaration at {@code name} is the last one written on its line: what follows
     * its terminating {@code ,} or {@code ;} starts another line (or closes the braces), so a
     * comment at the end of the line is about it.
     */
    private boolean lastOnLine(Token name) {
        Token after = st.in().peek(1);
        return !(after.file().equals(name.file()) && after.line() == name.line() && !after.is("}")
                && after.kind() != Token.Kind.EOF);
    }

    /** {@code T x[] __attribute__((counted_by(n)))} is the counted array {@code T x[n]}. */
    private CType countedBy(CType type, Attributes dyn, Token at) {
        if (dyn.countedBy == null) {
            return type;
        }
        if (!(type instanceof ArrayType a && a.isFlexible())) {
            throw st.in().error(at, "counted_by applies only to a flexible array member (T x[])");
        }
        return ArrayType.counted(a.element(), dyn.countedBy);
    }

    private void addMember(List<Member> out, List<Token> where, Set<String> names, Member m, Token at) {
        if (m.isAnonymousRecord() && m.type() instanceof RecordType r) {
            for (Member inner : r.members()) {
                if (inner.name() != null && !names.add(inner.name())) {
                    throw st.in().error(at, "duplicate member '" + inner.name() + "'");
                }
                if (inner.name() != null) {
                    st.memberDeclared(inner.name());
                }
            }
        }
        if (m.name() != null) {
            st.memberDeclared(m.name());
        }
        st.sym().declaredAt.put(m, at);
        out.add(m);
        where.add(at);
    }

    private static String name(DeclParser.Declarator d) {
        return d.name() == null ? "<unnamed>" : d.name().text();
    }

    private Integer bitWidth(CType type, CType written, DeclParser.Declarator d, Token at) {
        IntValue v = p.constant();
        String n = d == null ? null : d.name().text();
        BigInteger width = v.exact();
        MemberRules.bitField(n, width, integerBits(type, at), type.spelling()).ifPresent(f -> {
            Token where = switch (f) {
                case MemberRules.NotInteger x -> d == null ? at : d.name();
                case MemberRules.NamedZeroWidth x -> d.name();
                default -> at;
            };
            throw st.in().error(where, f.message(MemberRules.Wording.HEADER));
        });
        if (written != null) {
            // GCC and clang check the width against the type written, before a mode attribute on
            // the member changes it ({@code int __attribute__((mode(DI))) x : 40} is an error; the
            // field is then laid out with the mode's type).
            MemberRules.bitField(n, width, integerBits(written, at), written.spelling())
                    .filter(f -> f instanceof MemberRules.TooWide)
                    .ifPresent(f -> {
                        throw st.in().error(at, f.message(MemberRules.Wording.HEADER));
                    });
        }
        return (int) v.value();
    }

    /** The bits a bit-field of this type may hold on the ABI; empty when not an integer or enum type. */
    private OptionalLong integerBits(CType type, Token at) {
        CType t = st.sym().strip(type);
        if (t instanceof PrimitiveType prim && prim.prim().isInteger()) {
            return OptionalLong.of(MemberRules.bitFieldBits(prim.prim(), st.abi().scalar(prim.prim()).size()));
        }
        if (t instanceof EnumType || (t instanceof NamedType nt && nt.kind() == NamedType.Kind.ENUM)) {
            TypeLayout l = st.sym().layout(t, at);
            return OptionalLong.of(l instanceof EnumLayout ? l.size() * 8 : 32);
        }
        return OptionalLong.empty();
    }

    /** After {@code enum}. */
    CType enumeration(Token kw) {
        TokenCursor in = st.in();
        Attributes attrs = new Attributes();
        Token tag = tag(attrs);
        Prim underlying = null;
        if (in.at(":") && in.peek(1).isIdent() && isTypeAhead()) {
            Token colon = in.next();
            CType u = st.sym().strip(p.typeName());
            if (!(u instanceof PrimitiveType pt) || !pt.prim().isInteger()) {
                throw in.error(colon, "enum underlying type must be an integer type");
            }
            underlying = pt.prim();
        }
        if (!in.at("{")) {
            if (tag == null) {
                throw in.error(in.peek(), "declaration of anonymous enum must be a definition");
            }
            declareTag(NamedType.Kind.ENUM, tag, false);
            return NamedType.enumeration(tag.text());
        }
        if (tag != null) {
            declareTag(NamedType.Kind.ENUM, tag, true);
        }
        Token open = in.next();
        List<Enumerator> list = new ArrayList<>();
        IntValue previous = null;
        boolean msvc = st.abi().bitfields() == dev.structscope.model.abi.Abi.BitfieldRules.MSVC && underlying == null;
        while (!in.accept("}")) {
            Token n = in.next();
            if (!n.isIdent()) {
                throw in.error(n, n.kind() == Token.Kind.EOF ? "expected '}' to match this '{'" : "expected identifier in enum"
                        + " (found '" + n.text() + "')");
            }
            Attributes ea = new Attributes();
            ea.parse(st, p);
            ea.noTypeChange(in, "on an enumerator");
            IntValue v = in.accept("=") ? p.constant() : previous == null ? IntValue.ZERO : following(previous, n);
            if (st.sym().enumerators.containsKey(n.text()) || st.sym().typedefs.containsKey(n.text())) {
                throw in.error(n, "redefinition of enumerator '" + n.text() + "'");
            }
            // Enum constants have type int when their value fits, else the value's own type (until
            // the enum is complete, below). A Microsoft enum is an int: its constants are ints, a
            // wider value cut to an int's 32 bits (0x80000000 is negative there), as clang does.
            if (underlying != null) {
                representable(v, underlying, n);
            }
            IntValue typed = v.fitsInt() || msvc ? IntValue.ofInt((int) v.value()) : v;
            st.sym().enumerators.put(n.text(), typed);
            list.add(new Enumerator(n.text(), typed.value(), lastOnLine(n) ? st.comments().of(n, n) : st.comments().leading(n)));
            previous = typed;
            if (!in.accept(",")) {
                if (!in.at("}")) {
                    throw in.error(in.peek(), "expected ',' or '}' after enumerator" + in.found());
                }
            }
        }
        if (list.isEmpty()) {
            throw in.error(open, "use of empty enum");
        }
        attrs.parse(st, p);
        attrs.noTypeChange(in, "on an enum");
        EnumType e = new EnumType(tag == null ? null : tag.text(), list, attrs.packed, underlying,
                kw.lineStart() ? st.comments().leading(kw) : null);
        retypeConstants(e, open);
        if (tag == null) {
            return e;
        }
        list.forEach(en -> st.sym().namedEnumerators.add(en.name()));
        st.sym().tags.get(tag.text()).complete = true;
        st.sym().add(e, tag);
        return NamedType.enumeration(tag.text());
    }

    /**
     * The value after {@code previous}, for an enumerator without one: one more, in
     * {@code previous}'s type. Past that type's largest value GCC refuses the enum and clang goes
     * on in a wider type; refused here (it was wrapped: 0x7fffffff was followed by a negative).
     */
    private IntValue following(IntValue previous, Token at) {
        if (!IntValue.fits(previous.exact().add(BigInteger.ONE), previous.bits(), !previous.unsigned())) {
            throw st.in().error(at, "overflow in enumeration values (" + previous + " is the largest "
                    + (previous.unsigned() ? "unsigned " : "") + previous.bits() + "-bit value; GCC refuses it)");
        }
        return new IntValue(previous.value() + 1, previous.bits(), previous.unsigned());
    }

    /** Refuses, as clang does, a value of an {@code enum E : T} outside T's range. */
    private void representable(IntValue v, Prim type, Token at) {
        if (!IntValue.fits(v.exact(), (int) st.abi().scalar(type).size() * 8, st.abi().isSigned(type))) {
            throw st.in().error(at, "enumerator value " + v + " is not representable in the underlying type '"
                    + type.cName() + "'");
        }
    }

    /**
     * Once the enum is complete its constants take their type as GCC and clang give it: those that
     * do not fit an int become of the enum's own type (an 8-byte {@code long} for
     * {@code {-1, 0x80000000}} on x86-64), and all of them where the enum has a fixed underlying
     * type ({@code enum E : uint8_t}: {@code sizeof} of a constant is 1).
     */
    private void retypeConstants(EnumType e, Token at) {
        if (e.underlying() == null && e.enumerators().stream().allMatch(en -> en.value() >= Integer.MIN_VALUE
                && en.value() <= Integer.MAX_VALUE)) {
            return;
        }
        TypeLayout l = st.sym().layout(e, at);
        if (!(l instanceof EnumLayout enumLayout)) {
            return;
        }
        int size = (int) enumLayout.size();
        int bits = Math.max(32, size * 8);
        boolean unsigned = !enumLayout.signed() && size >= 4;
        for (Enumerator en : e.enumerators()) {
            IntValue old = st.sym().enumerators.get(en.name());
            if (e.underlying() != null || !old.fitsInt()) {
                st.sym().enumerators.put(en.name(), new IntValue(old.value(), bits, unsigned, size));
            }
        }
    }

    private boolean isTypeAhead() {
        String s = st.in().peek(1).text();
        return st.sym().isTypedefName(s) || s.equals("unsigned") || s.equals("signed") || s.equals("char")
                || s.equals("short") || s.equals("int") || s.equals("long") || s.equals("_Bool") || s.equals("bool")
                || s.equals("const");
    }
}
