package dev.structscope.app.cli;

import dev.structscope.model.layout.oracle.Compilers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The other commands that take a LAYOUT take a compiled binary too, whatever its file name:
 * {@code compare} between an old object and a new header (the ABI following the object's
 * machine), {@code decode} of records a C program wrote with the object's own layout, and the
 * exports.
 */
class DwarfCommandsTest {
    private static final String V1 = """
            #include <stdint.h>
            struct Msg { uint8_t kind; uint32_t seq; double value; char name[6]; };
            struct Keep { int16_t a; int16_t b; };
            """;
    private static final String V2 = """
            #include <stdint.h>
            struct Msg { uint8_t kind; uint32_t flags; uint32_t seq; double value; char name[6]; };
            struct Keep { int16_t a; int16_t b; };
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void gcc() {
        assumeTrue(Compilers.gccCompiles(true), "gcc -m32 is not installed");
    }

    private Path compile(String name, String header, String body, String... flags) throws IOException {
        Files.writeString(dir.resolve(name + ".h"), header);
        Path c = dir.resolve(name + ".c");
        Files.writeString(c, "#include \"" + name + ".h\"\n#include <stdio.h>\n#include <string.h>\n" + body);
        Path out = dir.resolve(name + ".bin"); // an ELF by its bytes, not its name
        List<String> cmd = new ArrayList<>(List.of(Compilers.GCC, "-g", "-w", "-o", out.toString(), c.toString()));
        cmd.addAll(1, List.of(flags));
        Compilers.Result r = Compilers.run(cmd, dir);
        assertEquals(0, r.exit(), r::out);
        return out;
    }

    @Test
    void compareAnOldObjectWithANewHeader() throws IOException {
        Path old = compile("v1", V1, "struct Msg m; struct Keep k; int main(void) { return 0; }\n", "-m32");
        Files.writeString(dir.resolve("v2.h"), V2);
        CliRun same = CliRun.run("compare", old.toString(), dir.resolve("v1.h").toString(), "--json");
        assertEquals(0, same.status(), () -> same.out + " " + same.err);
        assertTrue(same.out.toString().contains("\"oldAbi\":\"i386-linux\""), same.out::toString);

        CliRun changed = CliRun.run("compare", old.toString(), dir.resolve("v2.h").toString(), "--json");
        assertEquals(3, changed.status(), changed.err::toString);
        CliRun.assertContainsAll(changed.out.toString(), "{\"member\":\"flags\",\"change\":\"added\"",
                "{\"member\":\"seq\",\"change\":\"moved\",\"old\":{\"offset\":4", "\"name\":\"Keep\",\"status\":\"same\"");
    }

    @Test
    void decodeWhatTheProgramWroteWithItsOwnLayout() throws IOException {
        Path data = dir.resolve("out.dat");
        Path prog = compile("w", V1, """
                int main(int argc, char **argv) {
                  struct Msg m[3];
                  memset(m, 0, sizeof m);
                  for (int i = 0; i < 3; i++) {
                    m[i].kind = 7 + i; m[i].seq = 100000u * i + 3; m[i].value = i / 4.0 - 1;
                    strcpy(m[i].name, i == 1 ? "beta" : "ab");
                  }
                  FILE *f = fopen(argv[1], "wb");
                  fwrite(m, sizeof m, 1, f);
                  return fclose(f);
                }
                """, "-m32");
        Compilers.Result ran = Compilers.run(Compilers.command(true, prog.toString(), data.toString()), dir);
        assertEquals(0, ran.exit(), ran::out);
        // i386: the double is 4-aligned, so a record is 24 bytes, not x86-64's 32.
        assertEquals(72, Files.size(data));
        CliRun decode = CliRun.run("decode", prog.toString(), "--type", "Msg", data.toString(), "--all",
                "--format", "jsonl");
        assertEquals(0, decode.status(), decode.err::toString);
        List<String> lines = decode.out.toString().strip().lines().toList();
        assertEquals(3, lines.size(), decode.out::toString);
        assertEquals("{\"kind\": 8, \"seq\": 100003, \"value\": -0.75, \"name\": \"beta\"}", lines.get(1));
    }

    @Test
    void exportsTakeAnObject() throws IOException {
        Path obj = compile("e", V1, "struct Msg m; struct Keep k; int main(void) { return 0; }\n");
        CliRun c = CliRun.run("export", obj.toString(), "--to", "c", "--type", "Msg");
        assertEquals(0, c.status(), c.err::toString);
        assertTrue(c.out.toString().contains("struct Msg"), c.out::toString);
        CliRun lua = CliRun.run("export", obj.toString(), "--to", "wireshark", "--type", "Msg", "--port", "5555");
        assertEquals(0, lua.status(), lua.err::toString);
        assertTrue(lua.out.toString().contains("DissectorTable.get(\"udp.port\"):add(5555, proto)"), lua.out::toString);
    }

    @Test
    void typesRepeatedAcrossUnitsAreDeclaredOnce() throws IOException {
        Files.writeString(dir.resolve("shared.h"), V1);
        List<String> objects = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path c = dir.resolve("u" + i + ".c");
            // Each unit uses the shared records; unit 2 also defines its own, different struct Local.
            Files.writeString(c, "#include \"shared.h\"\nstruct Msg m" + i + "; struct Keep k" + i + ";\n"
                    + "struct Local { " + (i == 2 ? "double" : "int") + " v; } l" + i + ";\n");
            Path o = dir.resolve("u" + i + ".o");
            assertEquals(0, Compilers.run(List.of(Compilers.GCC, "-g", "-c", "-o", o.toString(), c.toString()), dir).exit());
            objects.add(o.toString());
        }
        Path lib = dir.resolve("libshared.so");
        List<String> link = new ArrayList<>(List.of(Compilers.GCC, "-shared", "-o", lib.toString()));
        link.addAll(objects);
        Compilers.Result linked = Compilers.run(link, dir);
        assertEquals(0, linked.exit(), linked::out);
        CliRun run = CliRun.run("layout", lib.toString(), "--json");
        assertEquals(0, run.status(), run.err::toString);
        var types = DwarfLayoutTest.byName(run.out.toString());
        assertEquals(List.of("Msg", "Keep", "Local", "Local_2"), List.copyOf(types.keySet()));
        assertEquals(4, types.get("Local").get("size").asInt(), "the first definition keeps the name");
        assertEquals(8, types.get("Local_2").get("size").asInt(), "the other is another type");
        CliRun.assertContainsAll(run.err.toString(), "libshared.so:.debug_info+0x",
                "struct Local is defined differently in two places", "this definition is named Local_2");
        assertEquals(1, run.err.toString().strip().lines().count(), run.err::toString);
    }

    @Test
    void aMachineWithoutAnAbiOfItsOwnIsSaidOnStderr() throws IOException {
        assumeTrue(Compilers.hasClang(), "clang-16 is not installed");
        Path c = dir.resolve("rv.c");
        Files.writeString(c, "struct Rv { char c; int i; } rv;\n");
        Path o = dir.resolve("rv.o");
        Compilers.Result r = Compilers.run(List.of(Compilers.CLANG.toString(), "-target", "riscv64-linux-gnu",
                "-ffreestanding", "-g", "-c", "-o", o.toString(), c.toString()), dir);
        assertEquals(0, r.exit(), r::out);
        CliRun run = CliRun.run("layout", o.toString(), "--json"); // a RISC-V object: its relocations are applied
        assertEquals(0, run.status(), run.err::toString);
        assertTrue(run.err.toString().contains("ELF machine 243 has no ABI of its own"), run.err::toString);
        CliRun.assertContainsAll(run.out.toString(), "\"name\":\"Rv\"", "\"abi\":\"x86_64-linux\"");
    }

    @Test
    void wiresharkExportNeedsOneType() {
        Path h = dir.resolve("x.h");
        try {
            Files.writeString(h, V1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (String[] args : List.of(
                new String[] {"export", h.toString(), "--to", "wireshark"},
                new String[] {"export", h.toString(), "--to", "wireshark", "--type", "Msg", "--port", "70000"},
                new String[] {"export", h.toString(), "--to", "wireshark", "--type", "Msg", "--transport", "sctp"},
                new String[] {"export", h.toString(), "--to", "c", "--port", "5"})) {
            CliRun.run(args).refusal();
        }
    }
}
