package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C integer arithmetic in constant expressions against gcc: a few hundred random expressions
 * (literals of every type and suffix, casts, promotions, unsigned wrap-around, shifts,
 * comparisons between signed and unsigned, short-circuit and conditional operators) become
 * {@code #define}s; the importer's constants must equal what a gcc-compiled program prints.
 */
class ConstantExpressionTest {
    private static final String[] LITERALS = {"0", "1", "7", "-1", "255", "0x7fffffff", "0x80000000", "4294967295U",
        "2147483647", "-2147483647", "1L", "3UL", "0xffffffffffffffff", "9223372036854775807LL", "10ULL", "017",
        "0x10", "'a'", "'\\xff'", "'\\n'", "'\\0'", "u'x'", "L'y'", "(char)200", "(unsigned char)-1",
        "(short)70000", "(unsigned short)-2", "(int)4294967295U", "(unsigned)-5", "(long long)-3", "(_Bool)5",
        "sizeof(int)", "sizeof(long)", "_Alignof(double)", "sizeof(short[3])", "sizeof 'c'", "sizeof(1L)",
        "(signed char)0x80", "(unsigned long long)-1", "u'x' + 0", "sizeof(u'x')", "sizeof((short)1)",
        // Escapes, universal character names, UTF-8 outside ASCII, wide and multi-character constants.
        "u'\\u00e9'", "L'\\u00e9'", "U'\\U0001F600'", "'ab'", "'\\377'", "L'\\xffff'",
        "'\\x7f'", "'\\''", "sizeof(\"\\x41\\101\\n\")", "sizeof(L\"ab\")", "sizeof(u\"\\u00e9\\U0001F600\")",
        "sizeof(\"\u00e9\" \"x\")", "sizeof(U\"\u00e9\")", "sizeof(\"a\" L\"b\")"};
    private static final String[] BINARY = {"+", "-", "*", "&", "|", "^", "==", "!=", "<", ">", "<=", ">=", "&&", "||"};

    private final Random rnd = new Random(20261123);

    @TempDir
    Path tmp;

    private String expr(int depth) {
        if (depth == 0 || rnd.nextInt(4) == 0) {
            return LITERALS[rnd.nextInt(LITERALS.length)];
        }
        return switch (rnd.nextInt(10)) {
            // The type of an expression, not only its value: sizeof((char)x) is 1, sizeof((short)x, 2L) 8.
            case 7 -> "sizeof(" + expr(depth - 1) + (rnd.nextBoolean() ? ")" : ", " + expr(depth - 1) + ")");
            case 0 -> "-(" + expr(depth - 1) + ")";
            case 1 -> "~(" + expr(depth - 1) + ")";
            case 2 -> "!(" + expr(depth - 1) + ")";
            case 3 -> "(" + expr(depth - 1) + ") " + (rnd.nextBoolean() ? "<<" : ">>") + " " + rnd.nextInt(31);
            case 4 -> "(" + expr(depth - 1) + ") " + (rnd.nextBoolean() ? "/" : "%") + " " + (1 + rnd.nextInt(300));
            case 5 -> "(" + expr(depth - 1) + ") ? (" + expr(depth - 1) + ") : (" + expr(depth - 1) + ")";
            case 6 -> "(" + List.of("(char)", "(unsigned)", "(long)", "(unsigned short)", "(long long)", "(int)", "(_Bool)",
                    "(signed char)").get(rnd.nextInt(8)) + "(" + expr(depth - 1) + "))";
            default -> "(" + expr(depth - 1) + ") " + BINARY[rnd.nextInt(BINARY.length)] + " (" + expr(depth - 1) + ")";
        };
    }

    @Test
    void randomExpressionsAgreeWithGcc() {
        Tools.assumeTool("gcc");
        List<String> exprs = expressions(() -> expr(4));
        assertEquals(List.of(), gccDisagrees(Abis.X86_64_LINUX, exprs));
    }

    /** 400 random expressions from {@code next}. */
    private static List<String> expressions(java.util.function.Supplier<String> next) {
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            exprs.add(next.get());
        }
        return exprs;
    }

    /**
     * Where the importer's value of each of {@code exprs} differs from gcc's (or the importer has
     * none): each becomes a {@code #define}, and gcc folds it into a static initializer when it
     * compiles (not at run time, where the x87 could add precision), {@code -m32} for i386.
     */
    private List<String> gccDisagrees(Abi abi, List<String> exprs) {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < exprs.size(); i++) {
            header.append("#define E").append(i).append(" (").append(exprs.get(i)).append(")\n");
        }
        StringBuilder program = new StringBuilder("#include <stdio.h>\n").append(header).append("static const long long v[] = {");
        for (int i = 0; i < exprs.size(); i++) {
            program.append(i == 0 ? "" : ", ").append("(long long)(E").append(i).append(')');
        }
        program.append("};\nint main(void) {\n  for (int i = 0; i < ").append(exprs.size())
                .append("; i++) printf(\"%lld\\n\", v[i]);\n  return 0;\n}\n");
        String[] flags = abi.name().startsWith("i386") ? new String[] {"-m32"} : new String[0];
        String[] gcc = Tools.gccRun(program.toString(), tmp, flags).split("\n");
        Map<String, Long> ours = HeaderImporter.importText(header.toString(), "exprs.h",
                HeaderImporter.Options.defaults().withAbi(abi)).constants();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            Long v = ours.get("E" + i);
            if (v == null || v != Long.parseLong(gcc[i])) {
                mismatches.add(exprs.get(i) + " gcc=" + gcc[i] + " ours=" + v);
            }
        }
        return mismatches;
    }

    /**
     * The same kind of random expressions on every ABI against clang-16 ({@link #clangDisagrees}).
     * This reaches what a gcc run on x86-64 cannot: a 32-bit long (i386, arm, x86_64-windows), an
     * unsigned plain char (arm, aarch64), a 16-bit wchar_t (Windows).
     */
    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void randomExpressionsAgreeWithClangOnEveryAbi(String abiName) {
        Tools.assumeTool("clang-16");
        List<String> exprs = expressions(() -> expr(4));
        assertEquals(List.of(), clangDisagrees(Abi.byName(abiName), exprs));
    }

    /** The random floating expressions of {@link #randomFloatingExpressionsAgreeWithGcc} on every ABI, against clang-16. */
    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void randomFloatingExpressionsAgreeWithClangOnEveryAbi(String abiName) {
        Tools.assumeTool("clang-16");
        List<String> exprs = expressions(() -> "(long long)(" + floating(3) + ")");
        assertEquals(List.of(), clangDisagrees(Abi.byName(abiName), exprs));
    }

    /**
     * clang-16's errors for {@code exprs} on {@code abi}: each becomes a {@code #define} the
     * importer evaluates, with its {@code sizeof} and signedness, and a {@code _Static_assert}
     * that clang's value, size and signedness are those. At least 350 of 400 must be imported.
     */
    private List<String> clangDisagrees(Abi abi, List<String> exprs) {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < exprs.size(); i++) {
            header.append("#define E").append(i).append(" (").append(exprs.get(i)).append(")\n")
                    .append("#define S").append(i).append(" sizeof(E").append(i).append(")\n")
                    .append("#define N").append(i).append(" ((E").append(i).append(") - (E").append(i).append(") - 1 < 0)\n");
        }
        Map<String, Long> ours = HeaderImporter.importText(header.toString(), "exprs.h",
                HeaderImporter.Options.defaults().withAbi(abi)).constants();
        StringBuilder asserts = new StringBuilder(header);
        int checked = 0;
        for (int i = 0; i < exprs.size(); i++) {
            Long v = ours.get("E" + i);
            Long size = ours.get("S" + i);
            Long negative = ours.get("N" + i);
            if (v == null || size == null || negative == null) {
                continue;
            }
            String literal = negative == 1 ? (v == Long.MIN_VALUE ? "(-9223372036854775807LL - 1)" : "(" + v + "LL)")
                    : Long.toUnsignedString(v) + "ULL";
            asserts.append("_Static_assert(sizeof(E").append(i).append(") == ").append(size).append(" && N").append(i)
                    .append(" == ").append(negative).append(" && (E").append(i).append(") == ").append(literal)
                    .append(", \"E").append(i).append(" is ").append(literal).append(", ").append(size).append(" bytes\");\n");
            checked++;
        }
        assertTrue(checked >= 350, "only " + checked + " of " + exprs.size() + " expressions imported on " + abi.name());
        Path c = tmp.resolve("exprs-" + abi.name() + ".c");
        try {
            java.nio.file.Files.writeString(c, asserts);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        Tools.Result r = Tools.run(List.of("clang-16", "--target=" + abi.clangTarget(), "-fsyntax-only", "-w",
                "-ferror-limit=0", c.toString()), tmp);
        return r.err().lines().filter(l -> l.contains("error:")).toList();
    }

    /**
     * Floating leaves at most 100 in magnitude, none unsigned: eight of them multiplied still fit a
     * long long, whose conversion would otherwise be undefined (and refused).
     */
    private static final String[] FLOATING_LEAVES = {"0.5", "2.5", "1e1", "0x1.8p1", "3", "7L", "0.1f", "0.2f", "0.3f",
        "1.25f", "-2", "100", "1e-3", "(float)16777217.0 - 16777216", "(double)0.1f", "'a' / 2", "3L", "(int)sizeof(double)",
        "1.0 / 3", "0.7f", "99.99", "(unsigned char)200.5", "(_Bool)0.25", ".5e1f", "1e2f / 3"};
    private static final String[] DIVISORS = {"2.5", "3", "0.5f", "4.0", "1e1", "7", "0.1"};

    private String floating(int depth) {
        if (depth == 0 || rnd.nextInt(5) == 0) {
            return FLOATING_LEAVES[rnd.nextInt(FLOATING_LEAVES.length)];
        }
        return switch (rnd.nextInt(8)) {
            case 0 -> "-(" + floating(depth - 1) + ")";
            case 1 -> "(" + floating(depth - 1) + ") / " + DIVISORS[rnd.nextInt(DIVISORS.length)];
            case 2 -> "(" + List.of("(float)", "(double)", "(int)", "(long long)").get(rnd.nextInt(4))
                    + "(" + floating(Math.min(depth - 1, 1)) + "))";
            case 3 -> "(" + floating(depth - 1) + ") " + List.of("<", ">", "<=", ">=", "==", "!=").get(rnd.nextInt(6))
                    + " (" + floating(depth - 1) + ")";
            case 4 -> "((" + floating(depth - 1) + ") < (" + floating(depth - 1) + ") ? (" + floating(depth - 1) + ") : ("
                    + floating(depth - 1) + "))";
            case 5 -> "(" + floating(depth - 1) + ") && (" + floating(depth - 1) + ")";
            default -> "(" + floating(depth - 1) + ") " + List.of("+", "-", "*").get(rnd.nextInt(3)) + " ("
                    + floating(depth - 1) + ")";
        };
    }

    /**
     * Floating arithmetic inside integer constant expressions, as GCC folds it (an extension; the
     * cast of a floating constant is standard C): random expressions of float, double and integer
     * operands, converted to long long, against the values gcc folds into a static initializer,
     * for x86-64 and i386 (where the x87 could add precision, and does not in a constant).
     */
    @ParameterizedTest
    @ValueSource(strings = {"x86_64-linux", "i386-linux"})
    void randomFloatingExpressionsAgreeWithGcc(String abi) {
        Tools.assumeTool("gcc");
        List<String> exprs = expressions(() -> "(long long)(" + floating(3) + ")");
        assertEquals(List.of(), gccDisagrees(Abis.byName(abi), exprs));
    }

    @Test
    void preprocessorConditionalsUseIntmaxArithmetic() {
        // gcc evaluates #if in intmax_t: 0x7fffffff + 1 does not overflow, -1 < 0u is false.
        String src = """
                #if 0x7fffffff + 1 > 0 && !(-1 < 0u) && (1 ? -1 : 0u) > 0 && 'a' == 97 && defined __LP64__ && 3 / 2 == 1
                struct ok { int x; };
                #endif
                #if 0 && (1 / 0)
                #error short-circuit should skip the division
                #endif
                """;
        TypeLibrary lib = HeaderImporter.importText(src, "t.h", HeaderImporter.Options.defaults());
        assertEquals(1, lib.decls().size());
    }
}
