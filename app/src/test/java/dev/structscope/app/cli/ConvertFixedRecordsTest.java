package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} of fixed records against numpy: numpy writes a file of random records through a
 * structured dtype (uint64 above 2^63, an enum with a value that has no name, a {@code char} array
 * with bytes above 127, a nested struct, an array, {@code _Bool}, bit-fields, {@code long double})
 * and says what it sees — row count, column sums, and sampled rows; the Parquet and Arrow files
 * read back by parquet-java, Arrow Java and DuckDB must say the same. Skipped without numpy.
 */
class ConvertFixedRecordsTest {
    static final String HEADER = """
            #include <stdint.h>
            #include <stdbool.h>
            enum Color { RED = 1, GREEN = 2, BLUE = 4 };
            struct Inner { int16_t a; uint8_t b; };
            struct Rec {
                uint64_t id;
                int32_t x;
                float f;
                double d;
                enum Color c;
                char name[8];
                struct Inner in;
                int16_t pts[3];
                bool ok;
                unsigned int bits : 5;
                int sbits : 3;
                long double ld;
            };
            """;

    /** numpy's view: the dtype of struct Rec on x86_64-linux, the data, and what it holds. */
    static final String NUMPY = """
            import sys, json
            import numpy as np
            path, n = sys.argv[1], int(sys.argv[2])
            dt = np.dtype({'names': ['id','x','f','d','c','name','a','b','pts','ok','bf','ld'],
                           'formats': ['<u8','<i4','<f4','<f8','<u4','S8','<i2','u1',('<i2',3),'u1','u1',np.longdouble],
                           'offsets': [0, 8, 12, 16, 24, 28, 36, 38, 40, 46, 47, 48], 'itemsize': 64})
            rng = np.random.default_rng(18)
            r = np.zeros(n, dt)
            r['id'] = rng.integers(0, 2**64 - 1, n, dtype=np.uint64, endpoint=True)
            r['id'][:4] = [2**64 - 1, 2**63, 2**63 + 1, 0]
            r['x'] = rng.integers(-2**31, 2**31, n)
            r['f'] = rng.standard_normal(n).astype(np.float32)
            r['d'] = rng.standard_normal(n) * 1e6
            r['c'] = rng.choice([1, 2, 4, 3], n)
            r['name'] = [bytes([0x61 + i % 26, 0xE9]) + b'%d' % i for i in range(n)]
            r['a'] = rng.integers(-2**15, 2**15, n); r['b'] = rng.integers(0, 256, n)
            r['pts'] = rng.integers(-2**15, 2**15, (n, 3))
            r['ok'] = rng.integers(0, 2, n)
            r['bf'] = rng.integers(0, 256, n)
            r['ld'] = np.longdouble(1) / np.longdouble(3) * rng.integers(1, 1000, n)
            r.tofile(path)
            bits = r['bf'] & 31
            sb = (r['bf'] >> 5).astype(np.int64); sb = np.where(sb >= 4, sb - 8, sb)
            names = {1: 'RED', 2: 'GREEN', 4: 'BLUE'}
            def row(i):
                return {'id': int(r['id'][i]), 'x': int(r['x'][i]), 'f': float(r['f'][i]), 'd': float(r['d'][i]),
                        'c': names.get(int(r['c'][i]), str(int(r['c'][i]))),
                        'name': r['name'][i].split(b'\\0')[0].decode('latin-1'),
                        'in': {'a': int(r['a'][i]), 'b': int(r['b'][i])},
                        'pts': [int(v) for v in r['pts'][i]], 'ok': bool(r['ok'][i]),
                        'bits': int(bits[i]), 'sbits': int(sb[i]), 'ld': float(np.float64(r['ld'][i]))}
            sums = {'id': int(sum(int(v) for v in r['id'])), 'x': int(r['x'].astype(np.int64).sum()),
                    'f': float(r['f'].astype(np.float64).sum()), 'd': float(r['d'].sum()),
                    'in.a': int(r['a'].astype(np.int64).sum()), 'in.b': int(r['b'].astype(np.int64).sum()),
                    'pts': int(r['pts'].astype(np.int64).sum()), 'ok': int(r['ok'].astype(np.int64).sum()),
                    'bits': int(bits.astype(np.int64).sum()), 'sbits': int(sb.sum()),
                    'ld': float(r['ld'].astype(np.float64).sum())}
            enums = {names.get(k, str(k)): int((r['c'] == k).sum()) for k in [1, 2, 3, 4]}
            picks = sorted(set([0, 1, 2, 3, n - 1] + list(range(5, n, 997))))
            print(json.dumps({'rows': n, 'sums': sums, 'enums': enums, 'samples': {str(i): row(i) for i in picks}}))
            """;

    static final int N = 20_000;

    @TempDir
    static Path dir;
    static JsonNode truth;
    static Path header;

    @BeforeAll
    static void convertOnce() throws Exception {
        Path data = dir.resolve("rec.bin");
        truth = ColumnarReaders.numpyTruth(dir, NUMPY, data, N);
        header = Files.writeString(dir.resolve("rec.h"), HEADER);
        for (CliRun r : ColumnarReaders.convertInSmallGroups(header, "Rec", data, dir, "rec",
                List.of("parquet", "arrow", "csv", "jsonl"))) {
            assertEquals("", r.err.toString());
        }
    }

    /** The Parquet file read by parquet-java, the Arrow IPC file by Arrow Java. */
    @ParameterizedTest
    @ValueSource(strings = {"parquet", "arrow"})
    void readByItsFormatsJavaLibraryHasNumpysRowsSumsAndSampledRows(String to) throws IOException {
        checkSums(ColumnarReaders.readChecked(truth, to, dir.resolve("rec." + to)));
    }

    private static void checkSums(List<Map<String, Object>> rows) {
        ColumnarReaders.assertIntegerSums(truth, rows, List.of("id", "x", "in.a", "in.b", "pts", "ok", "bits", "sbits"));
        JsonNode sums = truth.get("sums");
        for (String col : List.of("f", "d", "ld")) {
            double sum = 0;
            for (Map<String, Object> row : rows) {
                sum += (Double) ColumnarReaders.value(row, col);
            }
            assertEquals(sums.get(col).doubleValue(), sum, Math.abs(sum) * 1e-9 + 1e-9, "sum of " + col);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("enums").fields(); it.hasNext(); ) {
            var e = it.next();
            long n = rows.stream().filter(r -> e.getKey().equals(r.get("c"))).count();
            assertEquals(e.getValue().asLong(), n, "rows with c = " + e.getKey());
        }
    }

    @Test
    void duckdbSqlOverTheParquetHasNumpysCountSumsAndSampledRows() throws SQLException {
        String file = dir.resolve("rec.parquet").toString().replace("'", "''");
        JsonNode sums = truth.get("sums");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            ColumnarReaders.assertSeveralRowGroups(st, file);
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(id::HUGEINT)::VARCHAR, sum(x)::VARCHAR,"
                    + " sum(\"in\".a)::VARCHAR, sum(\"in\".b)::VARCHAR, sum(list_sum(pts))::VARCHAR, sum(ok::INT)::VARCHAR,"
                    + " sum(bits)::VARCHAR, sum(sbits)::VARCHAR, sum(d), sum(ld), count(*) FILTER (c = '3'),"
                    + " typeof(any_value(id)), typeof(any_value(c)), typeof(any_value(pts)), typeof(any_value(\"in\"))"
                    + " FROM read_parquet('" + file + "')")) {
                assertTrue(rs.next());
                assertEquals(truth.get("rows").asLong(), rs.getLong(1));
                int k = 2;
                for (String col : List.of("id", "x", "in.a", "in.b", "pts", "ok", "bits", "sbits")) {
                    assertEquals(sums.get(col).bigIntegerValue().toString(), rs.getString(k++), "SQL sum of " + col);
                }
                assertEquals(sums.get("d").doubleValue(), rs.getDouble(k++), Math.abs(sums.get("d").doubleValue()) * 1e-9);
                assertEquals(sums.get("ld").doubleValue(), rs.getDouble(k++), Math.abs(sums.get("ld").doubleValue()) * 1e-9);
                assertEquals(truth.get("enums").get("3").asLong(), rs.getLong(k++), "rows whose enum value has no name");
                assertEquals("UBIGINT", rs.getString(k++));
                assertEquals("VARCHAR", rs.getString(k++));
                assertEquals("SMALLINT[]", rs.getString(k++));
                assertEquals("STRUCT(a SMALLINT, b UTINYINT)", rs.getString(k));
            }
            try (ResultSet rs = st.executeQuery("SELECT file_row_number, id::VARCHAR, c, name, \"in\".a, pts[3], ok, sbits, f"
                    + " FROM read_parquet('" + file + "', file_row_number = true) ORDER BY file_row_number")) {
                int checked = 0;
                while (rs.next()) {
                    JsonNode row = truth.get("samples").get(String.valueOf(rs.getLong(1)));
                    if (row == null) {
                        continue;
                    }
                    assertEquals(row.get("id").bigIntegerValue().toString(), rs.getString(2));
                    assertEquals(row.get("c").textValue(), rs.getString(3));
                    assertEquals(row.get("name").textValue(), rs.getString(4));
                    assertEquals(row.get("in").get("a").asInt(), rs.getInt(5));
                    assertEquals(row.get("pts").get(2).asInt(), rs.getInt(6));
                    assertEquals(row.get("ok").booleanValue(), rs.getBoolean(7));
                    assertEquals(row.get("sbits").asInt(), rs.getInt(8));
                    assertEquals(row.get("f").doubleValue(), rs.getFloat(9), 0.0);
                    checked++;
                }
                assertEquals(truth.get("samples").size(), checked);
            }
        }
    }

    @Test
    void csvAndJsonlHoldTheSameRowsFlattenedAsDottedPaths() throws IOException {
        List<String> csv = Files.readAllLines(dir.resolve("rec.csv"));
        List<String> jsonl = Files.readAllLines(dir.resolve("rec.jsonl"));
        assertEquals("id,x,f,d,c,name,in.a,in.b,pts.0,pts.1,pts.2,ok,bits,sbits,ld", csv.getFirst());
        assertEquals(N + 1, csv.size());
        assertEquals(N, jsonl.size());
        ObjectMapper json = new ObjectMapper();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.get("samples").fields(); it.hasNext(); ) {
            var e = it.next();
            int i = Integer.parseInt(e.getKey());
            JsonNode want = e.getValue();
            JsonNode line = json.readTree(jsonl.get(i));
            assertEquals(want.get("id").bigIntegerValue(), line.get("id").bigIntegerValue());
            assertEquals(want.get("in").get("b").asInt(), line.get("in.b").asInt());
            assertEquals(want.get("pts").get(1).asInt(), line.get("pts.1").asInt());
            assertEquals(want.get("c").asText(), line.get("c").asText());
            assertEquals(want.get("name").textValue(), line.get("name").textValue());
            String[] cells = csv.get(i + 1).split(",", -1);
            assertEquals(want.get("id").bigIntegerValue().toString(), cells[0]);
            assertEquals(want.get("c").asText(), cells[4]);
            assertEquals(want.get("name").textValue(), cells[5]);
            assertEquals(String.valueOf(want.get("pts").get(2).asInt()), cells[10]);
            assertEquals(String.valueOf(want.get("sbits").asInt()), cells[13]);
        }
    }
}
