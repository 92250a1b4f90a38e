package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.Prim;

import java.util.Map;
import java.util.Set;

/**
 * What the importer knows of the system without a system preprocessor: the macros a compiler for
 * the ABI predefines, and the text of the standard headers it understands ({@code <stdint.h>},
 * {@code <limits.h>} ...). Their typedef names are built in (see {@link BuiltinTypes}); these
 * texts add the macros. Stateless.
 */
final class SystemHeaders {
    private SystemHeaders() {
    }

    /** Headers that carry no type a layout needs: including them is silently fine. */
    private static final Set<String> EMPTY = Set.of("stdalign.h", "stdarg.h", "stdnoreturn.h", "sys/types.h",
            "features.h", "stdatomic.h", "uchar.h", "wchar.h", "inttypes.h", "endian.h", "assert.h",
            "float.h", "iso646.h", "sys/cdefs.h", "stdint-gcc.h");

    static boolean known(String name) {
        return EMPTY.contains(name) || name.equals("stdint.h") || name.equals("stdbool.h")
                || name.equals("stddef.h") || name.equals("limits.h");
    }

    /** The text of a known header for the ABI. */
    static String text(String name, Abi abi) {
        return switch (name) {
            case "stdint.h" -> stdint(abi);
            case "inttypes.h" -> "#include <stdint.h>\n";
            case "stdbool.h" -> "#define true 1\n#define false 0\n#define __bool_true_false_are_defined 1\n";
            case "stddef.h" -> "#define NULL ((void*)0)\n#define offsetof(t, m) __builtin_offsetof(t, m)\n";
            case "limits.h" -> limits(abi);
            case "stdalign.h" -> "#define __alignas_is_defined 1\n#define __alignof_is_defined 1\n";
            default -> "";
        };
    }

    /**
     * The macro StructScope's importer defines (to 1) and C compilers do not: a header keeps its
     * dynamic-layout parts C cannot hold (counted arrays in the middle, placed members) under
     * {@code #ifdef __STRUCTSCOPE__}, beside their C form; the C export writes it so.
     */
    static final String STRUCTSCOPE_MACRO = "__STRUCTSCOPE__";

    /** Predefined macros of GCC/clang for the ABI's target (checked against clang -dM -E in the tests). */
    static String predefined(Abi abi) {
        StringBuilder sb = new StringBuilder();
        int ptr = abi.pointer().size();
        int lng = abi.scalar(Prim.LONG).size();
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("__STDC__", "1");
        m.put("__STDC_VERSION__", "201710L");
        m.put("__STDC_HOSTED__", "1");
        m.put("__GNUC__", "4");
        m.put("__GNUC_MINOR__", "2");
        m.put("__CHAR_BIT__", "8");
        m.put("__SIZEOF_SHORT__", "2");
        m.put("__SIZEOF_INT__", "4");
        m.put("__SIZEOF_LONG__", Integer.toString(lng));
        m.put("__SIZEOF_LONG_LONG__", "8");
        m.put("__SIZEOF_POINTER__", Integer.toString(ptr));
        m.put("__SIZEOF_SIZE_T__", Integer.toString(ptr));
        m.put("__SIZEOF_PTRDIFF_T__", Integer.toString(ptr));
        m.put("__SIZEOF_FLOAT__", "4");
        m.put("__SIZEOF_DOUBLE__", "8");
        m.put("__SIZEOF_LONG_DOUBLE__", Integer.toString(abi.scalar(Prim.LONG_DOUBLE).size()));
        m.put("__SIZEOF_WCHAR_T__", Integer.toString(abi.scalar(Prim.WCHAR).size()));
        m.put("__ORDER_LITTLE_ENDIAN__", "1234");
        m.put("__ORDER_BIG_ENDIAN__", "4321");
        m.put("__ORDER_PDP_ENDIAN__", "3412");
        m.put("__BYTE_ORDER__", abi.byteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN ? "__ORDER_LITTLE_ENDIAN__"
                : "__ORDER_BIG_ENDIAN__");
        m.put("__BIGGEST_ALIGNMENT__", Long.toString(BuiltinTypes.biggestAlignment(abi)));
        m.put("__SCHAR_MAX__", "127");
        m.put("__SHRT_MAX__", "32767");
        m.put("__INT_MAX__", "2147483647");
        m.put("__LONG_MAX__", lng == 8 ? "9223372036854775807L" : "2147483647L");
        m.put("__LONG_LONG_MAX__", "9223372036854775807LL");
        if (!abi.charSigned()) {
            m.put("__CHAR_UNSIGNED__", "1");
        }
        String target = abi.clangTarget();
        boolean windows = target.contains("windows");
        if (windows) {
            // clang in MSVC mode: no __STDC__, no GCC version macros.
            m.remove("__STDC__");
            m.remove("__GNUC__");
            m.remove("__GNUC_MINOR__");
            defineOnes(m, "_WIN32", "_WIN64");
            m.put("_M_X64", "100");
            m.put("_M_AMD64", "100");
            m.put("_MSC_VER", "1920");
        } else {
            defineOnes(m, "__linux__", "__linux", "__gnu_linux__", "__unix__", "__unix", "__ELF__");
        }
        if (target.startsWith("x86_64")) {
            defineOnes(m, "__x86_64__", "__x86_64", "__amd64__", "__amd64");
        } else if (target.startsWith("i386")) {
            defineOnes(m, "__i386__", "__i386", "__ILP32__");
        } else if (target.startsWith("aarch64")) {
            defineOnes(m, "__aarch64__", "__ARM_64BIT_STATE");
        } else if (target.startsWith("arm")) {
            defineOnes(m, "__arm__", "__ARM_EABI__", "__ARMEL__", "__ARM_PCS_VFP", "__ILP32__");
            m.put("__ARM_ARCH", "7");
        }
        if (lng == 8) {
            defineOnes(m, "__LP64__", "_LP64");
        }
        m.forEach((k, v) -> sb.append("#define ").append(k).append(' ').append(v).append('\n'));
        return sb.toString();
    }

    /** Defines each of {@code names} to 1, in order: what most target and system macros are. */
    private static void defineOnes(Map<String, String> m, String... names) {
        for (String name : names) {
            m.put(name, "1");
        }
    }

    private static String stdint(Abi abi) {
        StringBuilder sb = new StringBuilder();
        boolean lp64 = abi.scalar(Prim.LONG).size() == 8;
        String l64 = lp64 ? "L" : "LL";
        for (int n : new int[] {8, 16, 32, 64}) {
            String sfx = n == 64 ? l64 : "";
            long max = n == 64 ? Long.MAX_VALUE : (1L << (n - 1)) - 1;
            String umax = n == 64 ? "18446744073709551615U" + l64 : Long.toString((1L << n) - 1) + (n == 32 ? "U" : "");
            for (String kind : new String[] {"", "_LEAST", "_FAST"}) {
                String big = (n == 16 || n == 32) && kind.equals("_FAST") && !abi.clangTarget().contains("windows")
                        ? (lp64 ? Long.toString(Long.MAX_VALUE) + "L" : "2147483647") : max + sfx;
                String ubig = (n == 16 || n == 32) && kind.equals("_FAST") && !abi.clangTarget().contains("windows")
                        ? (lp64 ? "18446744073709551615UL" : "4294967295U") : umax;
                if (kind.equals("_FAST") && n == 16 && abi.clangTarget().contains("windows")) {
                    big = "2147483647";
                    ubig = "4294967295U";
                }
                sb.append("#define INT").append(kind).append(n).append("_MAX ").append(big).append('\n');
                sb.append("#define INT").append(kind).append(n).append("_MIN (-INT").append(kind).append(n)
                        .append("_MAX-1)\n");
                sb.append("#define UINT").append(kind).append(n).append("_MAX ").append(ubig).append('\n');
            }
        }
        String pmax = abi.pointer().size() == 8 ? (lp64 ? "9223372036854775807L" : "9223372036854775807LL") : "2147483647";
        String upmax = abi.pointer().size() == 8 ? (lp64 ? "18446744073709551615UL" : "18446744073709551615ULL") : "4294967295U";
        sb.append("#define INTPTR_MAX ").append(pmax).append("\n#define INTPTR_MIN (-INTPTR_MAX-1)\n");
        sb.append("#define UINTPTR_MAX ").append(upmax).append('\n');
        sb.append("#define PTRDIFF_MAX ").append(pmax).append("\n#define PTRDIFF_MIN (-PTRDIFF_MAX-1)\n");
        sb.append("#define SIZE_MAX ").append(upmax).append('\n');
        sb.append("#define INTMAX_MAX 9223372036854775807").append(l64).append("\n#define INTMAX_MIN (-INTMAX_MAX-1)\n");
        sb.append("#define UINTMAX_MAX 18446744073709551615U").append(l64).append('\n');
        sb.append("#define INT8_C(c) c\n#define INT16_C(c) c\n#define INT32_C(c) c\n#define INT64_C(c) c ## ")
                .append(l64).append('\n');
        sb.append("#define UINT8_C(c) c\n#define UINT16_C(c) c\n#define UINT32_C(c) c ## U\n#define UINT64_C(c) c ## U")
                .append(l64).append('\n');
        sb.append("#define INTMAX_C(c) c ## ").append(l64).append("\n#define UINTMAX_C(c) c ## U").append(l64).append('\n');
        return sb.toString();
    }

    private static String limits(Abi abi) {
        boolean lp64 = abi.scalar(Prim.LONG).size() == 8;
        return "#define CHAR_BIT 8\n#define SCHAR_MIN (-128)\n#define SCHAR_MAX 127\n#define UCHAR_MAX 255\n"
                + (abi.charSigned() ? "#define CHAR_MIN (-128)\n#define CHAR_MAX 127\n" : "#define CHAR_MIN 0\n#define CHAR_MAX 255\n")
                + "#define SHRT_MIN (-32768)\n#define SHRT_MAX 32767\n#define USHRT_MAX 65535\n"
                + "#define INT_MIN (-INT_MAX-1)\n#define INT_MAX 2147483647\n#define UINT_MAX 4294967295U\n"
                + (lp64 ? "#define LONG_MAX 9223372036854775807L\n#define ULONG_MAX 18446744073709551615UL\n"
                        : "#define LONG_MAX 2147483647L\n#define ULONG_MAX 4294967295UL\n")
                + "#define LONG_MIN (-LONG_MAX-1L)\n#define LLONG_MAX 9223372036854775807LL\n"
                + "#define LLONG_MIN (-LLONG_MAX-1LL)\n#define ULLONG_MAX 18446744073709551615ULL\n";
    }
}
