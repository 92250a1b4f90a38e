package dev.structscope.app.cli;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.model.InputException;

import java.nio.charset.StandardCharsets;

/** Options shared by {@code capture} and {@code send}: framing, authkey, limits, time-outs. */
final class NetOptions {
    String framing = "fixed";
    String authkey;
    // The defaults are the engine's, CaptureOptions.defaults().
    double timeoutSeconds = CaptureOptions.defaults().connectMillis() / 1000.0;
    long maxFrame = CaptureOptions.defaults().maxFrameBytes();
    long memoryCap = CaptureOptions.defaults().memoryCapBytes();

    void declare(CliSpec s) {
        s.option("--framing", "FRAMING", String.class, v -> framing = v,
                "fixed (default), u16be, u16le, u32be, u32le, mp (Python multiprocessing.connection), record (each message one record, as long as its members say).");
        s.option("--authkey", "KEY", String.class, v -> authkey = v,
                "The multiprocessing authkey (with --framing mp): run its HMAC handshake.");
        s.option("--timeout", "SECONDS", double.class, v -> timeoutSeconds = v,
                "Time to connect and to authenticate (default 10); a peer stalled mid-message gets 3 times as long.");
        s.option("--max-frame", "BYTES", long.class, v -> maxFrame = v,
                "Largest message accepted (default 16 MiB); a larger length prefix ends the capture.");
        s.option("--memory-cap", "BYTES", long.class, v -> memoryCap = v,
                "Native memory for receive buffers (default 64 MiB).");
    }

    byte[] authkeyBytes() {
        if (authkey == null) {
            return null;
        }
        if (!framing.equals("mp")) {
            throw new InputException("--authkey", "an authkey needs --framing mp");
        }
        return authkey.getBytes(StandardCharsets.UTF_8);
    }

    /** Refuses {@code --authkey} on a serial line, rather than ignoring it: a line has no peer to answer a handshake. */
    void noHandshakeOnSerial() {
        if (authkeyBytes() != null) {
            throw new InputException("--authkey", "a serial line has no handshake: leave out --authkey");
        }
    }

    CaptureOptions options(double idleSeconds) {
        if (timeoutSeconds <= 0 || idleSeconds < 0) {
            throw new InputException("--timeout", "time-outs must be positive");
        }
        if (maxFrame <= 0 || memoryCap <= 0) {
            throw new InputException("--max-frame", "limits must be positive");
        }
        long t = (long) (timeoutSeconds * 1000);
        return CaptureOptions.defaults().withMemoryCapBytes(Math.max(memoryCap, maxFrame + 16)).withMaxFrameBytes(maxFrame)
                .withTimeouts(t, t, 3 * t).withIdleMillis((long) (idleSeconds * 1000));
    }
}
