package dev.structscope.app.hexview;

import dev.structscope.app.fields.Content;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteSearchTest {
    @TempDir
    Path dir;

    /** Patterns across window borders in random data, checked against python's bytes.find/rfind. */
    @Test
    void agreesWithPythonFindAndRfind() throws Exception {
        Random r = new Random(3);
        byte[] data = new byte[3 * ByteSearch.WINDOW + 777];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) r.nextInt(4); // few symbols: many near-misses
        }
        Path f = dir.resolve("r.bin");
        Files.write(f, data);
        String[] pats = {"00010203", "0303030303030303", "02", "0001020300010203"};
        long[] froms = {0, ByteSearch.WINDOW - 3, 2L * ByteSearch.WINDOW + 5, data.length - 1};
        StringBuilder script = new StringBuilder("import sys\nd=open(sys.argv[1],'rb').read()\n");
        for (String p : pats) {
            for (long from : froms) {
                script.append("print(d.find(bytes.fromhex('").append(p).append("'),").append(from).append("))\n");
                script.append("print(d.rfind(bytes.fromhex('").append(p).append("'),0,").append(from).append("+len(bytes.fromhex('")
                        .append(p).append("'))))\n");
            }
        }
        List<String> py = Py.run(dir, script.toString(), f.toString());
        int k = 0;
        try (DataSource s = Sources.open(f)) {
            for (String p : pats) {
                byte[] pat = SearchQuery.parse(SearchQuery.Kind.HEX, p).pattern();
                for (long from : froms) {
                    assertEquals(Long.parseLong(py.get(k++)), new ByteSearch().find(Content.of(s), pat, from, true, null, null),
                            "find " + p + " from " + from);
                    assertEquals(Long.parseLong(py.get(k++)), new ByteSearch().find(Content.of(s), pat, from, false, null, null),
                            "rfind " + p + " before " + from);
                }
            }
        }
    }

    @Test
    void findsTypedValuesAndTextPast4GiBInASparseFile() throws Exception {
        long size = 6L << 30;
        long a = (4L << 30) + 12345;
        long b = (5L << 30) + 7;
        byte[] u32 = SearchQuery.parse(SearchQuery.Kind.VALUE, "u32le=3735928559").pattern();
        byte[] text = SearchQuery.parse(SearchQuery.Kind.UTF16LE, "hi!").pattern();
        Path f = SparseFiles.make(dir.resolve("s.bin"), size, new long[]{a, b}, new byte[][]{u32, text});
        try (DataSource s = Sources.open(f)) {
            Content seg = Content.of(s);
            AtomicLong progress = new AtomicLong();
            assertEquals(a, new ByteSearch().find(seg, u32, a - (3 << 20), true, progress::set, () -> false));
            assertTrue(progress.get() >= 2 << 20, "progress was reported per window");
            assertEquals(b, new ByteSearch().find(seg, text, a + 1, true, null, null));
            assertEquals(a, new ByteSearch().find(seg, u32, b, false, null, null));
            assertEquals(-1, new ByteSearch().find(seg, text, size - (8 << 20), true, null, null));
            assertThrows(CancellationException.class,
                    () -> new ByteSearch().find(seg, text, 0, true, null, () -> true));
        }
    }
}
