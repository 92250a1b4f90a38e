package dev.structscope.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The bundled samples (see {@code docs/readme-samples.md}); {@link #DEFAULT} is the one the GUI
 * shows when started with no arguments. Stateless; any thread.
 */
public final class Samples {
    private Samples() {
    }

    public static final Sample TICKS = new Sample("ticks.bin", "ticks.h", "Tick", 0, "little",
            "A market-data tick log: 5000 records with u64 timestamps, floats, doubles, an enum and a char array.");

    public static final List<Sample> ALL = List.of(
            new Sample("point.bin", "point.h", "POINT", 0, "little",
                    "The classic ctypes POINT(x, y), three written by Python ctypes with f.write(p)."),
            new Sample("image.bmp", "bmp.h", "BITMAPFILEHEADER", 0, "little",
                    "A 4x2 BMP: packed BITMAPFILEHEADER at 0, BITMAPINFOHEADER at 14 (#pragma pack(1))."),
            new Sample("tone.wav", "wav.h", "WavHeader", 0, "little",
                    "A WAV file written by Python's wave module: the 44-byte RIFF/fmt/data header."),
            new Sample("hello.elf", "elf_header.h", "Elf64_Ehdr", 0, "little",
                    "A small x86-64 executable: its Elf64_Ehdr with <elf.h>-style typedefs."),
            new Sample("capture.pcap", "pcap.h", "pcap_hdr_t", 0, "little",
                    "A pcap capture: global header at 0, record headers (pcaprec_hdr_t) at 24, 60, 96."),
            TICKS,
            new Sample("netheader.bin", "netheader.h", "IpUdp", 0, "big",
                    "Big-endian IPv4+UDP headers with MSB-first bit-fields (version:4, ihl:4 = 0x45)."));

    /** The sample the GUI opens when started with no arguments. */
    public static final Sample DEFAULT = TICKS;

    /** Opens a sample file (data or header) from the class path. */
    public static InputStream open(String name) {
        InputStream in = Samples.class.getResourceAsStream(Sample.resource(name));
        if (in == null) {
            throw new IllegalArgumentException("no sample file " + name);
        }
        return in;
    }

    /**
     * Copies a sample's data and header into {@code dir} (the engine maps files, and a resource
     * inside a jar is not a file) and returns the data file's path.
     */
    public static Path extract(Sample sample, Path dir) {
        try {
            Files.createDirectories(dir);
            for (String name : List.of(sample.data(), sample.header())) {
                try (InputStream in = open(name)) {
                    Files.write(dir.resolve(name), in.readAllBytes());
                }
            }
            return dir.resolve(sample.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
