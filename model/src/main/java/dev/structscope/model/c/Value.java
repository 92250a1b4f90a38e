package dev.structscope.model.c;

/**
 * A value inside a C constant expression: an integer, or (inside an integer constant expression,
 * as GCC and clang fold it) a floating value on its way to a cast, a comparison or {@code sizeof}.
 * Immutable.
 */
sealed interface Value permits IntValue, FloatValue {
    boolean isTrue();
}
