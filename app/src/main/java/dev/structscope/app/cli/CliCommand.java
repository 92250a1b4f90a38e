package dev.structscope.app.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * What every command shares: its description and the declaration of what it accepts ({@link
 * #declare}, on picocli's programmatic model), and the run through the command line's out and err
 * (stdout and stderr, or a test's writers): {@link #call} runs the command's {@link #run} with them
 * and flushes both after it. One instance per run; the calling thread.
 */
abstract class CliCommand implements Callable<Integer> {
    private final String description;
    /** The model {@link #spec()} made, through which the command reaches its command line. */
    private CommandSpec spec;

    CliCommand(String description) {
        this.description = description;
    }

    /** Declares the command's options and positional parameters, bound to its fields. */
    abstract void declare(CliSpec s);

    /** The command's picocli model, bound to this instance (made once). */
    final CommandSpec spec() {
        if (spec == null) {
            CliSpec s = new CliSpec(this, description);
            declare(s);
            spec = s.spec();
        }
        return spec;
    }

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int status;
        try {
            status = run(out, err);
        } catch (IOException e) {
            throw failed(e);
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * The command's work: results to {@code out}, warnings and progress to {@code err}. Returns the
     * exit status; bad input is thrown as an {@link dev.structscope.model.InputException}.
     */
    abstract int run(PrintWriter out, PrintWriter err) throws IOException;

    /** An I/O failure that reached {@link #call}, as the exception the command line reports. */
    RuntimeException failed(IOException e) {
        return new UncheckedIOException(e);
    }

    /** Says a warning on stderr, in the command line's one form: {@code structscope: warning: TEXT}. */
    static void warn(PrintWriter err, String text) {
        err.println("structscope: warning: " + text);
    }

    /** A JSON figure (a number, or a string such as {@code "NaN"}) as the text tables print it; "-" for none. */
    static String plain(String json) {
        return json == null ? "-" : json.replace("\"", "");
    }
}
