package dev.structscope.app.hexview;

import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: the reader of a type declared in a C header text (x86-64 Linux, little-endian), as the window builds it. */
public final class HeaderReaders {
    private HeaderReaders() {
    }

    /** Writes {@code header} to {@code dir/TYPE.h}, imports it and returns the reader of {@code type}. */
    public static RecordReader of(Path dir, String header, String type) throws IOException {
        Path h = dir.resolve(type + ".h");
        Files.writeString(h, header);
        var lib = LocalHeaders.importFile(h, HeaderImporter.Options.defaults());
        return RecordReader.of(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
    }
}
