package dev.structscope.app.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command answers {@code -h} and {@code --help} with its own usage, without its required parameters. */
class HelpOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"layout", "open", "decode", "stats", "export", "capture", "send"})
    void everyCommandPrintsItsOwnUsage(String command) {
        for (String flag : new String[] {"-h", "--help"}) {
            CliRun r = CliRun.run(command, flag);
            assertEquals(0, r.status(), command + " " + flag + ": " + r.err);
            assertTrue(r.out.toString().startsWith("Usage: structscope " + command), r.out.toString());
            assertFalse(r.err.toString().contains("Missing required"), r.err.toString());
        }
        org.junit.jupiter.api.Assertions.assertNull(StructScopeCli.openArgs(new String[] {"open", "-h"}),
                "open -h must not start the GUI");
    }

    @org.junit.jupiter.api.Test
    void withoutHelpARequiredParameterIsStillRequired() {
        CliRun r = CliRun.run("layout");
        assertEquals(2, r.status());
        assertTrue(r.err.toString().contains("Missing required parameter"), r.err.toString());
    }
}
