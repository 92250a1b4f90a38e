package dev.structscope.io.net.live;

import dev.structscope.io.net.Framing;
import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live session without the GUI, against real Python peers on loopback (the io-engine's
 * mp_peer.py and raw_peer.py): ctypes Points in, a Point back out, a wrong authkey, a server, UDP.
 */
class LiveSessionTest {
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @BeforeAll
    static void python() {
        Assumptions.assumeTrue(PythonPeer.available(), "python3 with multiprocessing is needed");
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Python's Point(i, -i, i * 1.5), checked field by field. */
    private static void assertPoint(int i, LiveMessage m) {
        MemorySegment s = m.bytes();
        assertEquals(16, m.length());
        assertEquals(i, s.get(I32, 0));
        assertEquals(-i, s.get(I32, 4));
        assertEquals(i * 1.5, s.get(F64, 8));
    }

    /** A session on {@code source}, keeping up to 1 MiB of messages, started. */
    private static LiveSession started(LiveSource source) {
        LiveSession s = new LiveSession(source, new MessageStore(1 << 20));
        s.start();
        return s;
    }

    /** An MP client of the Python listener {@code py}, on the port it prints first, with {@code authkey}. */
    private static LiveSource mpClientOf(PythonPeer py, String authkey) throws Exception {
        int port = Integer.parseInt(py.line().strip());
        return new LiveSource.TcpClient("127.0.0.1", port, new Framing.Mp(), authkey.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void clientOfAPythonListenerReceivesPointsAndSendsOneBack() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "s3cret", "sha256", "5")) {
            LiveSession s = started(mpClientOf(py, "s3cret"));
            await("5 messages", () -> s.store().added() == 5);
            assertInstanceOf(ConnState.Connected.class, s.state());
            for (int i = 0; i < 5; i++) {
                assertPoint(i, s.store().get(i));
            }
            MemorySegment p = MemorySegment.ofArray(new byte[16]);
            p.set(I32, 0, 77);
            p.set(I32, 4, -8);
            p.set(F64, 8, 2.25);
            s.send(p, 1);
            String got = py.line();
            assertEquals("GOT " + HexFormat.of().formatHex(p.toArray(ValueLayout.JAVA_BYTE)), got);
            assertEquals(1, s.sent());
            s.stop();
            s.join(5_000);
            assertInstanceOf(ConnState.Closed.class, s.state());
        }
    }

    @Test
    void aWrongAuthkeyIsAHandshakeFailureAndIsNotRetried() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "right", "sha256", "1")) {
            LiveSession s = started(mpClientOf(py, "wrong"));
            await("the handshake to fail", () -> s.state() instanceof ConnState.HandshakeFailed);
            assertTrue(py.line().startsWith("AUTHFAIL"), "Python saw the failure too");
            assertTrue(s.state().text().contains("authkey"), s.state().text());
            Thread.sleep(LiveSession.MIN_BACKOFF * 3);
            assertInstanceOf(ConnState.HandshakeFailed.class, s.state(), "a wrong key is not retried by itself");
            s.stop();
            s.join(5_000);
        }
    }

    @Test
    void aClientThatCannotConnectBacksOff() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort(); // closed again: nothing listens there now
        }
        LiveSession s = started(new LiveSource.TcpClient("127.0.0.1", port, new Framing.Fixed(16), null));
        await("a back-off", () -> s.state() instanceof ConnState.Reconnecting);
        assertTrue(s.state().text().contains("cannot connect"), s.state().text());
        s.stop();
        s.join(5_000);
        assertEquals(new ConnState.Closed("Disconnected"), s.state());
    }

    @Test
    void serverReceivesFromAPythonClient() throws Exception {
        LiveSession s = started(new LiveSource.TcpServer("127.0.0.1", 0, new Framing.Mp(), "k".getBytes(StandardCharsets.UTF_8)));
        await("listening", () -> s.boundPort() > 0);
        try (PythonPeer py = new PythonPeer("mp_peer.py", "client", Integer.toString(s.boundPort()), "k", "md5", "7")) {
            assertEquals("SENT 7", py.line());
            await("7 messages", () -> s.store().added() == 7);
            for (int i = 0; i < 7; i++) {
                assertPoint(i, s.store().get(i));
            }
            await("listening again", () -> s.state() instanceof ConnState.Listening l && l.note().contains("left"));
        } finally {
            s.stop();
            s.join(5_000);
        }
    }

    @Test
    void udpReceivesDatagramsFromPython() throws Exception {
        LiveSession s = started(new LiveSource.Udp("127.0.0.1", 0));
        await("bound", () -> s.boundPort() > 0);
        try (PythonPeer py = new PythonPeer("raw_peer.py", "udp", Integer.toString(s.boundPort()), "20")) {
            assertEquals("DONE", py.line());
            await("20 datagrams", () -> s.store().added() == 20);
            for (int i = 0; i < 20; i++) {
                assertPoint(i, s.store().get(i));
            }
            assertEquals(0, s.dropped());
        } finally {
            s.stop();
            s.join(5_000);
        }
    }
}
