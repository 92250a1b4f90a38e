package dev.structscope.model.c;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The importer's own C preprocessor: conditionals, {@code #include "..."} relative to the
 * including file, the standard headers of {@link SystemHeaders}, object- and function-like
 * macros, {@code #line}/line markers, and {@code #pragma pack} passed on to the parser (riding on
 * the next token). In {@code expand=false} mode it only reads what {@code cpp -dD -dI} leaves in
 * its output: line markers, pragmas, the definitions (for the constants) and the includes it
 * echoes (which of the user's includes brought each system declaration). One instance per
 * import; not thread-safe.
 */
final class Preprocessor {
    static final long MAX_FILE_BYTES = 64L << 20;
    static final int MAX_TOKENS = 8_000_000;
    static final int MAX_INCLUDE_DEPTH = 64;

    private final Abi abi;
    private final HeaderImporter.Options options;
    private final boolean expand;
    private final Map<String, Macro> macros = new LinkedHashMap<>();
    private final MacroExpander expander = new MacroExpander(macros);
    private final Set<Path> once = new HashSet<>();
    private final List<Token> out = new ArrayList<>();
    private final Comments comments = new Comments();
    private List<List<Token>> pendingPragmas = new ArrayList<>();
    private int tokenBudget = MAX_TOKENS;
    /** In the system preprocessor's output: the {@code #include} it echoed ({@code -dI}) and has not entered yet. */
    private String pendingInclude;
    /** The {@code #include} by which the user's files reached the system header being read; null in theirs. */
    private String entry;
    /** The entries of the files being read around the current one, innermost first ("" for none). */
    private final ArrayDeque<String> entries = new ArrayDeque<>();
    /** From which output token on the tokens are a system header's, and the include that reached it (null: the user's). */
    private final TreeMap<Integer, String> entryFrom = new TreeMap<>();
    /** In the system preprocessor's output: the user's object-like #defines (null body: #undef) and where they came. */
    private final List<UserDefine> userDefines = new ArrayList<>();

    private record UserDefine(String name, String body, int at) {
    }

    /** The importer's own preprocessor for a header, with the ABI's predefined macros defined. */
    Preprocessor(HeaderImporter.Options options) {
        this(options, true);
        run(SystemHeaders.predefined(abi), "<built-in>", null, true, 0);
        run("#define " + SystemHeaders.STRUCTSCOPE_MACRO + " 1\n", "<built-in>", null, true, 0);
    }

    private Preprocessor(HeaderImporter.Options options, boolean expand) {
        this.abi = options.abi();
        this.options = options;
        this.expand = expand;
    }

    /** Reads what the system preprocessor wrote for {@code display} (its {@code -dD} output). */
    static Preprocessor ofSystemOutput(String output, String display, HeaderImporter.Options options) {
        Preprocessor pp = new Preprocessor(options, false);
        pp.run(output, display, null, false, 0);
        return pp;
    }

    /** The comments of the user's files read so far (system headers' are dropped). */
    Comments comments() {
        return comments;
    }

    Map<String, Macro> macros() {
        return macros;
    }

    MacroExpander expander() {
        return expander;
    }

    /**
     * The object-like macros the user's files had defined when they last included a system
     * header, by name, with their bodies as written, in the order defined (read from the system
     * preprocessor's output; empty otherwise). Feature-test macros among them decide what those
     * headers declare, so a C export that includes them again defines these first.
     */
    Map<String, String> configuringDefines() {
        Integer last = null;
        for (Map.Entry<Integer, String> e : entryFrom.entrySet()) {
            if (e.getValue() != null) {
                last = e.getKey();
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (UserDefine d : userDefines) {
            if (last == null || d.at() > last) {
                break;
            }
            out.remove(d.name());
            if (d.body() != null) {
                out.put(d.name(), d.body());
            }
        }
        return out;
    }

    /** Tokens as written, spaced where the source had space. */
    private static String spelled(List<Token> toks) {
        StringBuilder sb = new StringBuilder();
        for (Token t : toks) {
            if (!sb.isEmpty() && t.spaceBefore()) {
                sb.append(' ');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    /** Whether any output token came from a system header the user's files included by name. */
    boolean readSystemHeaders() {
        return entryFrom.values().stream().anyMatch(Objects::nonNull);
    }

    /**
     * The {@code #include} of the user's files, as written ({@code <sys/types.h>}), by which the
     * output token at {@code index} came from a system header; null for a token of the user's
     * files. Known only from the system preprocessor's output (which echoes includes, {@code -dI}):
     * a C export includes that header rather than declaring its types again.
     */
    String systemHeaderAt(int index) {
        Map.Entry<Integer, String> e = entryFrom.floorEntry(index);
        return e == null ? null : e.getValue();
    }

    void runFile(Path path, String display, Token from, int depth) {
        run(read(path, display, from), display, path.toAbsolutePath().getParent(), false, depth);
    }

    /** The output tokens, ending with EOF (which carries any trailing pragmas). */
    List<Token> finish(String file) {
        Token last = out.isEmpty() ? null : out.get(out.size() - 1);
        Token eof = last == null ? Token.of(Token.Kind.EOF, "", file, 1, 1, true, false)
                : Token.of(Token.Kind.EOF, "", last.file(), last.line(), last.col() + last.text().length(), true, false);
        emit(List.of(eof));
        return out;
    }

    private String read(Path path, String display, Token from) {
        String where = from == null ? display : from.where();
        try {
            HeaderSource.Found found = options.source().find(path)
                    .orElseThrow(() -> new java.nio.file.NoSuchFileException(path.toString()));
            long max = options.limits().maxInputBytes();
            if (found.size() > max) {
                throw new InputException(where, "header is too large (" + found.size() + " bytes; limit " + max
                        + ", --max-header)");
            }
            return options.source().read(path);
        } catch (java.io.IOException | SecurityException e) {
            throw new InputException(where, "cannot read '" + display + "': " + e.getMessage());
        }
    }

    /** Per-file state: where positions say we are (#line changes that) and the #if stack. */
    private static final class FileState {
        String file;
        int lineDelta;
        boolean system;
        final Path dir;
        final List<Cond> conds = new ArrayList<>();

        FileState(String file, Path dir, boolean system) {
            this.file = file;
            this.dir = dir;
            this.system = system;
        }

        boolean active() {
            return conds.isEmpty() || conds.get(conds.size() - 1).active;
        }
    }

    private static final class Cond {
        final Token at;
        final boolean parentActive;
        boolean active;
        boolean taken;
        boolean sawElse;

        Cond(Token at, boolean parentActive, boolean active) {
            this.at = at;
            this.parentActive = parentActive;
            this.active = active;
            this.taken = active;
        }
    }

    void run(String text, String display, Path dir, boolean system, int depth) {
        long max = system ? MAX_FILE_BYTES : options.limits().maxInputBytes();
        if (text.length() > max) {
            throw new InputException(display, "header is too large (" + text.length() + " characters; limit " + max
                    + ", --max-header)");
        }
        // The system preprocessor's output holds none of the user's comments (cpp drops them), only
        // clang's note on each include it echoes.
        List<Token> toks = new Lexer(text, display, tokenBudget, system || !expand ? null : comments).tokens();
        tokenBudget -= toks.size();
        FileState fs = new FileState(display, dir, system);
        List<Token> pending = new ArrayList<>();
        int i = 0;
        while (i < toks.size()) {
            int end = i + 1;
            while (end < toks.size() && !toks.get(end).lineStart()) {
                end++;
            }
            List<Token> line = toks.subList(i, end);
            Token first = line.get(0);
            if (first.is("#") && first.lineStart()) {
                flush(pending);
                directive(line, fs, depth);
            } else if (fs.active()) {
                for (Token t : line) {
                    if (t.kind() == Token.Kind.BAD) {
                        throw new InputException(fs.file + ":" + (t.line() + fs.lineDelta) + ":" + t.col(), bad(t));
                    }
                    pendingInclude = null;
                    pending.add(fs.lineDelta != 0 || !fs.file.equals(display) ? t.withPlace(fs.file, t.line() + fs.lineDelta) : t);
                }
            }
            i = end;
        }
        flush(pending);
        if (!fs.conds.isEmpty()) {
            throw new InputException(fs.conds.get(fs.conds.size() - 1).at.where(), "unterminated conditional directive");
        }
    }

    private static String bad(Token t) {
        char c = t.text().charAt(0);
        if (t.text().contains("'") && (c == '\'' || c == 'L' || c == 'u' || c == 'U')) {
            return "missing terminating ' character";
        }
        if (t.text().contains("\"")) {
            return "missing terminating '\"' character";
        }
        int cp = t.text().codePointAt(0);
        if (cp > 0x20 && cp < 0x7f) {
            return "stray '" + c + "' in program";
        }
        // A character outside ASCII that is no letter ('€', a no-break space): shown, and named
        // by its code point, since it may not show at all.
        boolean shows = cp >= 0xa0 && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
                && !Character.isIdentifierIgnorable(cp);
        return shows ? String.format("stray '%s' (U+%04X) in program", Character.toString(cp), cp)
                : String.format("stray U+%04X in program", cp);
    }

    private void flush(List<Token> pending) {
        if (pending.isEmpty()) {
            return;
        }
        List<Token> toks = expand ? expander.expand(pending) : new ArrayList<>(pending);
        pending.clear();
        // _Pragma("...") is a #pragma written as an operator.
        List<Token> plain = new ArrayList<>();
        for (int k = 0; k < toks.size(); k++) {
            Token t = toks.get(k);
            if (t.is("_Pragma") && k + 3 < toks.size() && toks.get(k + 1).is("(")
                    && toks.get(k + 2).kind() == Token.Kind.STRING && toks.get(k + 3).is(")")) {
                emit(plain);
                plain.clear();
                String s = toks.get(k + 2).text();
                s = s.substring(s.indexOf('"') + 1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
                pragma(new Lexer(s, t.file(), 10_000).tokens().stream()
                        .map(x -> x.withPlace(t.file(), t.line())).toList());
                k += 3;
                continue;
            }
            plain.add(t);
        }
        emit(plain);
    }

    private void emit(List<Token> toks) {
        if (out.size() + toks.size() > MAX_TOKENS && !toks.isEmpty()) {
            throw new InputException(toks.get(0).where(), "too many tokens after macro expansion (limit " + MAX_TOKENS + ")");
        }
        for (Token t : toks) {
            if (!pendingPragmas.isEmpty()) {
                t = t.withPragmas(List.copyOf(pendingPragmas));
                pendingPragmas = new ArrayList<>();
            }
            out.add(t);
        }
    }

    private void pragma(List<Token> rest) {
        if (!rest.isEmpty() && rest.get(0).is("pack")) {
            pendingPragmas.add(List.copyOf(rest));
        }
        // clang switches System V targets to Microsoft's record layout with this (gcc ignores it
        // outside Darwin): the compilers disagree and neither answer would be reproduced.
        if (rest.size() > 1 && rest.get(0).is("ms_struct") && rest.get(1).is("on")
                && abi.bitfields() != dev.structscope.model.abi.Abi.BitfieldRules.MSVC) {
            throw new InputException(rest.get(0).where(), "not supported: #pragma ms_struct on " + abi.name());
        }
    }

    private void directive(List<Token> line, FileState fs, int depth) {
        if (line.size() == 1) {
            return; // the null directive
        }
        Token name = line.get(1);
        List<Token> rest = line.subList(2, line.size());
        String d = name.text();
        boolean active = fs.active();
        switch (d) {
            case "if", "ifdef", "ifndef" -> {
                boolean v = false;
                if (active) {
                    v = switch (d) {
                        case "ifdef" -> isDefined(rest, name, d);
                        case "ifndef" -> !isDefined(rest, name, d);
                        default -> new ConditionEvaluator(macros, expander, abi).evaluate(rest, name);
                    };
                }
                fs.conds.add(new Cond(name, active, active && v));
                return;
            }
            case "elif", "elifdef", "elifndef", "else", "endif" -> {
                conditional(d, rest, name, fs);
                return;
            }
            default -> {
            }
        }
        if (!active) {
            return;
        }
        if (name.kind() == Token.Kind.NUMBER) {
            lineMarker(name, rest, fs);
            return;
        }
        switch (d) {
            case "define" -> {
                define(rest, name, fs.system);
                if (!expand && !fs.system && (rest.size() == 1 || !rest.get(1).is("(") || rest.get(1).spaceBefore())) {
                    userDefines.add(new UserDefine(rest.get(0).text(), spelled(rest.subList(1, rest.size())), out.size()));
                }
            }
            case "undef" -> {
                if (rest.isEmpty() || !rest.get(0).isIdent()) {
                    throw new InputException(name.where(), "macro name missing after #undef");
                }
                macros.remove(rest.get(0).text());
                if (!expand && !fs.system) {
                    userDefines.add(new UserDefine(rest.get(0).text(), null, out.size()));
                }
            }
            case "include", "include_next", "import" -> {
                if (expand) {
                    Includes.include(this, rest, name, fs.dir, depth, options);
                } else {
                    pendingInclude = echoedInclude(rest);
                }
            }
            case "pragma" -> {
                if (!rest.isEmpty() && rest.get(0).is("once")) {
                    realPath(fs.file).ifPresent(once::add);
                } else {
                    pragma(place(rest, fs));
                }
            }
            case "line" -> {
                List<Token> r = expand ? expander.expand(new ArrayList<>(rest)) : rest;
                if (r.isEmpty() || r.get(0).kind() != Token.Kind.NUMBER) {
                    throw new InputException(name.where(), "#line directive requires a line number");
                }
                lineMarker(r.get(0), r.subList(1, r.size()), fs);
            }
            case "error" -> throw new InputException(name.where(), "#error" + text(rest));
            case "warning" -> options.warnings().accept(name.where() + ": #warning" + text(rest));
            case "ident", "sccs", "assert", "unassert" -> {
            }
            default -> throw new InputException(name.where(), "invalid preprocessing directive '#" + d + "'");
        }
    }

    private List<Token> place(List<Token> toks, FileState fs) {
        return toks.stream().map(t -> t.withPlace(fs.file, t.line() + fs.lineDelta)).toList();
    }

    private static String text(List<Token> toks) {
        StringBuilder sb = new StringBuilder();
        for (Token t : toks) {
            sb.append(' ').append(t.text());
        }
        return sb.toString();
    }

    private void lineMarker(Token number, List<Token> rest, FileState fs) {
        int n;
        try {
            n = Integer.parseInt(number.text());
        } catch (NumberFormatException e) {
            throw new InputException(number.where(), "invalid line number '" + number.text() + "'");
        }
        fs.lineDelta = n - (number.line() + 1);
        if (!rest.isEmpty() && rest.get(0).kind() == Token.Kind.STRING) {
            String s = rest.get(0).text();
            fs.file = s.substring(1, s.length() - 1).replace("\\\\", "\\");
            boolean sys = false;
            boolean enter = false;
            boolean leave = false;
            for (Token t : rest.subList(1, rest.size())) {
                sys |= t.text().equals("3");
                enter |= t.text().equals("1");
                leave |= t.text().equals("2");
            }
            boolean wasSystem = fs.system;
            fs.system = sys || fs.file.startsWith("<");
            if (!expand) {
                follow(enter, leave, wasSystem, fs.system);
            }
        }
    }

    /** The header an {@code #include} echoed in the system preprocessor's output names, as written, or null. */
    private static String echoedInclude(List<Token> rest) {
        try {
            return rest.isEmpty() ? null : Includes.HeaderName.of(rest).written();
        } catch (InputException e) {
            return null; // an include by macro: its declarations are written out, as before
        }
    }

    /**
     * Follows the system preprocessor's line markers into and out of files (flags 1 and 2): a
     * system header entered from the user's files takes the {@code #include} just echoed as its
     * entry, one entered from a system header its includer's.
     */
    private void follow(boolean enter, boolean leave, boolean wasSystem, boolean system) {
        String now;
        if (enter) {
            if (entries.size() < 4 * MAX_INCLUDE_DEPTH) { // cpp stops at 200; a made-up output is no worse
                entries.push(entry == null ? "" : entry);
            }
            now = !system ? null : wasSystem ? entry : pendingInclude;
            pendingInclude = null;
        } else if (leave) {
            String back = entries.isEmpty() ? "" : entries.pop();
            now = system && !back.isEmpty() ? back : null;
        } else {
            now = system ? entry : null;
        }
        if (!Objects.equals(now, entry) || entryFrom.isEmpty()) {
            entryFrom.put(out.size(), now);
            entry = now;
        }
    }

    private boolean isDefined(List<Token> rest, Token name, String d) {
        if (rest.isEmpty() || !rest.get(0).isIdent()) {
            throw new InputException(name.where(), "macro name missing after #" + d);
        }
        return macros.containsKey(rest.get(0).text());
    }

    private void conditional(String d, List<Token> rest, Token name, FileState fs) {
        if (fs.conds.isEmpty()) {
            throw new InputException(name.where(), "#" + d + " without #if");
        }
        Cond c = fs.conds.get(fs.conds.size() - 1);
        switch (d) {
            case "endif" -> fs.conds.remove(fs.conds.size() - 1);
            case "else" -> {
                if (c.sawElse) {
                    throw new InputException(name.where(), "#else after #else");
                }
                c.sawElse = true;
                c.active = c.parentActive && !c.taken;
                c.taken |= c.active;
            }
            default -> {
                if (c.sawElse) {
                    throw new InputException(name.where(), "#" + d + " after #else");
                }
                boolean v = false;
                if (c.parentActive && !c.taken) {
                    v = switch (d) {
                        case "elifdef" -> isDefined(rest, name, d);
                        case "elifndef" -> !isDefined(rest, name, d);
                        default -> new ConditionEvaluator(macros, expander, abi).evaluate(rest, name);
                    };
                }
                c.active = v;
                c.taken |= v;
            }
        }
    }

    private void define(List<Token> rest, Token at, boolean system) {
        if (rest.isEmpty() || !rest.get(0).isIdent()) {
            throw new InputException(at.where(), "macro name missing after #define");
        }
        Token name = rest.get(0);
        if (name.is("defined")) {
            throw new InputException(name.where(), "'defined' cannot be used as a macro name");
        }
        List<String> params = null;
        boolean variadic = false;
        int i = 1;
        if (rest.size() > 1 && rest.get(1).is("(") && !rest.get(1).spaceBefore()) {
            params = new ArrayList<>();
            i = 2;
            while (true) {
                if (i >= rest.size()) {
                    throw new InputException(name.where(), "missing ')' in macro parameter list");
                }
                Token p = rest.get(i++);
                if (p.is(")") && params.isEmpty()) {
                    break;
                }
                if (p.is("...")) {
                    params.add("__VA_ARGS__");
                    variadic = true;
                } else if (p.isIdent()) {
                    if (params.contains(p.text())) {
                        throw new InputException(p.where(), "duplicate macro parameter '" + p.text() + "'");
                    }
                    params.add(p.text());
                    if (i < rest.size() && rest.get(i).is("...")) {
                        variadic = true;
                        i++;
                    }
                } else {
                    throw new InputException(p.where(), "invalid token in macro parameter list");
                }
                if (i >= rest.size()) {
                    throw new InputException(name.where(), "missing ')' in macro parameter list");
                }
                Token sep = rest.get(i++);
                if (sep.is(")")) {
                    break;
                }
                if (!sep.is(",") || variadic) {
                    throw new InputException(sep.where(), "expected ',' or ')' in macro parameter list");
                }
            }
        }
        List<Token> body = List.copyOf(rest.subList(i, rest.size()));
        if (!body.isEmpty() && (body.get(0).is("##") || body.get(body.size() - 1).is("##"))) {
            throw new InputException(body.get(0).where(), "'##' cannot appear at either end of a macro expansion");
        }
        macros.remove(name.text());
        macros.put(name.text(), new Macro(name.text(), params, variadic, body, system));
    }

    boolean pragmaOnce(Path p) {
        return once.contains(p);
    }

    /** The real path of a file that is there, through the import's source; empty for a name that is no file. */
    java.util.Optional<Path> realPath(String file) {
        try {
            return options.source().find(Path.of(file)).map(HeaderSource.Found::realPath);
        } catch (InvalidPathException | SecurityException e) {
            return java.util.Optional.empty();
        }
    }
}
