package dev.structscope.app.live.compose;

import java.util.Map;

/**
 * Every text and union choice of a compose form, by row path, so that a sent record can be loaded
 * back into the form exactly as it was typed (hex stays hex). A dynamic record's form keeps its
 * shape too: the values and the texts as trees shaped like {@code decode}'s output (null for a
 * fixed record's form), from which the form is rebuilt. Immutable by convention (the trees are
 * never changed after the snapshot is taken); any thread.
 */
public record FormSnapshot(Map<String, String> texts, Map<String, Integer> choices,
                           com.fasterxml.jackson.databind.node.ObjectNode values,
                           com.fasterxml.jackson.databind.node.ObjectNode textTree) {
    public FormSnapshot {
        texts = Map.copyOf(texts);
        choices = Map.copyOf(choices);
    }
}
