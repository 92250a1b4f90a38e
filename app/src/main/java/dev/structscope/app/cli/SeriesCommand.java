package dev.structscope.app.cli;

import dev.structscope.app.plot.AwtPlotPainter;
import dev.structscope.app.plot.PlotRenderer;
import dev.structscope.app.plot.TimeAxis;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.series.Bucket;
import dev.structscope.io.series.MemberPath;
import dev.structscope.io.series.Series;
import dev.structscope.io.series.SeriesResult;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.stats.StatsProgress;
import dev.structscope.io.file.AtomicFile;
import dev.structscope.model.InputException;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code structscope series LAYOUT --type NAME DATA --member PATH [--buckets N] [--offset N] [--abi ABI]
 * [--byte-order little|big] [--json | --png FILE [--width W --height H]]}: one scalar member over
 * every record, in buckets of consecutive records with their min/max/mean ({@link Series}); as
 * text, JSON, or the GUI's plot drawn headless into a PNG ({@link PlotRenderer}).
 * {@code --from}/{@code --to} (records) pick a range, as the GUI's zoom does; {@code --time PATH} labels
 * the PNG's x axis by a Unix time member.
 */
public final class SeriesCommand extends CliCommand {
    final RecordFileArgs data = new RecordFileArgs();
    String member;
    int buckets = 1000;
    long from;
    Long to;
    boolean json;
    Path png;
    int width = 1200;
    int height = 500;
    String timeMember;
    String timeUnit;

    public SeriesCommand() {
        super("One scalar member over all records, in buckets of consecutive records with min, max and mean: text, JSON or a PNG plot.");
    }

    @Override
    void declare(CliSpec s) {
        data.declare(s);
        s.required("--member", "PATH", String.class, v -> member = v,
                "The scalar member: a name, a dotted path (inner.x) or an array element (pts[2].x).");
        s.option("--buckets", "N", int.class, v -> buckets = v,
                "Buckets of consecutive records (default 1000; fewer when there are fewer records).");
        s.option("--from", "N", long.class, v -> from = v, "The first record of the range (default 0).");
        s.option("--to", "N", Long.class, v -> to = v, "One past the last record of the range (default: all records).");
        s.flag("--json", v -> json = v, "One JSON object on stdout.");
        s.option("--png", "FILE", Path.class, v -> png = v, "Draw the plot into a PNG file (no display needed).");
        s.option("--width", "W", int.class, v -> width = v, "PNG width in pixels (default 1200).");
        s.option("--height", "H", int.class, v -> height = v, "PNG height in pixels (default 500).");
        s.option("--time", "PATH", String.class, v -> timeMember = v,
                "With --png: label the x axis by the Unix time this member holds (UTC) instead of record index.");
        s.option("--time-unit", "UNIT", String.class, v -> timeUnit = v,
                "What --time counts since 1970: s, ms, us or ns (default: guessed from its size).");
    }

    /** Large enough for any screen, small enough that the image (4 bytes a pixel) stays bounded. */
    static final int MAX_SIDE = 16384;

    @Override
    int run(PrintWriter out, PrintWriter err) {
        if (png != null && (width < 64 || height < 64 || width > MAX_SIDE || height > MAX_SIDE)) {
            throw new InputException("--width/--height", width + "×" + height + ": give 64 to " + MAX_SIDE + " pixels each");
        }
        if (json && png != null) {
            throw new InputException("--json/--png", "choose one: JSON on stdout or a PNG file");
        }
        if (png != null) {
            AtomicFile.checkTarget(png, "--png " + png);
        }
        MemberPath path = MemberPath.parse(member);
        if (timeMember != null && png == null) {
            throw new InputException("--time", "labels the PNG's x axis: give --png FILE too");
        }
        TimeAxis.Unit unit = null;
        if (timeUnit != null) {
            try {
                unit = TimeAxis.Unit.of(timeUnit);
            } catch (IllegalArgumentException e) {
                throw new InputException("--time-unit", "'" + timeUnit + "': give s, ms, us or ns");
            }
        }
        MemberPath timePath = timeMember == null ? null : MemberPath.parse(timeMember);
        RecordReader reader = data.record.reader(data.record.resolve(err));
        SeriesResult result;
        TimeAxis time = null;
        try (DataSource source = Sources.open(data.file)) {
            result = Series.decimate(source, reader, data.offset, path, from, to == null ? Series.TO_END : to, buckets,
                    StatsProgress.NONE);
            if (timePath != null) {
                // The same records into the same buckets: each bucket's earliest time labels it.
                time = TimeAxis.of(Series.decimate(source, reader, data.offset, timePath, result.from(), result.to(), buckets,
                        StatsProgress.NONE), unit);
            }
        }
        if (json) {
            out.println(result.toJson());
        } else if (png != null) {
            if (System.getProperty("java.awt.headless") == null) {
                System.setProperty("java.awt.headless", "true");
            }
            try {
                AwtPlotPainter.writePng(PlotRenderer.render(List.of(result), time, width, height,
                        PlotRenderer.Style.LIGHT, -1), png);
            } catch (java.io.UncheckedIOException e) {
                throw new InputException(png.toString(), "cannot write the PNG: " + e.getCause().getMessage());
            }
        } else {
            text(out, result);
        }
        return 0;
    }

    private void text(PrintWriter out, SeriesResult r) {
        out.printf(Locale.ROOT, "%s (%s) over records %d–%d of %s: %d records in %d buckets%n", r.member(), r.typeName(),
                r.from(), Math.max(r.from(), r.to() - 1), data.record.type, r.records(), r.buckets().size());
        out.printf(Locale.ROOT, "%12s %10s %24s %24s %24s %8s%n", "first", "count", "min", "max", "mean", "nan");
        for (Bucket b : r.buckets()) {
            out.printf(Locale.ROOT, "%12d %10d %24s %24s %24s %8s%n", b.first(), b.count(), plain(b.min()), plain(b.max()),
                    plain(b.hasValues() ? dev.structscope.io.decode.JsonText.number(b.mean(), false) : null),
                    b.nan() > 0 ? Long.toString(b.nan()) : "");
        }
    }
}
