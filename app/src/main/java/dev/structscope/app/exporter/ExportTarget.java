package dev.structscope.app.exporter;

import dev.structscope.app.common.CHeaderText;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.type.TypeLibrary;

import java.util.List;
import java.util.function.Function;

/**
 * One export target of the export dialog: its name, file extension, the highlighter language and
 * the function that renders a document to text ({@code null} while that exporter is not yet
 * available in this build). Immutable; any thread.
 */
public record ExportTarget(String id, String label, String extension, String language,
                           Function<Request, String> render, String unavailableReason) {

    /** What is exported: the library, the ABI, the record in the designer (may be null). */
    public record Request(TypeLibrary library, Abi abi, String selected) {
    }

    public boolean available() {
        return render != null;
    }

    /** Every target of the exporters issue, in menu order. */
    public static List<ExportTarget> all() {
        String later = "This exporter is not in this build yet (it comes with the exporters of issue 5).";
        return List.of(
                new ExportTarget("c", "C header", ".h", "c", r -> CHeaderText.of(r.library()), null),
                new ExportTarget("java", "Java (java.lang.foreign)", ".java", "java", null, later),
                new ExportTarget("ctypes", "Python ctypes", ".py", "python", null, later),
                new ExportTarget("rust", "Rust #[repr(C)]", ".rs", "rust", null, later),
                new ExportTarget("ksy", "Kaitai Struct (.ksy)", ".ksy", "yaml", null, later),
                new ExportTarget("json", "Layout JSON", ".json", "json", null, later));
    }
}
