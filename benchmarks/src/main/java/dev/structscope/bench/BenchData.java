package dev.structscope.bench;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.samples.RecordFileGenerator;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The benchmark data: a file of {@code struct Bench32} records (see
 * {@link RecordFileGenerator#BENCH32_HEADER}) under {@code /tmp/structscope-bench/}, made once
 * and reused by later runs (and by the peer scripts in {@code benchmarks/peers/}).
 */
final class BenchData {
    private BenchData() {
    }

    static final Path DIR = Path.of(System.getProperty("structscope.bench.dir", "/tmp/structscope-bench"));

    /** The bench32 file of {@code size} bytes, generated when missing or of another size. */
    static Path bench32(long size) throws IOException {
        Files.createDirectories(DIR);
        Path f = DIR.resolve("bench32-" + (size >> 20) + "m.bin");
        if (!Files.exists(f) || Files.size(f) != size) {
            RecordFileGenerator.write(f, size, "bench32");
        }
        return f;
    }

    /** The plan of {@code struct Bench32}, x86-64, little-endian. */
    static DecoderPlan bench32Plan() {
        return DecoderPlan.compile(bench32Layout(), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
    }

    /** {@code struct Bench32} laid out for x86-64. */
    static dev.structscope.model.layout.RecordLayout bench32Layout() {
        RecordType t = RecordType.struct("Bench32", List.of(m("ts", Prim.INT64), m("id", Prim.INT32),
                m("price", Prim.FLOAT), m("qty", Prim.DOUBLE), m("flags", Prim.INT32), m("side", Prim.UINT32)));
        return (dev.structscope.model.layout.RecordLayout) LayoutEngine.layout(t, TypeLibrary.of(t), Abis.X86_64_LINUX);
    }

    private static Member m(String name, Prim p) {
        return Member.of(name, PrimitiveType.of(p));
    }
}
