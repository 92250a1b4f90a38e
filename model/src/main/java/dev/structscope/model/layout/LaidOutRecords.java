package dev.structscope.model.layout;

import dev.structscope.model.type.RecordType;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Every laid-out record reachable from a root layout, by definition: what a reference
 * ({@link RecordLayout#isReference()}, a record placed inside itself) stands for. Readers of a
 * dynamic layout (the decoder, the column schema) look references up here. Immutable once built;
 * any thread.
 */
public final class LaidOutRecords {
    private final Map<RecordType, RecordLayout> records = new IdentityHashMap<>();

    /** Indexes the records under {@code root}, at most {@code maxDepth} levels down. */
    public LaidOutRecords(TypeLayout root, int maxDepth) {
        index(root, 0, maxDepth);
    }

    private void index(TypeLayout t, int depth, int maxDepth) {
        if (depth > maxDepth) {
            return;
        }
        switch (t) {
            case RecordLayout r when !r.isReference() -> {
                if (records.putIfAbsent(r.definition(), r) == null) {
                    for (FieldLayout f : r.fields()) {
                        index(f.layout(), depth + 1, maxDepth);
                    }
                }
            }
            case ArrayLayout a -> index(a.element(), depth + 1, maxDepth);
            default -> {
            }
        }
    }

    /** {@code r} itself, or for a reference the full layout it stands for; null when that is not laid out here. */
    public RecordLayout full(RecordLayout r) {
        return r.isReference() ? records.get(r.definition()) : r;
    }
}
