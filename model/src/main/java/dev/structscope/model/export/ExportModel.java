package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an export covers, resolved once for all layout-driven targets: every struct and union to
 * write (the library's, or {@code --type} and the records it holds by value), in dependency order,
 * each with the name the export gives it, and the enums they use. Inline untagged records and
 * enums get a generated name {@code Parent_member} ({@code Parent_anonN} for anonymous members),
 * since most targets have no inline types. Built on the calling thread; immutable afterwards.
 */
public final class ExportModel {
    /** One record to export: its name and layout. */
    public record Rec(String name, RecordLayout layout) {
        public RecordType definition() {
            return layout.definition();
        }

        public boolean union() {
            return layout.definition().kind() == dev.structscope.model.type.RecordKind.UNION;
        }
    }

    private final TypeLibrary library;
    private final ExportOptions options;
    private final List<Rec> records = new ArrayList<>();
    private final List<EnumType> enums = new ArrayList<>();
    private final Map<RecordType, String> recordNames = new IdentityHashMap<>();
    private final Map<EnumType, String> enumNames = new IdentityHashMap<>();
    private final Map<RecordType, Boolean> done = new IdentityHashMap<>();

    public ExportModel(TypeLibrary library, ExportOptions options) {
        this.library = library;
        this.options = options;
        for (TypeLibrary.NamedRecord nr : library.namedRecords()) {
            recordNames.putIfAbsent(nr.record(), nr.name());
        }
        for (var d : library.decls()) {
            if (d instanceof EnumType e && e.tag() != null) {
                enumNames.putIfAbsent(e, e.tag());
            } else if (d instanceof dev.structscope.model.type.Typedef t && t.target() instanceof EnumType e) {
                enumNames.putIfAbsent(e, t.name());
            }
        }
        List<RecordLayout> roots = options.type() == null
                ? LayoutEngine.layoutAll(library, options.abi())
                : List.of(LayoutEngine.layout(options.type(), library, options.abi()));
        List<TypeLibrary.NamedRecord> named = options.type() == null ? library.namedRecords()
                : List.of(library.findRecord(options.type()).orElseThrow());
        for (int i = 0; i < roots.size(); i++) {
            RecordLayout r = roots.get(i);
            // The struct as it is: a typedef's own alignment (which may exceed the size, as in
            // glibc's __pthread_unwind_buf_t) is the typedef's, where it is used, not the record's.
            visit(named.get(i).align() == 0 ? r : LayoutEngine.layout(r.definition(), library, options.abi()), r.name());
        }
    }

    private void visit(RecordLayout r, String suggested) {
        if (done.containsKey(r.definition())) {
            return;
        }
        done.put(r.definition(), true);
        String name = recordNames.computeIfAbsent(r.definition(), d -> suggested);
        int anon = 0;
        for (FieldLayout f : r.fields()) {
            String sub = name + "_" + (f.name() != null ? f.name() : "anon" + anon++);
            visitType(f.layout(), sub);
        }
        records.add(new Rec(name, r));
    }

    private void visitType(TypeLayout t, String suggested) {
        switch (t) {
            case RecordLayout r -> visit(r, suggested);
            case ArrayLayout a -> visitType(a.element(), suggested);
            case EnumLayout e -> {
                if (!enumNames.containsKey(e.definition())) {
                    enumNames.put(e.definition(), suggested);
                }
                if (!enums.contains(e.definition())) {
                    enums.add(e.definition());
                }
            }
            default -> {
            }
        }
    }

    /**
     * The declarations {@code type} needs (itself, what it holds by value, the typedefs and enums it
     * names), in an order C accepts, with the library's constants; the whole library when
     * {@code type} is null. What {@code --type} keeps in the C and JSON exports.
     */
    public static TypeLibrary subset(TypeLibrary library, String type) {
        if (type == null) {
            return library;
        }
        return new TypeLibrary(DeclOrder.of(library, type), library.constants(), library.system());
    }

    public TypeLibrary library() {
        return library;
    }

    public ExportOptions options() {
        return options;
    }

    public Abi abi() {
        return options.abi();
    }

    /** Records in dependency order (a record after every record it holds by value). */
    public List<Rec> records() {
        return List.copyOf(records);
    }

    /** Enums used by the exported records, in first-use order. */
    public List<EnumType> enums() {
        return List.copyOf(enums);
    }

    /** The export name of a record definition met in a layout. */
    public String nameOf(RecordType definition) {
        String n = recordNames.get(definition);
        if (n == null) {
            throw new IllegalStateException("record not in the export: " + definition.spelling());
        }
        return n;
    }

    public String nameOf(RecordLayout layout) {
        return nameOf(layout.definition());
    }

    public String nameOf(EnumType e) {
        String n = enumNames.get(e);
        return n != null ? n : "enum_" + (e.tag() != null ? e.tag() : "anon");
    }
}
