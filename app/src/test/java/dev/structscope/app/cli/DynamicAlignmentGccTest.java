package dev.structscope.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

/**
 * The contract's alignment rule for dynamic records ("a member that follows a dynamic one is
 * aligned by the usual rules, counted from the record's start ... a record's size is the end of
 * its last sequential member, rounded up to its alignment") against gcc: for each record, gcc
 * lays out the fixed struct that has the record's actual counts, writes it (padding zeroed) and
 * prints its values; the dynamic header decodes the records back to back to the same values.
 * On x86-64 and on i386 (where a double in a struct is 4-aligned).
 */
@Tag(DynamicCli.TAG)
class DynamicAlignmentGccTest {
    private static final String HEADER = """
            #include <stdint.h>
            struct Inner { uint8_t k; int16_t v[k]; };
            struct D {
                uint8_t n;
                char name[n];
                uint32_t x;
                uint16_t s[n];
                double y;
                uint8_t m;
                struct Inner in;
                uint8_t tail;
            };
            """;

    @TempDir
    Path dir;

    /** C for one record whose counts are n and m: the fixed struct gcc lays out, written and printed. */
    private static String record(int id, int n, int m, Random rng) {
        StringBuilder c = new StringBuilder();
        c.append("{ struct F").append(id).append(" { uint8_t n; char name[").append(n).append("]; uint32_t x; uint16_t s[")
                .append(n).append("]; double y; uint8_t m; struct { uint8_t k; int16_t v[").append(m)
                .append("]; } in; uint8_t tail; } r;\n");
        c.append("memset(&r, 0, sizeof r); r.n = ").append(n).append("; r.m = ").append(m).append("; r.in.k = ").append(m).append(";\n");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < n; i++) {
            name.append((char) ('a' + rng.nextInt(26)));
            c.append("r.name[").append(i).append("] = '").append(name.charAt(i)).append("'; ");
        }
        long x = rng.nextInt() & 0xFFFFFFFFL;
        double y = rng.nextInt(2_000_000) / 64.0 - 10_000;
        int tail = rng.nextInt(256);
        c.append("r.x = ").append(x).append("u; r.y = ").append(y).append("; r.tail = ").append(tail).append(";\n");
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            int v = rng.nextInt(65536);
            c.append("r.s[").append(i).append("] = ").append(v).append("; ");
            s.append(i == 0 ? "" : ",").append(v);
        }
        StringBuilder v = new StringBuilder("[");
        for (int i = 0; i < m; i++) {
            int e = rng.nextInt(65536) - 32768;
            c.append("r.in.v[").append(i).append("] = ").append(e).append("; ");
            v.append(i == 0 ? "" : ",").append(e);
        }
        String json = String.format("{\"n\":%d,\"name\":\"%s\",\"x\":%d,\"s\":%s],\"y\":%s,\"m\":%d,\"in\":{\"k\":%d,\"v\":%s]},\"tail\":%d}",
                n, name, x, s, y, m, m, v, tail);
        c.append("\nfwrite(&r, sizeof r, 1, f); puts(\"").append(json.replace("\"", "\\\"")).append("\"); }\n");
        return c.toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64-linux, -m64", "i386-linux, -m32"})
    void recordsBackToBackDecodeAsGccLaysOutEachOne(String abi, String flag) {
        int[] counts = {0, 1, 2, 3, 4, 5, 7, 8, 13};
        DynamicCli.assertDecodesAsGcc(dir, abi, flag, HEADER, 24,
                (i, rng) -> record(i, counts[rng.nextInt(counts.length)], counts[rng.nextInt(counts.length)], rng));
    }
}
