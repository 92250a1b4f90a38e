package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert} of dynamic records against Python's own reading of the bytes it wrote: a counted
 * array, a counted {@code char} array, and a sized tagged union whose alternative the data picks
 * (or none: the column is then null). Each record is as long as its content; the file ends in a
 * few bytes that are not a whole record. parquet-java, Arrow Java and DuckDB must see Python's rows.
 */
class ConvertDynamicRecordsTest {
    static final String HEADER = """
            #include <stdint.h>
            enum Kind { K_INT = 1, K_REAL = 2, K_NAME = 3 };
            #pragma pack(push, 1)
            struct Msg {
                uint16_t n;
                uint8_t kind;
                char tag[4];
                int32_t vals[n];
                uint8_t name_len;
                char label[name_len];
                uint8_t blen;
                [[structscope::switch(kind), structscope::size(blen)]] union {
                    [[structscope::when(K_INT)]] int32_t i;
                    [[structscope::when(K_REAL)]] double d;
                    [[structscope::when(K_NAME)]] char name[6];
                } body;
                uint64_t seq;
            };
            #pragma pack(pop)
            """;

    static final String PYTHON = """
            import sys, json, struct
            import numpy as np
            path, n = sys.argv[1], int(sys.argv[2])
            rng = np.random.default_rng(13)
            out = bytearray(); rows = []
            for r in range(n):
                cnt = int(rng.integers(0, 6)); kind = int(rng.integers(1, 5))
                tag = bytes(rng.integers(97, 123, 4).astype(np.uint8))
                vals = rng.integers(-2**31, 2**31, cnt).astype('<i4')
                label = b'L%d\\xe9' % r
                seq = int(rng.integers(0, 2**64 - 1, dtype=np.uint64, endpoint=True))
                if kind == 1:
                    v = int(rng.integers(-2**31, 2**31)); body = struct.pack('<i', v); bd = {'i': v, 'd': None, 'name': None}
                elif kind == 2:
                    v = float(rng.standard_normal()); body = struct.pack('<d', v); bd = {'i': None, 'd': v, 'name': None}
                elif kind == 3:
                    nm = b'nm%d' % (r % 1000); body = nm.ljust(6, b'\\0'); bd = {'i': None, 'd': None, 'name': nm.decode()}
                else:
                    body = b'\\xff\\xff\\xff'; bd = None
                out += struct.pack('<HB4s', cnt, kind, tag) + vals.tobytes() + struct.pack('<B', len(label)) + label
                out += struct.pack('<B', len(body)) + body + struct.pack('<Q', seq)
                rows.append({'n': cnt, 'kind': kind, 'tag': tag.decode(), 'vals': [int(v) for v in vals],
                             'name_len': len(label), 'label': label.decode('latin-1'), 'blen': len(body),
                             'body': bd, 'seq': seq})
            out += b'\\x03\\x00\\x01ab'   # not a whole record: trailing bytes
            open(path, 'wb').write(bytes(out))
            sums = {'n': sum(r['n'] for r in rows), 'vals': sum(sum(r['vals']) for r in rows),
                    'seq': sum(r['seq'] for r in rows),
                    'body.i': sum(r['body']['i'] for r in rows if r['body'] and r['body']['i'] is not None),
                    'body.d': float(np.sum([r['body']['d'] for r in rows if r['body'] and r['body']['d'] is not None]))}
            counts = {'body': sum(1 for r in rows if r['body']), 'body.name': sum(1 for r in rows if r['body'] and r['body']['name'])}
            picks = sorted(set([0, 1, n - 1] + list(range(2, n, 97))))
            print(json.dumps({'rows': n, 'sums': sums, 'counts': counts, 'samples': {str(i): rows[i] for i in picks}}))
            """;

    static final int N = 3_000;

    @TempDir
    static Path dir;
    static JsonNode truth;

    @BeforeAll
    static void convertOnce() throws Exception {
        Path data = dir.resolve("msg.bin");
        truth = ColumnarReaders.numpyTruth(dir, PYTHON, data, N);
        Path header = Files.writeString(dir.resolve("msg.h"), HEADER);
        for (CliRun r : ColumnarReaders.convertInSmallGroups(header, "Msg", data, dir, "msg", List.of("parquet", "arrow"))) {
            assertEquals("structscope: " + data + ": 5 trailing bytes after the last whole record were not converted",
                    r.err.toString().strip());
        }
    }

    /** The Parquet file read by parquet-java, the Arrow IPC file by Arrow Java. */
    @ParameterizedTest
    @ValueSource(strings = {"parquet", "arrow"})
    void readByItsFormatsJavaLibraryHasPythonsRowsCountedArraysAndChosenAlternatives(String to) throws IOException {
        checkSums(ColumnarReaders.readChecked(truth, to, dir.resolve("msg." + to)));
    }

    private static void checkSums(List<Map<String, Object>> rows) {
        ColumnarReaders.assertIntegerSums(truth, rows, List.of("n", "vals", "seq"));
        JsonNode sums = truth.get("sums");
        BigInteger bodyI = BigInteger.ZERO;
        double bodyD = 0;
        int bodies = 0;
        for (Map<String, Object> row : rows) {
            if (row.get("body") instanceof Map<?, ?> body) {
                bodies++;
                if (body.get("i") instanceof BigInteger i) {
                    bodyI = bodyI.add(i);
                }
                if (body.get("d") instanceof Double d) {
                    bodyD += d;
                }
            }
        }
        assertEquals(sums.get("body.i").bigIntegerValue(), bodyI);
        assertEquals(sums.get("body.d").doubleValue(), bodyD, 1e-9);
        assertEquals(truth.get("counts").get("body").asInt(), bodies, "rows in which an alternative was chosen");
    }

    /**
     * CSV of records whose counts and alternatives differ: one header with every column any record
     * has (vals.0 to vals.4, each alternative's), every row Python's, and empty cells where a
     * record has no such member (it was refused: "record 1 has other columns than the first").
     */
    @Test
    void csvHasEveryColumnAnyRecordHasAndPythonsRows() throws Exception {
        Path data = dir.resolve("msg.bin");
        Path csv = dir.resolve("msg.csv");
        CliRun r = CliRun.run("convert", dir.resolve("msg.h").toString(), "--type", "Msg", data.toString(), "--to", "csv",
                "-o", csv.toString());
        assertEquals(0, r.status(), r.err.toString());
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.getFirst().split(",", -1));
        assertEquals(List.of("n", "kind", "tag", "vals.0", "vals.1", "vals.2", "vals.3", "vals.4", "name_len", "label", "blen"),
                header.subList(0, 11));
        assertEquals("seq", header.getLast());
        assertTrue(header.containsAll(List.of("body.i", "body.d", "body.name")), header.toString());
        assertEquals(truth.get("rows").asInt(), lines.size() - 1);
        BigInteger vals = BigInteger.ZERO;
        BigInteger seq = BigInteger.ZERO;
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = List.of(line.split(",", -1));
            assertEquals(header.size(), cells.size(), line);
            for (int k = 0; k < 5; k++) {
                String v = cells.get(header.indexOf("vals." + k));
                vals = v.isEmpty() ? vals : vals.add(new BigInteger(v));
            }
            seq = seq.add(new BigInteger(cells.get(header.size() - 1)));
        }
        assertEquals(truth.get("sums").get("vals").bigIntegerValue(), vals);
        assertEquals(truth.get("sums").get("seq").bigIntegerValue(), seq);
        var samples = truth.get("samples").fields();
        while (samples.hasNext()) {
            var sample = samples.next();
            JsonNode want = sample.getValue();
            List<String> cells = List.of(lines.get(1 + Integer.parseInt(sample.getKey())).split(",", -1));
            assertEquals(want.get("n").asText(), cells.get(0));
            assertEquals(want.get("label").asText(), cells.get(header.indexOf("label")));
            for (int k = 0; k < 5; k++) {
                String cell = cells.get(header.indexOf("vals." + k));
                assertEquals(k < want.get("vals").size() ? want.get("vals").get(k).asText() : "", cell, "vals." + k);
            }
            JsonNode body = want.get("body");
            String i = cells.get(header.indexOf("body.i"));
            assertEquals(body.isNull() || body.get("i").isNull() ? "" : body.get("i").asText(), i, "body.i of " + sample.getKey());
        }
    }

    /**
     * decode --format csv of the same records: the same columns (named vals[0] rather than
     * vals.0) and the same rows as convert's CSV; it refused records of other shapes too.
     */
    @Test
    void decodeCsvHasTheSameColumnsAndRowsAsConvert() throws Exception {
        Path data = dir.resolve("msg.bin");
        Path csv = dir.resolve("msg-decode-check.csv");
        CliRun converted = CliRun.run("convert", dir.resolve("msg.h").toString(), "--type", "Msg", data.toString(), "--to",
                "csv", "-o", csv.toString());
        assertEquals(0, converted.status(), converted.err.toString());
        CliRun decoded = CliRun.run("decode", dir.resolve("msg.h").toString(), "--type", "Msg", data.toString(), "--all",
                "--format", "csv");
        assertEquals(0, decoded.status(), decoded.err.toString());
        List<String> lines = decoded.out.toString().lines().toList();
        assertTrue(lines.getFirst().contains(",vals[4],"), lines.getFirst());
        List<String> dotted = new java.util.ArrayList<>(lines);
        dotted.set(0, lines.getFirst().replaceAll("\\[(\\d+)\\]", ".$1"));
        assertEquals(Files.readAllLines(csv), dotted);
        assertTrue(decoded.err.toString().contains("5 trailing bytes"), decoded.err.toString());
    }

    @Test
    void duckdbSqlOverTheParquetHasPythonsCountsAndSums() throws SQLException {
        String file = dir.resolve("msg.parquet").toString().replace("'", "''");
        JsonNode sums = truth.get("sums");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            ColumnarReaders.assertSeveralRowGroups(st, file);
            try (ResultSet rs = st.executeQuery("SELECT count(*), sum(len(vals)), sum(list_sum(vals))::VARCHAR,"
                    + " sum(seq::HUGEINT)::VARCHAR, count(body), count(body.name), sum(body.i)::VARCHAR, sum(body.d)"
                    + " FROM read_parquet('" + file + "')")) {
                assertTrue(rs.next());
                assertEquals(truth.get("rows").asLong(), rs.getLong(1));
                assertEquals(sums.get("n").asLong(), rs.getLong(2));
                assertEquals(sums.get("vals").bigIntegerValue().toString(), rs.getString(3));
                assertEquals(sums.get("seq").bigIntegerValue().toString(), rs.getString(4));
                assertEquals(truth.get("counts").get("body").asLong(), rs.getLong(5));
                assertEquals(truth.get("counts").get("body.name").asLong(), rs.getLong(6));
                assertEquals(sums.get("body.i").bigIntegerValue().toString(), rs.getString(7));
                assertEquals(sums.get("body.d").doubleValue(), rs.getDouble(8), 1e-9);
            }
        }
    }
}
