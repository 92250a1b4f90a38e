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
