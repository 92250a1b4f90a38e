package dev.structscope.model.type;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a library took from the system's headers, so that a C export can take it from them again
 * rather than declare it a second time (an untagged struct declared twice is two types; the
 * system may spell a type by a macro). Filled by the header importer from the preprocessor's
 * line markers and echoed includes ({@code --cpp}), or by the DWARF importer from the files its
 * line tables say declared each type; {@link #NONE} for every other library. Immutable.
 *
 * @param defines the object-like {@code #define}s of the user's files that came before their
 *                last include of a system header, by name, with their bodies as written, in
 *                order: feature-test macros ({@code _GNU_SOURCE}, {@code _FILE_OFFSET_BITS})
 *                decide what those headers declare
 * @param headers the declarations a system header made, each with the {@code #include} that
 *                brings it, as written ({@code <sys/types.h>})
 * @param origin  what the includes are: the user's own, or the files that declared the types
 */
public record SystemIncludes(Map<String, String> defines, Map<Decl, String> headers, Origin origin) {
    public static final SystemIncludes NONE = new SystemIncludes(Map.of(), Map.of());

    /** Where the includes come from, which decides how an export may use them. */
    public enum Origin {
        /**
         * The includes the user's files wrote, in their order, as the preprocessor saw them: each
         * stands by itself, and a later one may depend on what an earlier one defined.
         */
        SOURCE_INCLUDES,
        /**
         * The headers that declared each type, from debug information: some are the system's
         * inner files, which count on the standard headers coming first; and a record's
         * alignment there was inferred (DWARF records sizes and offsets, and packing that moves
         * no member leaves no trace), so only its size is the binary's word.
         */
        DECLARING_FILES
    }

    public SystemIncludes {
        defines = Collections.unmodifiableMap(new LinkedHashMap<>(defines));
        headers = Map.copyOf(headers);
        java.util.Objects.requireNonNull(origin, "origin");
    }

    /** The includes of a header read with the system preprocessor. */
    public SystemIncludes(Map<String, String> defines, Map<Decl, String> headers) {
        this(defines, headers, Origin.SOURCE_INCLUDES);
    }
}
