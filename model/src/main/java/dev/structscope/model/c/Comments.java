package dev.structscope.model.c;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The comments of the user's own files, kept aside by the {@link Lexer} (tokens never carry them)
 * so that members, records, enums and enumerators can take theirs to the designer, documents and
 * exports. Which comment belongs to a declaration follows how people write headers: one after the
 * declaration on its line ({@code int x; // metres}, also Doxygen's {@code ///<}), else the block
 * of comment lines directly above it. One per import run, filled by the preprocessor and read by
 * the parser on the same thread.
 */
final class Comments {
    /** Longer comments are cut here: a comment is a note, not a payload. */
    static final int MAX_CHARS = 2_000;

    /**
     * One comment as written.
     *
     * @param line    1-based line where it starts
     * @param endLine line where it ends (block comments can span lines)
     * @param col     1-based column where it starts
     * @param ownLine nothing but white space precedes it on its line
     * @param text    the words, without comment markers and leading asterisks
     */
    record Comment(int line, int endLine, int col, boolean ownLine, String text) {
    }

    private final Map<String, TreeMap<Integer, List<Comment>>> byFile = new HashMap<>();

    void add(String file, int line, int endLine, int col, boolean ownLine, String raw) {
        String text = clean(raw);
        if (text.isEmpty()) {
            return;
        }
        byFile.computeIfAbsent(file, f -> new TreeMap<>()).computeIfAbsent(line, l -> new ArrayList<>())
                .add(new Comment(line, endLine, col, ownLine, text));
    }

    /** The comment after code on {@code at}'s line, right of it; null when there is none. */
    Comment trailing(Token at) {
        TreeMap<Integer, List<Comment>> lines = byFile.get(at.file());
        if (lines == null || !lines.containsKey(at.line())) {
            return null;
        }
        for (Comment c : lines.get(at.line())) {
            if (!c.ownLine() && c.col() > at.col()) {
                return c;
            }
        }
        return null;
    }

    /**
     * The comment lines directly above {@code first}'s line (no blank line or code between),
     * joined; null when there are none.
     */
    String leading(Token first) {
        TreeMap<Integer, List<Comment>> lines = byFile.get(first.file());
        if (lines == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        int want = first.line() - 1;
        while (want > 0) {
            Map.Entry<Integer, List<Comment>> e = lines.floorEntry(want);
            if (e == null) {
                break;
            }
            Comment c = e.getValue().getFirst();
            if (!c.ownLine() || c.endLine() != want || e.getValue().size() > 1) {
                break;
            }
            parts.addFirst(c.text());
            want = c.line() - 1;
        }
        return parts.isEmpty() ? null : cap(String.join("\n", parts));
    }

    /** The comment of a declaration: trailing on {@code name}'s line, else leading above {@code first}. */
    String of(Token first, Token name) {
        Comment t = name == null ? null : trailing(name);
        return t != null ? cap(t.text()) : first == null ? null : leading(first);
    }

    /** Strips the markers: {@code //}, {@code ///<}, {@code /*}, {@code /**<}, {@code * /}, leading asterisks. */
    static String clean(String raw) {
        String s = raw;
        if (s.startsWith("//")) {
            s = s.substring(2);
            s = s.replaceFirst("^[/!]?<?", "");
            return cap(s.strip());
        }
        s = s.substring(2, s.length() - 2);
        s = s.replaceFirst("^[*!]?<?", "");
        List<String> out = new ArrayList<>();
        for (String line : s.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1).strip();
            }
            out.add(l);
        }
        while (!out.isEmpty() && out.getFirst().isEmpty()) {
            out.removeFirst();
        }
        while (!out.isEmpty() && out.getLast().isEmpty()) {
            out.removeLast();
        }
        return cap(String.join("\n", out));
    }

    private static String cap(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS - 1) + "…";
    }
}
