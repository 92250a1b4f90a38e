package dev.structscope.app.cli;

import dev.structscope.io.net.PythonPeer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code capture} and {@code send} over Unix domain sockets ({@code unix:PATH}), against Python's
 * {@code multiprocessing.connection} with {@code family='AF_UNIX'} — its default on Linux — in both
 * directions and both handshakes; the listener's socket file (mode 0600, removed at the end); a
 * path that is not a socket is refused and left alone.
 */
class UnixSocketCommandsTest extends PointPeers {
    @Test
    void capturesFromAPythonListenerAtItsDefaultAfUnixAddress() throws Exception {
        // Listener(family='AF_UNIX') with no address: the path multiprocessing picks by itself.
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "unix:", "s3cret", "sha256", "3")) {
            String path = py.line().strip();
            assertTrue(path.startsWith("/"), path);
            capturesThreePoints("unix:" + path);
        }
    }

    @Test
    void aPythonClientSendsToOurListenerWhoseSocketIsPrivateAndRemovedAfterwards() throws Exception {
        Path sock = dir.resolve("ours.sock");
        CliRun run = CliRun.start("capture", header.toString(), "--type", "Point", "--listen", "unix:" + sock,
                "--framing", "mp", "--authkey", "pw", "--format", "text");
        assertTrue(run.awaitErr("listening on").contains("listening on unix:" + sock), run.err.toString());
        assertEquals(0140000, (int) Files.getAttribute(sock, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000,
                "a socket file");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock,
                LinkOption.NOFOLLOW_LINKS)));
        try (PythonPeer py = new PythonPeer("mp_peer.py", "client", "unix:" + sock, "pw", "md5", "4")) {
            assertEquals("SENT 4", py.line());
            assertEquals(0, run.status(), run.err.toString());
        }
        List<String> lines = run.out.toString().lines().toList();
        assertEquals(4, lines.size(), run.out.toString());
        assertTrue(lines.get(3).endsWith("x=3 y=-3 z=4.5"), lines.get(3));
        assertFalse(Files.exists(sock, LinkOption.NOFOLLOW_LINKS), "the socket file is removed when the capture ends");
    }

    @Test
    void sendReachesAPythonAfUnixListener() throws Exception {
        Path sock = dir.resolve("py.sock");
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "unix:" + sock, "k", "md5", "0")) {
            assertEquals(sock.toString(), py.line().strip());
            sendsOnePoint(py, "unix:" + sock);
        }
    }

    @Test
    void aWrongAuthkeyIsOneLineWithStatusTwo() throws Exception {
        try (PythonPeer py = new PythonPeer("mp_peer.py", "listen", "unix:", "right", "sha256", "1")) {
            String path = py.line().strip();
            CliRun run = CliRun.run("capture", header.toString(), "--type", "Point", "--connect", "unix:" + path,
                    "--framing", "mp", "--authkey", "wrong", "--count", "1");
            String err = run.refusal();
            assertTrue(err.contains("authkey"), err);
        }
    }

    @Test
    void sendAndCaptureOverUnixLoseNothing() throws Exception {
        Path sock = dir.resolve("pair.sock");
        CliRun capture = CliRun.start("capture", header.toString(), "--type", "Point", "--listen", "unix:" + sock,
                "--framing", "u32le", "--format", "none");
        capture.awaitErr("listening on");
        String summary = sendsManyInto(capture, "unix:" + sock);
        assertTrue(summary.startsWith("messages=20000 bytes=320000 "), summary);
    }

    @Test
    void aPathThatIsNotASocketIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("precious.txt");
        Files.writeString(file, "keep me");
        CliRun run = CliRun.run("capture", header.toString(), "--type", "Point", "--listen", "unix:" + file,
                "--framing", "u32le");
        assertEquals("structscope: unix:" + file + ": exists and is not a socket: refusing to replace it", run.refusal());
        assertEquals("keep me", Files.readString(file));

        CliRun none = CliRun.run("capture", header.toString(), "--type", "Point", "--connect",
                "unix:" + dir.resolve("nobody.sock"), "--framing", "u32le");
        assertEquals(2, none.status());
        assertTrue(none.err.toString().contains("no socket at this path"), none.err.toString());
    }
}
