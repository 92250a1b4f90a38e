package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An empty data file is data with no records, as a file shorter than one record is (a log that
 * has none yet): convert writes an empty table DuckDB reads, stats and series count 0 records,
 * decode --all prints none; only asking for record 0 is an error. (An empty file was refused
 * outright — "is empty (0 bytes)" — while a 1-byte file converted to an empty table.) A CSV of no
 * records of a fixed layout still has its header line, so that DuckDB and pandas read it as a
 * table of no rows (it was an empty file, which both refuse).
 */
class EmptyDataTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anEmptyFileHasNoRecords() throws Exception {
        Path h = Files.writeString(dir.resolve("f.h"), "struct F { float v; int n; };\n");
        Path empty = Files.createFile(dir.resolve("empty.bin"));
        Path parquet = dir.resolve("e.parquet");
        CliRun convert = CliRun.run("convert", h.toString(), "--type", "F", empty.toString(), "--to", "parquet",
                "-o", parquet.toString());
        assertEquals(0, convert.status(), convert.err.toString());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(v), count(n) FROM read_parquet('"
                     + parquet.toString().replace("'", "''") + "')")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1));
        }
        CliRun stats = CliRun.run("stats", h.toString(), "--type", "F", empty.toString(), "--json");
        assertEquals(0, stats.status(), stats.err.toString());
        assertEquals(0, JSON.readTree(stats.out.toString()).get("records").asLong());
        CliRun series = CliRun.run("series", h.toString(), "--type", "F", empty.toString(), "--member", "v", "--json");
        assertEquals(0, series.status(), series.err.toString());
        assertEquals(0, JSON.readTree(series.out.toString()).get("records").asLong());
        CliRun all = CliRun.run("decode", h.toString(), "--type", "F", empty.toString(), "--all");
        assertEquals(0, all.status(), all.err.toString());
        assertEquals("[]", all.out.toString().strip());
        String one = CliRun.run("decode", h.toString(), "--type", "F", empty.toString()).refusal();
        assertTrue(one.contains("byte offset 0") && one.contains("runs past the end of the data (0 bytes)"), one);
    }

    @Test
    void aCsvOfNoFixedRecordsNamesItsColumns() throws Exception {
        Path h = Files.writeString(dir.resolve("g.h"), "struct In { short a; char tag[4]; };\n"
                + "struct G { float v; struct In in; int pts[2]; };\n");
        Path shortFile = Files.write(dir.resolve("short.bin"), new byte[3]);
        Path csv = dir.resolve("g.csv");
        CliRun convert = CliRun.run("convert", h.toString(), "--type", "G", shortFile.toString(), "--to", "csv",
                "-o", csv.toString());
        assertEquals(0, convert.status(), convert.err.toString());
        assertEquals("v,in.a,in.tag,pts.0,pts.1\n", Files.readString(csv));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), count(\"in.a\"), count(\"pts.1\") FROM read_csv('"
                     + csv.toString().replace("'", "''") + "', header = true)")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getLong(1));
        }
        CliRun decode = CliRun.run("decode", h.toString(), "--type", "G", shortFile.toString(), "--all", "--format", "csv");
        assertEquals(0, decode.status(), decode.err.toString());
        assertEquals("v,in.a,in.tag,pts[0],pts[1]", decode.out.toString().strip());
    }
}
