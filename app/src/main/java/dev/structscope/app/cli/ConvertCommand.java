package dev.structscope.app.cli;

import dev.structscope.columnar.Converter;
import dev.structscope.io.columns.RecordScan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.RecordLayout;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * {@code structscope convert LAYOUT --type NAME DATA --to parquet|arrow|csv|jsonl -o OUT [--offset N]
 * [--abi ABI] [--byte-order little|big]}: every whole record of DATA as one row of a columnar or
 * text file (see {@link Converter}), with progress on stderr when a person is watching.
 */
public final class ConvertCommand extends CliCommand {
    final RecordFileArgs data = new RecordFileArgs();
    String to;
    Path output;

    public ConvertCommand() {
        super("Write every record of a data file as one row of a Parquet, Arrow IPC, CSV or JSON Lines file.");
    }

    @Override
    void declare(CliSpec s) {
        data.declare(s);
        s.required("--to", "FORMAT", String.class, v -> to = v, "parquet, arrow (Arrow IPC file), csv or jsonl.");
        s.required("-o, --output", "OUT", Path.class, v -> output = v,
                "The file to write (written beside it under a temporary name, then renamed).");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Converter.Format format = Converter.Format.of(to);
        if (output.toString().equals("-")) {
            // Many tools take "-" for stdout; a file named "-" would surprise more than a refusal.
            throw new InputException("-o -", "convert writes a file; for rows on stdout use decode --all --format "
                    + (format == Converter.Format.JSONL ? "jsonl" : "csv"));
        }
        RecordLayout resolved = data.record.resolve(err);
        RecordReader reader = data.record.reader(resolved);
        Converter.Result result;
        try (DataSource source = Sources.open(data.file)) {
            Progress progress = Progress.onTerminal(err, source.size());
            result = Converter.convert(source, reader, resolved, data.offset, format, output, progress);
            progress.finish();
        }
        for (String w : result.warnings()) {
            warn(err, data.file + ": " + w);
        }
        data.warnTrailing(err, result.trailingBytes(), "were not converted");
        return 0;
    }

    /**
     * Progress on stderr, redrawn in place at most twice a second, only when a terminal is
     * attached (never in pipes, logs or tests). Used on the converting thread.
     */
    private static final class Progress implements RecordScan.Progress {
        private final PrintWriter err;
        private final boolean show;
        private long lastNanos = System.nanoTime();
        private boolean drawn;

        private Progress(PrintWriter err, boolean show) {
            this.err = err;
            this.show = show;
        }

        static Progress onTerminal(PrintWriter err, long size) {
            java.io.Console console = System.console();
            return new Progress(err, console != null && console.isTerminal() && size > 0);
        }

        @Override
        public void update(long done, long total) {
            long now = System.nanoTime();
            if (!show || now - lastNanos < 500_000_000L || total <= 0) {
                return;
            }
            lastNanos = now;
            drawn = true;
            err.printf("\rconvert: %3d%% (%,d of %,d MiB)", done * 100 / total, done >> 20, total >> 20);
            err.flush();
        }

        void finish() {
            if (drawn) {
                err.print("\r\033[K");
                err.flush();
            }
        }
    }
}
