package dev.structscope.app.live.compose;

import java.util.Map;

/**
 * Every text and union choice of a compose form, by row path, so that a sent record can be loaded
 * back into the form exactly as it was typed (hex stays hex). Immutable; any thread.
 */
public record FormSnapshot(Map<String, String> texts, Map<String, Integer> choices) {
    public FormSnapshot {
        texts = Map.copyOf(texts);
        choices = Map.copyOf(choices);
    }
}
