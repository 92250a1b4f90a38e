package dev.structscope.model.c;

import dev.structscope.model.type.MemberRules;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.Typedef;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the declarations of a preprocessed token stream: typedefs and tagged types are kept,
 * functions, prototypes, bodies and variables are skipped. Record and enum bodies are parsed by
 * {@link RecordParser}; constant expressions by {@link ConstExpr} with {@link ParserHooks}.
 * One instance per import; not thread-safe.
 */
final class DeclParser {
    private static final Set<String> STORAGE = Set.of("typedef", "extern", "static", "auto", "register",
            "_Thread_local", "thread_local", "__thread", "inline", "__inline", "__inline__", "_Noreturn",
            "__extension__", "constexpr", "__forceinline");
    private static final Set<String> QUALIFIERS = Set.of("const", "volatile", "restrict", "__restrict",
            "__restrict__", "__const", "__const__", "__volatile", "__volatile__", "_Nonnull", "_Nullable",
            "_Null_unspecified", "__w64", "__ptr32", "__ptr64", "__unaligned", "__cdecl", "__stdcall",
            "__fastcall", "__vectorcall", "_cdecl", "__sptr", "__uptr");
    private static final Set<String> TYPE_WORDS = Set.of("void", "char", "short", "int", "long", "float",
            "double", "signed", "unsigned", "_Bool", "__signed", "__signed__", "_Complex", "__complex__",
            "__int128", "_Float16", "_Float32", "_Float64", "_Float128", "__float128", "__fp16", "_Float32x",
            "_Float64x", "__int64", "__int32", "__int16", "__int8", "_BitInt", "_Decimal32", "_Decimal64",
            "_Decimal128", "__bf16", "__float80", "__ibm128", "_Float128x");
    /**
     * Type keywords of GCC that clang-16 does not have, so glibc declares them as typedefs under
     * clang ({@code typedef float _Float32;}): in that position they are the declarator's name, and
     * once so declared the typedef is what they mean.
     */
    private static final Set<String> TYPEDEFABLE_WORDS = Set.of("_Float32", "_Float64", "_Float128", "_Float32x",
            "_Float64x", "_Float128x", "_Float16");

    private final ParseState st;
    private final RecordParser records;
    private final ParserHooks hooks;

    DeclParser(ParseState st) {
        this.st = st;
        this.records = new RecordParser(st, this);
        this.hooks = new ParserHooks(st, this);
    }

    private TokenCursor in() {
        return st.in();
    }

    Abi abi() {
        return st.abi();
    }

    /** An integer constant expression at the cursor. */
    IntValue constant() {
        return new ConstExpr(st.in(), hooks).conditional();
    }

    /** A dynamic-layout expression (members allowed) at the cursor. */
    dev.structscope.model.type.Expr memberExpression() {
        return new MemberExpr(st, hooks).conditional();
    }

    static boolean isTypeWord(String w) {
        return TYPE_WORDS.contains(w) || QUALIFIERS.contains(w);
    }

    /**
     * Declaration specifiers as parsed: where they start, the type they name, whether they declare
     * a typedef (of a function type), the attributes written among them (an accumulator the
     * declarators add to) and the largest {@code _Alignas}.
     */
    record Specs(Token first, CType type, boolean typedef, boolean functionTypedef, Attributes attrs, long alignAs,
                 String typedefName) {
        /**
         * Whether a declarator's {@code type} holds a {@code va_list} where it is no pointer: the
         * specifiers named one (or a typedef of one) and the declarator made it no pointer.
         */
        boolean holdsVaList(Symbols sym, CType type) {
            CType t = type;
            while (t instanceof dev.structscope.model.type.ArrayType a) {
                t = a.element();
            }
            return typedefName != null && sym.vaLists.contains(typedefName) && t.equals(this.type);
        }
    }

    /** The specifiers while they are read. */
    private static final class SpecsBuilder {
        Token first;
        CType type;
        boolean typedef;
        boolean functionTypedef;
        final Attributes attrs = new Attributes();
        long alignAs;
        final List<String> words = new ArrayList<>();
        Token wordsAt;
        /** The typedef name the type was given by, if it was. */
        String typedefName;

        Specs build() {
            return new Specs(first, type, typedef, functionTypedef, attrs, alignAs, typedefName);
        }
    }

    /** One declarator: the name (null when abstract), its derivations from the base type outwards, where it starts. */
    record Declarator(Token name, List<Derivation> derivations, Token at) {
    }

    /** One step of a declarator from the base type outwards: {@code *}, {@code [N]}, {@code []}, {@code [count]}, {@code (...)}. */
    sealed interface Derivation {
        /** A pointer, with the qualifiers written after its {@code *} (they change no layout). */
        record Pointer(List<String> qualifiers) implements Derivation {
        }

        /** An array of {@code length} elements. */
        record Array(long length, Token at) implements Derivation {
        }

        /** A flexible array member's {@code []}. */
        record FlexibleArray(Token at) implements Derivation {
        }

        /** An array whose length members decoded before it give ({@code char name[name_len]}). */
        record CountedArray(dev.structscope.model.type.Expr count, Token at) implements Derivation {
        }

        /** A function's parameter list (skipped: only that it is a function matters). */
        record Function(Token at) implements Derivation {
        }
    }

    void translationUnit() {
        while (!in().atEnd()) {
            externalDeclaration();
        }
    }

    private void externalDeclaration() {
        if (in().accept(";")) {
            return;
        }
        if (in().at("_Static_assert") || in().at("static_assert")) {
            staticAssert();
            return;
        }
        if (in().at("__asm__") || in().at("asm") || in().at("__asm")) {
            in().next();
            while (QUALIFIERS.contains(in().peek().text()) || in().at("goto")) {
                in().next();
            }
            if (in().at("(")) {
                in().skipBalanced();
            }
            in().accept(";");
            return;
        }
        Specs s = specifiers(true);
        if (in().accept(";")) {
            return;
        }
        boolean first = true;
        while (true) {
            Declarator d = declarator(false);
            Attributes after = trailing();
            Derived t = apply(s, d, after);
            if (s.typedef()) {
                typedef(s, d, t, after);
            } else if (t.function && first && (in().at("{") || startsKnRParams())) {
                while (!in().at("{")) {
                    if (in().atEnd()) {
                        throw in().error(in().peek(), "expected a function body");
                    }
                    in().next();
                }
                in().skipBalanced();
                return;
            } else if (in().accept("=")) {
                skipInitializer();
            }
            first = false;
            if (!in().accept(",")) {
                in().expect(";", "after declaration");
                return;
            }
        }
    }

    private boolean startsKnRParams() {
        return atTypeName() || STORAGE.contains(in().peek().text());
    }

    private void typedef(Specs s, Declarator d, Derived t, Attributes after) {
        if (d.name() == null) {
            throw in().error(d.at(), "typedef requires a name");
        }
        String name = d.name().text();
        if (t.function) {
            st.sym().functionTypedefs.add(name);
            return;
        }
        long aligned = Math.max(s.attrs().aligned, after.aligned);
        if (t.vectorAlign != 0 && aligned != 0 && abi().bitfields() == Abi.BitfieldRules.MSVC) {
            // Microsoft's layout keeps the vector's own alignment and the attribute's as two
            // numbers (natural and required); a typedef holds one.
            throw in().error(d.name(), "not supported on " + abi().name() + ": 'aligned' together with 'vector_size'");
        }
        boolean vector = t.vectorAlign != 0 && aligned == 0;
        if (vector) {
            aligned = t.vectorAlign; // else an aligned attribute next to vector_size wins, even lowering it
        }
        CType old = st.sym().typedefs.get(name);
        if (old != null) {
            // C allows a typedef again with the same type, possibly through other typedefs
            // (glibc's "typedef __gnuc_va_list va_list;", then clang's <stdarg.h>).
            if (old.equals(t.type) || st.sym().strip(old).equals(st.sym().strip(t.type))) {
                return;
            }
            throw in().error(d.name(), "typedef redefinition with different types ('" + t.type.spelling()
                    + "' vs '" + old.spelling() + "')");
        }
        if (st.sym().enumerators.containsKey(name)) {
            throw in().error(d.name(), "redefinition of '" + name + "' as a different kind of symbol");
        }
        st.sym().typedefs.put(name, t.type);
        if (s.holdsVaList(st.sym(), t.type)) {
            st.sym().vaLists.add(name); // a record member of this type is refused as va_list itself is
        }
        if (t.type instanceof dev.structscope.model.type.EnumType e) {
            // typedef enum { ... } Name;: the library keeps the enum under the typedef's name.
            e.enumerators().forEach(en -> st.sym().namedEnumerators.add(en.name()));
        }
        st.sym().add(new Typedef(name, t.type, aligned, st.comments().of(s.first(), d.name()), vector), d.name());
    }

    void skipInitializer() {
        while (!in().at(",") && !in().at(";")) {
            if (in().atEnd()) {
                throw in().error(in().peek(), "expected ';' after declaration (found end of file)");
            }
            if (in().at("(") || in().at("{") || in().at("[")) {
                in().skipBalanced();
            } else {
                in().next();
            }
        }
    }

    void staticAssert() {
        Token kw = in().next();
        in().expect("(", "after '" + kw.text() + "'");
        IntValue v = constant();
        String msg = "";
        if (in().accept(",")) {
            Token m = in().next();
            msg = m.text();
        }
        in().expect(")", "after static assertion");
        in().expect(";", "after static assertion");
        if (!v.isTrue()) {
            throw in().error(kw, "static assertion failed" + (msg.isEmpty() ? "" : ": " + msg));
        }
    }

    /** Attributes and {@code __asm__("name")} after a declarator. */
    Attributes trailing() {
        Attributes a = new Attributes();
        while (true) {
            if (Attributes.at(in())) {
                a.parse(st, this);
            } else if (in().at("__asm__") || in().at("__asm") || in().at("asm")) {
                in().next();
                if (in().at("(")) {
                    in().skipBalanced();
                }
            } else {
                return a;
            }
        }
    }

    boolean atTypeName() {
        Token t = in().peek();
        if (!t.isIdent()) {
            return false;
        }
        String s = t.text();
        return TYPE_WORDS.contains(s) || QUALIFIERS.contains(s) || s.equals("struct") || s.equals("union")
                || s.equals("enum") || s.equals("_Atomic") || s.equals("_Alignas") || s.equals("alignas")
                || s.equals("__attribute__") || s.equals("typeof") || s.equals("__typeof__") || s.equals("__typeof")
                || s.equals("typeof_unqual") || s.equals("__typeof_unqual__") || s.equals("bool")
                || st.sym().isTypedefName(s);
    }

    /** A type name (casts, sizeof, _Alignas(type)). */
    CType typeName() {
        Specs s = specifiers(false);
        Declarator d = declarator(true);
        Derived t = apply(s, d, null);
        if (t.vectorAlign != 0) {
            throw in().error(s.attrs().typeAt, "not supported: 'vector_size' outside a typedef");
        }
        if (t.function) {
            return new PointerType(PrimitiveType.of(Prim.VOID)); // sizeof of a function: an error either way
        }
        return t.type;
    }

    Specs specifiers(boolean allowStorage) {
        SpecsBuilder s = new SpecsBuilder();
        s.first = in().peek();
        while (true) {
            Token t = in().peek();
            if (Attributes.at(in())) {
                s.attrs.parse(st, this);
                continue;
            }
            if (!t.isIdent()) {
                break;
            }
            String w = t.text();
            if (STORAGE.contains(w)) {
                if (!allowStorage && !w.equals("__extension__")) {
                    throw in().error(t, "storage class '" + w + "' is not allowed here");
                }
                in().next();
                s.typedef |= w.equals("typedef");
            } else if (QUALIFIERS.contains(w)) {
                in().next();
            } else if (w.equals("_Atomic")) {
                in().next();
                if (in().at("(")) {
                    in().next();
                    setType(s, typeName(), t);
                    in().expect(")", "after _Atomic type");
                }
            } else if (w.equals("_Alignas") || w.equals("alignas")) {
                in().next();
                in().expect("(", "after '" + w + "'");
                long a;
                if (atTypeName()) {
                    a = st.sym().layout(typeName(), t).align();
                } else {
                    IntValue v = constant();
                    if (v.value() > (1L << 28) || !MemberRules.isAlignmentOrNone(v.value())) {
                        throw in().error(t, "requested alignment is not a power of 2 (" + v + ")");
                    }
                    a = v.value();
                }
                in().expect(")", "after alignment");
                s.alignAs = Math.max(s.alignAs, a);
            } else if (TYPEDEFABLE_WORDS.contains(w) && (s.type != null
                    || s.words.stream().anyMatch(x -> !x.equals("_Complex") && !x.equals("__complex__")))) {
                break; // typedef float _Float32;
            } else if (TYPEDEFABLE_WORDS.contains(w) && s.words.isEmpty() && st.sym().isTypedefName(w)) {
                in().next();
                s.type = st.sym().typedefType(w);
            } else if (w.equals("_BitInt")) {
                throw in().error(t, "not supported: '_BitInt'");
            } else if (TYPE_WORDS.contains(w)) {
                if (s.type != null) {
                    throw in().error(t, "cannot combine '" + w + "' with previous type '" + s.type.spelling() + "'");
                }
                in().next();
                if (s.wordsAt == null) {
                    s.wordsAt = t;
                }
                s.words.add(w);
            } else if (w.equals("struct") || w.equals("union")) {
                in().next();
                setType(s, records.record(t, s.attrs), t);
            } else if (w.equals("enum")) {
                in().next();
                setType(s, records.enumeration(t), t);
            } else if (w.equals("typeof") || w.equals("__typeof__") || w.equals("__typeof") || w.equals("typeof_unqual")
                    || w.equals("__typeof_unqual__")) {
                in().next();
                in().expect("(", "after '" + w + "'");
                // A type name, or the member designator of kernel-style macros (typeof(((T *)0)->m)).
                setType(s, atTypeName() ? typeName() : new ConstExpr(st.in(), hooks).designatorType(t), t);
                in().expect(")", "after '" + w + "'");
            } else if (s.type == null && s.words.isEmpty() && st.sym().isTypedefName(w)) {
                in().next();
                if (st.sym().functionTypedefs.contains(w)) {
                    s.functionTypedef = true;
                    s.type = PrimitiveType.of(Prim.VOID);
                } else {
                    s.type = st.sym().typedefType(w);
                    s.typedefName = w;
                }
            } else if (s.type == null && s.words.isEmpty()
                    && (in().peek(1).isIdent() || in().peek(1).is("*")) && !st.sym().isTypedefName(w)) {
                throw in().error(t, "unknown type name '" + w + "'");
            } else {
                break;
            }
        }
        if (!s.words.isEmpty()) {
            if (s.type == null) {
                s.type = Primitives.of(s.words, s.wordsAt, abi());
            } else if (s.words.stream().allMatch(x -> x.equals("_Complex") || x.equals("__complex__"))
                    && st.sym().strip(s.type) instanceof PrimitiveType p && p.prim().isFloating()) {
                s.type = new ArrayType(s.type, 2); // _Complex _Float32, with _Float32 a typedef
            } else {
                throw in().error(s.wordsAt, "cannot combine '" + String.join(" ", s.words) + "' with previous type '"
                        + s.type.spelling() + "'");
            }
        }
        if (s.type == null) {
            Token t = in().peek();
            throw in().error(t, t.isIdent() ? "unknown type name '" + t.text() + "'"
                    : "expected a type specifier" + in().found());
        }
        return s.build();
    }

    private void setType(SpecsBuilder s, CType type, Token at) {
        if (s.type != null || !s.words.isEmpty()) {
            throw in().error(at, "cannot combine '" + at.text() + "' with a previous type specifier");
        }
        s.type = type;
    }

    Declarator declarator(boolean abstractAllowed) {
        in().enter();
        try {
            Token at = in().peek();
            if (Attributes.at(in())) {
                // GCC lets attributes open a declarator: expat's XMLCALL on i386 is
                // (__attribute__((cdecl)) *handler). What changes no layout is read past; an
                // attribute that would (GCC applies few of them there) is refused, not guessed.
                Token first = in().peek();
                Attributes lead = new Attributes();
                lead.parse(st, this);
                if (lead.affectsLayout()) {
                    throw in().error(first, "not supported: a layout attribute at the start of a declarator"
                            + " (write it after the declarator)");
                }
            }
            List<Derivation> pointers = new ArrayList<>();
            while (in().at("*") || in().at("^")) {
                in().next();
                List<String> qualifiers = new ArrayList<>();
                while (QUALIFIERS.contains(in().peek().text()) || Attributes.at(in()) || in().at("_Atomic")) {
                    if (Attributes.at(in())) {
                        Attributes pa = new Attributes();
                        pa.parse(st, this);
                        pa.noTypeChange(in(), "on a pointer");
                    } else {
                        qualifiers.add(in().next().text());
                    }
                }
                pointers.add(new Derivation.Pointer(List.copyOf(qualifiers)));
            }
            while (QUALIFIERS.contains(in().peek().text())) {
                in().next();
            }
            Token name = null;
            Declarator inner = null;
            Token t = in().peek();
            if (t.isIdent() && !(abstractAllowed && atTypeName()) && !Attributes.at(in())) {
                name = in().next();
            } else if (t.is("(") && nestedDeclarator(abstractAllowed)) {
                in().next();
                inner = declarator(abstractAllowed);
                in().expect(")", "to close the declarator");
            } else if (!abstractAllowed) {
                throw in().error(t, "expected identifier or '('" + in().found());
            }
            return new Declarator(inner != null ? inner.name() : name, finish(pointers, suffixes(), inner), at);
        } finally {
            in().exit();
        }
    }

    private boolean nestedDeclarator(boolean abstractAllowed) {
        Token n = in().peek(1);
        if (n.is("*") || n.is("^") || n.is("(") || n.is("[") || n.is("__attribute__") || n.is("__attribute")
                || QUALIFIERS.contains(n.text())) {
            return true;
        }
        return n.isIdent() && !abstractAllowed && !st.sym().isTypedefName(n.text());
    }

    private List<Derivation> suffixes() {
        List<Derivation> out = new ArrayList<>();
        while (true) {
            if (in().at("[")) {
                Token open = in().next();
                while (in().at("static") || QUALIFIERS.contains(in().peek().text())) {
                    in().next();
                }
                if (in().accept("]")) {
                    out.add(new Derivation.FlexibleArray(open));
                    continue;
                }
                if (in().at("*") && in().peek(1).is("]")) {
                    throw in().error(open, "variable length array in a type declaration");
                }
                if (st.inRecord() && MemberExpr.namesMember(st, "]")) {
                    // A counted array: the size names members decoded before it (char name[name_len]).
                    dev.structscope.model.type.Expr count = memberExpression();
                    in().expect("]", "to close the array size");
                    out.add(count instanceof dev.structscope.model.type.Expr.Const c
                            ? new Derivation.Array(checkedLength(c.value(), open), open)
                            : new Derivation.CountedArray(count, open));
                    continue;
                }
                IntValue v = constant();
                in().expect("]", "to close the array size");
                if (!v.unsigned() && v.value() < 0) {
                    throw in().error(open, "array size is negative (" + v + ")");
                }
                if (v.value() < 0) {
                    throw in().error(open, "array is too large (" + v + " elements)");
                }
                out.add(new Derivation.Array(v.value(), open));
            } else if (in().at("(")) {
                out.add(new Derivation.Function(in().peek()));
                in().skipBalanced();
            } else {
                return out;
            }
        }
    }

    private long checkedLength(long v, Token open) {
        if (v < 0) {
            throw in().error(open, "array size is negative (" + v + ")");
        }
        return v;
    }

    private static List<Derivation> finish(List<Derivation> pointers, List<Derivation> suffixes, Declarator inner) {
        List<Derivation> ops = new ArrayList<>(pointers);
        for (int i = suffixes.size() - 1; i >= 0; i--) {
            ops.add(suffixes.get(i));
        }
        if (inner != null) {
            ops.addAll(inner.derivations());
        }
        return ops;
    }

    /**
     * A derived type; {@code function} when the declarator declares a function (its type is then
     * unused); {@code vectorAlign} the alignment of a {@code vector_size} type, 0 for other types.
     */
    record Derived(CType type, boolean function, long vectorAlign) {
    }

    /** The type a declarator declares; {@code after} holds the attributes written after it, or null. */
    Derived apply(Specs s, Declarator d, Attributes after) {
        Attributes typeAttrs = new Attributes();
        typeAttrs.add(s.attrs());
        if (after != null) {
            typeAttrs.add(after);
        }
        CType t = s.type();
        long vectorAlign = 0;
        if (typeAttrs.changesType()) {
            if (!d.derivations().isEmpty() || s.functionTypedef()) {
                throw in().error(typeAttrs.typeAt, "not supported: '" + typeAttrs.typeAt.text()
                        + "' on a pointer, array or function declarator");
            }
            if (typeAttrs.mode != null) {
                t = TypeAttributes.mode(t, typeAttrs.mode, typeAttrs.typeAt, st);
            }
            if (typeAttrs.vectorSize != 0) {
                ArrayType v = TypeAttributes.vector(t, typeAttrs.vectorSize, typeAttrs.neon ? typeAttrs.vectorSize : 0,
                        typeAttrs.typeAt, st);
                t = v;
                vectorAlign = BuiltinTypes.vectorAlign(abi(), st.sym().layout(v, typeAttrs.typeAt).size());
            }
        }
        boolean fn = s.functionTypedef();
        for (Derivation op : d.derivations()) {
            switch (op) {
                case Derivation.Pointer p -> {
                    t = fn ? new PointerType(PrimitiveType.of(Prim.VOID)) : new PointerType(t);
                    fn = false;
                }
                case Derivation.Function f -> {
                    if (fn) {
                        throw in().error(d.at(), "function cannot return a function type");
                    }
                    fn = true;
                }
                case Derivation.Array a -> t = array(t, fn, a.at(), c -> new ArrayType(c, a.length()));
                case Derivation.FlexibleArray a -> t = array(t, fn, a.at(), c -> ArrayType.flexible(c));
                case Derivation.CountedArray a -> t = array(t, fn, a.at(), c -> ArrayType.counted(c, a.count()));
            }
        }
        return new Derived(t, fn, vectorAlign);
    }

    /** An array of {@code element}s made by {@code make}, when C allows an array of them. */
    private CType array(CType element, boolean function, Token at, java.util.function.UnaryOperator<CType> make) {
        if (function) {
            throw in().error(at, "array of functions is not allowed");
        }
        if (element instanceof ArrayType inner && inner.isFlexible()) {
            throw in().error(at, "array has incomplete element type '" + inner.spelling() + "'");
        }
        if (st.sym().strip(element) instanceof PrimitiveType p && p.prim() == Prim.VOID) {
            throw in().error(at, "array has incomplete element type 'void'");
        }
        return make.apply(element);
    }
}
