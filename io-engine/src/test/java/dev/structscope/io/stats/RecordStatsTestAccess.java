package dev.structscope.io.stats;

import dev.structscope.model.type.TypeLibrary;

/** Lets tests of other packages use {@link RecordStatsTest}'s record type (every kind of leaf stats reads). */
public final class RecordStatsTestAccess {
    private RecordStatsTestAccess() {
    }

    public static TypeLibrary library() {
        return RecordStatsTest.library();
    }
}
