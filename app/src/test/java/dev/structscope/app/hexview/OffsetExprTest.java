package dev.structscope.app.hexview;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetExprTest {
    @TempDir
    Path dir;

    /** Random expressions evaluated by us and by python3 (same syntax for + - * ( ) and 0x literals). */
    @Test
    void agreesWithPythonOnRandomExpressions() throws Exception {
        Random r = new Random(7);
        List<String> exprs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            exprs.add(expr(r, 0));
        }
        List<String> py = Py.run(dir, "import sys\nfor e in sys.argv[1:]:\n    print(eval(e))\n", exprs.toArray(String[]::new));
        for (int i = 0; i < exprs.size(); i++) {
            long expected = Long.parseLong(py.get(i));
            assertEquals(expected, OffsetExpr.eval(exprs.get(i), 0), exprs.get(i));
        }
    }

    private static String expr(Random r, int depth) {
        int k = depth > 3 ? 0 : r.nextInt(5);
        return switch (k) {
            case 0, 1 -> r.nextBoolean() ? "0x" + Integer.toHexString(r.nextInt(1 << 20)) : Integer.toString(r.nextInt(100000));
            case 2 -> expr(r, depth + 1) + " + " + expr(r, depth + 1);
            case 3 -> expr(r, depth + 1) + "-" + expr(r, depth + 1);
            default -> "(" + expr(r, depth + 1) + ")*" + r.nextInt(64);
        };
    }

    @Test
    void examplesFromTheSpec() throws Exception {
        assertEquals(0x1f00 + 24, OffsetExpr.eval("0x1f00+24", 0));
        assertEquals(0x1f00L, OffsetExpr.eval("1f00h", 0));
        assertEquals(4L * 1024 * 1024 * 1024 + 16, OffsetExpr.eval("4*1024*1024*1024 + 0x10", 0));
        assertEquals(110, OffsetExpr.eval("$+10", 100));
        assertEquals(1_000_000, OffsetExpr.eval("1_000_000", 0));
    }

    @Test
    void errorsSayWhereAndWhy() {
        var e = assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("0x10 +", 0));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        e = assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("12 ab", 0));
        assertEquals(3, e.position());
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("ff", 0));
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("0x7fffffffffffffff+1", 0));
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("(1", 0));
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("", 0));
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("(".repeat(100) + "1" + ")".repeat(100), 0));
        assertThrows(OffsetExpr.Error.class, () -> OffsetExpr.eval("99999999999999999999", 0));
    }
}
