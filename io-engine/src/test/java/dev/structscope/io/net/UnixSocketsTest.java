package dev.structscope.io.net;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a Unix listener replaces and what it refuses; no file is left behind in either case. */
class UnixSocketsTest {
    @TempDir
    Path dir;

    @Test
    void aStaleSocketIsReplacedAndALiveOneRefused() throws Exception {
        Path p = dir.resolve("s.sock");
        // A crashed listener leaves its socket file behind: nobody accepts on it any more.
        ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        dead.bind(UnixDomainSocketAddress.of(p));
        dead.close();
        assertTrue(Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        try (UnixSockets.Listener l = UnixSockets.listen(p)) {
            InputException busy = assertThrows(InputException.class, () -> UnixSockets.listen(p));
            assertEquals("another program is listening there", busy.getMessage());
            try (var client = UnixSockets.connect(p)) {
                assertTrue(client.isConnected());
                assertTrue(l.channel().accept() != null, "the listener accepts at the path");
            }
        }
        assertFalse(Files.exists(p, LinkOption.NOFOLLOW_LINKS));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no private binding directory is left");
        }
    }

    @Test
    void aMissingDirectoryIsOneClearMessage() {
        InputException e = assertThrows(InputException.class, () -> UnixSockets.listen(dir.resolve("no/such/s.sock")));
        assertTrue(e.getMessage().startsWith("no such directory"), e.getMessage());
    }
}
