package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The column-at-a-time path for fixed records (generated strided copies into Arrow's vectors and
 * into Parquet's pages and column writers; bit-fields, {@code _Bool}, enums, {@code char} arrays
 * and {@code long double} value by value) against the row-by-row path it replaced
 * ({@code -Dstructscope.convert.rowByRow=true}, the walk the numpy and DuckDB tests were first
 * checked against): random bytes, so every bit pattern turns up (NaNs, {@code _Bool}s that are
 * neither 0 nor 1, enum values without a name, bytes above 127 in strings), in both byte orders,
 * read back by the formats' own Java readers, and the files must be the same byte for byte. The
 * record has members of every copied width, bit-fields that cross bytes, arrays of scalars and of
 * structs, a two-dimensional array and a nested struct, so that lists' repetition levels and
 * Arrow's list offsets are exercised; small batches and row groups make several of each, filled in
 * parallel, and pages of Parquet's paged columns are cut at 20,000 rows inside a group.
 */
class ConvertColumnPathTest {
    @TempDir
    Path dir;

    static final String HEADER = """
            #include <stdint.h>
            #include <stdbool.h>
            enum Color { RED, GREEN = 5, BLUE = 200 };
            struct P { int16_t x; uint8_t y; };
            struct R {
                int8_t a; uint16_t b; int32_t c; uint64_t d; float f; double g; int64_t e; uint32_t u;
                unsigned int lo : 3; int mid : 13; unsigned int hi : 16;
                uint64_t wide : 40; int64_t swide : 24;
                bool ok; enum Color color; char name[6];
                int16_t arr[3]; struct P pts[2]; uint32_t grid[2][3]; struct P one;
                long double ld; float tail[2];
            };
            """;

    @Test
    void columnPathGivesTheRowPathsRowsInBothByteOrders() throws Exception {
        Path h = Files.writeString(dir.resolve("r.h"), HEADER);
        byte[] bytes = new byte[3_000_003];
        new Random(18).nextBytes(bytes);
        Path data = Files.write(dir.resolve("r.bin"), bytes);
        System.setProperty("structscope.parquet.rowGroupBytes", "2900000");
        System.setProperty("structscope.arrow.batchRows", "3000");
        try {
            for (String order : List.of("little", "big")) {
                for (String to : List.of("arrow", "parquet")) {
                    Path columns = convert(h, data, order, to, "columns");
                    System.setProperty("structscope.convert.rowByRow", "true");
                    Path rows;
                    try {
                        rows = convert(h, data, order, to, "rows");
                    } finally {
                        System.clearProperty("structscope.convert.rowByRow");
                    }
                    List<Map<String, Object>> expected = ColumnarReaders.read(to, rows);
                    List<Map<String, Object>> actual = ColumnarReaders.read(to, columns);
                    assertTrue(expected.size() > 20_000, "rows: " + expected.size());
                    assertEquals(expected.size(), actual.size(), order + " " + to);
                    for (int i = 0; i < expected.size(); i++) {
                        assertEquals(expected.get(i), actual.get(i), order + " " + to + ": row " + i);
                    }
                    // Beyond the values read back: the same bytes (NaN payloads, statistics, pages).
                    assertEquals(-1, Files.mismatch(rows, columns), order + " " + to + ": the files differ");
                }
            }
        } finally {
            System.clearProperty("structscope.parquet.rowGroupBytes");
            System.clearProperty("structscope.arrow.batchRows");
        }
    }

    private Path convert(Path h, Path data, String order, String to, String name) {
        Path out = dir.resolve(name + "-" + order + "." + to);
        CliRun r = CliRun.run("convert", h.toString(), "--type", "R", data.toString(), "--byte-order", order,
                "--to", to, "-o", out.toString());
        assertEquals(0, r.status(), r.err.toString());
        return out;
    }
}
