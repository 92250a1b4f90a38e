package dev.structscope.model.export;

import dev.structscope.model.type.TypeLibrary;

/** Placeholder. */
public final class RustExporter implements Exporter {
    @Override
    public ExportResult export(TypeLibrary library, ExportOptions options) {
        throw new dev.structscope.model.InputException("--to", "not implemented yet");
    }
}
