package dev.structscope.app.exporter;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.export.ExportResult;
import dev.structscope.model.export.Exporter;
import dev.structscope.model.type.TypeLibrary;

import java.nio.ByteOrder;
import java.util.List;
import java.util.function.Function;

/**
 * One export target of the export dialog: its name, file extension, the highlighter language and
 * the function that renders a document ({@link dev.structscope.model.export.Exporter} for code,
 * {@link LayoutDocuments} for JSON). Immutable; any thread.
 */
public record ExportTarget(String id, String label, String extension, String language,
                           Function<Request, ExportResult> render) {

    /**
     * What is exported.
     *
     * @param type the record to export with the types it uses, or {@code null} for the whole document
     * @param port for a Wireshark dissector: the port it registers on, or null (Decode As only)
     * @param tcp  for a Wireshark dissector with a port: TCP rather than UDP
     */
    public record Request(TypeLibrary library, Abi abi, ByteOrder byteOrder, String type, Integer port, boolean tcp) {
        public Request(TypeLibrary library, Abi abi, ByteOrder byteOrder, String type) {
            this(library, abi, byteOrder, type, null, false);
        }
    }

    private static Function<Request, ExportResult> code(dev.structscope.model.export.ExportTarget t) {
        return r -> Exporter.of(t).export(r.library(), new ExportOptions(r.abi(), r.type(), r.byteOrder(), ""));
    }

    /** One record's dissector: registered on the port given, else offered in Decode As. */
    /** Whether the target describes one record (a Wireshark dissector): the dialog then exports the selected one. */
    public boolean oneRecord() {
        return "wireshark".equals(id);
    }

    private static ExportResult wireshark(Request r) {
        if (r.type() == null) {
            throw new dev.structscope.model.InputException("", "A Wireshark dissector decodes one struct or union: "
                    + "tick the option to export only the selected record");
        }
        return new dev.structscope.model.export.WiresharkExporter(r.port(), r.tcp()
                ? dev.structscope.model.export.WiresharkExporter.Transport.TCP
                : dev.structscope.model.export.WiresharkExporter.Transport.UDP).export(r.library(),
                new ExportOptions(r.abi(), r.type(), r.byteOrder(), ""));
    }

    private static ExportResult json(Request r) {
        LayoutDocument d = new LayoutDocument(null, null, r.abi().name(),
                r.byteOrder() == ByteOrder.BIG_ENDIAN ? "big" : "little", r.library(), null);
        return new ExportResult(List.of(new ExportResult.File("layout.json", LayoutDocuments.toJson(d))), List.of());
    }

    /** Every target of {@code structscope export --to}, in menu order. */
    public static List<ExportTarget> all() {
        return List.of(
                new ExportTarget("c", "C header", ".h", "c", code(dev.structscope.model.export.ExportTarget.C)),
                new ExportTarget("java", "Java (java.lang.foreign)", ".java", "java",
                        code(dev.structscope.model.export.ExportTarget.JAVA)),
                new ExportTarget("ctypes", "Python ctypes", ".py", "python",
                        code(dev.structscope.model.export.ExportTarget.CTYPES)),
                new ExportTarget("rust", "Rust #[repr(C)]", ".rs", "rust",
                        code(dev.structscope.model.export.ExportTarget.RUST)),
                new ExportTarget("ksy", "Kaitai Struct (.ksy)", ".ksy", "yaml",
                        code(dev.structscope.model.export.ExportTarget.KSY)),
                new ExportTarget("wireshark", "Wireshark dissector (Lua)", ".lua", "lua", ExportTarget::wireshark),
                new ExportTarget("json", "Layout document (JSON)", ".json", "json", ExportTarget::json));
    }
}
