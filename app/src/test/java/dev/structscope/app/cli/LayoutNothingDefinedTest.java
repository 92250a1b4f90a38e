package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A header that yields no struct or union is not an empty success: {@code layout} says why and
 * exits 2. The real case: {@code /usr/include/netinet/tcp.h} without {@code --cpp}, whose
 * declarations sit under {@code __USE_MISC}, which the skipped {@code <features.h>} defines; with
 * {@code --cpp} the same header lays out.
 */
class LayoutNothingDefinedTest {
    @TempDir
    Path dir;

    @Test
    void tcpHeaderWithoutCppSaysWhyAndFails() {
        Path tcp = Path.of("/usr/include/netinet/tcp.h");
        assumeTrue(Files.isRegularFile(tcp), "no glibc headers here");
        CliRun run = CliRun.run("layout", tcp.toString());
        assertEquals(2, run.status(), run.out.toString());
        assertEquals("", run.out.toString());
        String last = run.err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.contains(tcp + ": defines no struct or union") && last.contains("<features.h>")
                && last.contains("__USE_MISC") && last.endsWith("try --cpp)"), run.err.toString());

        CliRun cpp = CliRun.run("layout", tcp.toString(), "--cpp", "--type", "tcphdr");
        assertEquals(0, cpp.status(), cpp.err.toString());
        assertTrue(cpp.out.toString().contains("struct tcphdr"), cpp.out.toString());
    }

    /** A header whose includes were skipped and that defines nothing names them, for every command. */
    @Test
    void skippedIncludesAreNamedWhenNothingIsDefined() throws Exception {
        Path h = dir.resolve("s.h");
        Files.writeString(h, "#include <sys/socket.h>\n#include <netinet/in.h>\n#define PORT 80\n");
        for (String cmd : new String[] {"layout", "export"}) {
            CliRun run = cmd.equals("layout") ? CliRun.run("layout", h.toString())
                    : CliRun.run("export", h.toString(), "--to", "c");
            assertEquals(2, run.status(), cmd + ": " + run.out);
            String last = run.err.toString().strip().lines().reduce((a, b) -> b).orElse("");
            assertEquals("structscope: " + h + ": no struct or union defined: 2 system headers were skipped"
                    + " (<sys/socket.h>, <netinet/in.h>), and what they define is missing; use --cpp", last, cmd);
        }
    }

    @Test
    void headerWithOnlyEnumsSaysThereIsNothingToLayOut() throws Exception {
        Path h = dir.resolve("e.h");
        Files.writeString(h, "enum e { A, B };\ntypedef int t;\n");
        CliRun run = CliRun.run("layout", h.toString());
        assertEquals(2, run.status());
        assertTrue(run.err.toString().strip().startsWith("structscope: " + h + ": defines no struct or union: nothing to lay out"),
                run.err.toString());
        assertEquals("structscope: " + h + ": defines no struct or union: nothing to lay out",
                CliRun.run("layout", h.toString(), "--cpp").refusal());
    }
}
