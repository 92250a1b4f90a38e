package dev.structscope.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes large record files for benchmarks and big-file checks, deterministically (same seed,
 * same bytes). Usage:
 * <pre>
 *   java -cp sample-files/target/classes dev.structscope.samples.RecordFileGenerator OUT SIZE [bench32|ticks]
 * </pre>
 * SIZE in bytes, with an optional suffix k, m or g (powers of 1024); the file holds
 * SIZE / record-size whole records. Formats (little-endian, x86-64 layout):
 * <ul>
 *   <li>{@code bench32} (default): {@code struct Bench32 { int64_t ts; int32_t id; float price;
 *       double qty; int32_t flags; uint32_t side; }}, 32 bytes — {@link #BENCH32_HEADER}</li>
 *   <li>{@code ticks}: {@code struct Tick} of {@code ticks.h}, 40 bytes</li>
 * </ul>
 * Runs on one thread; memory use is one buffer of {@link RecordSink} (4 to 5 MiB) whatever the size.
 */
public final class RecordFileGenerator {
    private RecordFileGenerator() {
    }

    /** The C header of the {@code bench32} records. */
    public static final String BENCH32_HEADER = """
            #include <stdint.h>
            struct Bench32 {
                int64_t ts;
                int32_t id;
                float price;
                double qty;
                int32_t flags;
                uint32_t side;
            };
            """;

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RecordFileGenerator OUT SIZE[k|m|g] [bench32|ticks]");
            System.exit(2);
        }
        String kind = args.length > 2 ? args[2] : "bench32";
        long records = write(Path.of(args[0]), parseSize(args[1]), kind);
        System.out.println("wrote " + records + " " + kind + " records to " + args[0]);
    }

    static long parseSize(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long mul = 1;
        if (t.endsWith("k")) {
            mul = 1L << 10;
        } else if (t.endsWith("m")) {
            mul = 1L << 20;
        } else if (t.endsWith("g")) {
            mul = 1L << 30;
        }
        if (mul != 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * mul;
    }

    /** Writes {@code size / recordSize} records of {@code kind} to {@code out}; returns the count. */
    public static long write(Path out, long size, String kind) throws IOException {
        int recordSize = switch (kind) {
            case "bench32" -> 32;
            case "ticks" -> 40;
            default -> throw new IllegalArgumentException("unknown kind " + kind + " (bench32, ticks)");
        };
        long records = size / recordSize;
        SplittableRandom rng = new SplittableRandom(42);
        long ts = 1_700_000_000_000_000_000L;
        try (RecordSink sink = new RecordSink(out, recordSize)) {
            for (long r = 0; r < records; r++) {
                ts += rng.nextInt(1_000, 5_000_000);
                int id = rng.nextInt(1, 5000);
                float price = (float) (10 + rng.nextDouble() * 490);
                double qty = Math.floor(rng.nextDouble() * 100000) / 100;
                ByteBuffer buf = sink.next();
                if (recordSize == 32) {
                    buf.putLong(ts).putInt(id).putFloat(price).putDouble(qty).putInt(rng.nextInt(8)).putInt(rng.nextInt(2));
                } else {
                    buf.putLong(ts).putInt(id).putFloat(price).putDouble(qty).putShort((short) rng.nextInt(8))
                            .putShort((short) 0).putInt(rng.nextInt(2)).put("XNAS\0\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                            .putShort((short) 0);
                }
            }
        }
        return records;
    }
}
