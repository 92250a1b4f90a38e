package dev.structscope.model.export;

import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Dynamic;

import java.util.ArrayList;
import java.util.List;

/**
 * What the static targets (Java FFM, ctypes, Rust) make of dynamic members, and the warning that
 * says so, one per member: they write the record's static form, the one {@link Slots} cuts, in
 * which a counted array or an array of dynamic records to the end has no elements (a zero-length
 * array marking its offset), a sized member no bytes (as the layout engine's smallest record has
 * it: a zero-length array of its type), a tagged union overlaps all its
 * alternatives, and a placed member is left out (it is not in the sequence of members).
 * Stateless.
 */
final class Flattened {
    private Flattened() {
    }

    /** One line per dynamic member of the record, {@code Rec.member: what it is; what the target has}. */
    static List<String> warnings(ExportModel.Rec rec) {
        List<String> out = new ArrayList<>();
        for (FieldLayout f : rec.layout().fields()) {
            Dynamic d = f.member().dynamic();
            List<String> what = new ArrayList<>();
            if (d.at() != null) {
                what.add("placed at " + d.at().text() + " by data, left out");
            }
            String count = count(f.layout());
            if (count != null && d.at() == null) {
                what.add(count + ", flattened to no elements");
            }
            if (d.switchOn() != null) {
                what.add("a tagged union chosen by " + d.switchOn().text() + ", flattened to all alternatives at once");
            }
            if (d.size() != null) {
                what.add("sized " + d.size().text() + " bytes by data, flattened to no bytes (a zero-length array of its type)");
            }
            if (!what.isEmpty()) {
                out.add(rec.name() + "." + (f.name() == null ? "<anonymous>" : f.name()) + ": " + String.join("; ", what));
            }
        }
        return out;
    }

    /** What makes an array's length data-given, or null for a fixed one (or C's own flexible tail). */
    private static String count(TypeLayout t) {
        for (TypeLayout x = t; x instanceof ArrayLayout a; x = a.element()) {
            if (a.count() != null) {
                return "a counted array of " + a.count().text() + " elements";
            }
            if (a.flexible() && a.element().sizeFromData()) {
                return "an array of dynamic records to the end of the data";
            }
        }
        return null;
    }
}
