package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * StructScope against Python's own {@code multiprocessing.connection}: a Python Listener and a
 * Python Client exchanging ctypes Points, in both handshake forms.
 */
class MpPeerTest {
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    @BeforeAll
    static void python() {
        PythonPeer.assumeAvailable();
    }

    /** Decodes a received ctypes Point {int32 x; int32 y; double z} to "x,y,z". */
    private static String point(MemorySegment m) {
        assertEquals(16, m.byteSize());
        return m.get(I32, 0) + "," + m.get(I32, 4) + "," + m.get(F64, 8);
    }

    @Nested
    class WeConnectToAPythonListener {
        @ParameterizedTest
        @ValueSource(strings = {"md5", "sha256"})
        void receivesEveryPointItSends(String form) throws Exception {
            try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "secret", form, "5")) {
                int port = Integer.parseInt(py.line().strip());
                List<String> got = new ArrayList<>();
                CaptureResult r = new TcpCapture(new Framing.Mp(), "secret".getBytes(), PythonPeer.OPTIONS, 5,
                        m -> got.add(point(m.bytes()))).connect("127.0.0.1", port);
                assertEquals(List.of("0,0,0.0", "1,-1,1.5", "2,-2,3.0", "3,-3,4.5", "4,-4,6.0"), got);
                assertEquals(5, r.messages());
                assertEquals(80, r.bytes());
            }
        }

        @Test
        void sendsARecordThePythonSideReceives() throws Exception {
            try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "k3y", "sha256", "1")) {
                int port = Integer.parseInt(py.line().strip());
                try (StreamConnection c = new StreamConnection(TcpCapture.open("127.0.0.1", port, 5000), new Framing.Mp(), PythonPeer.OPTIONS)) {
                    MpAuth.asClient(c, "k3y".getBytes(), 5000);
                    c.receive(m -> { });
                    MemorySegment p = MemorySegment.ofArray(new byte[16]);
                    p.set(I32, 0, 7);
                    p.set(I32, 4, -8);
                    p.set(F64, 8, 2.25);
                    c.send(p, 5000);
                }
                // Point(7, -8, 2.25) as ctypes lays it out, little-endian.
                assertEquals("GOT 07000000f8ffffff0000000000000240", py.line());
            }
        }

        @Test
        void aWrongAuthkeyIsOneClearError() throws Exception {
            try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "0", "right", "sha256", "1")) {
                int port = Integer.parseInt(py.line().strip());
                InputException e = assertThrows(InputException.class, () -> new TcpCapture(new Framing.Mp(),
                        "wrong".getBytes(), PythonPeer.OPTIONS, 1, m -> { }).connect("127.0.0.1", port));
                assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
                assertTrue(py.line().startsWith("AUTHFAIL"));
            }
        }
    }

    @Nested
    class APythonClientConnectsToUs {
        @ParameterizedTest
        @ValueSource(strings = {"md5", "sha256"})
        void receivesEveryPointItSends(String form) throws Exception {
            try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
                int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
                try (PythonPeer py = new PythonPeer("mp_peer.py", "client", String.valueOf(port), "pw", form, "3")) {
                    List<String> got = new ArrayList<>();
                    CaptureResult r = new TcpCapture(new Framing.Mp(), "pw".getBytes(), PythonPeer.OPTIONS, 0,
                            m -> got.add(point(m.bytes()))).listen(server);
                    assertEquals(List.of("0,0,0.0", "1,-1,1.5", "2,-2,3.0"), got);
                    assertEquals(3, r.messages());
                    assertEquals("SENT 3", py.line());
                }
            }
        }

        @Test
        void aClientWithTheWrongAuthkeyIsRejected() throws Exception {
            try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0)) {
                int port = ((java.net.InetSocketAddress) server.getLocalAddress()).getPort();
                try (PythonPeer py = new PythonPeer("mp_peer.py", "client", String.valueOf(port), "bad", "md5", "1")) {
                    InputException e = assertThrows(InputException.class, () -> new TcpCapture(new Framing.Mp(),
                            "good".getBytes(), PythonPeer.OPTIONS, 0, m -> { }).listen(server));
                    assertTrue(e.getMessage().contains("authentication failed"), e.getMessage());
                    assertTrue(py.line().startsWith("AUTHFAIL"));
                }
            }
        }
    }

    @Test
    void responsesMatchPythonsHmacForBothForms() {
        byte[] key = "abc".getBytes(StandardCharsets.US_ASCII);
        byte[] old = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        // python3 -c "import hmac;print(hmac.new(b'abc',b'0123456789abcdefghij','md5').hexdigest())"
        assertEquals(pythonHmac("md5", "abc", "0123456789abcdefghij"), HexFormat.of().formatHex(MpAuth.response(key, old)));
        byte[] neu = "{sha256}0123456789".getBytes(StandardCharsets.US_ASCII);
        String r = new String(MpAuth.response(key, neu), 0, 8, StandardCharsets.US_ASCII);
        assertEquals("{sha256}", r);
        byte[] mac = java.util.Arrays.copyOfRange(MpAuth.response(key, neu), 8, 40);
        assertEquals(pythonHmac("sha256", "abc", "{sha256}0123456789"), HexFormat.of().formatHex(mac));
    }

    private static String pythonHmac(String digest, String key, String msg) {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import hmac,sys;print(hmac.new(sys.argv[1].encode(),"
                    + "sys.argv[2].encode(),sys.argv[3]).hexdigest())", key, msg, digest).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            p.waitFor();
            return out;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
