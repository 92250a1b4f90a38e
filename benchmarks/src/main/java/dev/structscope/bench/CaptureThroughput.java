package dev.structscope.bench;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.CaptureResult;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.TcpCapture;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Locale;

/**
 * Capture throughput over loopback: a sender thread writes 32-byte records with a length prefix as
 * fast as TCP takes them; the capture receives them into its native buffer and decodes every
 * scalar member of each in place. Prints messages per second for each framing.
 *
 * <p>Run: {@code java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)
 * dev.structscope.bench.CaptureThroughput [messages]}. The Python peer to compare with is
 * {@code benchmarks/peers/mp_recv_bytes.py}.
 */
public final class CaptureThroughput {
    private CaptureThroughput() {
    }

    /** struct Tick32 { uint64_t ts; int32_t id; float price; double qty; int16_t flags; uint8_t side; }: 32 bytes. */
    static final RecordType TICK = RecordType.struct("Tick32", List.of(
            Member.of("ts", PrimitiveType.of(Prim.UINT64)), Member.of("id", PrimitiveType.of(Prim.INT32)),
            Member.of("price", PrimitiveType.of(Prim.FLOAT)), Member.of("qty", PrimitiveType.of(Prim.DOUBLE)),
            Member.of("flags", PrimitiveType.of(Prim.INT16)), Member.of("side", PrimitiveType.of(Prim.UINT8))));

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000;
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(TICK, TypeLibrary.of(TICK), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        List<ScalarNode> leaves = plan.leaves(1000).stream().map(DecoderPlan.Leaf::node).toList();
        for (String framing : List.of("u32le", "mp")) {
            for (int round = 0; round < 3; round++) {
                double rate = run(framing, n, plan, leaves);
                System.out.printf(Locale.ROOT, "%s round %d: %.2f M messages/s%n", framing, round, rate / 1e6);
            }
        }
    }

    static double run(String framingName, long n, DecoderPlan plan, List<ScalarNode> leaves) throws Exception {
        Framing framing = Framing.parse(framingName, plan.recordSize());
        double[] checksum = {0};
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Thread sender = Thread.ofPlatform().start(() -> send(port, framing, n, (int) plan.recordSize()));
            CaptureResult r = new TcpCapture(framing, null, CaptureOptions.defaults().withIdleMillis(30_000), n, m -> {
                MemorySegment s = m.bytes();
                double sum = 0;
                for (ScalarNode leaf : leaves) {
                    sum += leaf.readDouble(s, 0);
                }
                checksum[0] += sum;
            }).listen(server);
            sender.join();
            if (r.messages() != n || checksum[0] != n * (double) expectedSum()) {
                throw new IllegalStateException("lost or garbled messages: " + r + " checksum " + checksum[0]);
            }
            return r.rate();
        }
    }

    private static long expectedSum() {
        return 1 + 2 + 3 + 4 + 5 + 6;
    }

    private static void send(int port, Framing framing, long n, int size) {
        try (Arena arena = Arena.ofConfined();
             SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            MemorySegment header = arena.allocate(16);
            int h = Framing.writeHeader(framing, header, size);
            int frame = h + size;
            int perBatch = 8192;
            ByteBuffer batch = ByteBuffer.allocateDirect(perBatch * frame).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < perBatch; i++) {
                int at = i * frame;
                for (int k = 0; k < h; k++) {
                    batch.put(at + k, header.get(java.lang.foreign.ValueLayout.JAVA_BYTE, k));
                }
                at += h;
                batch.putLong(at, 1).putInt(at + 8, 2).putFloat(at + 12, 3f).putDouble(at + 16, 4)
                        .putShort(at + 24, (short) 5).put(at + 26, (byte) 6);
            }
            long left = n;
            while (left > 0) {
                int k = (int) Math.min(left, perBatch);
                batch.limit(k * frame).position(0);
                while (batch.hasRemaining()) {
                    ch.write(batch);
                }
                left -= k;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
