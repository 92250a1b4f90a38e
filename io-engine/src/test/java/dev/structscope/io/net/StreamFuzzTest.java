package dev.structscope.io.net;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer over a real loopback TCP stream: the fuzzer picks a framing (every stream framing, and
 * for {@code mp} optionally the authkey handshake as listener or client) and the bytes the peer
 * sends, then closes. The receiving {@link StreamConnection} may only deliver whole messages
 * within the frame limit, whose sizes add up with their headers to exactly the bytes it consumed,
 * or end in an {@link InputException} with a message. Any other exception, a hang (time-outs are
 * 2 s) or a buffer past the memory cap is a finding. The seeded round trip over every framing is
 * {@link FramingFuzzTest} (normal suite); this target is for coverage-guided runs
 * ({@code JAZZER_FUZZ=1}) and regression inputs under {@code StreamFuzzTestInputs/}.
 */
class StreamFuzzTest {
    private static final List<String> FRAMINGS = List.of("fixed", "u16be", "u16le", "u32be", "u32le", "mp");
    private static final long MAX_FRAME = 1024;
    private static ServerSocketChannel server;

    @BeforeAll
    static void listen() throws IOException {
        server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterAll
    static void close() throws IOException {
        server.close();
    }

    @FuzzTest(maxDuration = "60s")
    void streamsEndInWholeMessagesOrAnInputException(FuzzedDataProvider data) throws Exception {
        String name = FRAMINGS.get(data.consumeInt(0, FRAMINGS.size() - 1));
        int recordSize = data.consumeInt(1, 64);
        int handshake = name.equals("mp") ? data.consumeInt(0, 2) : 0;   // 0 none, 1 as listener, 2 as client
        byte[] stream = data.consumeRemainingAsBytes();
        Framing framing = Framing.parse(name, recordSize);
        CaptureOptions opts = CaptureOptions.defaults().withMaxFrameBytes(MAX_FRAME).withMemoryCapBytes(16 * 1024)
                .withTimeouts(2_000, 2_000, 2_000).withIdleMillis(2_000);

        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        try (SocketChannel peer = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
             SocketChannel accepted = server.accept()) {
            Thread writer = Thread.ofVirtual().start(() -> {
                try {
                    ByteBuffer b = ByteBuffer.wrap(stream);
                    while (b.hasRemaining()) {
                        peer.write(b);
                    }
                    peer.shutdownOutput();
                } catch (IOException ignored) {
                    // the receiver may give up first; that is one of the outcomes
                }
            });
            long[] delivered = {0, 0};
            try (StreamConnection c = new StreamConnection(accepted, framing, opts)) {
                try {
                    if (handshake == 1) {
                        MpAuth.asListener(c, "key".getBytes(), 2_000);
                    } else if (handshake == 2) {
                        MpAuth.asClient(c, "key".getBytes(), 2_000);
                    }
                    long before = c.bytesReceived();
                    while (c.receive(m -> {
                        assertTrue(m.byteSize() <= MAX_FRAME, "message of " + m.byteSize());
                        delivered[0]++;
                        delivered[1] += m.byteSize();
                    })) {
                        assertTrue(delivered[0] <= stream.length + 1L, "more messages than bytes");
                    }
                    // Ended cleanly between messages: all bytes are accounted for as frames.
                    if (handshake == 0 && !name.equals("fixed")) {
                        long headers = c.bytesReceived() - before - delivered[1];
                        assertTrue(headers >= 2 * delivered[0], "headers " + headers + " for " + delivered[0]);
                    }
                    if (handshake == 0 && name.equals("fixed")) {
                        assertEquals(stream.length, delivered[1], "fixed framing delivers every byte");
                    }
                } catch (InputException e) {
                    assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "an InputException without a message");
                }
            } catch (IOException e) {
                // A write of the handshake to a peer that already closed may fail; the message
                // must still say what happened.
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "an IOException without a message: " + e);
            }
            peer.close();
            writer.join(5_000);
        }
    }
}
