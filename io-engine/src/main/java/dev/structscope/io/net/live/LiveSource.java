package dev.structscope.io.net.live;

import dev.structscope.io.net.Framing;

import java.nio.file.Path;

/**
 * Where a live session's messages come from: a TCP or Unix-socket connection we open, peers we
 * accept on either, UDP datagrams, or a recording played back. Immutable values made by the connect dialog (FX thread)
 * and read by the session's thread.
 */
public sealed interface LiveSource permits LiveSource.TcpClient, LiveSource.TcpServer, LiveSource.UnixClient,
        LiveSource.UnixServer, LiveSource.Serial, LiveSource.Udp, LiveSource.Recording {

    /** What the monitor's title says, e.g. {@code "TCP client → 127.0.0.1:5000 (mp)"}. */
    String describe();

    /** We connect to {@code host:port}; {@code authkey} non-null runs the {@code mp} handshake. */
    record TcpClient(String host, int port, Framing framing, byte[] authkey) implements LiveSource {
        @Override
        public String describe() {
            return "TCP client → " + host + ":" + port + " (" + framing.name() + ")";
        }
    }

    /** We listen on {@code host:port} (port 0: any free port) and accept peers. */
    record TcpServer(String host, int port, Framing framing, byte[] authkey) implements LiveSource {
        @Override
        public String describe() {
            return "TCP server on " + host + ":" + port + " (" + framing.name() + ")";
        }
    }

    /** We connect to the Unix domain socket at {@code path} (multiprocessing's default family on Linux). */
    record UnixClient(Path path, Framing framing, byte[] authkey) implements LiveSource {
        @Override
        public String describe() {
            return "Unix socket client → " + path + " (" + framing.name() + ")";
        }
    }

    /** We listen on a Unix domain socket at {@code path} (mode 0600, removed when the session ends). */
    record UnixServer(Path path, Framing framing, byte[] authkey) implements LiveSource {
        @Override
        public String describe() {
            return "Unix socket server on " + path + " (" + framing.name() + ")";
        }
    }

    /** We read a serial line (receive only) with these settings. */
    record Serial(Path device, dev.structscope.io.net.SerialLine.Settings settings, Framing framing) implements LiveSource {
        @Override
        public String describe() {
            return "Serial " + device + " at " + settings.baud() + " baud (" + framing.name() + ")";
        }
    }

    /** We receive datagrams on {@code host:port}, one message each. */
    record Udp(String host, int port) implements LiveSource {
        @Override
        public String describe() {
            return "UDP on " + host + ":" + port;
        }
    }

    /** A pcapng recording played back at {@code speed} (1 = as recorded, infinity = full speed). */
    record Recording(Path file, double speed) implements LiveSource {
        @Override
        public String describe() {
            return "Recording " + file.getFileName();
        }
    }
}
