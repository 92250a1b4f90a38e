package dev.structscope.app.exporter;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small regex highlighter for the export preview and the import editor: comments, strings,
 * numbers, keywords and preprocessor lines of C, Java, Python, Rust, YAML and JSON, as RichTextFX
 * style classes ({@code comment}, {@code string}, {@code number}, {@code keyword}, {@code preproc}).
 * Pure; any thread.
 */
public final class Highlighter {
    private static final Map<String, List<String>> KEYWORDS = Map.of(
            "c", List.of("struct", "union", "enum", "typedef", "const", "unsigned", "signed", "char", "short", "int",
                    "long", "float", "double", "void", "_Bool", "__attribute__", "packed", "aligned", "_Alignas"),
            "java", List.of("public", "final", "class", "static", "import", "package", "record", "private", "return",
                    "new", "long", "int", "short", "byte", "float", "double", "boolean", "void", "interface"),
            "python", List.of("class", "import", "from", "def", "return", "None", "True", "False", "as"),
            "rust", List.of("pub", "struct", "union", "enum", "use", "repr", "u8", "u16", "u32", "u64", "i8", "i16",
                    "i32", "i64", "f32", "f64", "usize", "isize", "impl", "fn", "const", "mod"),
            "yaml", List.of("meta", "seq", "types", "id", "type", "size", "enums", "endian", "doc"),
            "json", List.of("true", "false", "null"),
            "lua", List.of("local", "function", "end", "if", "then", "else", "elseif", "return", "for", "while", "do",
                    "in", "and", "or", "not", "nil", "true", "false", "break"));

    private Highlighter() {
    }

    public static StyleSpans<Collection<String>> spans(String text, String language) {
        List<String> kws = KEYWORDS.getOrDefault(language, List.of());
        String comment = switch (language) {
            case "python", "yaml" -> "#[^\\n]*";
            case "json" -> "(?!x)x";
            case "lua" -> "--[^\\n]*";
            default -> "//[^\\n]*|/\\*(?:.|\\R)*?\\*/";
        };
        String preproc = language.equals("c") ? "^[ \\t]*#[^\\n]*" : "(?!x)x";
        String kw = kws.isEmpty() ? "(?!x)x" : "\\b(?:" + String.join("|", kws) + ")\\b";
        Pattern p = Pattern.compile("(?<COMMENT>" + comment + ")|(?<PREPROC>" + preproc + ")"
                + "|(?<STRING>\"(?:[^\"\\\\\\n]|\\\\.)*\"|'(?:[^'\\\\\\n]|\\\\.)*')"
                + "|(?<NUMBER>\\b(?:0[xX][0-9a-fA-F]+|\\d+(?:\\.\\d+)?)\\b)|(?<KEYWORD>" + kw + ")", Pattern.MULTILINE);
        Matcher m = p.matcher(text);
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int last = 0;
        while (m.find()) {
            String cls = m.group("COMMENT") != null ? "comment" : m.group("PREPROC") != null ? "preproc"
                    : m.group("STRING") != null ? "string" : m.group("NUMBER") != null ? "number" : "keyword";
            b.add(Collections.emptyList(), m.start() - last);
            b.add(Collections.singleton(cls), m.end() - m.start());
            last = m.end();
        }
        b.add(Collections.emptyList(), text.length() - last);
        return b.create();
    }
}
