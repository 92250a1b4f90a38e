package dev.structscope.app.hexview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SearchQueryTest {
    @TempDir
    Path dir;

    /** Typed values become the same bytes python's struct.pack makes. */
    @Test
    void typedValuesMatchPythonStructPack() throws Exception {
        String[][] cases = {
                {"u32le=1234", "<I", "1234"}, {"u32be=1234", ">I", "1234"}, {"i16=-2", "<h", "-2"},
                {"f64=1.5", "<d", "1.5"}, {"f32be=-0.1", ">f", "-0.1"}, {"u64=18446744073709551615", "<Q", "18446744073709551615"},
                {"i64be=-9223372036854775808", ">q", "-9223372036854775808"}, {"u8=255", "<B", "255"}, {"i8=-128", "<b", "-128"},
                {"u16=0x1234", "<H", "0x1234"},
        };
        StringBuilder sc = new StringBuilder("import struct\n");
        for (String[] c : cases) {
            sc.append("print(struct.pack('").append(c[1]).append("', ")
                    .append(c[1].endsWith("f") || c[1].endsWith("d") ? "float(" + c[2] + ")" : c[2]).append(").hex())\n");
        }
        List<String> py = Py.run(dir, sc.toString());
        for (int i = 0; i < cases.length; i++) {
            assertEquals(py.get(i), HexFormat.of().formatHex(SearchQuery.parse(SearchQuery.Kind.VALUE, cases[i][0]).pattern()),
                    cases[i][0]);
        }
    }

    @Test
    void badInputSaysWhy() {
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.VALUE, "u8=256"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.VALUE, "u3=1"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.VALUE, "1234"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.HEX, "abc"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.HEX, "zz"));
        // Text typed in the default (hex) mode is answered with how to find text, not with a digit count.
        assertEquals("\"hello\" is not hex bytes (e.g. 7f 45 4c 46); to find text, choose Text (ASCII) or Text (UTF-16LE)",
                assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.HEX, "hello")).getMessage());
        assertEquals("Text (ASCII)", SearchQuery.Kind.ASCII.toString());
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.ASCII, "é"));
        assertThrows(IllegalArgumentException.class, () -> SearchQuery.parse(SearchQuery.Kind.ASCII, ""));
        assertEquals("7f454c46", HexFormat.of().formatHex(SearchQuery.parse(SearchQuery.Kind.HEX, "7F 45 4c 46").pattern()));
    }
}
