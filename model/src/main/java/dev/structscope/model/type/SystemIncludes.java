package dev.structscope.model.type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a library read through the system preprocessor ({@code --cpp}) took from the system's
 * headers, so that a C export can take it from them again rather than declare it a second time
 * (an untagged struct declared twice is two types; the system may spell a type by a macro).
 * Filled by the header importer from the preprocessor's line markers and echoed includes;
 * {@link #NONE} for every other library. Immutable.
 *
 * @param defines the object-like {@code #define}s of the user's files that came before their
 *                last include of a system header, by name, with their bodies as written, in
 *                order: feature-test macros ({@code _GNU_SOURCE}, {@code _FILE_OFFSET_BITS})
 *                decide what those headers declare
 * @param headers the declarations a system header made, each with the {@code #include} by which
 *                the user's files reached it, as written ({@code <sys/types.h>})
 */
public record SystemIncludes(Map<String, String> defines, Map<Decl, String> headers) {
    public static final SystemIncludes NONE = new SystemIncludes(Map.of(), Map.of());

    public SystemIncludes {
        defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
        headers = Map.copyOf(headers);
    }
}
