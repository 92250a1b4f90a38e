package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.CType;


/**
 * {@link ConstExpr.Hooks} for declarations: enum constants, and {@code sizeof}, {@code _Alignof},
 * casts and the layouts of member designators ({@code offsetof}), computed with the layout engine on
 * the declarations parsed so far.
 * Owned by a {@link DeclParser}.
 */
final class ParserHooks implements ConstExpr.Hooks {
    private final ParseState st;
    /** The declaration grammar, for type names in casts, {@code sizeof} and {@code _Alignof}. */
    private final DeclParser p;

    ParserHooks(ParseState st, DeclParser p) {
        this.st = st;
        this.p = p;
    }

    @Override
    public IntValue identifier(Token t) {
        IntValue v = st.sym().enumerators.get(t.text());
        if (v != null) {
            return v;
        }
        if (t.is("true") || t.is("false")) {
            return IntValue.bool(t.is("true"));
        }
        if (st.sym().isTypedefName(t.text())) {
            throw new InputException(t.where(), "unexpected type name '" + t.text() + "': expected an expression");
        }
        throw new InputException(t.where(), "use of undeclared identifier '" + t.text() + "'" + st.nearestMember(t.text()));
    }

    @Override
    public boolean atTypeName() {
        return p.atTypeName();
    }

    @Override
    public CType typeName() {
        return p.typeName();
    }

    private IntValue sizeT(long v) {
        return new IntValue(v, st.abi().pointer().size() * 8, true);
    }

    @Override
    public IntValue sizeOf(CType type, Token at) {
        return sizeT(st.sym().layout(type, at).size());
    }

    @Override
    public IntValue alignOf(CType type, Token at) {
        TypeLayout l = st.sym().layout(type, at);
        // GNU __alignof__ answers the preferred alignment: 8 for double and long long on i386,
        // where C11 _Alignof (and the layout inside records) says 4.
        if ((at.is("__alignof__") || at.is("__alignof")) && l instanceof ScalarLayout s && s.size() == 8 && s.align() < 8) {
            return sizeT(8);
        }
        return sizeT(l.align());
    }

    @Override
    public TypeLayout layout(CType type, Token at) {
        return st.sym().layout(type, at);
    }

    @Override
    public Abi abi() {
        return st.abi();
    }
}
