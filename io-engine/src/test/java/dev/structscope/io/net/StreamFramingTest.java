package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TCP and UDP framings against raw Python socket peers, and the bad peers a capture must survive. */
class StreamFramingTest {
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @BeforeAll
    static void python() {
        PythonPeer.assumeAvailable();
    }

    private static int port(ServerSocketChannel s) throws Exception {
        return ((InetSocketAddress) s.getLocalAddress()).getPort();
    }

    private static List<Integer> listenFor(String mode, Framing framing, int n) throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0);
             PythonPeer py = new PythonPeer("raw_peer.py", mode, String.valueOf(port(server)), String.valueOf(n))) {
            List<Integer> xs = new ArrayList<>();
            CaptureResult r = new TcpCapture(framing, null, PythonPeer.OPTIONS, 0, m -> {
                assertEquals(16, m.bytes().byteSize());
                xs.add(m.bytes().get(I32, 0));
            }).listen(server);
            assertEquals(n, r.messages());
            assertEquals(0, r.dropped());
            return xs;
        }
    }

    @Test
    void u32BigEndianLengthPrefixesCutTheStreamIntoPoints() throws Exception {
        List<Integer> xs = listenFor("u32be", Framing.parse("u32be", 16), 1000);
        for (int i = 0; i < 1000; i++) {
            assertEquals(i, xs.get(i));
        }
    }

    @Test
    void severalPeersAreEachAStreamOfTheirOwn() throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
            String port = String.valueOf(port(server));
            // The peers hold their connections open: a capture ends when every peer it accepted
            // has gone, so on a slow machine two quick peers could otherwise end it before the
            // third has connected.
            try (PythonPeer a = new PythonPeer("raw_peer.py", "u32be-hold", port, "300");
                 PythonPeer b = new PythonPeer("raw_peer.py", "u32be-hold", port, "300");
                 PythonPeer c = new PythonPeer("raw_peer.py", "u32be-hold", port, "300")) {
                java.util.Map<String, List<Integer>> byPeer = new java.util.HashMap<>();
                CaptureResult r = new TcpCapture(Framing.parse("u32be", 16), null, PythonPeer.OPTIONS, 900, m ->
                        byPeer.computeIfAbsent(m.peer(), k -> new ArrayList<>()).add(m.bytes().get(I32, 0))).listen(server);
                assertEquals(900, r.messages());
                assertEquals(3, byPeer.size(), byPeer.keySet().toString());
                for (List<Integer> xs : byPeer.values()) {
                    // Each peer's stream arrives whole and in order, however the three interleave.
                    assertEquals(java.util.stream.IntStream.range(0, 300).boxed().toList(), xs);
                }
            }
        }
    }

    @Test
    void u16LittleEndianLengthPrefixesToo() throws Exception {
        assertEquals(List.of(0, 1, 2, 3), listenFor("u16le", Framing.parse("u16le", 16), 4));
    }

    @Test
    void fixedFramingOnAClientConnectionStopsAtTheCount() throws Exception {
        try (PythonPeer py = new PythonPeer("raw_peer.py", "listen-u32be", "50")) {
            int port = Integer.parseInt(py.line().strip());
            List<Integer> lens = new ArrayList<>();
            CaptureResult r = new TcpCapture(Framing.parse("u32be", 16), null, PythonPeer.OPTIONS, 10,
                    m -> lens.add((int) m.bytes().byteSize())).connect("127.0.0.1", port);
            assertEquals(10, r.messages());
            assertEquals(10, lens.size());
        }
    }

    @Test
    void udpDatagramsAreOneMessageEach() throws Exception {
        try (UdpCapture udp = new UdpCapture("127.0.0.1", 0, PythonPeer.OPTIONS)) {
            assertTrue(udp.receiveBufferBytes() > 0);
            try (PythonPeer py = new PythonPeer("raw_peer.py", "udp", String.valueOf(udp.localPort()), "20")) {
                List<Integer> xs = new ArrayList<>();
                CaptureResult r = udp.run(20, m -> xs.add(m.bytes().get(I32, 0)));
                assertEquals(20, r.messages());
                assertEquals(0, r.dropped());
                assertEquals(0, xs.get(0));
                assertEquals(19, xs.get(19));
            }
        }
    }

    @Test
    void aSlowUdpConsumerLosesTheOldestAndCountsThem() throws Exception {
        // A ring of three 64 KiB slots (one being read, one waiting for the next datagram, one
        // queued): the consumer sleeps on the first datagram while the other 19 arrive.
        CaptureOptions tiny = PythonPeer.OPTIONS.withMemoryCapBytes(3L * UdpCapture.SLOT_BYTES);
        try (UdpCapture udp = new UdpCapture("127.0.0.1", 0, tiny);
             PythonPeer py = new PythonPeer("raw_peer.py", "udp", String.valueOf(udp.localPort()), "20")) {
            List<Integer> xs = new ArrayList<>();
            CaptureResult r = udp.run(2, m -> {
                if (xs.isEmpty()) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                xs.add(m.bytes().get(I32, 0));
            });
            assertEquals(2, r.messages());
            assertTrue(r.dropped() > 0, "dropped " + r.dropped());
            // On a busy machine the peer may send all 20 before the first read: then even the first
            // datagram seen is not 0. Either way, order holds and some were overwritten unseen.
            assertTrue(xs.get(0) < xs.get(1), "in order: " + xs);
            assertTrue(xs.get(0) > 0 || xs.get(1) > 1, "the oldest were overwritten: " + xs);
        }
    }

    @Test
    void aFrameClaimingThreeGigabytesIsRefusedBeforeAnyAllocation() throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0);
             PythonPeer py = new PythonPeer("raw_peer.py", "huge", String.valueOf(port(server)))) {
            long before = MemorySegment.NULL.byteSize();
            InputException e = assertThrows(InputException.class,
                    () -> new TcpCapture(new Framing.Mp(), null, PythonPeer.OPTIONS, 0, m -> { }).listen(server));
            assertTrue(e.getMessage().contains("claims 3000000000 bytes"), e.getMessage());
            assertEquals("stream offset 0", e.where());
            assertEquals(0, before);
        }
    }

    @Test
    void aPeerThatClosesMidFrameIsReported() throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0);
             PythonPeer py = new PythonPeer("raw_peer.py", "cut", String.valueOf(port(server)))) {
            InputException e = assertThrows(InputException.class,
                    () -> new TcpCapture(Framing.parse("u32be", 16), null, PythonPeer.OPTIONS, 0, m -> { }).listen(server));
            assertTrue(e.getMessage().contains("closed the connection in the middle of a message (9 of 20 bytes"),
                    e.getMessage());
        }
    }

    @Test
    void aPeerThatStallsMidFrameTimesOut() throws Exception {
        CaptureOptions quick = PythonPeer.OPTIONS.withTimeouts(5_000, 5_000, 500);
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0);
             PythonPeer py = new PythonPeer("raw_peer.py", "stall", String.valueOf(port(server)))) {
            InputException e = assertThrows(InputException.class,
                    () -> new TcpCapture(Framing.parse("u32be", 16), null, quick, 0, m -> { }).listen(server));
            assertTrue(e.getMessage().contains("stalled in the middle of a message for 500 ms"), e.getMessage());
        }
    }

    @Test
    void aPeerThatNeverConnectsEndsAtTheIdleTimeout() throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
            InputException e = assertThrows(InputException.class,
                    () -> new TcpCapture(new Framing.Mp(), null, PythonPeer.OPTIONS.withIdleMillis(300), 0, m -> { }).listen(server));
            assertTrue(e.getMessage().contains("no peer connected within 300 ms"), e.getMessage());
        }
    }

    @Test
    void aPortInUseIsOneClearError() throws Exception {
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
            InputException e = assertThrows(InputException.class, () -> TcpCapture.bind("127.0.0.1", port(server)));
            assertTrue(e.getMessage().contains("cannot listen"), e.getMessage());
            assertEquals("127.0.0.1:" + port(server), e.where());
        }
    }

    @Test
    void connectingToAClosedPortIsOneClearError() throws Exception {
        int free;
        try (ServerSocketChannel s = TcpCapture.bind("127.0.0.1", 0)) {
            free = port(s);
        }
        InputException e = assertThrows(InputException.class, () -> new TcpCapture(new Framing.Mp(), null, PythonPeer.OPTIONS, 1,
                m -> { }).connect("127.0.0.1", free));
        assertTrue(e.getMessage().startsWith("cannot connect"), e.getMessage());
    }
}
