package dev.structscope.app.cli;

import dev.structscope.io.file.AtomicFile;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.export.ExportResult;
import dev.structscope.model.export.ExportTarget;
import dev.structscope.model.export.Exporter;
import dev.structscope.model.export.WiresharkExporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code structscope export LAYOUT --to c|java|ctypes|rust|ksy|json [--type NAME] [--abi ABI]
 * [-o PATH] [--package NAME] [--byte-order little|big]}, and {@code --to wireshark --type NAME
 * [--port N] [--transport udp|tcp]}: writes the layout in another language
 * (see {@link Exporter}); warnings about what the target cannot express go to stderr.
 */
public final class ExportCommand extends CliCommand {
    final LayoutArgs layout = new LayoutArgs();
    String to;
    String type;
    Path output;
    String javaPackage;
    String byteOrder;
    Integer port;
    String transport;

    public ExportCommand() {
        super("Write the layout as C, Java (java.lang.foreign), Python ctypes, Rust, Kaitai Struct, a Wireshark dissector (Lua) or a layout document.");
    }

    @Override
    void declare(CliSpec s) {
        layout.declare(s);
        s.required("--to", "TARGET", String.class, v -> to = v, "c, java, ctypes, rust, ksy, wireshark or json.");
        s.option("--type", "NAME", String.class, v -> type = v, "Only this struct or union and the types it uses.");
        s.option("-o, --output", "PATH", Path.class, v -> output = v,
                "Output file (stdout when absent); for --to java a directory (default: the current one).");
        s.option("--package", "NAME", String.class, v -> javaPackage = v, "Java package (default: the unnamed package).");
        s.option("--byte-order", "ORDER", String.class, v -> byteOrder = v, "little or big (default: the ABI's).");
        s.option("--port", "N", Integer.class, v -> port = v, "--to wireshark: register the dissector on this port.");
        s.option("--transport", "udp|tcp", String.class, v -> transport = v, "--to wireshark: udp (default) or tcp.");
    }

    @Override
    RuntimeException failed(IOException e) {
        return new InputException(output == null ? "" : output.toString(), "cannot write the export: " + e.getMessage(), e);
    }

    private Exporter exporter(ExportTarget target) {
        if (target != ExportTarget.WIRESHARK) {
            return Exporter.of(target);
        }
        WiresharkExporter.Transport t = switch (transport == null ? "udp" : transport) {
            case "udp" -> WiresharkExporter.Transport.UDP;
            case "tcp" -> WiresharkExporter.Transport.TCP;
            default -> throw new InputException("--transport", "must be udp or tcp, was '" + transport + "'");
        };
        return new WiresharkExporter(port, t);
    }

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        ExportTarget target = ExportTarget.byName(to);
        if (output != null && target != ExportTarget.JAVA) {
            if (Files.isDirectory(output)) {
                throw new InputException(output.toString(), "is a directory; -o takes a file for --to " + target.cliName());
            }
            AtomicFile.checkTarget(output, "-o " + output);
        }
        if ((port != null || transport != null) && target != ExportTarget.WIRESHARK) {
            throw new InputException(port != null ? "--port" : "--transport", "only for --to wireshark");
        }
        Abi abi = layout.abi();
        ByteOrder order = byteOrder == null || byteOrder.isEmpty() ? null : RecordArgs.byteOrder(byteOrder);
        if (javaPackage != null && !javaPackage.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
            throw new InputException("--package", "not a Java package name: '" + javaPackage + "'");
        }
        TypeLibrary library = layout.load(err);
        if (type != null) {
            LayoutEngine.layout(type, library, abi, layout.limits()); // reports an unknown --type with the known names
        }
        ExportOptions options = new ExportOptions(abi, type, order, javaPackage);
        ExportResult result = exporter(target).export(library, options);
        for (String w : result.warnings()) {
            warn(err, w);
        }
        if (target == ExportTarget.JAVA) {
            Path dir = output == null ? Path.of(".") : output;
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new InputException(dir.toString(), "-o must be a directory for --to java");
            }
            Files.createDirectories(dir);
            for (ExportResult.File f : result.files()) {
                Files.writeString(dir.resolve(f.name()), f.text());
            }
        } else if (output == null) {
            out.print(result.text());
        } else {
            AtomicFile.writeText(output, result.text());
        }
        return 0;
    }
}
