package dev.structscope.app.cli;

import dev.structscope.app.hexview.Py;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corners of the type mapping, in both byte orders: {@code __int128} and
 * {@code unsigned __int128} become their decimal text (Python's {@code int} is the oracle), a
 * struct with no members an always-null column, and {@code --byte-order big} reads every member
 * byte-swapped.
 */
class ConvertWideAndEmptyTypesTest {
    @TempDir
    Path dir;

    static final String PYTHON = """
            import sys
            order = sys.argv[2]
            big, ubig, be = -(2**100) - 7, 2**128 - 1, 0x1234
            def i128(v): return (v & (2**128 - 1)).to_bytes(16, order)
            rec = bytes([1]) + bytes(15) + i128(big) + i128(ubig) + be.to_bytes(2, order) + bytes(14)
            open(sys.argv[1], 'wb').write(rec * 3)
            print(big); print(ubig); print(be)
            """;

    @Test
    void int128IsDecimalTextAnEmptyStructIsNullAndBigEndianDataIsSwapped() throws Exception {
        Path h = Files.writeString(dir.resolve("e.h"), """
                #include <stdint.h>
                struct E { uint8_t k; __int128 big; unsigned __int128 ubig; struct {} nothing; uint16_t be; };
                """);
        for (String order : List.of("little", "big")) {
            Path data = dir.resolve(order + ".bin");
            List<String> truth = Py.run(dir, PYTHON, data.toString(), order);
            Path parquet = dir.resolve(order + ".parquet");
            Path arrow = dir.resolve(order + ".arrow");
            for (Path out : List.of(parquet, arrow)) {
                CliRun r = CliRun.run("convert", h.toString(), "--type", "E", data.toString(), "--byte-order", order,
                        "--to", out.toString().endsWith("parquet") ? "parquet" : "arrow", "-o", out.toString());
                assertEquals(0, r.status(), r.err.toString());
            }
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), any_value(big), any_value(ubig), count(nothing),"
                         + " sum(be), typeof(any_value(big)) FROM read_parquet('" + parquet + "')")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getLong(1));
                assertEquals(truth.get(0), rs.getString(2));
                assertEquals(truth.get(1), rs.getString(3));
                assertEquals(0, rs.getLong(4), "an empty struct has no value");
                assertEquals(3 * Long.parseLong(truth.get(2)), rs.getLong(5));
                assertEquals("VARCHAR", rs.getString(6));
            }
            Map<String, Object> row = ColumnarReaders.arrow(arrow).getFirst();
            assertEquals(truth.get(0), row.get("big"));
            assertEquals(truth.get(1), row.get("ubig"));
            assertEquals(Map.of(), row.get("nothing"));
            assertEquals(new java.math.BigInteger(truth.get(2)), row.get("be"));
            assertNull(row.get("missing"));
        }
    }
}
