package dev.structscope.app.live;

import dev.structscope.app.live.ConnectForm.FramingChoice;
import dev.structscope.app.live.ConnectForm.Input;
import dev.structscope.app.live.ConnectForm.Mode;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.live.LiveSource;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The connect dialog's validation, warnings and what it connects with. */
class ConnectFormTest {
    @Test
    void reportsEachProblemAtItsField() {
        Map<String, String> p = ConnectForm.validate(new Input(Mode.TCP_CLIENT, " ", "70000", FramingChoice.MP, "", null));
        assertEquals(java.util.Set.of(ConnectForm.HOST, ConnectForm.PORT, ConnectForm.AUTHKEY, ConnectForm.TYPE), p.keySet());
        assertTrue(ConnectForm.validate(new Input(Mode.TCP_CLIENT, "h", "x1", FramingChoice.FIXED, "", "T"))
                .get(ConnectForm.PORT).contains("'x1'"));
        assertTrue(ConnectForm.validate(new Input(Mode.TCP_CLIENT, "h", "0", FramingChoice.FIXED, "", "T"))
                .containsKey(ConnectForm.PORT), "a client cannot connect to port 0");
        assertTrue(ConnectForm.validate(new Input(Mode.TCP_SERVER, "127.0.0.1", "0", FramingChoice.FIXED, "", "T")).isEmpty(),
                "a server may take any free port");
        assertTrue(ConnectForm.validate(new Input(Mode.UDP, "127.0.0.1", "9", null, "", "T")).isEmpty(),
                "UDP needs neither framing nor authkey");
    }

    @Test
    void warnsWhenListeningBeyondLoopback() {
        assertNull(ConnectForm.bindWarning(Mode.TCP_SERVER, "127.0.0.1"));
        assertNull(ConnectForm.bindWarning(Mode.TCP_SERVER, "::1"));
        assertNull(ConnectForm.bindWarning(Mode.UDP, "localhost"));
        assertNull(ConnectForm.bindWarning(Mode.TCP_CLIENT, "0.0.0.0"), "a client listens nowhere");
        assertTrue(ConnectForm.bindWarning(Mode.TCP_SERVER, "0.0.0.0").contains("all interfaces"));
        assertTrue(ConnectForm.bindWarning(Mode.UDP, "::").contains("all interfaces"));
        assertNotNull(ConnectForm.bindWarning(Mode.TCP_SERVER, "192.168.1.20"));
    }

    @Test
    void buildsTheSourceWithItsFraming() {
        var c = (LiveSource.TcpClient) ConnectForm.source(new Input(Mode.TCP_CLIENT, "127.0.0.1", "5000", FramingChoice.MP,
                "sécret", "Point"), 16);
        assertEquals(new Framing.Mp(), c.framing());
        assertArrayEquals("sécret".getBytes(StandardCharsets.UTF_8), c.authkey());
        var s = (LiveSource.TcpServer) ConnectForm.source(new Input(Mode.TCP_SERVER, "[::1]", "0", FramingChoice.U16LE,
                "ignored", "Point"), 16);
        assertEquals("::1", s.host());
        assertEquals(new Framing.LengthPrefixed(2, ByteOrder.LITTLE_ENDIAN), s.framing());
        assertNull(s.authkey());
        var f = (LiveSource.TcpClient) ConnectForm.source(new Input(Mode.TCP_CLIENT, "h", "1", FramingChoice.FIXED, "", "P"), 24);
        assertEquals(new Framing.Fixed(24), f.framing());
        assertEquals(new LiveSource.Udp("127.0.0.1", 9), ConnectForm.source(new Input(Mode.UDP, "127.0.0.1", "9", null, "", "P"), 16));
    }

    @Test
    void aUnixSocketIsAFullPathWithoutAPort() {
        assertEquals(java.util.Set.of(ConnectForm.HOST), ConnectForm.validate(new Input(Mode.UNIX_CLIENT, "", "",
                FramingChoice.FIXED, "", "T")).keySet());
        assertTrue(ConnectForm.validate(new Input(Mode.UNIX_SERVER, "rel/s.sock", "x", FramingChoice.FIXED, "", "T"))
                .get(ConnectForm.HOST).startsWith("A full path"));
        assertTrue(ConnectForm.validate(new Input(Mode.UNIX_CLIENT, "/tmp/pymp-1/listener-2", "not a port",
                FramingChoice.MP, "k", "T")).isEmpty(), "the port field is not read");
        assertNull(ConnectForm.bindWarning(Mode.UNIX_SERVER, "/tmp/s.sock"), "a Unix socket is on this machine only");
        var c = (LiveSource.UnixClient) ConnectForm.source(new Input(Mode.UNIX_CLIENT, " /tmp/a.sock ", "", FramingChoice.MP,
                "k", "P"), 16);
        assertEquals(java.nio.file.Path.of("/tmp/a.sock"), c.path());
        assertArrayEquals("k".getBytes(StandardCharsets.UTF_8), c.authkey());
        var s = (LiveSource.UnixServer) ConnectForm.source(new Input(Mode.UNIX_SERVER, "/tmp/b.sock", "", FramingChoice.U32LE,
                "", "P"), 16);
        assertEquals(new Framing.LengthPrefixed(4, ByteOrder.LITTLE_ENDIAN), s.framing());
        assertNull(s.authkey());
    }

    @Test
    void aSerialPortIsADeviceWithABaudRateAndLineSettings() {
        assertEquals(java.util.Set.of(ConnectForm.HOST, ConnectForm.PORT), ConnectForm.validate(new Input(Mode.SERIAL, "",
                "12345", FramingChoice.U32LE, "", "T")).keySet());
        assertTrue(ConnectForm.validate(new Input(Mode.SERIAL, "/dev/ttyUSB0", "921600", FramingChoice.MP, "", "T")).isEmpty(),
                "mp frames over a line need no authkey");
        assertTrue(ConnectForm.validate(new Input(Mode.SERIAL, "/dev/ttyUSB0", "9600", FramingChoice.MP, "k", "T"))
                .containsKey(ConnectForm.AUTHKEY), "a line has no handshake");
        var s = (LiveSource.Serial) ConnectForm.source(new Input(Mode.SERIAL, "/dev/ttyACM0", "57600", FramingChoice.FIXED,
                "", "P", dev.structscope.io.net.SerialLine.Parity.EVEN, 2), 16);
        assertEquals(new dev.structscope.io.net.SerialLine.Settings(57600, dev.structscope.io.net.SerialLine.Parity.EVEN, 2),
                s.settings());
        assertEquals(new Framing.Fixed(16), s.framing());
        assertNull(ConnectForm.bindWarning(Mode.SERIAL, "/dev/ttyS0"));
    }

    @Test
    void theLastSettingsAreRememberedWithoutTheAuthkey() throws Exception {
        java.util.prefs.Preferences prefs = java.util.prefs.Preferences.userRoot().node("structscope-test-connect-"
                + ProcessHandle.current().pid());
        try {
            assertNull(ConnectForm.recall(prefs));
            Input in = new Input(Mode.SERIAL, "/dev/ttyUSB0", "921600", FramingChoice.U32LE, "secret", "Point",
                    dev.structscope.io.net.SerialLine.Parity.ODD, 2);
            ConnectForm.remember(in, prefs);
            assertEquals(new Input(Mode.SERIAL, "/dev/ttyUSB0", "921600", FramingChoice.U32LE, "", "Point",
                    dev.structscope.io.net.SerialLine.Parity.ODD, 2), ConnectForm.recall(prefs));
            for (String key : prefs.keys()) {
                assertTrue(!prefs.get(key, "").contains("secret"), key + " holds the authkey");
            }
        } finally {
            prefs.removeNode();
        }
    }
}
