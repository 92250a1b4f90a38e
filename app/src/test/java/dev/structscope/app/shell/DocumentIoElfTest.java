package dev.structscope.app.shell;

import dev.structscope.model.InputException;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.layout.oracle.Compilers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window opens a compiled binary as a layout ({@code structscope open DATA --layout prog.o})
 * with the ABI of its machine, and never writes a layout over it.
 */
class DocumentIoElfTest {
    @TempDir
    Path dir;

    @Test
    void readsABinaryAndRefusesToWriteOverIt() throws Exception {
        assumeTrue(Compilers.gccCompiles(true), "gcc -m32 is not installed");
        Path c = dir.resolve("p.c");
        Files.writeString(c, "struct Rec { char c; double d; }; struct Rec r;\n");
        Path o = dir.resolve("p.o");
        assertEquals(0, Compilers.run(List.of(Compilers.GCC, "-m32", "-g", "-c", "-o", o.toString(), c.toString()), dir)
                .exit());
        LayoutDocument doc = DocumentIo.STANDARD.read(o);
        assertEquals("i386-linux", doc.abi());
        assertTrue(doc.library().findRecord("Rec").isPresent());
        byte[] before = Files.readAllBytes(o);
        InputException e = assertThrows(InputException.class, () -> DocumentIo.STANDARD.write(doc, o));
        assertTrue(e.getMessage().contains("compiled binary"), e.getMessage());
        assertTrue(Arrays.equals(before, Files.readAllBytes(o)), "the binary is untouched");
    }
}
