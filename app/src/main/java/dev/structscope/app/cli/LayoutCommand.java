package dev.structscope.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/** {@code structscope layout LAYOUT [--abi ABI] [--type NAME] [--json] [--cpp]}. */
public final class LayoutCommand extends CliCommand {
    final LayoutArgs layout = new LayoutArgs();
    String type;
    boolean json;

    public LayoutCommand() {
        super("Show every member's offset, size and alignment, and the padding, for an ABI.");
    }

    @Override
    void declare(CliSpec s) {
        layout.declare(s);
        s.option("--type", "NAME", String.class, v -> type = v, "Only this struct or union (text output).");
        s.flag("--json", v -> json = v, "One JSON object on stdout (every struct and union).");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Abi abi = layout.abi();
        TypeLibrary library = layout.load(err);
        List<RecordLayout> layouts;
        if (type != null) {
            RecordLayout one = LayoutEngine.layout(type, library, abi, layout.limits());
            layouts = json ? LayoutEngine.layoutAll(library, abi, layout.limits()) : List.of(one);
        } else {
            layouts = LayoutEngine.layoutAll(library, abi, layout.limits());
        }
        if (layouts.isEmpty()) {
            boolean header = !layout.path.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                    && !dev.structscope.app.binary.BinaryFiles.isElf(layout.path);
            throw new InputException(layout.path.toString(), "defines no struct or union: nothing to lay out"
                    + (header && !layout.cpp ? " (without --cpp, system headers such as <features.h> are not read,"
                    + " so declarations under their macros, like __USE_MISC, are left out: try --cpp)" : ""));
        }
        if (json) {
            writeJson(out, abi, layouts, library);
        } else {
            for (int i = 0; i < layouts.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                out.print(PaholeFormat.format(layouts.get(i), library, abi));
            }
        }
        return 0;
    }

    static void writeJson(PrintWriter out, Abi abi, List<RecordLayout> layouts, TypeLibrary library) {
        java.util.Map<String, List<String>> aliases = new java.util.HashMap<>();
        for (TypeLibrary.NamedRecord nr : library.namedRecords()) {
            aliases.put(nr.name(), nr.aliases());
        }
        CliJson.print(out, g -> {
            g.writeStringField("abi", abi.name());
            CliJson.objects(g, "types", layouts, r -> {
                g.writeStringField("name", r.name());
                g.writeStringField("kind", r.definition().kind().keyword());
                g.writeNumberField("size", r.size());
                g.writeNumberField("align", r.align());
                if (r.dynamic()) {
                    g.writeBooleanField("dynamic", true);
                }
                CliJson.strings(g, "aliases", aliases.getOrDefault(r.name(), List.of()));
                CliJson.objects(g, "fields", r.visibleFields(), f -> {
                    g.writeStringField("name", f.name());
                    g.writeStringField("type", f.typeName());
                    CliJson.numberOrNull(g, "offset", !f.dynamic(), f.offset());
                    // Where data decides a member's bytes, its smallest, as the record's "size" is.
                    g.writeNumberField("size", f.smallestSize());
                    g.writeNumberField("align", f.align());
                    if (f.isBitField()) {
                        // After a dynamic member the first bit is the data's to decide, as the offset is.
                        CliJson.numberOrNull(g, "bitOffset", !f.dynamic(), f.bits().offset());
                        g.writeNumberField("bitWidth", f.bits().width());
                    }
                    writeDynamic(g, f);
                });
                CliJson.objects(g, "padding", r.padding(), p -> {
                    g.writeNumberField("offset", p.offset());
                    g.writeNumberField("size", p.size());
                });
            });
        });
    }

    /** The contract's dynamic-layout keys of one field: dynamic, count, at, switch, when, sizeExpr. */
    private static void writeDynamic(JsonGenerator g, FieldLayout f) throws IOException {
        if (f.dynamic()) {
            g.writeBooleanField("dynamic", true);
        }
        if (f.layout() instanceof dev.structscope.model.layout.ArrayLayout a && a.count() != null) {
            g.writeStringField("count", a.count().text());
        }
        dev.structscope.model.type.Dynamic d = f.member().dynamic();
        if (d.at() != null) {
            g.writeStringField("at", d.at().text());
        }
        if (d.switchOn() != null) {
            g.writeStringField("switch", d.switchOn().text());
        }
        CliJson.strings(g, "when", d.when().stream().map(dev.structscope.model.type.Expr::text).toList());
        if (d.size() != null) {
            g.writeStringField("sizeExpr", d.size().text());
        }
    }
}
