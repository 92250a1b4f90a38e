package dev.structscope.model.c;

import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;

/**
 * The two GCC attributes that replace a declaration's type: {@code mode(M)} (an integer of M's
 * width with the declared type's signedness, or {@code float}/{@code double} for {@code SF} and
 * {@code DF}) and {@code vector_size(N)} (N bytes of the element type; laid out as an array of
 * its elements whose alignment {@link BuiltinTypes#vectorAlign} gives). Both are checked against
 * gcc and clang-16 by the attribute oracle tests. Stateless.
 */
final class TypeAttributes {
    private TypeAttributes() {
    }

    private static final Prim[] SIGNED = {Prim.INT8, Prim.INT16, null, Prim.INT32, null, null, null, Prim.INT64};
    private static final Prim[] UNSIGNED = {Prim.UINT8, Prim.UINT16, null, Prim.UINT32, null, null, null, Prim.UINT64};

    static CType mode(CType declared, String mode, Token at, ParseState st) {
        int bytes = GnuAttributes.modeBytes(mode, st.abi());
        if (bytes < 0) {
            throw st.in().error(at, "not supported: mode '" + mode + "'");
        }
        CType base = st.sym().strip(declared);
        if (!(base instanceof PrimitiveType prim) || prim.prim() == Prim.VOID || prim.prim() == Prim.BOOL) {
            throw st.in().error(at, "not supported: mode '" + mode + "' on type '" + declared.spelling() + "'");
        }
        if (bytes == 0) {
            if (!prim.prim().isFloating()) {
                throw st.in().error(at, "type of machine mode '" + mode + "' does not match type of base type");
            }
            return PrimitiveType.of(mode.equals("SF") ? Prim.FLOAT : Prim.DOUBLE);
        }
        if (!prim.prim().isInteger()) {
            throw st.in().error(at, "type of machine mode '" + mode + "' does not match type of base type");
        }
        boolean signed = st.abi().isSigned(prim.prim());
        if (bytes == 16) {
            Prim wide = signed ? Prim.INT128 : Prim.UINT128;
            if (!st.abi().has(wide)) {
                throw st.in().error(at, "not supported on " + st.abi().name() + ": mode '" + mode + "' (no 128-bit integers)");
            }
            return PrimitiveType.of(wide);
        }
        return PrimitiveType.of((signed ? SIGNED : UNSIGNED)[bytes - 1]);
    }

    /** {@code elements} > 0 for clang's {@code neon_vector_type(N)}: N elements rather than N bytes. */
    static ArrayType vector(CType declared, long size, long elements, Token at, ParseState st) {
        CType base = st.sym().strip(declared);
        if (!(base instanceof PrimitiveType prim) || !(prim.prim().isInteger() || prim.prim() == Prim.FLOAT
                || prim.prim() == Prim.DOUBLE || prim.prim() == Prim.FLOAT16 || prim.prim() == Prim.BF16)
                || prim.prim() == Prim.BOOL || prim.prim() == Prim.INT128 || prim.prim() == Prim.UINT128) {
            throw st.in().error(at, "not supported: vector of '" + declared.spelling() + "'");
        }
        long element = st.abi().scalar(prim.prim()).size();
        if (elements > 0) {
            size = elements * element;
        }
        if (size % element != 0) {
            throw st.in().error(at, "vector size not an integral multiple of component size");
        }
        long count = size / element;
        if (!MemberRules.isPowerOfTwo(count)) {
            throw st.in().error(at, "number of vector components " + count + " not a power of two");
        }
        return new ArrayType(declared, count);
    }
}
