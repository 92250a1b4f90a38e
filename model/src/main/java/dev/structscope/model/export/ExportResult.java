package dev.structscope.model.export;

import java.util.List;

/**
 * The text an exporter produced, as one or more files, and the warnings about what the target
 * cannot express (each also written as a comment into the text). Immutable.
 *
 * @param files    the files, in order; single-file targets have exactly one
 * @param warnings one line each, for stderr
 */
public record ExportResult(List<File> files, List<String> warnings) {
    public ExportResult {
        files = List.copyOf(files);
        warnings = List.copyOf(warnings);
    }

    /** One exported file: a name relative to the output directory, and its text. */
    public record File(String name, String text) {
    }

    /** The text of a single-file export (all files joined for a multi-file one). */
    public String text() {
        if (files.size() == 1) {
            return files.getFirst().text();
        }
        StringBuilder sb = new StringBuilder();
        for (File f : files) {
            sb.append(f.text());
        }
        return sb.toString();
    }
}
