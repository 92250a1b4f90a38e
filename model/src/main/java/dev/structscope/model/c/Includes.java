package dev.structscope.model.c;

import dev.structscope.model.InputException;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code #include} for the {@link Preprocessor}: {@code "x.h"} relative to the including file,
 * then the include directories; {@code <x.h>} in the include directories, then the standard
 * headers the importer knows; anything else is skipped with a warning (a type it would have
 * defined is then an unknown-type error where it is used). Stateless.
 */
final class Includes {
    private Includes() {
    }

    static void include(Preprocessor pp, List<Token> rest, Token at, Path dir, int depth,
                        HeaderImporter.Options options) {
        List<Token> r = rest;
        if (!r.isEmpty() && r.get(0).isIdent()) {
            r = pp.expander().expand(new ArrayList<>(rest));
        }
        if (r.isEmpty()) {
            throw new InputException(at.where(), "expected \"FILENAME\" or <FILENAME>");
        }
        HeaderName header = HeaderName.of(r);
        String name = header.name();
        boolean angled = header.angled();
        Token first = r.get(0);
        if (depth + 1 > Preprocessor.MAX_INCLUDE_DEPTH) {
            throw new InputException(at.where(), "#include nested too deeply (limit "
                    + Preprocessor.MAX_INCLUDE_DEPTH + ")");
        }
        List<Path> candidates = new ArrayList<>();
        try {
            if (!angled && dir != null) {
                candidates.add(dir.resolve(name));
            }
            for (Path d : options.includeDirs()) {
                candidates.add(d.resolve(name));
            }
        } catch (InvalidPathException e) {
            throw new InputException(first.where(), "invalid file name '" + name + "'");
        }
        for (Path c : candidates) {
            var found = options.source().find(c);
            if (found.isPresent()) {
                if (pp.pragmaOnce(found.get().realPath())) {
                    return;
                }
                pp.runFile(c, c.normalize().toString(), first, depth + 1);
                return;
            }
        }
        if (SystemHeaders.known(name)) {
            pp.run(SystemHeaders.text(name, options.abi()), "<" + name + ">", null, true, depth + 1);
            return;
        }
        if (angled) {
            options.warnings().accept(at.where() + ": skipping system header <" + name
                    + "> (use --cpp to run the system preprocessor)");
            return;
        }
        throw new InputException(first.where(), "'" + name + "' file not found");
    }

    /**
     * The header an {@code #include} names, as written: {@code <sys/types.h>} is angled, {@code "x.h"} is not.
     * What a C export writes to include a system header again.
     */
    record HeaderName(String name, boolean angled) {
        /** The header named by an {@code #include}'s tokens (after macro expansion), which are not empty. */
        static HeaderName of(List<Token> r) {
            Token first = r.get(0);
            if (first.kind() == Token.Kind.STRING && first.text().startsWith("\"")) {
                return named(first, first.text().substring(1, first.text().length() - 1), false);
            }
            if (!first.is("<")) {
                throw new InputException(first.where(), "expected \"FILENAME\" or <FILENAME>");
            }
            StringBuilder sb = new StringBuilder();
            int i = 1;
            while (i < r.size() && !r.get(i).is(">")) {
                if (r.get(i).spaceBefore() && sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(r.get(i).text());
                i++;
            }
            if (i >= r.size()) {
                throw new InputException(first.where(), "expected '>' to end the header name");
            }
            return named(first, sb.toString(), true);
        }

        private static HeaderName named(Token first, String name, boolean angled) {
            if (name.isEmpty()) {
                throw new InputException(first.where(), "empty file name in #include");
            }
            return new HeaderName(name, angled);
        }

        /** The name as an {@code #include} writes it: {@code <name>} or {@code "name"}. */
        String written() {
            return angled ? "<" + name + ">" : "\"" + name + "\"";
        }
    }
}
