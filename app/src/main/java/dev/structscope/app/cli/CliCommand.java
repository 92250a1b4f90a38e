package dev.structscope.app.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/**
 * What every command that prints shares: picocli injects the command's spec, through which it
 * writes to the command line's out and err (stdout and stderr, or a test's writers), and calls
 * {@link #call}, which runs the command's {@link #run} with them and flushes both after it. Declares
 * no option, so no command's {@code --help} changes. One instance per run; the calling thread.
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

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

    /** The fields of a JSON object, written with Jackson's streaming generator. */
    interface JsonFields {
        void write(JsonGenerator g) throws IOException;
    }

    /** One JSON object on {@code out}, as one line: the {@code --json} output of the commands that write theirs field by field. */
    static void printJson(PrintWriter out, JsonFields fields) {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    /** A number field, or {@code null} where the value is not known (an offset or size the data decides). */
    static void numberOrNull(JsonGenerator g, String field, boolean known, long value) throws IOException {
        if (known) {
            g.writeNumberField(field, value);
        } else {
            g.writeNullField(field);
        }
    }

    /** A JSON figure (a number, or a string such as {@code "NaN"}) as the text tables print it; "-" for none. */
    static String plain(String json) {
        return json == null ? "-" : json.replace("\"", "");
    }
}
