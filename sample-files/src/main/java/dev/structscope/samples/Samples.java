package dev.structscope.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bundled samples (see {@code docs/user/samples.md}); {@link #DEFAULT} is the one the GUI
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

    /** A whole ELF file: header, program headers and section headers placed and counted by the header's fields. */
    public static final Sample ELF = new Sample("hello.elf", "elf64.h", "ElfFile", 0, "little",
            "A small x86-64 program, whole: the file header places and counts its program and section header tables.");

    /**
     * Samples whose records have data-dependent sizes, counts, places and bodies (issue 13:
     * counted arrays, {@code []} to the end, {@code structscope::at/switch/when/size}). Kept apart
     * from {@link #ALL} because their headers need the dynamic-layout engine.
     */
    public static final List<Sample> DYNAMIC = List.of(
            new Sample("packets.pcap", "pcap_file.h", "PcapFile", 0, "little",
                    "A pcap capture, whole: a global header, then 12 Ethernet frames, each record as long as its incl_len."),
            ELF,
            new Sample("hello32.o", "elf32.h", "Elf32File", 0, "little",
                    "An i386 object file (gcc -m32 -c), whole: 32-bit ELF header and its section header table."),
            new Sample("chunks.wav", "wav_chunks.h", "WavFile", 0, "little",
                    "A WAV file as RIFF chunks: fmt, LIST/INFO and data bodies chosen by a char[4] id, a JUNK chunk skipped by its size."),
            new Sample("proto.bin", "proto.h", "Msg", 0, "little",
                    "A stream of mixed protocol messages: a header with type and length, the body chosen by type."),
            new Sample("proto.pcapng", "proto.h", "Msg", 0, "little",
                    "The same protocol messages recorded as capture --save does (replay with capture --replay)."));

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

    /** The sample of {@link #ALL} or {@link #DYNAMIC} with this data file name. */
    public static Sample byData(String data) {
        return Stream.concat(ALL.stream(), DYNAMIC.stream()).filter(s -> s.data().equals(data))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no sample " + data));
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
