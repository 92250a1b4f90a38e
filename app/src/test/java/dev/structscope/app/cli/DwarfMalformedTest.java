package dev.structscope.app.cli;

import dev.structscope.model.layout.oracle.Compilers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Broken binaries end with exit status 2 and one line on stderr that names the file, the section
 * and the byte offset: truncated files and units, an abbreviation code the table lacks, a type
 * that refers to itself, a typedef chain deeper than {@code --max-depth}. The DWARF is written
 * by hand in assembly and assembled by the system assembler (through gcc), so the ELF around it
 * is a real one.
 */
class DwarfMalformedTest {
    @TempDir
    Path dir;

    @BeforeEach
    void gcc() {
        assumeTrue(Compilers.gccCompiles(false), "gcc is not installed");
    }

    /** A DWARF 4 unit whose entries (after the unit's root) are {@code body}, with a fixed abbreviation table. */
    private Path assemble(String name, String body) throws IOException {
        String s = """
                .section .debug_abbrev,"",@progbits
                .uleb128 1; .uleb128 0x11; .byte 1; .byte 0, 0
                .uleb128 2; .uleb128 0x16; .byte 0; .uleb128 0x03; .uleb128 0x08; .uleb128 0x49; .uleb128 0x13; .byte 0, 0
                .uleb128 3; .uleb128 0x13; .byte 1; .uleb128 0x03; .uleb128 0x08; .uleb128 0x0b; .uleb128 0x0b; .byte 0, 0
                .uleb128 4; .uleb128 0x0d; .byte 0; .uleb128 0x03; .uleb128 0x08; .uleb128 0x49; .uleb128 0x13; .uleb128 0x38; .uleb128 0x0b; .byte 0, 0
                .uleb128 5; .uleb128 0x24; .byte 0; .uleb128 0x03; .uleb128 0x08; .uleb128 0x3e; .uleb128 0x0b; .uleb128 0x0b; .uleb128 0x0b; .byte 0, 0
                .byte 0
                .section .debug_info,"",@progbits
                .Lcu:
                .4byte .Lend - .Lstart
                .Lstart:
                .2byte 4
                .4byte 0
                .byte 8
                .uleb128 1
                """ + body + """
                .byte 0
                .Lend:
                """;
        Path src = dir.resolve(name + ".s");
        Files.writeString(src, s);
        Path obj = dir.resolve(name + ".o");
        Compilers.Result r = Compilers.run(List.of(Compilers.GCC, "-c", "-o", obj.toString(), src.toString()), dir);
        assertEquals(0, r.exit(), r::out);
        return obj;
    }

    private static final String INT = ".Lint: .uleb128 5; .asciz \"int\"; .byte 5; .byte 4\n";

    /** {@code layout OBJ} refuses the file in one line that names the place in the file ({@code where}) and {@code what} is wrong. */
    private static void refusedAt(Path obj, String where, String what) {
        String err = oneLineError(obj);
        assertTrue(err.contains(where) && err.contains(what), err);
    }

    private static String oneLineError(Path obj, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "layout";
        args[1] = obj.toString();
        args[2] = "--json";
        System.arraycopy(more, 0, args, 3, more.length);
        String err = CliRun.run(args).refusal();
        assertTrue(err.contains(obj.toString()), err);
        return err;
    }

    @Test
    void wellFormedUnitReads() throws IOException {
        Path obj = assemble("ok", INT + """
                .uleb128 3; .asciz "S"; .byte 8
                .uleb128 4; .asciz "a"; .4byte .Lint - .Lcu; .byte 0
                .uleb128 4; .asciz "b"; .4byte .Lint - .Lcu; .byte 4
                .byte 0
                """);
        CliRun run = CliRun.run("layout", obj.toString(), "--json");
        assertEquals(0, run.status(), run.err::toString);
        assertTrue(run.out.toString().contains("{\"name\":\"b\",\"type\":\"int\",\"offset\":4,\"size\":4,\"align\":4}"),
                run.out::toString);
    }

    @Test
    void typedefOfItselfIsACycle() throws IOException {
        Path obj = assemble("cycle", ".Lt: .uleb128 2; .asciz \"T\"; .4byte .Lt - .Lcu\n");
        refusedAt(obj, ".debug_info+0x", "cycle");
    }

    @Test
    void typedefChainDeeperThanTheLimit() throws IOException {
        // T0 -> T1 -> ... -> T399 -> int, T0 first: reading it follows the whole chain at once.
        StringBuilder chain = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            chain.append(".Lt").append(i).append(": .uleb128 2; .asciz \"T").append(i).append("\"; .4byte ")
                    .append(i == 399 ? ".Lint" : ".Lt" + (i + 1)).append(" - .Lcu\n");
        }
        chain.append(INT);
        String err = oneLineError(assemble("deep", chain.toString()));
        assertTrue(err.contains("--max-depth"), err);
        CliRun run = CliRun.run("layout", assemble("deep", chain.toString()).toString(), "--max-depth", "1000");
        assertEquals(2, run.status()); // read, but it defines no struct: nothing to lay out
        assertTrue(run.err.toString().contains("no struct or union"), run.err::toString);
    }

    @Test
    void structHoldingItselfByValue() throws IOException {
        Path obj = assemble("self", """
                .Ls: .uleb128 3; .asciz "S"; .byte 8
                .uleb128 4; .asciz "s"; .4byte .Ls - .Lcu; .byte 0
                .byte 0
                """);
        refusedAt(obj, ".debug_info+0x", "struct S contains itself");
    }

    @Test
    void abbreviationCodeMissingFromTheTable() throws IOException {
        refusedAt(assemble("abbrev", ".uleb128 9; .byte 0\n"), ".debug_info+0x", "abbreviation code 9");
    }

    @Test
    void referenceToNoEntry() throws IOException {
        Path obj = assemble("dangling", """
                .uleb128 3; .asciz "S"; .byte 4
                .uleb128 4; .asciz "a"; .4byte 0x7777; .byte 0
                .byte 0
                """);
        refusedAt(obj, ".debug_info+0x", "0x7777");
    }

    @Test
    void unitLongerThanItsSection() throws IOException {
        Path obj = assemble("long", INT);
        byte[] bytes = Files.readAllBytes(obj);
        // The unit length is the first word of .debug_info: find the unit by its header (length, version 4).
        for (int i = 0; i + 6 < bytes.length; i++) {
            if (bytes[i + 4] == 4 && bytes[i + 5] == 0 && bytes[i] > 8 && bytes[i] < 40 && bytes[i + 1] == 0
                    && bytes[i + 2] == 0 && bytes[i + 3] == 0 && bytes[i + 6] == 0 && bytes[i + 10] == 8) {
                bytes[i + 1] = 0x10;
                break;
            }
        }
        Files.write(obj, bytes);
        refusedAt(obj, ".debug_info+0x0", "past the end");
    }

    @Test
    void truncatedFiles() throws IOException {
        Path obj = assemble("whole", INT);
        byte[] bytes = Files.readAllBytes(obj);
        for (int n : new int[] {3, 4, 20, 63, 64, 200, bytes.length / 2, bytes.length - 1}) {
            Path cut = dir.resolve("cut" + n + ".o");
            Files.write(cut, Arrays.copyOf(bytes, n));
            if (n < 4) {
                CliRun run = CliRun.run("layout", cut.toString());
                assertEquals(2, run.status()); // not an ELF any more: read as a C header, which it is not either
            } else {
                oneLineError(cut);
            }
        }
    }

    /** The file offset of a section's contents in a little-endian ELF64 file, found through its headers. */
    private static int sectionOffset(byte[] elf, String name) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(elf).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int shoff = (int) b.getLong(0x28);
        int shentsize = b.getShort(0x3a);
        int shnum = b.getShort(0x3c);
        int names = (int) b.getLong(shoff + b.getShort(0x3e) * shentsize + 0x18);
        for (int i = 0; i < shnum; i++) {
            int h = shoff + i * shentsize;
            int n = names + b.getInt(h);
            int end = n;
            while (elf[end] != 0) {
                end++;
            }
            if (new String(elf, n, end - n, java.nio.charset.StandardCharsets.US_ASCII).equals(name)) {
                return (int) b.getLong(h + 0x18);
            }
        }
        throw new AssertionError("no section " + name);
    }

    @Test
    void compressedSectionsAreInflatedWithinWhatTheyDeclareAndTheLimit() throws IOException {
        Path src = dir.resolve("z.c");
        Files.writeString(src, "struct S { int a; char b[40]; } s;\n");
        Path obj = dir.resolve("z.o");
        Compilers.Result r = Compilers.run(List.of(Compilers.GCC, "-g", "-gz", "-c", "-o", obj.toString(), src.toString()), dir);
        assertEquals(0, r.exit(), r::out);
        byte[] good = Files.readAllBytes(obj);
        int info = sectionOffset(good, ".debug_info");
        assertEquals(1, java.nio.ByteBuffer.wrap(good).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(info), "zlib (ELFCOMPRESS_ZLIB)");

        // An uncompressed size of 2^40 bytes: refused before anything is allocated.
        byte[] bomb = good.clone();
        java.nio.ByteBuffer.wrap(bomb).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(info + 8, 1L << 40);
        Path big = dir.resolve("bomb.o");
        Files.write(big, bomb);
        refusedAt(big, ".debug_info+0x0", "1099511627776 bytes uncompressed");

        // More bytes declared than the compressed data holds.
        byte[] lie = good.clone();
        java.nio.ByteBuffer w = java.nio.ByteBuffer.wrap(lie).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        w.putLong(info + 8, w.getLong(info + 8) + 4096);
        Path liar = dir.resolve("liar.o");
        Files.write(liar, lie);
        refusedAt(liar, ".debug_info+0x", "compressed data ends after");

        // A compression type other than zlib (zstd is 2).
        byte[] zstd = good.clone();
        java.nio.ByteBuffer.wrap(zstd).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(info, 2);
        Path z = dir.resolve("zstd.o");
        Files.write(z, zstd);
        String err = oneLineError(z);
        assertTrue(err.contains("only zlib"), err);
    }

    @Test
    void noDebugInformation() throws IOException {
        Path src = dir.resolve("plain.c");
        Files.writeString(src, "struct S { int a; }; struct S s;\n");
        Path obj = dir.resolve("plain.o");
        assertEquals(0, Compilers.run(List.of(Compilers.GCC, "-c", "-o", obj.toString(), src.toString()), dir).exit());
        String err = oneLineError(obj);
        assertTrue(err.contains("no .debug_info"), err);
    }
}
