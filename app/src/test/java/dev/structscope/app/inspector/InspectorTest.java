package dev.structscope.app.inspector;

import dev.structscope.app.hexview.Py;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InspectorTest {
    @TempDir
    Path dir;

    /** Every integer and float row, both orders, against python's struct.unpack; FILETIME against datetime. */
    @Test
    void agreesWithPythonStruct() throws Exception {
        Random r = new Random(11);
        for (int round = 0; round < 5; round++) {
            byte[] b = new byte[16];
            r.nextBytes(b);
            String hex = HexFormat.of().formatHex(b);
            List<String> py = Py.run(dir, """
                    import struct, sys, datetime
                    b = bytes.fromhex(sys.argv[1])
                    for name, f in [('u16','H'),('i16','h'),('u32','I'),('i32','i'),('u64','Q'),('i64','q')]:
                        n = struct.calcsize(f)
                        print(name, struct.unpack('<'+f, b[:n])[0], struct.unpack('>'+f, b[:n])[0])
                    print('u8', b[0], '')
                    print('f64', repr(struct.unpack('<d', b[:8])[0]), repr(struct.unpack('>d', b[:8])[0]))
                    t = struct.unpack('<Q', b[:8])[0] & 0x00ffffffffffffff
                    print('ft', t, datetime.datetime(1601,1,1) + datetime.timedelta(microseconds=t//10))
                    """, hex);
            Map<String, Inspector.Row> rows = Inspector.rows(b).stream()
                    .collect(Collectors.toMap(Inspector.Row::name, x -> x));
            for (String line : py.subList(0, 7)) {
                String[] p = line.split(" ", -1);
                assertEquals(p[1], rows.get(p[0]).little(), p[0] + " LE of " + hex);
                if (!p[2].isEmpty()) {
                    assertEquals(p[2], rows.get(p[0]).big(), p[0] + " BE of " + hex);
                }
            }
            String[] f = py.get(7).split(" ");
            if (!f[1].contains("nan") && !f[1].contains("inf")) {
                assertEquals(Double.parseDouble(f[1]), Double.parseDouble(rows.get("f64").little()));
                assertEquals(Double.parseDouble(f[2]), Double.parseDouble(rows.get("f64").big()));
            }
            String[] ft = py.get(8).split(" ", 3);
            String ours = Inspector.filetime(Long.parseLong(ft[1]));
            // python prints "YYYY-MM-DD HH:MM:SS[.ffffff]" (to the microsecond); we print ISO with 100-ns digits.
            assertEquals(ft[2].replace(' ', 'T').substring(0, 19), ours.substring(0, 19), "FILETIME " + ft[1]);
        }
    }

    @Test
    void stringsTimesAndShortInput() {
        byte[] b = {'h', 0, 'i', 0, 0, 0};
        Map<String, Inspector.Row> rows = Inspector.rows(b).stream().collect(Collectors.toMap(Inspector.Row::name, x -> x));
        assertEquals("\"hi\"", rows.get("string (UTF-16)").little());
        assertEquals("\"h\"", rows.get("string (ASCII)").little());
        assertEquals("—", rows.get("u64").little(), "too few bytes");
        byte[] t = {(byte) 0x80, (byte) 0x96, (byte) 0x98, 0x00}; // 10,000,000 s after 1970
        rows = Inspector.rows(t).stream().collect(Collectors.toMap(Inspector.Row::name, x -> x));
        assertEquals("1970-04-26T17:46:40Z", rows.get("Unix time (u32 s)").little());
        byte[] x87one = {0, 0, 0, 0, 0, 0, 0, (byte) 0x80, (byte) 0xFF, 0x3F}; // 1.0L on x86
        rows = Inspector.rows(x87one).stream().collect(Collectors.toMap(Inspector.Row::name, x -> x));
        assertEquals(1.0, Double.parseDouble(rows.get("f80 (x87)").little()));
    }
}
