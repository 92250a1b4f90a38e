package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;

import java.util.HashMap;
import java.util.Map;

/**
 * The type names every header may use without a declaration: the {@code <stdint.h>},
 * {@code <stddef.h>} and {@code <stdbool.h>} names, kept with the spelling written
 * ({@code uint32_t} stays {@code uint32_t}). Names whose width differs between C libraries
 * ({@code int_fast16_t}, {@code intmax_t}) follow glibc on Linux and MSVC on Windows. Stateless.
 */
final class BuiltinTypes {
    private BuiltinTypes() {
    }

    static Map<String, CType> forAbi(Abi abi) {
        Map<String, CType> m = new HashMap<>();
        boolean windows = abi.clangTarget().contains("windows");
        boolean lp64 = abi.scalar(Prim.LONG).size() == 8;
        for (int n : new int[] {8, 16, 32, 64}) {
            Prim s = Prim.valueOf("INT" + n);
            Prim u = Prim.valueOf("UINT" + n);
            twins(m, "int" + n + "_t", s, u);
            twins(m, "int_least" + n + "_t", s, u);
        }
        Prim fastS = windows ? Prim.INT : lp64 ? Prim.LONG : Prim.INT;
        Prim fastU = windows ? Prim.UNSIGNED_INT : lp64 ? Prim.UNSIGNED_LONG : Prim.UNSIGNED_INT;
        Prim wideS = lp64 ? Prim.LONG : Prim.LONG_LONG;
        Prim wideU = lp64 ? Prim.UNSIGNED_LONG : Prim.UNSIGNED_LONG_LONG;
        twins(m, "int_fast8_t", Prim.SIGNED_CHAR, Prim.UNSIGNED_CHAR);
        twins(m, "int_fast16_t", fastS, fastU);
        twins(m, "int_fast32_t", fastS, fastU);
        twins(m, "int_fast64_t", wideS, wideU);
        twins(m, "intmax_t", wideS, wideU);
        twins(m, "intptr_t", Prim.PTRDIFF, Prim.SIZE);
        // <stddef.h>, <stdbool.h>, <uchar.h> and POSIX's ssize_t.
        Map.of("size_t", Prim.SIZE, "ssize_t", Prim.PTRDIFF, "ptrdiff_t", Prim.PTRDIFF, "wchar_t", Prim.WCHAR,
                "char16_t", Prim.CHAR16, "char32_t", Prim.CHAR32, "bool", Prim.BOOL).forEach((name, p) -> put(m, name, p));
        if (abi.has(Prim.INT128)) {
            // Predefined by GCC and clang wherever __int128 exists (glibc's <link.h> uses them).
            put(m, "__int128_t", Prim.INT128);
            put(m, "__uint128_t", Prim.UINT128);
        }
        // Used in prototypes of system headers run through --cpp; a pointer is right on i386,
        // arm and Windows and keeps a prototype parseable elsewhere, where a record member of it
        // is refused (Symbols.vaLists).
        m.put("__builtin_va_list", new PointerType(PrimitiveType.of(Prim.VOID)));
        m.put("va_list", new PointerType(PrimitiveType.of(Prim.VOID)));
        return m;
    }

    /**
     * What {@code va_list} is on {@code abi} when it is no pointer (clang-16's
     * {@code __builtin_va_list}), or null where the pointer the builtin stands in as is right: i386,
     * arm (AAPCS's one-pointer struct) and Windows.
     */
    static String vaListShape(Abi abi) {
        String t = abi.clangTarget();
        if (t.contains("windows")) {
            return null;
        }
        if (t.startsWith("x86_64")) {
            return "a 24-byte array of struct __va_list_tag";
        }
        return t.startsWith("aarch64") ? "a 32-byte struct __va_list" : null;
    }

    /** A {@code <stdint.h>} name and its unsigned twin, the same name with a {@code u} in front. */
    private static void twins(Map<String, CType> m, String signedName, Prim s, Prim u) {
        put(m, signedName, s);
        put(m, "u" + signedName, u);
    }

    private static void put(Map<String, CType> m, String name, Prim p) {
        m.put(name, new PrimitiveType(p, name));
    }

    /**
     * The alignment GCC and clang give a {@code vector_size(size)} type: its size, capped at 8 on
     * 32-bit ARM and 16 on AArch64 (their vector ABIs) and at 8192 on Windows (clang's largest
     * Microsoft alignment). Measured with clang-16 on every target and gcc on x86 (clang's i386
     * default CPU has MMX/SSE2: gcc -m32 for plain i686 puts 8-byte integer vectors at 4).
     */
    static long vectorAlign(Abi abi, long size) {
        String t = abi.clangTarget();
        long cap = t.startsWith("arm") ? 8 : t.startsWith("aarch64") ? 16 : t.contains("windows") ? 8192 : Long.MAX_VALUE;
        return Math.min(size, cap);
    }

    /** {@code __BIGGEST_ALIGNMENT__}: what {@code __attribute__((aligned))} without a value means. */
    static long biggestAlignment(Abi abi) {
        return abi.clangTarget().startsWith("arm") ? 8 : 16;
    }
}
