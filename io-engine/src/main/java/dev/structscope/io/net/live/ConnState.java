package dev.structscope.io.net.live;

/**
 * The state of a live session's connection, as the monitor and the connect dialog show it.
 * Immutable values written by the session's thread and read by the FX thread.
 */
public sealed interface ConnState {
    /** One line for the monitor's state badge. */
    String text();

    /** No session. */
    record Idle() implements ConnState {
        @Override
        public String text() {
            return "Not connected";
        }
    }

    record Connecting(String to) implements ConnState {
        @Override
        public String text() {
            return "Connecting to " + to + " …";
        }
    }

    /** Bound and waiting for peers (TCP server) or datagrams (UDP); {@code note}: the last problem, or "". */
    record Listening(String at, String note) implements ConnState {
        @Override
        public String text() {
            return "Listening on " + at + (note.isEmpty() ? "" : " · " + note);
        }
    }

    /** Messages flow; {@code peer} is who we talk to. */
    record Connected(String peer) implements ConnState {
        @Override
        public String text() {
            return "Connected to " + peer;
        }
    }

    /** The multiprocessing authkey handshake failed: no automatic retry (a wrong key stays wrong). */
    record HandshakeFailed(String message) implements ConnState {
        @Override
        public String text() {
            return "Handshake failed: " + message;
        }
    }

    /** Waiting {@code inMillis} before the next connection attempt, after {@code why}. */
    record Reconnecting(String why, long inMillis) implements ConnState {
        @Override
        public String text() {
            return why + " · reconnecting in " + (inMillis + 999) / 1000 + " s";
        }
    }

    /** Ended normally (the peer closed, the recording ended, the user disconnected). */
    record Closed(String why) implements ConnState {
        @Override
        public String text() {
            return why;
        }
    }

    /** Ended by an error. */
    record Failed(String message) implements ConnState {
        @Override
        public String text() {
            return "Error: " + message;
        }
    }

    /** Whether messages may flow in this state (a connection or a bound socket). */
    default boolean up() {
        return this instanceof Connected || this instanceof Listening;
    }
}
