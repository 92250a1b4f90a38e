package dev.structscope.app.exporter;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.export.ExportResult;
import dev.structscope.model.export.ExportTarget;
import dev.structscope.model.export.Exporter;
import dev.structscope.model.export.WiresharkExporter;
import dev.structscope.model.type.TypeLibrary;

import java.nio.ByteOrder;
import java.util.List;

/**
 * One entry of the export dialog's list: a {@link ExportTarget} of {@code structscope export --to}
 * with how the dialog shows it (label, file extension, highlighter language). Rendering goes
 * through the target's {@link Exporter}, as the CLI's does, so the dialog and the CLI write the
 * same text. Immutable; any thread.
 */
public record ExportChoice(ExportTarget target, String label, String extension, String language) {

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

    /** The target's name as {@code --to} takes it. */
    public String id() {
        return target.cliName();
    }

    /** Whether the target describes one record (a Wireshark dissector): the dialog then exports the selected one. */
    public boolean oneRecord() {
        return target == ExportTarget.WIRESHARK;
    }

    /** The export of {@code r}; bad input (no record for a dissector, unknown type) raises an InputException. */
    public ExportResult render(Request r) {
        ExportOptions options = new ExportOptions(r.abi(), r.type(), r.byteOrder(), "");
        if (target != ExportTarget.WIRESHARK) {
            return Exporter.of(target).export(r.library(), options);
        }
        if (r.type() == null) {
            throw new dev.structscope.model.InputException("", "A Wireshark dissector decodes one struct or union: "
                    + "tick the option to export only the selected record");
        }
        return new WiresharkExporter(r.port(), r.tcp() ? WiresharkExporter.Transport.TCP
                : WiresharkExporter.Transport.UDP).export(r.library(), options);
    }

    /** Every target of {@code structscope export --to}, in menu order. */
    public static List<ExportChoice> all() {
        return List.of(
                new ExportChoice(ExportTarget.C, "C header", ".h", "c"),
                new ExportChoice(ExportTarget.JAVA, "Java (java.lang.foreign)", ".java", "java"),
                new ExportChoice(ExportTarget.CTYPES, "Python ctypes", ".py", "python"),
                new ExportChoice(ExportTarget.RUST, "Rust #[repr(C)]", ".rs", "rust"),
                new ExportChoice(ExportTarget.KSY, "Kaitai Struct (.ksy)", ".ksy", "yaml"),
                new ExportChoice(ExportTarget.WIRESHARK, "Wireshark dissector (Lua)", ".lua", "lua"),
                new ExportChoice(ExportTarget.JSON, "Layout document (JSON)", ".json", "json"));
    }
}
