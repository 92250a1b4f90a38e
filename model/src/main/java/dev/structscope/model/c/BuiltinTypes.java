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
        put(m, "int8_t", Prim.INT8);
        put(m, "uint8_t", Prim.UINT8);
        put(m, "int16_t", Prim.INT16);
        put(m, "uint16_t", Prim.UINT16);
        put(m, "int32_t", Prim.INT32);
        put(m, "uint32_t", Prim.UINT32);
        put(m, "int64_t", Prim.INT64);
        put(m, "uint64_t", Prim.UINT64);
        for (int n : new int[] {8, 16, 32, 64}) {
            Prim s = Prim.valueOf("INT" + n);
            Prim u = Prim.valueOf("UINT" + n);
            put(m, "int_least" + n + "_t", s);
            put(m, "uint_least" + n + "_t", u);
        }
        put(m, "int_fast8_t", Prim.SIGNED_CHAR);
        put(m, "uint_fast8_t", Prim.UNSIGNED_CHAR);
        Prim fastS = windows ? Prim.INT : lp64 ? Prim.LONG : Prim.INT;
        Prim fastU = windows ? Prim.UNSIGNED_INT : lp64 ? Prim.UNSIGNED_LONG : Prim.UNSIGNED_INT;
        put(m, "int_fast16_t", fastS);
        put(m, "uint_fast16_t", fastU);
        put(m, "int_fast32_t", fastS);
        put(m, "uint_fast32_t", fastU);
        put(m, "int_fast64_t", lp64 ? Prim.LONG : Prim.LONG_LONG);
        put(m, "uint_fast64_t", lp64 ? Prim.UNSIGNED_LONG : Prim.UNSIGNED_LONG_LONG);
        put(m, "intmax_t", lp64 ? Prim.LONG : Prim.LONG_LONG);
        put(m, "uintmax_t", lp64 ? Prim.UNSIGNED_LONG : Prim.UNSIGNED_LONG_LONG);
        put(m, "intptr_t", Prim.PTRDIFF);
        put(m, "uintptr_t", Prim.SIZE);
        put(m, "size_t", Prim.SIZE);
        put(m, "ssize_t", Prim.PTRDIFF);
        put(m, "ptrdiff_t", Prim.PTRDIFF);
        put(m, "wchar_t", Prim.WCHAR);
        put(m, "char16_t", Prim.CHAR16);
        put(m, "char32_t", Prim.CHAR32);
        put(m, "bool", Prim.BOOL);
        if (abi.has(Prim.INT128)) {
            // Predefined by GCC and clang wherever __int128 exists (glibc's <link.h> uses them).
            put(m, "__int128_t", Prim.INT128);
            put(m, "__uint128_t", Prim.UINT128);
        }
        // Used in prototypes of system headers run through --cpp; a pointer is right on i386,
        // arm and Windows and at least keeps a prototype parseable elsewhere.
        m.put("__builtin_va_list", new PointerType(PrimitiveType.of(Prim.VOID)));
        m.put("va_list", new PointerType(PrimitiveType.of(Prim.VOID)));
        return m;
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
