package dev.structscope.model.abi;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi.BitfieldRules;
import dev.structscope.model.abi.Abi.LongDoubleFormat;
import dev.structscope.model.abi.Abi.Scalar;
import dev.structscope.model.type.Prim;

import java.nio.ByteOrder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The five ABIs of the command-line contract. Each is a table: the numbers come from the
 * psABI documents and were checked against clang's {@code -fdump-record-layouts} for the named
 * target (see the model tests).
 */
public final class Abis {
    private Abis() {
    }

    public static final Abi X86_64_LINUX = new Abi("x86_64-linux", "System V x86-64 (LP64)", "x86_64-unknown-linux-gnu",
            with(table(8, 8, 8, 8, 16, 16, 4), Prim.INT128, Prim.FLOAT16, Prim.BF16, Prim.FLOAT128), new Scalar(8, 8), ByteOrder.LITTLE_ENDIAN,
            true, true, LongDoubleFormat.X87_EXTENDED, BitfieldRules.SYSV, false, false, 0);

    public static final Abi I386_LINUX = new Abi("i386-linux", "System V i386 (ILP32)", "i386-unknown-linux-gnu",
            with(table(4, 4, 8, 4, 12, 4, 4), Prim.FLOAT128), new Scalar(4, 4), ByteOrder.LITTLE_ENDIAN, true, true,
            LongDoubleFormat.X87_EXTENDED, BitfieldRules.SYSV, false, false, 0);

    public static final Abi X86_64_WINDOWS = new Abi("x86_64-windows", "Microsoft x64 (LLP64, MSVC rules)",
            "x86_64-pc-windows-msvc",
            with(table(4, 8, 8, 8, 8, 8, 2), Prim.INT128, Prim.FLOAT16, Prim.BF16), new Scalar(8, 8), ByteOrder.LITTLE_ENDIAN, true, false,
            LongDoubleFormat.BINARY64, BitfieldRules.MSVC, false, false, 0);

    public static final Abi AARCH64_LINUX = new Abi("aarch64-linux", "AAPCS64 (LP64)", "aarch64-unknown-linux-gnu",
            with(table(8, 8, 8, 8, 16, 16, 4), Prim.INT128, Prim.FLOAT16, Prim.BF16), new Scalar(8, 8), ByteOrder.LITTLE_ENDIAN,
            false, false,
            LongDoubleFormat.BINARY128, BitfieldRules.SYSV, true, true, 0);

    public static final Abi ARM_LINUX = new Abi("arm-linux", "AAPCS 32-bit, hard float (ILP32)", "armv7a-unknown-linux-gnueabihf",
            with(table(4, 4, 8, 8, 8, 8, 4), Prim.FLOAT16, Prim.BF16), new Scalar(4, 4), ByteOrder.LITTLE_ENDIAN, false, false,
            LongDoubleFormat.BINARY64, BitfieldRules.SYSV, true, true, 0);

    /** All ABIs, the default first. */
    public static final List<Abi> ALL = List.of(X86_64_LINUX, I386_LINUX, X86_64_WINDOWS, AARCH64_LINUX, ARM_LINUX);

    public static Abi byName(String name) {
        for (Abi a : ALL) {
            if (a.name().equals(name)) {
                return a;
            }
        }
        throw new InputException("--abi", "unknown ABI '" + name + "'; known: "
                + ALL.stream().map(Abi::name).collect(Collectors.joining(", ")));
    }

    /**
     * Adds the extension scalars an ABI has, all naturally aligned (clang-16 and gcc agree; checked
     * by ExtensionTypesTest). {@code INT128} brings its unsigned twin.
     */
    private static Map<Prim, Scalar> with(Map<Prim, Scalar> m, Prim... extensions) {
        for (Prim p : extensions) {
            Scalar s = p == Prim.FLOAT16 || p == Prim.BF16 ? new Scalar(2, 2) : new Scalar(16, 16);
            m.put(p, s);
            if (p == Prim.INT128) {
                m.put(Prim.UINT128, s);
            }
        }
        return m;
    }

    /**
     * @param longSize   size (and alignment) of long
     * @param ptrSize    size and alignment of pointers and size_t
     * @param size64     size of long long / double / int64_t (always 8)
     * @param align64    alignment of 64-bit scalars inside records (4 on i386)
     * @param ldSize     size of long double
     * @param ldAlign    alignment of long double
     * @param wcharSize  size of wchar_t
     */
    private static Map<Prim, Scalar> table(int longSize, int ptrSize, int size64, int align64, int ldSize, int ldAlign,
                                           int wcharSize) {
        Map<Prim, Scalar> m = new EnumMap<>(Prim.class);
        Scalar s1 = new Scalar(1, 1);
        Scalar s2 = new Scalar(2, 2);
        Scalar s4 = new Scalar(4, 4);
        Scalar s8 = new Scalar(size64, align64);
        m.put(Prim.CHAR, s1);
        m.put(Prim.SIGNED_CHAR, s1);
        m.put(Prim.UNSIGNED_CHAR, s1);
        m.put(Prim.INT8, s1);
        m.put(Prim.UINT8, s1);
        m.put(Prim.BOOL, s1);
        m.put(Prim.SHORT, s2);
        m.put(Prim.UNSIGNED_SHORT, s2);
        m.put(Prim.INT16, s2);
        m.put(Prim.UINT16, s2);
        m.put(Prim.CHAR16, s2);
        m.put(Prim.INT, s4);
        m.put(Prim.UNSIGNED_INT, s4);
        m.put(Prim.INT32, s4);
        m.put(Prim.UINT32, s4);
        m.put(Prim.CHAR32, s4);
        m.put(Prim.FLOAT, s4);
        Scalar lng = longSize == 8 ? new Scalar(8, align64) : s4;
        m.put(Prim.LONG, lng);
        m.put(Prim.UNSIGNED_LONG, lng);
        m.put(Prim.LONG_LONG, s8);
        m.put(Prim.UNSIGNED_LONG_LONG, s8);
        m.put(Prim.INT64, s8);
        m.put(Prim.UINT64, s8);
        m.put(Prim.DOUBLE, s8);
        Scalar ptr = ptrSize == 8 ? new Scalar(8, 8) : s4;
        m.put(Prim.SIZE, ptr);
        m.put(Prim.PTRDIFF, ptr);
        m.put(Prim.WCHAR, wcharSize == 2 ? s2 : s4);
        m.put(Prim.LONG_DOUBLE, new Scalar(ldSize, ldAlign));
        return m;
    }
}
