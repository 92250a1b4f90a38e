package dev.structscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.compare.LayoutComparison;
import dev.structscope.model.compare.MemberChange;
import dev.structscope.model.compare.MemberView;
import dev.structscope.model.compare.RecordComparison;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code structscope compare OLD NEW [--type NAME] [--abi ABI|all] [--new-abi ABI] [--json]}: the
 * layouts of the records two LAYOUTs define, compared (see the model's {@link LayoutComparison}).
 * Exit 0 when every record is the same, 3 when any differs, 2 on bad input.
 *
 * <p>A header is read once per ABI it is compared on, since its {@code sizeof} expressions and
 * predefined macros follow the ABI. With {@code --abi all} the text report's last line counts
 * record entries (one per record per ABI).
 */
public final class CompareCommand extends CliCommand {
    /** The exit status when a record differs: a difference is an answer, not an error. */
    static final int DIFFER = 3;

    /** OLD (index 0), {@code --abi} (OLD's ABI, or {@code all}) and the reading options. */
    final LayoutArgs layout = new LayoutArgs();
    Path newPath;
    String newAbiName;
    String type;
    boolean json;

    public CompareCommand() {
        super("Compare the struct and union layouts of two headers or documents "
                + "(or of one on two ABIs: --new-abi; or on each of the five: --abi all). Exit 0 same, 3 different, 2 bad input.");
    }

    /**
     * OLD and NEW, as the contract writes them, and {@code --abi}, which takes {@code all} here;
     * the shared {@link LayoutArgs} names them LAYOUT and ABI for every other command.
     */
    @Override
    void declare(CliSpec s) {
        layout.declare(s, "OLD", "The old layout: " + LayoutArgs.LAYOUT_FILES.substring(0, 1).toLowerCase(Locale.ROOT)
                        + LayoutArgs.LAYOUT_FILES.substring(1), "ABI|all",
                "OLD's ABI: " + LayoutArgs.ABIS + " Or all: compare OLD and NEW on each of the five.");
        s.positional(1, "NEW", Path.class, v -> newPath = v, "The new layout document (.json) or C header (.h).");
        s.option("--new-abi", "ABI", String.class, v -> newAbiName = v, "Lay NEW out for this ABI (default: OLD's).");
        s.option("--type", "NAME", String.class, v -> type = v, "Only this struct or union.");
        s.flag("--json", v -> json = v, "One JSON object on stdout.");
    }


    @Override
    int run(PrintWriter out, PrintWriter err) {
        List<Abi[]> pairs = abiPairs();
        List<RecordComparison> results = new ArrayList<>();
        for (Abi[] pair : pairs) {
            Side old = side(layout.path, pair[0], err);
            Side now = side(newPath, pair[1], err);
            if (type == null) {
                results.addAll(LayoutComparison.compare(old.layouts(), pair[0], now.layouts(), pair[1]));
            } else {
                String name = recordName(old, now);
                results.addAll(LayoutComparison.compare(old.only(name), pair[0], now.only(name), pair[1]));
            }
        }
        if (json) {
            writeJson(out, pairs, results);
        } else {
            writeText(out, pairs, results);
        }
        return LayoutComparison.anyDiffers(results) ? DIFFER : 0;
    }

    private List<Abi[]> abiPairs() {
        List<Abi[]> pairs = new ArrayList<>();
        if ("all".equals(layout.abiName)) {
            if (newAbiName != null) {
                throw new InputException("--new-abi", "cannot be combined with --abi all (which compares on each ABI)");
            }
            for (Abi a : Abis.ALL) {
                pairs.add(new Abi[] {a, a});
            }
        } else {
            Abi old = layout.abi();
            pairs.add(new Abi[] {old, newAbiName == null ? old : newAbi()});
        }
        return pairs;
    }

    /** {@code --new-abi}'s ABI; an unknown name is reported as that option's (the lookup names {@code --abi}). */
    private Abi newAbi() {
        try {
            return Abi.byName(newAbiName);
        } catch (InputException e) {
            throw new InputException("--new-abi", e.getMessage(), e);
        }
    }

    private Side side(Path path, Abi abi, PrintWriter err) {
        layout.flushWarnings(err);
        TypeLibrary library = LayoutInput.load(path, layout.cpp, err, abi, layout.limits());
        List<RecordLayout> all = LayoutEngine.layoutAll(library, abi, layout.limits());
        if (all.isEmpty()) {
            throw new InputException(path.toString(), "defines no struct or union: nothing to compare");
        }
        return new Side(library, all);
    }

    /** {@code --type}'s record name on either side (a typedef name or {@code struct X} finds the tag). */
    private String recordName(Side old, Side now) {
        for (Side side : List.of(old, now)) {
            var found = side.library().findRecord(type);
            if (found.isPresent()) {
                return found.get().name();
            }
        }
        throw new InputException("--type", "no struct or union named '" + type + "' in " + layout.path + " or " + newPath);
    }

    /** One LAYOUT read and laid out for one ABI. */
    private record Side(TypeLibrary library, List<RecordLayout> layouts) {
        List<RecordLayout> only(String name) {
            return layouts.stream().filter(r -> name.equals(r.name())).toList();
        }
    }

    private static void writeText(PrintWriter out, List<Abi[]> pairs, List<RecordComparison> results) {
        boolean showAbi = pairs.size() > 1 || pairs.get(0)[0] != pairs.get(0)[1];
        int differ = 0;
        for (RecordComparison r : results) {
            if (!r.differs()) {
                continue;
            }
            differ++;
            String abi = !showAbi ? "" : r.oldAbi().equals(r.newAbi()) ? " [" + r.oldAbi() + "]"
                    : " [" + r.oldAbi() + " -> " + r.newAbi() + "]";
            switch (r.status()) {
                case ADDED -> out.println(r.name() + abi + ": added (size " + r.now().size() + ", align " + r.now().align() + ")");
                case REMOVED -> out.println(r.name() + abi + ": removed (size " + r.old().size() + ", align " + r.old().align() + ")");
                default -> {
                    String kind = r.old().kind().equals(r.now().kind()) ? "" : r.old().kind() + " -> " + r.now().kind() + ", ";
                    out.println(r.name() + abi + ": changed, " + kind + "size " + arrow(r.old().size(), r.now().size())
                            + ", align " + arrow(r.old().align(), r.now().align()));
                    for (MemberChange c : r.changes()) {
                        out.println("  " + c.member() + ": " + describe(c));
                    }
                    for (LayoutComparison.Rename rn : LayoutComparison.likelyRenames(r)) {
                        out.println("  (" + rn.from() + " -> " + rn.to() + " may be a rename: same offset, size and type)");
                    }
                }
            }
        }
        out.println(differ + " of " + results.size() + " records differ");
    }

    private static String describe(MemberChange c) {
        MemberView o = c.old();
        MemberView n = c.now();
        return switch (c.kind()) {
            case ADDED -> "added at " + where(n) + ", size " + size(n.size()) + " (" + n.type() + ")";
            case REMOVED -> "removed from " + where(o) + ", size " + size(o.size()) + " (" + o.type() + ")";
            case MOVED -> "moved, offset " + o.offset() + " -> " + n.offset() + " (" + n.type() + ")";
            case RESIZED -> "resized, size " + o.size() + " -> " + n.size() + " (" + o.type()
                    + (o.type().equals(n.type()) ? "" : " -> " + n.type()) + ")";
            case RETYPED -> "retyped, " + o.type() + " -> " + n.type();
            case BITS -> "bits, " + bits(o) + " -> " + bits(n);
        };
    }

    private static String where(MemberView m) {
        return m.offsetKnown() ? "offset " + m.offset() : "an offset data decides";
    }

    private static String size(long size) {
        return size >= 0 ? Long.toString(size) : "from data";
    }

    private static String bits(MemberView m) {
        if (!m.isBitField()) {
            return "not a bit-field";
        }
        return (m.bitOffset() >= 0 ? "bit " + m.bitOffset() : "bit from data") + " width " + m.bitWidth();
    }

    private static String arrow(long a, long b) {
        return a == b ? Long.toString(a) : a + " -> " + b;
    }

    private static void writeJson(PrintWriter out, List<Abi[]> pairs, List<RecordComparison> results) {
        CliJson.print(out, g -> {
            CliJson.objects(g, "comparisons", pairs, p -> {
                g.writeStringField("oldAbi", p[0].name());
                g.writeStringField("newAbi", p[1].name());
            });
            CliJson.objects(g, "types", results, r -> {
                g.writeStringField("name", r.name());
                g.writeStringField("status", r.status().contractName());
                g.writeStringField("oldAbi", r.oldAbi());
                g.writeStringField("newAbi", r.newAbi());
                writeShape(g, "old", r.old());
                writeShape(g, "new", r.now());
                CliJson.objects(g, "changes", r.changes(), c -> {
                    g.writeStringField("member", c.member());
                    g.writeStringField("change", c.kind().contractName());
                    writeMember(g, "old", c.old());
                    writeMember(g, "new", c.now());
                });
            });
        });
    }

    private static void writeShape(JsonGenerator g, String key, RecordComparison.Shape s) throws IOException {
        if (s == null) {
            return;
        }
        g.writeObjectFieldStart(key);
        g.writeStringField("kind", s.kind());
        g.writeNumberField("size", s.size());
        g.writeNumberField("align", s.align());
        if (s.dynamic()) {
            g.writeBooleanField("dynamic", true);
        }
        g.writeEndObject();
    }

    /** A member side: offset and size are null where data decides them, as in {@code layout --json}. */
    private static void writeMember(JsonGenerator g, String key, MemberView m) throws IOException {
        if (m == null) {
            return;
        }
        g.writeObjectFieldStart(key);
        CliJson.numberOrNull(g, "offset", m.offsetKnown(), m.offset());
        CliJson.numberOrNull(g, "size", m.sizeKnown(), m.size());
        g.writeStringField("type", m.type());
        if (m.isBitField()) {
            CliJson.numberOrNull(g, "bitOffset", m.bitOffset() >= 0, m.bitOffset());
            g.writeNumberField("bitWidth", m.bitWidth());
        }
        g.writeEndObject();
    }
}
