package dev.structscope.app.fields;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The leaf columns of a record for the record table: every scalar and string member by dotted
 * path ({@code inner.x}, {@code pts[1]}), array elements one column each, at most
 * {@link #MAX_COLUMNS} (a table of thousands of columns helps nobody; the fields tree shows
 * the rest). Pure; any thread.
 */
public final class Columns {
    public static final int MAX_COLUMNS = 64;

    /**
     * One column: {@code node} read from the record start plus {@code base}; {@code color} is the
     * top-level member's colour index.
     */
    public record Leaf(String path, PlanNode node, long base, int color) {
        /** Offset of the leaf's first byte from the record's start. */
        public long offset() {
            return base + node.offset();
        }
    }

    /** The leaves of {@code root}, and whether some were left out. */
    public record Result(List<Leaf> leaves, boolean truncated) {
    }

    public static Result of(RecordNode root) {
        return leaves(root, false);
    }

    /**
     * The leaves of one dynamic record's instance plan: as {@link #of}, except that an array is
     * one leaf of its own (its length differs from record to record) and a tagged union's
     * members are named by the alternative chosen.
     */
    public static Result ofInstance(RecordNode root) {
        return leaves(root, true);
    }

    /**
     * The columns of dynamic records of several shapes: every leaf any record added has, in the
     * order first seen, at most {@link #MAX_COLUMNS} (a tagged union's alternatives, arrays of
     * other lengths). Used by one thread at a time.
     */
    public static final class Union {
        private final java.util.LinkedHashMap<String, Leaf> leaves = new java.util.LinkedHashMap<>();
        private boolean truncated;

        /** Starts from the columns already known (the first record's). */
        public Union(Result known) {
            known.leaves().forEach(l -> leaves.put(l.path(), l));
            truncated = known.truncated();
        }

        /** Adds the leaves of one record's instance plan that are not there yet. */
        public void add(RecordNode root) {
            if (truncated && leaves.size() >= MAX_COLUMNS) {
                return; // full, and already said to be: no record can change it
            }
            Result r = ofInstance(root);
            truncated |= r.truncated();
            for (Leaf l : r.leaves()) {
                if (!leaves.containsKey(l.path())) {
                    if (leaves.size() < MAX_COLUMNS) {
                        leaves.put(l.path(), l);
                    } else {
                        truncated = true;
                    }
                }
            }
        }

        public Result result() {
            return new Result(List.copyOf(leaves.values()), truncated);
        }
    }

    private static Result leaves(RecordNode root, boolean instance) {
        List<Leaf> out = new ArrayList<>();
        boolean[] truncated = {false};
        for (int i = 0; i < root.members().size(); i++) {
            PlanNode m = root.members().get(i);
            collect(m, m.name(), 0, i, instance, out, truncated);
        }
        return new Result(List.copyOf(out), truncated[0]);
    }

    /** Adds {@code n}'s leaves; an array is one leaf in an instance plan, one per element otherwise. */
    private static void collect(PlanNode n, String path, long base, int color, boolean instance, List<Leaf> out,
                                boolean[] truncated) {
        if (out.size() >= MAX_COLUMNS) {
            truncated[0] = true;
            return;
        }
        switch (n) {
            case RecordNode r -> {
                for (PlanNode m : r.members()) {
                    collect(m, path + "." + m.name(), base + r.offset(), color, instance, out, truncated);
                }
            }
            case ArrayNode a when !instance -> {
                for (long i = 0; i < a.length(); i++) {
                    if (out.size() >= MAX_COLUMNS) {
                        truncated[0] = true;
                        return;
                    }
                    collect(a.element(), path + "[" + i + "]", base + a.offset() + i * a.stride(), color, instance,
                            out, truncated);
                }
            }
            case ScalarNode s -> out.add(new Leaf(path, s, base, color));
            case StringNode s -> out.add(new Leaf(path, s, base, color));
            case ArrayNode a -> out.add(new Leaf(path, a, base, color));
        }
    }
}
