package dev.structscope.io.decode;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The output formats of {@code structscope decode}: {@code json} (one array of records),
 * {@code jsonl} (one record per line), {@code csv} (a header of leaf paths such as
 * {@code inner.x} and {@code pts[0][1]}, then a row per record) and {@code text} (an indented
 * listing for people); and the flat {@code csv}/{@code jsonl} of {@code structscope convert}
 * ({@link #flat}). A writer streams: it holds one record at a time, whatever the count.
 * Used by one thread.
 */
public abstract sealed class RecordFormat permits RecordFormat.Json, RecordFormat.JsonLines, RecordFormat.Csv,
        RecordFormat.FlatJsonLines, RecordFormat.Text {

    protected final PrintWriter out;
    /** {@code --bytes hex}: byte arrays as one lower-case hex string. */
    protected boolean bytesHex;

    private RecordFormat(PrintWriter out) {
        this.out = out;
    }

    /** The writer for a format name ({@code json}, {@code jsonl}, {@code csv}, {@code text}). */
    public static RecordFormat of(String name, PrintWriter out) {
        return of(name, out, false);
    }

    /** As {@link #of(String, PrintWriter)}; {@code bytesHex} writes byte arrays as hex (one JSON string, CSV cell or text value). */
    public static RecordFormat of(String name, PrintWriter out, boolean bytesHex) {
        RecordFormat f = switch (name.toLowerCase(Locale.ROOT)) {
            case "json" -> new Json(out);
            case "jsonl" -> new JsonLines(out);
            case "csv" -> new Csv(out);
            case "text" -> new Text(out);
            default -> throw new dev.structscope.model.InputException("--format",
                    "unknown format '" + name + "'; known: json, jsonl, csv, text");
        };
        f.bytesHex = bytesHex;
        return f;
    }

    /**
     * The flat writer of {@code convert --to csv|jsonl}: every leaf its own column, named by its
     * dotted path ({@code inner.x}, {@code pts.0}, {@code grid.1.2}). {@code csv} as for decode
     * with those names; {@code jsonl} one JSON object per line keyed the same way, values as
     * {@code decode} prints them.
     */
    public static RecordFormat flat(String name, PrintWriter out) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "csv" -> new Csv(out, true);
            case "jsonl" -> new FlatJsonLines(out);
            default -> throw new dev.structscope.model.InputException("--to",
                    "unknown text format '" + name + "'; known: csv, jsonl");
        };
    }

    /**
     * CSV of records of different shapes (a dynamic layout's counts and alternatives), for
     * {@code convert --to csv} and {@code decode --format csv}: every leaf path any record has, in
     * an order that keeps each record's own (the elements a longer array has come after the
     * shorter one's and before what follows the array), collected in a first pass over the
     * records; then {@link #writer} writes each record under them, with empty cells for the
     * columns it lacks. Records of a shape already seen cost one lookup. At most
     * {@link #MAX_COLUMNS} columns. One thread.
     */
    public static final class CsvColumns {
        /** The most columns records of several shapes may make between them (a wider table wants jsonl or Parquet). */
        public static final int MAX_COLUMNS = 100_000;

        private final boolean dotted;
        private final boolean bytesHex;
        private List<String> order = new ArrayList<>();
        private final java.util.Set<String> known = new java.util.HashSet<>();
        private final java.util.Set<List<String>> shapes = new java.util.HashSet<>();
        private final List<String> names = new ArrayList<>();
        private final List<Value> values = new ArrayList<>();

        /** Columns as {@code convert --to csv} names them ({@code pts.0}). */
        public CsvColumns() {
            this(true, false);
        }

        /** Columns named as {@code dotted} says ({@code pts.0}, else decode's {@code pts[0]}), byte arrays one column when {@code bytesHex}. */
        public CsvColumns(boolean dotted, boolean bytesHex) {
            this.dotted = dotted;
            this.bytesHex = bytesHex;
        }

        /** The CSV writer of the records under the columns collected, named the same way. */
        public RecordFormat writer(PrintWriter out) {
            RecordFormat f = new Csv(out, dotted, List.copyOf(order));
            f.bytesHex = bytesHex;
            return f;
        }

        /** Adds the columns of record number {@code index} at byte {@code offset}. */
        public void add(long index, long offset, RecordValue r) {
            names.clear();
            values.clear();
            leaves("", r, dotted, bytesHex, names, values);
            if (shapes.contains(names)) {
                return;
            }
            if (shapes.size() < 100_000) {
                shapes.add(List.copyOf(names));
            }
            java.util.Set<String> mine = new java.util.HashSet<>(names);
            List<String> merged = new ArrayList<>(order.size() + names.size());
            int i = 0;
            int j = 0;
            while (i < order.size() || j < names.size()) {
                if (i < order.size() && j < names.size() && order.get(i).equals(names.get(j))) {
                    merged.add(order.get(i++));
                    j++;
                } else if (j < names.size() && !known.contains(names.get(j))) {
                    merged.add(names.get(j++)); // new: before the next column this record shares
                } else if (i < order.size() && (!mine.contains(order.get(i)) || j >= names.size())) {
                    merged.add(order.get(i++));
                } else {
                    j++; // known, placed by an earlier record's order
                }
            }
            known.addAll(names);
            order = merged;
            if (order.size() > MAX_COLUMNS) {
                throw new dev.structscope.model.InputException("byte offset " + offset, "record " + index
                        + " makes more than " + MAX_COLUMNS + " distinct CSV columns (counts and alternatives "
                        + "differ from record to record); use jsonl, or convert to parquet or arrow");
            }
        }

    }

    /**
     * The leaves of {@code v} in order, with their paths: records by member name, array elements
     * by {@code [i]}, or by {@code .i} when {@code dotted}; {@code char} arrays and enums are leaves.
     */
    static void leaves(String path, Value v, boolean dotted, List<String> names, List<Value> values) {
        leaves(path, v, dotted, false, names, values);
    }

    /** As above; with {@code bytesHex} an array of unsigned bytes is one leaf (written as hex). */
    static void leaves(String path, Value v, boolean dotted, boolean bytesHex, List<String> names, List<Value> values) {
        switch (v) {
            case ArrayValue a when bytesHex && a.isUnsignedBytes() -> {
                names.add(path);
                values.add(a);
            }
            case RecordValue r -> {
                for (int i = 0; i < r.memberCount(); i++) {
                    leaves(path.isEmpty() ? r.memberName(i) : path + "." + r.memberName(i), r.get(i), dotted, bytesHex,
                            names, values);
                }
            }
            case ArrayValue a -> {
                for (long i = 0; i < a.length(); i++) {
                    leaves(dotted ? path + "." + i : path + "[" + i + "]", a.get(i), dotted, bytesHex, names, values);
                }
            }
            default -> {
                names.add(path);
                values.add(v);
            }
        }
    }

    public void begin() {
    }

    /** Writes record number {@code index} (from 0), which starts at byte {@code offset} of the data. */
    public abstract void record(long index, long offset, RecordValue r);

    /**
     * Called before {@link #end} when no record was written, with the reader the records would
     * have come from: CSV writes the header every record of a fixed layout has, so that a table
     * of no rows still names its columns (pandas and DuckDB refuse a CSV file with no header);
     * the other formats need nothing. Records of a dynamic layout have no columns until one is read.
     */
    public void noRecords(RecordReader reader) {
    }

    public void end() {
        out.flush();
    }

    static final class Json extends RecordFormat {
        private final StringBuilder sb = new StringBuilder();
        private boolean first = true;

        Json(PrintWriter out) {
            super(out);
        }

        @Override
        public void begin() {
            out.print('[');
        }

        @Override
        public void record(long index, long offset, RecordValue r) {
            sb.setLength(0);
            sb.append(first ? "" : ",\n ");
            first = false;
            JsonText.append(sb, r, bytesHex);
            out.append(sb);
        }

        @Override
        public void end() {
            out.println(']');
            super.end();
        }
    }

    static final class JsonLines extends RecordFormat {
        private final StringBuilder sb = new StringBuilder();

        JsonLines(PrintWriter out) {
            super(out);
        }

        @Override
        public void record(long index, long offset, RecordValue r) {
            sb.setLength(0);
            JsonText.append(sb, r, bytesHex);
            sb.append('\n');
            out.append(sb);
        }
    }

    static final class Csv extends RecordFormat {
        /** The largest record whose header {@link #noRecords} writes: a zeroed copy is made to name its leaves. */
        private static final long BLANK_RECORD_BYTES = 16L << 20;
        private boolean headerDone;
        private List<String> header;
        /** Array elements named {@code pts.0} (convert) rather than {@code pts[0]} (decode). */
        private final boolean dotted;
        /** Every record's columns, decided beforehand ({@link CsvColumns}), or null: the first record's. */
        private final java.util.Map<String, Integer> fixed;

        Csv(PrintWriter out) {
            this(out, false);
        }

        Csv(PrintWriter out, boolean dotted) {
            super(out);
            this.dotted = dotted;
            this.fixed = null;
        }

        Csv(PrintWriter out, boolean dotted, List<String> columns) {
            super(out);
            this.dotted = dotted;
            this.fixed = new java.util.HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                fixed.put(columns.get(i), i);
            }
            this.header = columns;
        }

        @Override
        public void record(long index, long offset, RecordValue r) {
            List<String> names = new ArrayList<>();
            List<Value> values = new ArrayList<>();
            leaves("", r, dotted, bytesHex, names, values);
            List<String> cells = new ArrayList<>(values.size());
            for (Value v : values) {
                cells.add(switch (v) {
                    case ArrayValue a -> {
                        StringBuilder hex = new StringBuilder();
                        a.appendHex(hex);
                        yield hex.toString();
                    }
                    case Value.Str s -> s.value();
                    case Value.Enum e when e.name() != null -> e.name();
                    default -> JsonText.scalar(v).replace("\"", "");
                });
            }
            if (fixed != null) {
                if (!headerDone) {
                    out.println(String.join(",", header.stream().map(Csv::cell).toList()));
                    headerDone = true;
                }
                String[] row = new String[header.size()];
                java.util.Arrays.fill(row, "");
                for (int i = 0; i < names.size(); i++) {
                    Integer at = fixed.get(names.get(i));
                    if (at == null) {
                        throw new dev.structscope.model.InputException("byte offset " + offset, "record " + index
                                + " has a column the first pass did not see (" + names.get(i) + "): the data changed while it was read");
                    }
                    row[at] = cell(cells.get(i));
                }
                out.println(String.join(",", row));
                return;
            }
            if (!headerDone) {
                out.println(String.join(",", names.stream().map(Csv::cell).toList()));
                headerDone = true;
                header = names;
            } else if (!names.equals(header)) {
                // Records of a dynamic layout differ in shape (counts, alternatives): a row must not
                // put one record's values under another's column names.
                out.flush();
                throw new dev.structscope.model.InputException("byte offset " + offset, "record " + index
                        + " has other columns than the first (" + names.size() + " against " + header.size()
                        + ": its counts or alternatives differ); CSV needs records of one shape, use --format json or jsonl");
            }
            out.println(String.join(",", cells.stream().map(Csv::cell).toList()));
        }

        @Override
        public void noRecords(RecordReader reader) {
            if (headerDone || fixed != null || reader.dynamic() || reader.minSize() > BLANK_RECORD_BYTES) {
                return;
            }
            // The names of a record's leaves depend on the layout alone: read them from a zeroed
            // record on the heap (no data is read, and no arena is made: each has its named owner).
            int size = (int) Math.max(1, reader.minSize());
            RecordValue blank = reader.read(java.lang.foreign.MemorySegment.ofArray(new byte[size]), 0, size).value();
            List<String> names = new ArrayList<>();
            leaves("", blank, dotted, bytesHex, names, new ArrayList<>());
            out.println(String.join(",", names.stream().map(Csv::cell).toList()));
            headerDone = true;
        }

        /** RFC 4180: quote a cell holding a comma, quote, or line break. */
        private static String cell(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                return s;
            }
            return '"' + s.replace("\"", "\"\"") + '"';
        }
    }

    /** {@code convert --to jsonl}: one flat JSON object per record, keyed by dotted leaf paths. */
    static final class FlatJsonLines extends RecordFormat {
        private final StringBuilder sb = new StringBuilder();
        private final List<String> names = new ArrayList<>();
        private final List<Value> values = new ArrayList<>();

        FlatJsonLines(PrintWriter out) {
            super(out);
        }

        @Override
        public void record(long index, long offset, RecordValue r) {
            names.clear();
            values.clear();
            leaves("", r, true, names, values);
            sb.setLength(0);
            sb.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                JsonText.string(sb, names.get(i));
                sb.append(": ");
                JsonText.append(sb, values.get(i));
            }
            sb.append("}\n");
            out.append(sb);
        }
    }

    static final class Text extends RecordFormat {
        Text(PrintWriter out) {
            super(out);
        }

        @Override
        public void record(long index, long offset, RecordValue r) {
            out.println("record " + index + " @ " + offset + " (" + r.node().typeName() + ")");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < r.memberCount(); i++) {
                text(sb, "  ", r.memberName(i), r.get(i));
            }
            out.print(sb);
        }

        private void text(StringBuilder sb, String indent, String name, Value v) {
            switch (v) {
                case ArrayValue a when bytesHex && a.isUnsignedBytes() -> {
                    sb.append(indent).append(name).append(" = ");
                    a.appendHex(sb);
                    sb.append('\n');
                }
                case RecordValue r -> {
                    sb.append(indent).append(name).append(" {\n");
                    for (int i = 0; i < r.memberCount(); i++) {
                        text(sb, indent + "  ", r.memberName(i), r.get(i));
                    }
                    sb.append(indent).append("}\n");
                }
                case ArrayValue a when a.node().element() instanceof ScalarNode -> {
                    sb.append(indent).append(name).append(" = [");
                    for (long i = 0; i < a.length(); i++) {
                        sb.append(i > 0 ? ", " : "").append(JsonText.scalar(a.get(i)));
                    }
                    sb.append("]\n");
                }
                case ArrayValue a -> {
                    for (long i = 0; i < a.length(); i++) {
                        text(sb, indent, name + "[" + i + "]", a.get(i));
                    }
                }
                case Value.Enum e when e.name() != null ->
                        sb.append(indent).append(name).append(" = ").append(e.name()).append(" (")
                                .append(e.unsigned() ? Long.toUnsignedString(e.value()) : e.value()).append(")\n");
                default -> sb.append(indent).append(name).append(" = ").append(JsonText.scalar(v)).append('\n');
            }
        }
    }
}
