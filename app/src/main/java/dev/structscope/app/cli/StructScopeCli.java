package dev.structscope.app.cli;

import dev.structscope.app.shell.DocumentIo;
import dev.structscope.app.shell.OpenArgs;
import dev.structscope.app.shell.ShellViewModel;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.InputException;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The {@code structscope} command line of {@code shared/spec/cli-contract.md}. Each subcommand is a
 * class of this package. Exit status: 0 success; 2 bad input or usage, with one line on stderr;
 * 1 an internal fault. Stack traces only with {@code STRUCTSCOPE_DEBUG=1}.
 */
public final class StructScopeCli implements Runnable {

    /**
     * The subcommands by name, in the order the usage lists them. Only the one a run names is made
     * and declared ({@link #commandLine}).
     */
    private static final Map<String, Supplier<CliCommand>> SUBCOMMANDS = subcommands();

    static {
        // picocli's factory looks for Groovy's Closure class when it is first used unless told not
        // to; a class that is not there is looked for in every jar of the class path (opening
        // each), the largest single cost of a short command's start (docs/user/install.md).
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    private static Map<String, Supplier<CliCommand>> subcommands() {
        Map<String, Supplier<CliCommand>> m = new LinkedHashMap<>();
        m.put("layout", LayoutCommand::new);
        m.put("open", OpenCommand::new);
        m.put("decode", DecodeCommand::new);
        m.put("stats", StatsCommand::new);
        m.put("compare", CompareCommand::new);
        m.put("export", ExportCommand::new);
        m.put("capture", CaptureCommand::new);
        m.put("send", SendCommand::new);
        m.put("patch", PatchCommand::new);
        m.put("convert", ConvertCommand::new);
        m.put("series", SeriesCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** The top-level command line, set when the command line is made: {@code structscope} alone prints its usage. */
    private CommandLine self;

    @Override
    public void run() {
        self.usage(self.getOut());
    }

    /** Runs the CLI and returns its exit status, printing errors as the contract says. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(out, err, args);
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

    /**
     * The command line for {@code args}: when the first argument names a subcommand, only that
     * subcommand is added (what it parses, prints and reports is the same: a subcommand's usage
     * and errors never name its siblings); otherwise (no command, a top-level option, a
     * misspelt command) all of them, so that the usage lists them and picocli can suggest one.
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
        StructScopeCli top = new StructScopeCli();
        CommandLine cl = new CommandLine(new CliSpec(top, "Design C struct layouts and read bytes through them.").spec()
                .name("structscope"));
        top.self = cl;
        Supplier<CliCommand> only = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        if (only != null) {
            cl.addSubcommand(args[0], only.get().spec());
        } else {
            SUBCOMMANDS.forEach((name, command) -> cl.addSubcommand(name, command.get().spec()));
        }
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, badArgs) -> {
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

    /**
     * Checks what the GUI is asked to open before its window starts, as every command checks its
     * input: the data file, the layout (read by the reader the window uses) and {@code --type} in
     * it, and that there is a display to show the window on (on Linux, X11's or Wayland's; not
     * asked when a JavaFX platform is chosen by {@code glassPlatform}, such as the headless one of
     * the tests). Returns 0, or 2 after one line on {@code err}.
     */
    public static int checkOpen(OpenArgs open, PrintWriter err, Map<String, String> env, String glassPlatform) {
        try {
            Path file = open.file();
            Path layout = open.layout() != null ? open.layout()
                    : file != null && ShellViewModel.isLayout(file) ? file : null;
            if (file != null && !file.equals(layout) && !Files.isRegularFile(file)) {
                throw new InputException(file.toString(), Files.exists(file) ? "is not a regular file" : "no such file");
            }
            if (layout != null) {
                LayoutDocument read = DocumentIo.STANDARD.read(layout);
                if (open.type() != null && read.library().findRecord(open.type()).isEmpty()) {
                    throw new InputException("--type", "no struct or union named '" + open.type() + "' in " + layout);
                }
            } else if (open.type() != null) {
                throw new InputException("--type", "names a struct or union of a layout: give the layout with --layout");
            }
        } catch (InputException e) {
            err.println("structscope: " + e.oneLine());
            return 2;
        }
        boolean linux = System.getProperty("os.name", "").startsWith("Linux");
        if (linux && glassPlatform == null && isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"))) {
            err.println("structscope: the window needs a display, and neither DISPLAY nor WAYLAND_DISPLAY is set"
                    + " (every other command runs without one)");
            return 2;
        }
        return 0;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * What a well-formed {@code open} command asks the GUI for, as picocli parsed it (the one parse
     * of these arguments); null when {@code args} is not one (the CLI then reports it) or asks for help.
     */
    public static OpenArgs openArgs(String[] args) {
        try {
            CommandLine cl = commandLine(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()), args);
            CommandLine.ParseResult pr = cl.parseArgs(args);
            // "open -h" prints the usage rather than starting the GUI.
            for (CommandLine.ParseResult r = pr; r != null; r = r.subcommand()) {
                if (r.isUsageHelpRequested() || r.isVersionHelpRequested()) {
                    return null;
                }
            }
            return pr.subcommand() != null && pr.subcommand().commandSpec().userObject() instanceof OpenCommand o
                    ? o.request() : null;
        } catch (CommandLine.ParameterException e) {
            return null;
        }
    }
}
