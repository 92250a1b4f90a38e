package dev.structscope.app.cli;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.model.Limits;
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

    /**
     * The defaults the help states are the ones the options take: the model's {@link Limits#DEFAULT}
     * (the GUI's too) and the engine's {@link CaptureOptions#defaults()}, which the options start from.
     */
    @org.junit.jupiter.api.Test
    void theHelpStatesTheDefaultsOfTheModelAndTheEngine() {
        Limits limits = Limits.DEFAULT;
        CliRun.assertContainsAll(usage("layout"), "(default " + (limits.maxInputBytes() >> 20) + " MiB,",
                "default " + limits.maxDepth() + ",", "(default " + limits.maxMembers() + ")",
                "(default " + limits.maxElements() + ")");
        CaptureOptions net = CaptureOptions.defaults();
        CliRun.assertContainsAll(usage("capture"), "(default " + net.connectMillis() / 1000 + ");",
                "(default " + (net.maxFrameBytes() >> 20) + " MiB);", "(default " + (net.memoryCapBytes() >> 20) + " MiB)");
    }

    /** A command's {@code --help}, its lines' wrapping undone. */
    private static String usage(String command) {
        CliRun r = CliRun.run(command, "--help");
        assertEquals(0, r.status(), r.err::toString);
        return r.out.toString().replaceAll("\\s+", " ");
    }

    @org.junit.jupiter.api.Test
    void withoutHelpARequiredParameterIsStillRequired() {
        CliRun r = CliRun.run("layout");
        assertEquals(2, r.status());
        assertTrue(r.err.toString().contains("Missing required parameter"), r.err.toString());
    }
}
