package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.FieldStats;
import dev.structscope.io.stats.RecordStats;

import java.io.PrintWriter;

/**
 * {@code structscope stats LAYOUT --type NAME DATA [--abi ABI] [--offset N] [--byte-order ORDER] [--json]}:
 * count/min/max/mean of every scalar leaf over every whole record, computed in parallel from the
 * mapped file (see {@link RecordStats}).
 */
public final class StatsCommand extends CliCommand {
    final RecordFileArgs data = new RecordFileArgs();
    boolean json;

    public StatsCommand() {
        super("Count, min, max and mean of every scalar member over every record of a data file.");
    }

    @Override
    void declare(CliSpec s) {
        data.declare(s);
        s.flag("--json", v -> json = v, "One JSON object on stdout.");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        var reader = data.record.reader(data.record.resolve(err));
        RecordStats.Result result;
        try (DataSource source = Sources.open(data.file)) {
            result = reader instanceof dev.structscope.io.decode.DynamicDecoder dynamic
                    ? dev.structscope.io.stats.DynamicStats.compute(source, dynamic, data.offset)
                    : RecordStats.compute(source, (DecoderPlan) reader, data.offset);
        }
        if (json) {
            out.println(result.toJson());
        } else {
            out.printf(reader.dynamic() ? "%d record%s of %s (each as long as its content, at least %d bytes)%n"
                    : "%d record%s of %s (%d bytes each)%n", result.records(), result.records() == 1 ? "" : "s",
                    data.record.type, reader.minSize());
            int w = Math.max(5, result.fields().stream().mapToInt(f -> f.path().length()).max().orElse(5));
            out.print(row(w, "field", "count", "min", "max", "mean"));
            for (FieldStats f : result.fields()) {
                out.print(row(w, f.path(), Long.toString(f.count()), plain(f.min()), plain(f.max()), plain(f.meanJson())));
            }
        }
        data.warnTrailing(err, result.trailingBytes(), "were not read");
        return 0;
    }

    /**
     * One line of the table: the path left-aligned in {@code w} columns, the figures right-aligned
     * in 12 and 24 (a {@code printf} would parse its format per line, a few milliseconds of a
     * short run in the interpreter).
     */
    private static String row(int w, String path, String count, String min, String max, String mean) {
        StringBuilder sb = new StringBuilder(w + 90).append(path).repeat(' ', Math.max(0, w - path.length()));
        String[] cells = {count, min, max, mean};
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').repeat(' ', Math.max(0, (i == 0 ? 12 : 24) - cells[i].length())).append(cells[i]);
        }
        return sb.append(System.lineSeparator()).toString();
    }
}
