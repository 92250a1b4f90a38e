package dev.structscope.io.net.live;

import dev.structscope.io.net.Message;
import dev.structscope.io.net.PcapngWriter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Records a live session's messages to a pcapng file while the record toggle is on. Messages are
 * written from the receive buffer on the capture thread (no extra copy); {@link #start} and
 * {@link #stop} come from the FX thread. One lock orders the two. A write error (disk full) ends
 * the recording and is kept for the view; the capture goes on.
 */
public final class Recorder {
    private PcapngWriter writer;
    /** Mirrors {@code writer != null}: the capture thread looks here first and takes the lock only when recording. */
    private volatile boolean on;
    private Path file;
    private long messages;
    private long bytes;
    private String error;

    /** Starts recording to {@code path} (replacing the file); stops a recording in progress first. */
    public synchronized void start(Path path) throws IOException {
        stop();
        writer = new PcapngWriter(path);
        on = true;
        file = path;
        messages = 0;
        bytes = 0;
        error = null;
    }

    /** Stops and closes the file; harmless when not recording. */
    public synchronized void stop() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            error = "closing " + file + ": " + e.getMessage();
        }
        writer = null;
        on = false;
    }

    void write(Message m, long seq) {
        if (on) {
            writeLocked(m, seq);
        }
    }

    private synchronized void writeLocked(Message m, long seq) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(new Message(seq, m.epochNanos(), m.peer(), m.bytes()));
            messages++;
            bytes = writer.bytesWritten();
        } catch (IOException | RuntimeException e) {
            error = LiveSession.message(e);
            stop();
        }
    }

    public synchronized boolean recording() {
        return writer != null;
    }

    /** The file of the current or last recording, or null. */
    public synchronized Path file() {
        return file;
    }

    /** Messages written to the current or last recording. */
    public synchronized long messages() {
        return messages;
    }

    /** File bytes written to the current or last recording. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Why the last recording stopped by itself, or null. */
    public synchronized String error() {
        return error;
    }
}
