package dev.structscope.model.type;

import java.util.Objects;

/** One named constant of an enum, with its value already evaluated. */
public record Enumerator(String name, long value, String comment) {
    public Enumerator {
        Objects.requireNonNull(name, "name");
    }

    public static Enumerator of(String name, long value) {
        return new Enumerator(name, value, null);
    }
}
