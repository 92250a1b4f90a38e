package dev.structscope.model.type;

import java.util.Objects;

/**
 * {@code typedef TARGET NAME;} as a declaration of a {@link TypeLibrary}.
 *
 * @param name        the typedef name
 * @param target      the aliased type (an inline untagged record for {@code typedef struct {...} T;})
 * @param alignedAttr {@code __attribute__((aligned(N)))} on the typedef, or 0. On a typedef GCC and
 *                    clang let this lower the alignment as well as raise it.
 * @param comment     carried to exports, or {@code null}
 * @param vector      the typedef declares a GCC vector ({@code vector_size}): {@code target} is
 *                    the array of its elements and {@code alignedAttr} the vector's alignment,
 *                    which is a natural alignment, not an attribute (Microsoft's layout lets
 *                    {@code #pragma pack} lower it, as it does not for {@code aligned})
 */
public record Typedef(String name, CType target, long alignedAttr, String comment, boolean vector) implements Decl {
    /** A typedef that is not a vector. */
    public Typedef(String name, CType target, long alignedAttr, String comment) {
        this(name, target, alignedAttr, comment, false);
    }

    public Typedef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(target, "target");
        if (!MemberRules.isAlignmentOrNone(alignedAttr)) {
            throw new IllegalArgumentException("aligned must be a power of two, was " + alignedAttr);
        }
        if (vector && (alignedAttr == 0 || !(target instanceof ArrayType))) {
            throw new IllegalArgumentException("a vector typedef names an array and has its alignment");
        }
    }

    public static Typedef of(String name, CType target) {
        return new Typedef(name, target, 0, null);
    }
}
