package dev.structscope.model.export;

import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.type.TypeLibrary;

import java.util.List;
import java.util.Map;

/**
 * Writes the export as the project's own layout document ({@code --to json}, the export
 * dialog's "Layout document"): the types exported ({@code --type} and what it uses, or all),
 * the ABI they were laid out for, and the byte order where it is not that ABI's own. The text is
 * {@link LayoutDocuments#toJson}'s, so it reads back as any saved document. Stateless.
 */
public final class JsonExporter implements Exporter {
    @Override
    public ExportResult export(TypeLibrary library, ExportOptions options) {
        LayoutDocument doc = new LayoutDocument(null, null, options.abi().name(),
                options.byteOrder() == options.abi().byteOrder() ? null : options.byteOrder(),
                ExportModel.subset(library, options.type()), Map.of());
        return new ExportResult(List.of(new ExportResult.File("layout.json", LayoutDocuments.toJson(doc))), List.of());
    }
}
