package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every framing over random and mutated byte streams, through a real loopback socket: the only
 * allowed outcomes are whole messages (each within the frame limit) or an {@link InputException}
 * with a message; never another exception, a hang, or an allocation past the memory cap.
 */
class FramingFuzzTest {
    private static final List<String> FRAMINGS = List.of("fixed", "u16be", "u16le", "u32be", "u32le", "mp");
    private static final long MAX_FRAME = 4096;

    @Test
    void randomStreamsEndInMessagesOrOneClearError() throws Exception {
        Random random = new Random(0x5eed);
        int errors = 0;
        int messages = 0;
        for (int round = 0; round < 120; round++) {
            String name = FRAMINGS.get(round % FRAMINGS.size());
            byte[] stream = round % 3 == 0 ? randomBytes(random) : mutatedValidStream(random, name);
            Outcome o = feed(name, stream);
            assertTrue(o.error == null || o.error instanceof InputException,
                    () -> name + " round: unexpected " + o.error);
            if (o.error != null) {
                assertTrue(o.error.getMessage() != null && !o.error.getMessage().isBlank());
                errors++;
            }
            messages += o.messages;
        }
        // Both outcomes must have been exercised, or the fuzzer is not looking at anything.
        assertTrue(errors > 10, "errors " + errors);
        assertTrue(messages > 100, "messages " + messages);
    }

    @Test
    void framesOverTheLimitAreRefusedWhateverTheFraming() throws Exception {
        for (String name : List.of("u16be", "u32le", "mp")) {
            ByteBuffer b = ByteBuffer.allocate(16).order(name.endsWith("le") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            if (name.equals("u16be")) {
                b.putShort((short) 0xFFFF);
            } else {
                b.putInt(Integer.MAX_VALUE);
            }
            Outcome o = feed(name, java.util.Arrays.copyOf(b.array(), b.position()));
            assertTrue(o.error instanceof InputException, name + ": " + o.error);
            assertTrue(o.error.getMessage().contains("over the limit of " + MAX_FRAME), o.error.getMessage());
            assertEquals(0, o.messages);
        }
    }

    /**
     * The datagram "framing": random datagrams of every size from 0 to the UDP maximum (65,507
     * bytes, empty ones included) arrive as one message each with exactly their bytes, in order,
     * none dropped (loopback, a consumer that keeps up), none cut or delivered twice.
     */
    @Test
    void randomDatagramsOfEverySizeArriveWholeAndInOrder() throws Exception {
        Random random = new Random(0xDA7A);
        List<byte[]> sent = new java.util.ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int n = switch (i % 10) {
                case 0 -> 0;
                case 1 -> 65_507;
                case 2 -> 1;
                default -> random.nextInt(2000);
            };
            byte[] b = new byte[n];
            random.nextBytes(b);
            sent.add(b);
        }
        CaptureOptions opts = CaptureOptions.defaults().withIdleMillis(1_000);
        try (UdpCapture udp = new UdpCapture("127.0.0.1", 0, opts);
             java.nio.channels.DatagramChannel out = java.nio.channels.DatagramChannel.open()) {
            InetSocketAddress to = new InetSocketAddress("127.0.0.1", udp.localPort());
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    for (byte[] b : sent) {
                        out.send(ByteBuffer.wrap(b), to);
                        Thread.sleep(1);
                    }
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            int[] next = {0};
            long[] received = {0};
            Exception end = null;
            try {
                udp.run(sent.size(), m -> {
                    byte[] got = m.bytes().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                    // In order, whole: the next datagram sent that has these bytes.
                    while (next[0] < sent.size() && !java.util.Arrays.equals(sent.get(next[0]), got)) {
                        next[0]++;
                    }
                    assertTrue(next[0] < sent.size(), "message " + m.seq() + " of " + got.length + " bytes was never sent");
                    next[0]++;
                    received[0]++;
                });
            } catch (InputException idle) {
                end = idle;
            }
            sender.join(10_000);
            // On loopback at this pace nothing is lost: every datagram, the empty ones included,
            // must have been delivered (an idle time-out here means one went missing).
            assertEquals(null, end, "received " + received[0] + " of " + sent.size() + ", dropped " + udp.dropped());
            assertEquals(sent.size(), received[0]);
            assertEquals(0, udp.dropped());
        }
    }

    private record Outcome(int messages, Exception error) {
    }

    private static Outcome feed(String framingName, byte[] stream) throws Exception {
        Framing framing = Framing.parse(framingName, 12);
        CaptureOptions opts = CaptureOptions.defaults().withMaxFrameBytes(MAX_FRAME).withMemoryCapBytes(64 * 1024)
                .withTimeouts(2_000, 2_000, 500).withIdleMillis(2_000);
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0))) {
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            Thread writer = Thread.ofVirtual().start(() -> {
                try (SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
                    ByteBuffer b = ByteBuffer.wrap(stream);
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                } catch (IOException ignored) {
                    // the reader may close first after an error; that is one of the outcomes
                }
            });
            int[] n = {0};
            Exception error = null;
            try {
                new TcpCapture(framing, null, opts, 0, m -> {
                    assertTrue(m.bytes().byteSize() <= MAX_FRAME);
                    n[0]++;
                }).listen(server);
            } catch (Exception e) {
                error = e;
            }
            writer.join(5_000);
            return new Outcome(n[0], error);
        }
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(600)];
        r.nextBytes(b);
        return b;
    }

    /** A valid stream of a few frames, then a few bytes flipped, cut or inserted. */
    private static byte[] mutatedValidStream(Random r, String name) {
        Framing f = Framing.parse(name, 12);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment out = a.allocate(64 * 1024);
            long at = 0;
            int frames = 1 + r.nextInt(8);
            for (int i = 0; i < frames; i++) {
                int len = name.equals("fixed") ? 12 : r.nextInt(200);
                int h = Framing.writeHeader(f, out.asSlice(at), len);
                at += h + len;
            }
            byte[] b = out.asSlice(0, at).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            switch (r.nextInt(3)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                    }
                }
                case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
                default -> {
                }
            }
            return b;
        }
    }
}
