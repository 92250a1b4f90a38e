package dev.structscope.app.cli;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A dynamic layout that cannot mean anything is bad input for every command, before any data is
 * read: exit status 2 and one line with file:line:col (it used to lay out, and decode failed on
 * every record with a message about the data). A misspelt {@code structscope::} namespace is one
 * warning line, and the command goes on.
 */
@Tag(DynamicCli.TAG)
class DynamicLayoutRefusalTest {
    @TempDir
    Path dir;

    @Test
    void aFloatDiscriminatorIsRefusedByLayoutAndDecodeWithItsPlace() throws IOException {
        Path h = Files.writeString(dir.resolve("sw.h"), """
                #include <stdint.h>
                union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(2)]] uint16_t b; };
                struct A {
                    float t;
                    [[structscope::switch(t)]] union U u;
                };
                """);
        refusedByLayoutAndDecode(h, "structscope: " + h + ":5:27: switch(t): 't' is float; a switch needs an integer, "
                + "enum or char array member");
    }

    /**
     * A when value the discriminator cannot hold never matched, and a misspelt name failed on every
     * record decoded; both are refused before any data is read, with the place they are written.
     */
    @Test
    void aWhenValueTheTagCannotHoldAndAMisspeltNameAreRefusedWithTheirPlace() throws IOException {
        Path when = Files.writeString(dir.resolve("when.h"), """
                #include <stdint.h>
                struct A {
                    uint8_t t;
                    [[structscope::switch(t)]] union { [[structscope::when(1, 300)]] uint32_t a; } u;
                };
                """);
        Path name = Files.writeString(dir.resolve("name.h"), """
                #include <stdint.h>
                struct H { uint16_t count; uint16_t name; };
                struct A {
                    struct H hdr;
                    uint8_t d[hdr.nmae];
                };
                """);
        refusedByLayoutAndDecode(when, "structscope: " + when + ":4:63: when(300): switch(t) holds 0 to 255 ('t' is "
                + "uint8_t), so 300 never equals it");
        refusedByLayoutAndDecode(name, "structscope: " + name + ":5:15: count hdr.nmae: 'hdr' (struct H) has no member "
                + "'nmae' (did you mean 'name'?)");
    }

    /** {@code layout} (text and JSON) and {@code decode --type A} of {@code header} end in exactly {@code refusal}. */
    private void refusedByLayoutAndDecode(Path header, String refusal) throws IOException {
        Path data = Files.write(dir.resolve("a.bin"), new byte[8]);
        assertEquals(refusal, CliRun.run("layout", header.toString()).refusal());
        assertEquals(refusal, CliRun.run("layout", header.toString(), "--json").refusal());
        assertEquals(refusal, CliRun.run("decode", header.toString(), "--type", "A", data.toString()).refusal());
    }

    @Test
    void aMisspeltNamespaceIsOneWarningLine() throws IOException {
        Path h = Files.writeString(dir.resolve("ns.h"), """
                #include <stdint.h>
                struct A {
                    uint8_t n;
                    [[structscop::size(n)]] uint32_t a;
                };
                """);
        CliRun r = CliRun.run("layout", h.toString(), "--json");
        assertEquals(0, r.status(), r.err.toString());
        assertEquals("structscope: warning: " + h + ":4:7: unknown attribute 'structscop::size' ignored (did you mean "
                + "'structscope::size'?)", r.err.toString().strip());
    }
}
