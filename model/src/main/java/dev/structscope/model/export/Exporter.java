package dev.structscope.model.export;

import dev.structscope.model.type.TypeLibrary;

/**
 * Writes a {@link TypeLibrary}, laid out for an ABI, in another language so that the result has
 * the same sizes and offsets in that language's own tool chain. One implementation per target;
 * each is stateless and thread-safe. Where a target cannot express part of a layout, the
 * exporter writes a comment there and returns a warning, never a silently different layout.
 */
public sealed interface Exporter permits CExporter, JavaExporter, CtypesExporter, RustExporter, KaitaiExporter,
        WiresharkExporter, JsonExporter {

    ExportResult export(TypeLibrary library, ExportOptions options);

    /**
     * The exporter of a target with its default settings (a Wireshark dissector for Decode As,
     * on no port); {@code json} is the layout document, written by {@code model.doc}.
     */
    static Exporter of(ExportTarget target) {
        return switch (target) {
            case C -> new CExporter();
            case JAVA -> new JavaExporter();
            case CTYPES -> new CtypesExporter();
            case RUST -> new RustExporter();
            case KSY -> new KaitaiExporter();
            case WIRESHARK -> new WiresharkExporter();
            case JSON -> new JsonExporter();
        };
    }
}
