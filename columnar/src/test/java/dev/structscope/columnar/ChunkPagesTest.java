package dev.structscope.columnar;

import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Row groups written through {@link ChunkPages} (column writers' pages compressed into slabs, then
 * written a column chunk at a time by {@link ParquetFileWriter}) read back by DuckDB, an
 * independent reader, value for value. The cases convert's own tests do not reach on their own: a
 * page larger than a slab (a 3 MiB string, which also makes the dictionary fall back to plain
 * pages after its dictionary page), nulls, and slabs reused from group to group.
 */
class ChunkPagesTest {
    @TempDir
    Path dir;

    @Test
    void rowGroupsWrittenThroughChunkPagesReadBackInDuckDbValueForValue() throws Exception {
        MessageType message = Types.buildMessage()
                .required(PrimitiveTypeName.INT64).named("n")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("s")
                .named("record");
        ParquetProperties props = ParquetProperties.builder().withPageSize(1 << 20).withDictionaryPageSize(1 << 20)
                .withDictionaryEncoding(false).withDictionaryEncoding("s", true)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0).build();
        Path file = dir.resolve("t.parquet");
        ParquetFileWriter out = new ParquetFileWriter(new LargeWriteFile(file), message,
                ParquetFileWriter.Mode.OVERWRITE, 1 << 20, 0, null, props);
        out.start();
        PageBuffers buffers = new PageBuffers(8L << 20);
        Random rnd = new Random(7);
        List<Long> numbers = new ArrayList<>();
        List<String> strings = new ArrayList<>();
        int[] groupRows = {50_000, 3, 120_000};
        for (int rows : groupRows) {
            ChunkPages pages = new ChunkPages(message, buffers);
            ColumnWriteStore store = props.newColumnWriteStore(message, pages, pages);
            ColumnWriter n = store.getColumnWriter(message.getColumns().get(0));
            ColumnWriter s = store.getColumnWriter(message.getColumns().get(1));
            for (int i = 0; i < rows; i++) {
                long v = rnd.nextLong();
                n.write(v, 0, 0);
                numbers.add(v);
                String text = rows == 3 && i == 1 ? letters(rnd, 3 << 20) : i % 7 == 0 ? null : "v" + rnd.nextInt(40);
                if (text == null) {
                    s.writeNull(0, 0);
                } else {
                    s.write(Binary.fromString(text), 0, 1);
                }
                strings.add(text);
                store.endRecord();
            }
            store.flush();
            out.startBlock(rows);
            pages.writeTo(out);
            out.endBlock();
            store.close();
            pages.release();
        }
        out.end(Map.of());

        String path = file.toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT count(DISTINCT row_group_id), sum(num_values) FROM parquet_metadata('"
                    + path + "') WHERE path_in_schema = 'n'")) {
                assertTrue(r.next());
                assertEquals(groupRows.length, r.getInt(1));
                assertEquals(numbers.size(), r.getLong(2));
            }
            try (ResultSet r = st.executeQuery("SELECT n, s FROM read_parquet('" + path + "')")) {
                int i = 0;
                while (r.next()) {
                    assertEquals(numbers.get(i), r.getLong(1), "n of row " + i);
                    assertEquals(strings.get(i), r.getString(2), "s of row " + i);
                    i++;
                }
                assertEquals(numbers.size(), i);
            }
        }
    }

    private static String letters(Random rnd, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }
}
