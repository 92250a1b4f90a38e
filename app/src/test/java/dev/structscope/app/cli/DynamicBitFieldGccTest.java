package dev.structscope.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Bit-fields after counted arrays against gcc: C puts a run of bit-fields at the bit where the
 * array ends when the declared type's unit has room (a {@code uint32_t f:3} after {@code uint8_t
 * data[2]} sits in byte 3), so where they are depends on the count, not on the smallest layout.
 * For each record gcc lays out the fixed struct with the record's counts, fills it with random
 * bytes and prints what its members hold; the dynamic header decodes the records back to back to
 * the same values. Named, unnamed and zero-width bit-fields, signed and unsigned, units of 1 to 8
 * bytes; counts 0 to 9, on x86-64 and i386. (The decoder used to shift the smallest layout's bits
 * by the array's alignment padding only: f read from inside data.)
 */
@Tag(DynamicCli.TAG)
class DynamicBitFieldGccTest {
    private static final String MEMBERS_BEFORE = "uint8_t n; uint8_t data[%s];";
    private static final String BITS_1 = "uint32_t f : 3; uint32_t g : 5; uint16_t h : 9; unsigned : 0; uint8_t i : 2;"
            + " int32_t j : 17; uint8_t z;";
    private static final String MIDDLE = "uint16_t w[%s];";
    private static final String BITS_2 = "uint64_t k : 40; uint8_t t : 4; unsigned : 3; int8_t u : 3; int16_t last;";
    /** Scalar members and how printf prints them (the 64-bit one as unsigned long long). */
    private static final List<String[]> SCALARS = List.of(new String[] {"f", "%u"}, new String[] {"g", "%u"},
            new String[] {"h", "%u"}, new String[] {"i", "%u"}, new String[] {"j", "%d"}, new String[] {"z", "%u"},
            new String[] {"k", "%llu"}, new String[] {"t", "%u"}, new String[] {"u", "%d"}, new String[] {"last", "%d"});

    @TempDir
    Path dir;

    private static String struct(String name, String count) {
        return "struct " + name + " { " + MEMBERS_BEFORE.formatted(count) + " " + BITS_1 + " " + MIDDLE.formatted(count)
                + " " + BITS_2 + " };\n";
    }

    /** C for one record of count {@code n}: random bytes in the fixed struct, n set, then written and printed. */
    private static String record(int id, int n, Random rng) {
        StringBuilder c = new StringBuilder("{ ").append(struct("F" + id, Integer.toString(n)))
                .append("struct F").append(id).append(" r; unsigned char *b = (unsigned char *) &r;\n")
                .append("for (size_t i = 0; i < sizeof r; i++) b[i] = (unsigned char) (").append(rng.nextInt(1 << 20))
                .append(" * (i + 1) >> 3);\n")
                .append("r.n = ").append(n).append(";\n")
                .append("fwrite(&r, sizeof r, 1, f);\n")
                .append("printf(\"{\\\"n\\\":%u\", r.n);\n");
        printArray(c, "data", n);
        printScalars(c, SCALARS.subList(0, 6));
        printArray(c, "w", n);
        printScalars(c, SCALARS.subList(6, SCALARS.size()));
        return c.append("puts(\"}\"); }\n").toString();
    }

    /** C that prints {@code ,"name":[...]}, the {@code n} unsigned elements of array member {@code name}. */
    private static void printArray(StringBuilder c, String name, int n) {
        c.append("printf(\",\\\"").append(name).append("\\\":[\");\n")
                .append("for (int i = 0; i < ").append(n).append("; i++) printf(\"%s%u\", i ? \",\" : \"\", r.")
                .append(name).append("[i]);\n")
                .append("printf(\"]\");\n");
    }

    /** C that prints {@code ,"name":value} for each of {@code scalars} (see {@link #SCALARS}). */
    private static void printScalars(StringBuilder c, List<String[]> scalars) {
        for (String[] s : scalars) {
            c.append("printf(\",\\\"").append(s[0]).append("\\\":").append(s[1]).append("\", ")
                    .append(s[1].equals("%llu") ? "(unsigned long long) " : "").append("r.").append(s[0]).append(");\n");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64-linux, -m64", "i386-linux, -m32"})
    void bitFieldsAfterCountedArraysDecodeAsGccLaysThemOut(String abi, String flag) {
        DynamicCli.assertDecodesAsGcc(dir, abi, flag, "#include <stdint.h>\n" + struct("D", "n"), 30,
                (i, rng) -> record(i, i < 10 ? i : rng.nextInt(10), rng));
    }
}
