package dev.structscope.app.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * String converters from functions, for the choice boxes, spinners and chart axes that show a
 * value as text ({@link StringConverter} is an abstract class, not a functional interface). Stateless;
 * the converters run where their control does (FX thread).
 */
public final class Converters {
    private Converters() {
    }

    /** A converter showing values with {@code show} and reading typed text with {@code parse}. */
    public static <T> StringConverter<T> of(Function<T, String> show, Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return show.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    /** A converter for a control that only shows values (a choice box, an axis): text reads as null. */
    public static <T> StringConverter<T> showing(Function<T, String> show) {
        return of(show, text -> null);
    }
}
