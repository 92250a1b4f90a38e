package dev.structscope.model.abi;

import dev.structscope.model.type.MemberRules;
import dev.structscope.model.InputException;
import dev.structscope.model.type.Prim;

import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A C data model and its record layout rules, as data: the layout engine reads these numbers and
 * flags and has no branch on an ABI's name. Adding an ABI is adding a value to {@link Abis}.
 *
 * <p>Immutable; shared freely between threads.
 *
 * @param name            the contract name, e.g. {@code "x86_64-linux"}
 * @param description     a line for people, e.g. {@code "System V x86-64 (LP64)"}
 * @param clangTarget     the clang {@code --target} triple that lays records out this way (used by tests)
 * @param scalars         size and alignment inside records of every primitive except {@code VOID}
 * @param pointer         size and alignment of data pointers
 * @param byteOrder       the byte order of the ABI's machines
 * @param charSigned      whether plain {@code char} is signed
 * @param wcharSigned     whether {@code wchar_t} is signed
 * @param longDouble      how {@code long double} is encoded
 * @param bitfields       the family of bit-field allocation rules
 * @param zeroWidthBitfieldAffectsAlignment whether a zero-width bit-field raises the alignment of
 *                        the record to that of its declared type (AAPCS does, System V x86 does not;
 *                        {@link BitfieldRules#MSVC} has its own rule and ignores this flag)
 * @param unnamedBitfieldAffectsAlignment whether an unnamed non-zero bit-field's declared type
 *                        raises the record alignment (AAPCS does, System V x86 does not; clang
 *                        ties both flags to one target property; ignored for MSVC)
 * @param maxFieldAlign   an upper bound applied to member alignment by default (0 = none)
 */
public record Abi(String name, String description, String clangTarget, Map<Prim, Scalar> scalars, Scalar pointer,
                  ByteOrder byteOrder, boolean charSigned, boolean wcharSigned, LongDoubleFormat longDouble,
                  BitfieldRules bitfields, boolean zeroWidthBitfieldAffectsAlignment,
                  boolean unnamedBitfieldAffectsAlignment, int maxFieldAlign) {

    /** Size and alignment of a scalar, in bytes. */
    public record Scalar(int size, int align) {
        public Scalar {
            if (size <= 0 || !MemberRules.isPowerOfTwo(align)) {
                throw new IllegalArgumentException("bad scalar size/align " + size + "/" + align);
            }
        }
    }

    /** How the bytes of {@code long double} encode a number. */
    public enum LongDoubleFormat {
        /** IEEE binary64, the same as {@code double}. */
        BINARY64,
        /** x87 80-bit extended precision, padded to the type's size. */
        X87_EXTENDED,
        /** IEEE binary128 (quad precision). */
        BINARY128
    }

    /** The two families of bit-field allocation found in practice. */
    public enum BitfieldRules {
        /** GCC/clang on System V and AAPCS: fields pack into any bytes as long as one does not cross an alignment boundary of its declared type. */
        SYSV,
        /** Microsoft: a run of bit-fields shares a storage unit of the declared type; a new unit starts whenever the type's size changes or the unit is full. */
        MSVC
    }

    public Abi {
        Objects.requireNonNull(name);
        scalars = Map.copyOf(new EnumMap<>(scalars));
        for (Prim p : Prim.values()) {
            if (p != Prim.VOID && !EXTENSIONS.contains(p) && !scalars.containsKey(p)) {
                throw new IllegalArgumentException(name + ": no size for " + p);
            }
        }
    }

    /** The primitives that only some ABIs have; the others must have every non-void primitive. */
    private static final java.util.Set<Prim> EXTENSIONS = java.util.EnumSet.of(Prim.INT128, Prim.UINT128,
            Prim.FLOAT16, Prim.FLOAT128, Prim.BF16);

    /** Whether this ABI has the primitive ({@code __int128} is not on 32-bit targets, for one). */
    public boolean has(Prim p) {
        return scalars.containsKey(p);
    }

    /** Size and alignment of a primitive in this ABI; an {@link InputException} when it has none. */
    public Scalar scalar(Prim p) {
        if (p == Prim.VOID) {
            throw new InputException("", "'void' has no size");
        }
        Scalar s = scalars.get(p);
        if (s == null) {
            throw new InputException("", notSupported(p));
        }
        return s;
    }

    /** The message for a primitive this ABI does not have. */
    public String notSupported(Prim p) {
        return "not supported on " + name + ": '" + p.cName() + "'";
    }

    /** Whether values of an integer primitive are signed in this ABI. */
    public boolean isSigned(Prim p) {
        return switch (p.category()) {
            case SIGNED -> true;
            case CHAR -> p == Prim.WCHAR ? wcharSigned : charSigned;
            default -> false;
        };
    }

    /** The ABI of a contract name, or an {@link InputException} listing the known ones. */
    public static Abi byName(String name) {
        return Abis.byName(name);
    }

    public static List<Abi> all() {
        return Abis.ALL;
    }
}
