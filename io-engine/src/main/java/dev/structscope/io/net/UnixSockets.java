package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Unix domain stream sockets, the family Python's {@code multiprocessing.connection} uses by
 * default on Linux: {@code unix:PATH} on the command line. Clients connect to a path; a listener
 * binds one — created with the user's permissions only (bound in a private directory, made 0600,
 * then linked into place, so no other user can connect in between) and removed when it stops. A
 * path that exists and is not a socket is refused, never deleted; a socket nobody listens on any
 * more (left by a crashed listener) is replaced. Stateless; any thread.
 */
public final class UnixSockets {
    /** How the command line and the GUI spell a Unix socket endpoint. */
    public static final String PREFIX = "unix:";

    private UnixSockets() {
    }

    /** Whether {@code where} names a Unix socket ({@code unix:PATH}). */
    public static boolean named(String where) {
        return where != null && where.startsWith(PREFIX);
    }

    /** The path of {@code unix:PATH}; {@code option} names the option in a message. */
    public static Path path(String option, String where) {
        String p = where.substring(PREFIX.length()).strip();
        if (p.isEmpty()) {
            throw new InputException(option, "expected unix:PATH, got '" + where + "'");
        }
        return Path.of(p);
    }

    /** Connects to the listener at {@code path}. */
    public static SocketChannel connect(Path path) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.connect(UnixDomainSocketAddress.of(path));
            return ch;
        } catch (ConnectException e) {
            ch.close();
            throw new InputException(PREFIX + path, "cannot connect: nothing is listening there");
        } catch (SocketException e) {
            ch.close();
            String why = e.getMessage() == null ? "" : e.getMessage();
            throw new InputException(PREFIX + path, "cannot connect: " + (why.contains("No such file")
                    ? "no socket at this path (is the peer listening?)" : why));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /**
     * A bound listener; closing it closes the channel and removes the socket file.
     *
     * @param channel the bound channel, owned by the listener
     * @param path    the socket file's absolute path
     */
    public record Listener(ServerSocketChannel channel, Path path) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                channel.close();
            } finally {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Binds a listener at {@code path} (see the class comment for what it refuses and replaces). */
    public static Listener listen(Path path) throws IOException {
        Path target = path.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(target)) {
                throw new InputException(PREFIX + path, "exists and is not a socket: refusing to replace it");
            }
            if (listening(target)) {
                throw new InputException(PREFIX + path, "another program is listening there");
            }
            Files.delete(target); // a stale socket: its listener is gone
        }
        Path parent = target.getParent();
        Path dir;
        try {
            dir = Files.createTempDirectory(parent, ".structscope-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (NoSuchFileException e) {
            throw new InputException(PREFIX + path, "no such directory: " + parent);
        }
        Path inside = dir.resolve("s");
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(inside));
            Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rw-------"));
            // A hard link, not a rename: rename(2) would replace a file that appeared at the path
            // meanwhile, link(2) refuses it (and the socket is reachable under its new name).
            Files.createLink(target, inside);
            return new Listener(server, target);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            server.close();
            throw new InputException(PREFIX + path, "a file appeared at this path while binding");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        } finally {
            Files.deleteIfExists(inside);
            Files.deleteIfExists(dir);
        }
    }

    private static boolean isSocket(Path p) throws IOException {
        // S_IFMT of st_mode: 0140000 is a socket.
        Object mode = Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return mode instanceof Integer m && (m & 0170000) == 0140000;
    }

    private static boolean listening(Path p) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(p));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
