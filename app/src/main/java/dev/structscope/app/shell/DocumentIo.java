package dev.structscope.app.shell;

import dev.structscope.io.file.DocumentFiles;
import dev.structscope.app.binary.BinaryFiles;
import dev.structscope.io.file.AtomicFile;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.export.CExporter;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.export.ExportTarget;
import dev.structscope.model.export.Exporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes layout documents for the GUI: {@code .json} layout documents through
 * {@link LayoutDocuments}, ELF binaries through their DWARF (read only: never written over),
 * anything else as a C header through {@link HeaderImporter} (written by {@link CExporter}). Saving
 * is atomic (a temporary file in the same directory, then a rename). Blocking I/O: call it off
 * the FX thread. Bad input raises {@link InputException}.
 */
public interface DocumentIo {
    /** A C header gives a document with types only (no ABI or byte order). */
    LayoutDocument read(Path file);

    void write(LayoutDocument doc, Path file);

    /** The standard implementation. */
    DocumentIo STANDARD = new DocumentIo() {
        @Override
        public LayoutDocument read(Path file) {
            if (!Files.isRegularFile(file)) {
                throw new InputException(file.toString(), Files.exists(file) ? "is not a regular file" : "no such file");
            }
            if (isJson(file)) {
                return DocumentFiles.read(file);
            }
            if (BinaryFiles.isElf(file)) {
                // A compiled binary: its DWARF types, in the ABI of its machine.
                var abi = BinaryFiles.abiOf(file, w -> { });
                return new LayoutDocument(null, null, abi.name(), null,
                        BinaryFiles.read(file, abi, dev.structscope.model.Limits.DEFAULT, w -> { }), java.util.Map.of());
            }
            // A header StructScope wrote is read for the ABI it was written for (its static
            // assertions hold for that one), and the document takes that ABI.
            Abi abi = null;
            try {
                String written = dev.structscope.io.headers.LocalHeaders.writtenFor(file);
                abi = written == null ? null : Abi.byName(written);
            } catch (InputException e) {
                // an ABI this version does not know: read it as any header
            }
            var options = new HeaderImporter.Options(false, List.of(), w -> { });
            var lib = dev.structscope.io.headers.LocalHeaders.importFile(file, abi == null ? options : options.withAbi(abi));
            return abi == null ? LayoutDocument.of(lib) : new LayoutDocument(null, null, abi.name(), null, lib, java.util.Map.of());
        }

        @Override
        public void write(LayoutDocument doc, Path file) {
            if (BinaryFiles.isElf(file)) {
                throw new InputException(file.toString(), "is a compiled binary, which a layout is not written over:"
                        + " save the layout as a .json document or a .h header (Save As)");
            }
            writeAtomically(file, isJson(file) ? LayoutDocuments.toJson(doc) : header(doc));
        }
    };

    /**
     * The C header Save As writes: the export dialog's "C header" of the whole document for its
     * ABI and byte order ({@link CExporter}), so Save As {@code .h} and Export → C are one text.
     */
    static String header(LayoutDocument doc) {
        Abi abi = doc.abi() == null ? Abis.X86_64_LINUX : Abi.byName(doc.abi());
        return Exporter.of(ExportTarget.C).export(doc.library(), new ExportOptions(abi, null, doc.byteOrder(), "")).text();
    }

    /**
     * Whether writing {@code doc} back over {@code file}, the C header it was read from, would
     * drop text the user wrote: true unless the file is a header exactly as this writer wrote it
     * (for the ABI its first line names). A header's comments, macros, {@code #include}s and the
     * enum names its expressions use are not in the layout, so a save writes them anew without
     * them. Reads the file: call it off the FX thread. A file that cannot be read loses nothing here.
     */
    static boolean losesText(Path file, LayoutDocument doc) {
        if (isJson(file) || BinaryFiles.isElf(file)) {
            return false;
        }
        // The first line decides for a hand-written header: only StructScope's own is read again whole.
        String abi = dev.structscope.io.headers.LocalHeaders.writtenFor(file);
        if (abi == null) {
            return Files.isReadable(file);
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return false;
        }
        try {
            return !text.equals(header(new LayoutDocument(null, null, Abi.byName(abi).name(), null,
                    doc.library(), java.util.Map.of())));
        } catch (InputException e) {
            return true;
        }
    }

    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /** Writes {@code text} atomically ({@link AtomicFile}); a failure names the file. */
    static void writeAtomically(Path file, String text) {
        try {
            AtomicFile.writeText(file, text);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot write: " + e.getMessage(), e);
        }
    }
}
