package dev.structscope.app.cli;

import dev.structscope.model.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code structscope} command line of {@code shared/spec/cli-contract.md}. Each subcommand is a
 * class of this package. Exit status: 0 success; 2 bad input or usage, with one line on stderr;
 * 1 an internal fault. Stack traces only with {@code STRUCTSCOPE_DEBUG=1}.
 */
// scope INHERIT: every subcommand gets its own -h/--help (and -V), which picocli answers before
// checking required parameters, so "layout -h" prints the layout usage.
@Command(name = "structscope", mixinStandardHelpOptions = true, version = "StructScope 0.1.0",
        scope = CommandLine.ScopeType.INHERIT,
        description = "Design C struct layouts and read bytes through them.",
        subcommands = {LayoutCommand.class, OpenCommand.class, DecodeCommand.class, StatsCommand.class,
                CompareCommand.class, ExportCommand.class, CaptureCommand.class, SendCommand.class,
                PatchCommand.class, ConvertCommand.class, SeriesCommand.class})
public final class StructScopeCli implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Runs the CLI and returns its exit status, printing errors as the contract says. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err);
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors straight through its exception handler: one line here instead
            // of a stack trace. The memory that failed is unreachable by now.
            err.println("structscope: out of memory: " + e.getMessage()
                    + " (raise the heap with JAVA_OPTS=-Xmx..., or lower --memory-cap/--max-elements)");
            err.flush();
            return 1;
        } catch (StackOverflowError e) {
            err.println("structscope: internal error: input nested too deeply for the stack");
            err.flush();
            return 1;
        }
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new StructScopeCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            err.println("structscope: " + ex.getMessage().replace('\n', ' '));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            Throwable t = ex;
            while (t instanceof CommandLine.ExecutionException && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof InputException ie) {
                err.println("structscope: " + ie.oneLine());
                err.flush();
                return 2;
            }
            if (t instanceof OutOfMemoryError) {
                err.println("structscope: out of memory: " + t.getMessage());
                err.flush();
                return 1;
            }
            err.println("structscope: internal error: " + t);
            if (System.getenv("STRUCTSCOPE_DEBUG") != null) {
                t.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return cl;
    }

    /** Whether {@code args} is a well-formed {@code open} command (otherwise the CLI reports it). */
    public static boolean isValidOpen(String[] args) {
        try {
            CommandLine cl = new CommandLine(new StructScopeCli());
            CommandLine.ParseResult pr = cl.parseArgs(args);
            // "open -h" prints the usage rather than starting the GUI.
            for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
                if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                    return false;
                }
            }
            return true;
        } catch (CommandLine.ParameterException e) {
            return false;
        }
    }
}
