package dev.structscope.app.hexview;

import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.headers.LocalHeaders;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.samples.Sample;
import dev.structscope.samples.Samples;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: the reader of a type declared in a C header text (x86-64 Linux, little-endian), as the window builds it. */
public final class HeaderReaders {
    private HeaderReaders() {
    }

    /** A packed length-prefixed message, {@code Msg}: {@code uint32_t len; uint16_t kind; uint8_t data[len];} (6 + len bytes). */
    public static final String MSG = """
            #include <stdint.h>
            #pragma pack(1)
            typedef struct { uint32_t len; uint16_t kind; uint8_t data[len]; } Msg;
            """;

    /** The reader of {@link #MSG}'s {@code Msg}, its header written into {@code dir}. */
    public static RecordReader msg(Path dir) throws IOException {
        return of(dir, MSG, "Msg");
    }

    /**
     * Extracts the dynamic sample whose data file is {@code data} into {@code dir} (as
     * {@code dir/data}, its header beside it) and returns the reader of {@code type} from that header.
     * (hello.elf is also a fixed-layout sample with another header: this is the dynamic one.)
     */
    public static RecordReader ofDynamicSample(Path dir, String data, String type) {
        Sample s = Samples.DYNAMIC.stream().filter(x -> x.data().equals(data)).findFirst().orElseThrow();
        Path file = Samples.extract(s, dir);
        return read(LocalHeaders.importFile(file.resolveSibling(s.header()), HeaderImporter.Options.defaults()), type);
    }

    /** Writes {@code header} to {@code dir/TYPE.h}, imports it and returns the reader of {@code type}. */
    public static RecordReader of(Path dir, String header, String type) throws IOException {
        Path h = dir.resolve(type + ".h");
        Files.writeString(h, header);
        return read(LocalHeaders.importFile(h, HeaderImporter.Options.defaults()), type);
    }

    private static RecordReader read(TypeLibrary lib, String type) {
        return RecordReader.of(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
    }
}
