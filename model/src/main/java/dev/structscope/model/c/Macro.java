package dev.structscope.model.c;

import java.util.List;

/**
 * A {@code #define}: object-like when {@code params} is null.
 *
 * @param name     the macro name
 * @param params   parameter names (the variadic one is {@code __VA_ARGS__} or its GNU name), or null
 * @param variadic the last parameter takes the remaining arguments
 * @param body     the replacement list
 * @param system   defined by a system header or the compiler (not a constant of the user's header)
 */
record Macro(String name, List<String> params, boolean variadic, List<Token> body, boolean system) {
    boolean objectLike() {
        return params == null;
    }
}
