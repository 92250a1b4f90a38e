package dev.structscope.app.cli;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.model.InputException;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;

/** Options shared by {@code capture} and {@code send}: framing, authkey, limits, time-outs. */
final class NetOptions {
    @Option(names = "--framing", paramLabel = "FRAMING", defaultValue = "fixed",
            description = "fixed (default), u16be, u16le, u32be, u32le, mp (Python multiprocessing.connection), record (each message one record, as long as its members say).")
    String framing;

    @Option(names = "--authkey", paramLabel = "KEY",
            description = "The multiprocessing authkey (with --framing mp): run its HMAC handshake.")
    String authkey;

    // The defaults are the engine's, CaptureOptions.defaults(); picocli takes a field's first value as its default.
    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Time to connect and to authenticate (default 10); a peer stalled mid-message gets 3 times as long.")
    double timeoutSeconds = CaptureOptions.defaults().connectMillis() / 1000.0;

    @Option(names = "--max-frame", paramLabel = "BYTES",
            description = "Largest message accepted (default 16 MiB); a larger length prefix ends the capture.")
    long maxFrame = CaptureOptions.defaults().maxFrameBytes();

    @Option(names = "--memory-cap", paramLabel = "BYTES",
            description = "Native memory for receive buffers (default 64 MiB).")
    long memoryCap = CaptureOptions.defaults().memoryCapBytes();

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
