package dev.structscope.model.layout;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out C types for an ABI, as a pure function: the same definition, library and ABI always
 * give the same result, and nothing is mutated or cached between calls. Thread-safe.
 *
 * <p>The rules are those of GCC/clang (System V, AAPCS) and of MSVC, selected by the data in
 * {@link Abi}: see {@link RecordLayouter} for the algorithm.
 */
public final class LayoutEngine {
    private LayoutEngine() {
    }

    /** Lays out one struct or union (tagged or not). */
    public static RecordLayout layout(RecordType record, TypeLibrary library, Abi abi) {
        return layout(record, library, abi, Limits.DEFAULT);
    }

    /** Lays out one struct or union within {@code limits} (nesting depth, members per record). */
    public static RecordLayout layout(RecordType record, TypeLibrary library, Abi abi, Limits limits) {
        return new LayoutContext(library, abi, limits).record(record, record, record.tag());
    }

    /**
     * Lays out the struct or union that {@code name} names ({@code "struct Foo"}, a tag or a typedef).
     *
     * @throws InputException when there is no such record
     */
    public static RecordLayout layout(String name, TypeLibrary library, Abi abi) {
        return layout(name, library, abi, Limits.DEFAULT);
    }

    /** As {@link #layout(String, TypeLibrary, Abi)}, within {@code limits}. */
    public static RecordLayout layout(String name, TypeLibrary library, Abi abi, Limits limits) {
        TypeLibrary.NamedRecord nr = library.findRecord(name).orElseThrow(() -> new InputException("--type",
                "no struct or union named '" + name + "'" + known(library)));
        return laidOut(new LayoutContext(library, abi, limits), nr);
    }

    /** Every named struct and union of the library, in input order. */
    public static List<RecordLayout> layoutAll(TypeLibrary library, Abi abi) {
        return layoutAll(library, abi, Limits.DEFAULT);
    }

    /** As {@link #layoutAll(TypeLibrary, Abi)}, within {@code limits}. */
    public static List<RecordLayout> layoutAll(TypeLibrary library, Abi abi, Limits limits) {
        LayoutContext ctx = new LayoutContext(library, abi, limits);
        List<RecordLayout> out = new ArrayList<>();
        for (TypeLibrary.NamedRecord nr : library.namedRecords()) {
            out.add(laidOut(ctx, nr));
        }
        return out;
    }

    /** Any type resolved for an ABI: its size, alignment and, for records, members. */
    public static TypeLayout layoutOf(CType type, TypeLibrary library, Abi abi) {
        return new LayoutContext(library, abi, Limits.DEFAULT).type(type);
    }

    /**
     * The member order of {@code record} that needs the least padding (a greedy order by
     * alignment that keeps bit-field runs together and a flexible array last), and what it saves.
     * A union, or a struct that no order improves, comes back unchanged with 0 bytes saved.
     */
    public static Reordering minimisePadding(RecordType record, TypeLibrary library, Abi abi) {
        return Reorderer.reorder(record, library, abi);
    }

    /** The record {@code nr} names, with the alignment its name gives it (a typedef's aligned attribute sets it). */
    private static RecordLayout laidOut(LayoutContext ctx, TypeLibrary.NamedRecord nr) {
        RecordLayout l = ctx.record(nr.record(), nr.record(), nr.name());
        return nr.align() == 0 ? l : l.as(l.type(), nr.align());
    }

    private static String known(TypeLibrary library) {
        List<String> names = library.namedRecords().stream().map(TypeLibrary.NamedRecord::name).toList();
        if (names.isEmpty()) {
            return " (the input defines no struct or union)";
        }
        String list = String.join(", ", names.subList(0, Math.min(names.size(), 12)));
        return "; known: " + list + (names.size() > 12 ? ", ..." : "");
    }
}
