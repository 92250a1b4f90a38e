package dev.structscope.spark;

import dev.structscope.io.file.DocumentFiles;
import dev.structscope.io.columns.ColumnSchema;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.net.URI;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The record type a query reads, in the form that travels from the driver to the executors: the
 * types of the LAYOUT as a layout document (JSON text, so a header's includes and macros are
 * resolved once, on the driver), the type's name and the read options. The driver
 * {@link #load loads} it once from the options; each executor {@link #decoding() rebuilds} the
 * reader from it (once per JVM and layout) without touching the LAYOUT file.
 *
 * <p>Immutable and serialisable; any thread.
 *
 * @param layoutName the LAYOUT option as given (names it in messages)
 * @param document   the layout document of every type the LAYOUT defines
 * @param type       the struct or union of each record
 * @param abi        the ABI's name ({@code x86_64-linux}, ...)
 * @param bigEndian  the byte order of the data
 * @param offset     bytes to skip at the start of each file
 */
record ShippedLayout(String layoutName, String document, String type, String abi, boolean bigEndian, long offset)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShippedLayout.class);

    /**
     * Reads the LAYOUT the options name and checks the type lays out, on the driver.
     *
     * @throws InputException with the CLI's message for a missing, unreadable or bad LAYOUT, an
     *                        unknown type, ABI or byte order, or a bad offset
     */
    static ShippedLayout load(ReadOptions options, Configuration hadoop) {
        Abi abi = Abi.byName(options.abi());
        TypeLibrary library = read(options.layout(), abi, hadoop);
        ShippedLayout shipped = new ShippedLayout(options.layout(), LayoutDocuments.toJson(library), options.type(),
                options.abi(), options.bigEndian(), options.offset());
        // Laid out from the LAYOUT as the CLI does it (its messages for a type that cannot be laid
        // out), then from the document the executors get, which must come to the same records.
        Decoding direct = shipped.build(library);
        Decoding shippedForm = shipped.decoding();
        if (!direct.columns().root().equals(shippedForm.columns().root())
                || direct.reader().minSize() != shippedForm.reader().minSize()
                || direct.reader().dynamic() != shippedForm.reader().dynamic()) {
            throw new IllegalStateException(options.type() + " of " + options.layout()
                    + " reads differently from its layout document: a defect of the document form");
        }
        return shipped;
    }

    /** The compiled reader and columns of the type: built once per JVM for each layout. */
    Decoding decoding() {
        Decoding d = CACHE.get(this);
        if (d == null) {
            d = build(LayoutDocuments.parse(document, layoutName).library());
            CACHE.put(this, d);
        }
        return d;
    }

    private Decoding build(TypeLibrary library) {
        Abi a = Abi.byName(abi);
        RecordLayout layout = LayoutEngine.layout(type, library, a, Limits.DEFAULT);
        RecordReader reader = RecordReader.of(layout, a, bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                Limits.DEFAULT);
        return new Decoding(reader, ColumnSchema.of(layout));
    }

    /** A record type ready to read: its reader (fixed plan or dynamic decoder) and its columns. */
    record Decoding(RecordReader reader, ColumnSchema columns) {
    }

    /** The LAYOUT's types: a local file as the CLI reads it, any other file system through Hadoop. */
    private static TypeLibrary read(String layout, Abi abi, Configuration hadoop) {
        HeaderImporter.Options importOptions = new HeaderImporter.Options(false, java.util.List.of(),
                w -> LOG.warn("structscope: warning: {}", w), abi, Limits.DEFAULT);
        boolean document = layout.toLowerCase(Locale.ROOT).endsWith(".json");
        URI uri = uri(layout);
        if (uri == null || uri.getScheme() == null || uri.getScheme().equals("file")) {
            java.nio.file.Path path = uri == null || uri.getScheme() == null ? java.nio.file.Path.of(layout) : java.nio.file.Path.of(uri);
            if (!Files.exists(path)) {
                throw new InputException(layout, "no such file");
            }
            if (Files.isDirectory(path)) {
                throw new InputException(layout, "is a directory, not a layout document or C header");
            }
            if (!Files.isReadable(path)) {
                throw new InputException(layout, "cannot be read (permission denied)");
            }
            return document ? DocumentFiles.readLibrary(path, Limits.DEFAULT.maxInputBytes())
                    : dev.structscope.io.headers.LocalHeaders.importFile(path, importOptions);
        }
        String text = readText(new Path(uri), hadoop, layout);
        return document ? LayoutDocuments.parse(text, layout).library() : HeaderImporter.importText(text, layout, importOptions);
    }

    private static URI uri(String layout) {
        try {
            URI u = new URI(layout);
            // A Windows drive letter or a bare path is not a scheme.
            return u.getScheme() != null && u.getScheme().length() < 2 ? null : u;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String readText(Path path, Configuration hadoop, String name) {
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            if (!fs.exists(path)) {
                throw new InputException(name, "no such file");
            }
            long size = fs.getFileStatus(path).getLen();
            if (size > Limits.DEFAULT.maxInputBytes()) {
                throw new InputException(name, "is larger than the limit of " + Limits.DEFAULT.maxInputBytes() + " bytes");
            }
            byte[] bytes = new byte[(int) size];
            try (FSDataInputStream in = fs.open(path)) {
                in.readFully(0, bytes);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(name, "cannot be read: " + e.getMessage());
        }
    }

    /** Layouts rebuilt in this JVM, few and small: the last ones used. */
    private static final Map<ShippedLayout, Decoding> CACHE = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ShippedLayout, Decoding> eldest) {
                    return size() > 8;
                }
            });
}
