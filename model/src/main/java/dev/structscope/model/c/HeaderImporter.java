package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.DynamicLayoutCheck;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.SystemIncludes;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports C headers into a {@link TypeLibrary}: structs, unions, enums and typedefs in input
 * order, with {@code #pragma pack} and GCC/MSVC layout attributes recorded, and the integer
 * values of object-like {@code #define}s as constants. Everything that carries no layout
 * (functions, prototypes, variables) is skipped. Bad input of any kind is an
 * {@link InputException} whose {@code where} is {@code file:line:col}; sizes, nesting, tokens,
 * includes and macro expansion are bounded so no input hangs or exhausts memory.
 *
 * <p>Stateless and thread-safe: each call parses on its own.
 */
public final class HeaderImporter {
    private HeaderImporter() {
    }

    /**
     * The macro StructScope's importer defines (to 1) and C compilers do not: a header keeps its
     * dynamic-layout parts C cannot hold under {@code #ifdef __STRUCTSCOPE__}. A
     * {@link HeaderSource}'s system preprocessor defines it too.
     */
    public static final String STRUCTSCOPE_MACRO = SystemHeaders.STRUCTSCOPE_MACRO;

    /**
     * @param runPreprocessor run the system preprocessor ({@code cpp}) first
     * @param includeDirs     extra directories for {@code #include "..."} and {@code <...>}
     * @param warnings        receives one line per warning (skipped system headers, ...)
     * @param abi             the ABI whose data model {@code sizeof}, {@code _Alignof}, predefined
     *                        macros and the width of {@code long} in expressions follow
     * @param limits          header size, type nesting and member count bounds
     * @param source          the files the import may read and the preprocessor it may run;
     *                        {@link HeaderSource#NONE} when it is given text alone
     */
    public record Options(boolean runPreprocessor, List<Path> includeDirs, Consumer<String> warnings, Abi abi,
                          Limits limits, HeaderSource source) {
        public Options {
            includeDirs = List.copyOf(includeDirs);
            Objects.requireNonNull(warnings, "warnings");
            Objects.requireNonNull(abi, "abi");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(source, "source");
        }

        /** Options that read no files and run no preprocessor. */
        public Options(boolean runPreprocessor, List<Path> includeDirs, Consumer<String> warnings, Abi abi,
                       Limits limits) {
            this(runPreprocessor, includeDirs, warnings, abi, limits, HeaderSource.NONE);
        }

        /** Options with the default {@link Limits}. */
        public Options(boolean runPreprocessor, List<Path> includeDirs, Consumer<String> warnings, Abi abi) {
            this(runPreprocessor, includeDirs, warnings, abi, Limits.DEFAULT);
        }

        /** Options for the default ABI (x86_64-linux). */
        public Options(boolean runPreprocessor, List<Path> includeDirs, Consumer<String> warnings) {
            this(runPreprocessor, includeDirs, warnings, Abis.X86_64_LINUX);
        }

        public static Options defaults() {
            return new Options(false, List.of(), w -> { }, Abis.X86_64_LINUX, Limits.DEFAULT);
        }

        public Options withAbi(Abi newAbi) {
            return new Options(runPreprocessor, includeDirs, warnings, newAbi, limits, source);
        }

        public Options withPreprocessor(boolean run) {
            return new Options(run, includeDirs, warnings, abi, limits, source);
        }

        public Options withLimits(Limits newLimits) {
            return new Options(runPreprocessor, includeDirs, warnings, abi, newLimits, source);
        }

        public Options withSource(HeaderSource newSource) {
            return new Options(runPreprocessor, includeDirs, warnings, abi, limits, newSource);
        }
    }

    /** Imports the header file {@code header}, read through the options' {@link HeaderSource}. */
    public static TypeLibrary importFile(Path header, Options options) {
        String name = header.toString();
        if (options.runPreprocessor()) {
            return parse(Preprocessor.ofSystemOutput(options.source().preprocess(header, null, name, options), name,
                    options), name, options);
        }
        Preprocessor pp = new Preprocessor(options);
        pp.runFile(header, name, null, 0);
        return parse(pp, name, options);
    }

    /**
     * Imports header text; {@code fileName} names it in positions, and its directory is where
     * quoted includes are looked for (through the options' {@link HeaderSource}).
     */
    public static TypeLibrary importText(String text, String fileName, Options options) {
        if (options.runPreprocessor()) {
            return parse(Preprocessor.ofSystemOutput(options.source().preprocess(directory(fileName), text, fileName,
                    options), fileName, options), fileName, options);
        }
        Preprocessor pp = new Preprocessor(options);
        pp.run(text, fileName, directory(fileName), false, 0);
        return parse(pp, fileName, options);
    }

    private static Path directory(String fileName) {
        try {
            return Path.of(fileName).toAbsolutePath().getParent();
        } catch (InvalidPathException | SecurityException e) {
            return null;
        }
    }

    static TypeLibrary parse(Preprocessor pp, String fileName, Options options) {
        List<Token> tokens = pp.finish(fileName);
        Symbols sym = new Symbols(options.abi());
        PackState pack = new PackState(options.warnings());
        ParseState st = new ParseState(sym, pack, pp.comments(), options.warnings());
        st.read(new TokenCursor(tokens, pack::apply));
        DeclParser parser = new DeclParser(st);
        try {
            parser.translationUnit();
        } catch (IllegalArgumentException | ArithmeticException e) {
            // A model record refused a value the parser let through: still bad input, say where.
            throw new InputException(st.in().peek().where(), e.getMessage());
        } catch (StackOverflowError e) {
            throw new InputException(st.in().peek().where(), "declaration nested too deeply");
        }
        Map<String, Long> constants = constants(pp, st, parser);
        Map<Decl, String> fromSystem = systemHeaders(pp, tokens, sym);
        TypeLibrary lib = new TypeLibrary(sym.decls, constants, fromSystem.isEmpty() ? SystemIncludes.NONE
                : new SystemIncludes(pp.configuringDefines(), fromSystem));
        DynamicLayoutCheck.first(lib).ifPresent(f -> {
            Token at = sym.declaredAt.get(f.at());
            at = at != null ? at : sym.declaredAt.get(f.member());
            throw new InputException(at == null ? "" : at.where(), f.message());
        });
        validate(lib, sym, options.abi(), options.limits());
        return lib;
    }

    /**
     * The declarations a system header made, each with the user's {@code #include} that reached
     * it (from the system preprocessor's output only; empty otherwise), found by the place each
     * was declared: one pass over the tokens, looking the declaring ones up by identity.
     */
    private static Map<Decl, String> systemHeaders(Preprocessor pp, List<Token> tokens, Symbols sym) {
        if (!pp.readSystemHeaders()) {
            return Map.of();
        }
        Map<Token, Decl> byToken = new java.util.IdentityHashMap<>();
        for (Decl d : sym.decls) {
            Token at = sym.declaredAt.get(d);
            if (at != null) {
                byToken.put(at, d);
            }
        }
        Map<Decl, String> out = new LinkedHashMap<>();
        int found = 0;
        for (int i = 0; i < tokens.size() && found < byToken.size(); i++) {
            Decl d = byToken.get(tokens.get(i));
            if (d == null) {
                continue;
            }
            found++;
            String header = pp.systemHeaderAt(i);
            if (header != null) {
                out.put(d, header);
            }
        }
        return out;
    }

    /** The object-like macros of the user's files whose bodies are integer constant expressions. */
    private static Map<String, Long> constants(Preprocessor pp, ParseState st, DeclParser parser) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Macro m : new ArrayList<>(pp.macros().values())) {
            if (m.system() || !m.objectLike() || m.body().isEmpty()) {
                continue;
            }
            try {
                List<Token> toks = new ArrayList<>(pp.expander().expand(m.body()));
                Token last = m.body().get(m.body().size() - 1);
                toks.add(Token.of(Token.Kind.EOF, "", last.file(), last.line(), last.col(), false, false));
                st.read(new TokenCursor(toks, p -> { }));
                IntValue v = parser.constant();
                if (st.in().atEnd()) {
                    out.put(m.name(), v.value());
                }
            } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                // not an integer constant: a type, a string, a function-like use ... not a constant
            }
        }
        return out;
    }

    /**
     * Lays out every record once so that what the layout refuses (a size overflow, an array of
     * elements that cannot all be aligned) is reported where it is: at the member whose type it
     * is, as clang reports it, else at the record.
     */
    private static void validate(TypeLibrary lib, Symbols sym, Abi abi, Limits limits) {
        for (Decl d : lib.decls()) {
            RecordType r = d instanceof RecordType rt ? rt
                    : d instanceof Typedef t && t.target() instanceof RecordType rt ? rt : null;
            if (r == null) {
                continue;
            }
            try {
                LayoutEngine.layout(r, lib, abi, limits);
            } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                Token at = culprit(r, lib, abi, sym, e.getMessage());
                at = at != null ? at : sym.declaredAt.get(d);
                throw new InputException(at == null ? "" : at.where(), e.getMessage());
            }
        }
    }

    /**
     * The place of the member of {@code r} (an anonymous record's members first) whose own type
     * fails to lay out with {@code message}, or null (the record as a whole fails: its size).
     * Only on the way to an error, so laying out each member's type again costs nothing otherwise.
     */
    private static Token culprit(RecordType r, TypeLibrary lib, Abi abi, Symbols sym, String message) {
        for (dev.structscope.model.type.Member m : r.members()) {
            if (m.isAnonymousRecord() && m.type() instanceof RecordType inner) {
                Token at = culprit(inner, lib, abi, sym, message);
                if (at != null) {
                    return at;
                }
            }
            try {
                LayoutEngine.layoutOf(m.type(), lib, abi);
            } catch (InputException | IllegalArgumentException | ArithmeticException e) {
                if (java.util.Objects.equals(e.getMessage(), message) && sym.declaredAt.get(m) != null) {
                    return sym.declaredAt.get(m);
                }
            }
        }
        return null;
    }
}
