package dev.structscope.app.live;

import dev.structscope.io.net.live.ConnState;

/**
 * How the monitor words a connection state: a short badge that is never cut, and the reason
 * behind it, which can be a long line ("127.0.0.1:5000: cannot connect: Connection refused") and
 * so is wrapped beside the badge. The whole {@link ConnState#text()}
 * stays in the badge's tooltip. (The badge used to be the whole text, and the narrow column cut
 * it to "cannot connect: Connect…": the reason was never seen.) Pure functions; any thread.
 */
final class StateText {
    private StateText() {
    }

    /** A few words for the state badge. */
    static String badge(ConnState s) {
        return switch (s) {
            case ConnState.Idle i -> "Not connected";
            case ConnState.Connecting c -> "Connecting…";
            case ConnState.Listening l -> "Listening";
            case ConnState.Connected c -> "Connected";
            case ConnState.HandshakeFailed h -> "Handshake failed";
            case ConnState.Reconnecting r -> "Reconnecting in " + (r.inMillis() + 999) / 1000 + " s";
            case ConnState.Closed c -> "Closed";
            case ConnState.Failed f -> "Error";
        };
    }

    /**
     * Why the connection is not (or no longer) up, or the listener's last problem; "" when the
     * badge and the source line say it all.
     */
    static String reason(ConnState s) {
        return switch (s) {
            case ConnState.Idle i -> "";
            case ConnState.Connecting c -> "";
            case ConnState.Listening l -> l.note();
            case ConnState.Connected c -> "";
            case ConnState.HandshakeFailed h -> h.message() + ". Check that the authkey is the one the peer uses.";
            case ConnState.Reconnecting r -> r.why();
            case ConnState.Closed c -> c.why();
            case ConnState.Failed f -> f.message();
        };
    }
}
