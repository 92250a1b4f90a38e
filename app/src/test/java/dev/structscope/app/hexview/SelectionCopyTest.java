package dev.structscope.app.hexview;

import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * "Copy as" and "Follow Pointer" on a hex selection, each checked by the tool chain the text is
 * meant for: gcc compiles the C array and prints its bytes, python3 evaluates the bytes literal
 * and unpacks the pointers with {@code struct}.
 */
class SelectionCopyTest {
    @TempDir
    Path dir;

    /** Every byte value, quotes and backslashes included, then random bytes. */
    private Path sample() throws Exception {
        byte[] b = new byte[4096];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        byte[] r = new byte[b.length - 256];
        new Random(7).nextBytes(r);
        System.arraycopy(r, 0, b, 256, r.length);
        Path f = dir.resolve("d.bin");
        Files.write(f, b);
        return f;
    }

    @Test
    void thePythonLiteralEvaluatesToTheSelectedBytes() throws Exception {
        Path f = sample();
        try (DataSource s = Sources.open(f)) {
            String lit = SelectionCopy.copy(s, 0, 600, SelectionCopy.Form.PYTHON);
            Path script = dir.resolve("lit.txt");
            Files.writeString(script, lit);
            List<String> out = Py.run(dir, """
                    import sys, ast
                    v = ast.literal_eval(open(sys.argv[1]).read())
                    d = open(sys.argv[2], 'rb').read()
                    print(type(v).__name__, v == d[:600])
                    """, script.toString(), f.toString());
            assertEquals(List.of("bytes True"), out);
        }
    }

    @Test
    void theCArrayCompilesToTheSelectedBytes() throws Exception {
        assumeTrue(new ProcessBuilder("gcc", "--version").start().waitFor() == 0, "gcc is not installed");
        Path f = sample();
        try (DataSource s = Sources.open(f)) {
            String c = SelectionCopy.copy(s, 100, 257, SelectionCopy.Form.C);
            Path src = dir.resolve("a.c");
            Files.writeString(src, "#include <stdio.h>\n" + c + "\nint main(void) {\n"
                    + "  for (unsigned i = 0; i < sizeof data_64; i++) printf(\"%02x\", data_64[i]);\n"
                    + "  printf(\"\\n\");\n  return 0;\n}\n");
            Path exe = dir.resolve("a.out");
            Process cc = new ProcessBuilder("gcc", "-Wall", "-Werror", "-o", exe.toString(), src.toString())
                    .redirectErrorStream(true).start();
            String log = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(cc.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, cc.exitValue(), log);
            Process run = new ProcessBuilder(exe.toString()).start();
            String printed = new String(run.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            assertTrue(run.waitFor(10, TimeUnit.SECONDS));
            byte[] want = java.util.Arrays.copyOfRange(Files.readAllBytes(f), 100, 357);
            assertEquals(HexFormat.of().formatHex(want), printed);
        }
    }

    @Test
    void hexAndTextAreWhatTheColumnsShow() throws Exception {
        Path f = sample();
        try (DataSource s = Sources.open(f)) {
            List<String> out = Py.run(dir, """
                    import sys
                    d = open(sys.argv[1], 'rb').read()[60:140]
                    print(d.hex(' '))
                    print(''.join(chr(c) if 32 <= c < 127 else '.' for c in d))
                    """, f.toString());
            assertEquals(out.get(0), SelectionCopy.copy(s, 60, 80, SelectionCopy.Form.HEX));
            assertEquals(out.get(1), SelectionCopy.copy(s, 60, 80, SelectionCopy.Form.TEXT));
        }
    }

    @Test
    void aLongSelectionCopiesItsFirstMegabyteAndSaysSo() throws Exception {
        Path f = dir.resolve("big.bin");
        Files.write(f, new byte[SelectionCopy.MAX_COPY + 10]);
        try (DataSource s = Sources.open(f)) {
            String c = SelectionCopy.copy(s, 0, s.size(), SelectionCopy.Form.C);
            assertTrue(c.endsWith("/* first 1,048,576 of 1,048,586 bytes */"), c.substring(c.length() - 60));
            assertTrue(c.startsWith("static const unsigned char data_0[1048576] = {"));
        }
    }

    @Test
    void followReadsThePointerAsPythonStructDoes() throws Exception {
        // A little table of offsets: u32/u64 in both orders pointing inside the file, and one past it.
        Path f = dir.resolve("p.bin");
        Py.run(dir, """
                import sys, struct
                d = bytearray(4096)
                struct.pack_into('<I', d, 0, 0x123)
                struct.pack_into('>I', d, 8, 0x456)
                struct.pack_into('<Q', d, 16, 0xFFF)
                struct.pack_into('>Q', d, 32, 0x800)
                struct.pack_into('<I', d, 48, 4096)
                struct.pack_into('<Q', d, 56, 2**63 + 5)
                open(sys.argv[1], 'wb').write(d)
                """, f.toString());
        try (DataSource s = Sources.open(f)) {
            assertEquals(0x123, SelectionCopy.follow(s, 0, 4, ByteOrder.LITTLE_ENDIAN, 0));
            assertEquals(0x456, SelectionCopy.follow(s, 8, 4, ByteOrder.BIG_ENDIAN, 0));
            assertEquals(0xFFF, SelectionCopy.follow(s, 16, 8, ByteOrder.LITTLE_ENDIAN, 0));
            assertEquals(0x800, SelectionCopy.follow(s, 32, 8, ByteOrder.BIG_ENDIAN, 0));
            assertEquals(0x123 + 0x100, SelectionCopy.follow(s, 0, 4, ByteOrder.LITTLE_ENDIAN, 0x100));
            assertEquals(-1, SelectionCopy.follow(s, 48, 4, ByteOrder.LITTLE_ENDIAN, 0), "one past the end");
            assertEquals(-1, SelectionCopy.follow(s, 56, 8, ByteOrder.LITTLE_ENDIAN, 0), "above 2^63");
            assertEquals(-1, SelectionCopy.follow(s, 4093, 4, ByteOrder.LITTLE_ENDIAN, 0), "runs off the end");
            // What a pointer that leads nowhere read, for the menu to show: python's value, unsigned.
            assertEquals("8000000000000005", Long.toHexString(SelectionCopy.pointer(s, 56, 8, ByteOrder.LITTLE_ENDIAN)));
            assertEquals(4096, SelectionCopy.pointer(s, 48, 4, ByteOrder.LITTLE_ENDIAN));
        }
    }
}
