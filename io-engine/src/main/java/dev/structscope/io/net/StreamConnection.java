package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * One TCP stream cut into messages by a {@link Framing}. Bytes are read with
 * {@code channel.read(segment.asByteBuffer())} straight into a native buffer, and each complete
 * message is handed over as a view of that buffer: no copy on the way to the decoder.
 *
 * <p>Flow control: the stream is read only when the consumer has returned, so a slow consumer
 * lets the kernel buffers fill and TCP holds the sender; nothing is dropped.
 *
 * <p>Owned and used by one thread (the capture thread), which also closes it; the exceptions are
 * {@link #abort()} and {@link #sendConcurrently}, which any thread may call. The buffer lives in
 * an arena of its own, replaced when a larger message needs a larger buffer (up to the cap).
 */
public final class StreamConnection implements AutoCloseable {
    private static final int INITIAL_BUFFER = 64 << 10;

    private final SocketChannel channel;
    /** Where bytes are read from: the socket, or a blocking stream such as standard input. */
    private final java.nio.channels.ReadableByteChannel in;
    /** Null for a blocking stream: it is read without time-outs. */
    private final Selector selector;
    /** Where a blocking stream is written (a serial line), or null when it is receive-only (stdin). */
    private final java.nio.channels.WritableByteChannel outStream;
    private final Framing framing;
    private final CaptureOptions options;
    private final String peer;
    private Arena arena = Arena.ofConfined();
    private MemorySegment buf = arena.allocate(INITIAL_BUFFER, 64);
    private long start;
    private long end;
    private long streamOffset;
    private long bytesReceived;
    private volatile String hungUp;
    private final Object writeLock = new Object();
    /** Opened by the first {@link #sendConcurrently}; guarded by {@link #writeLock}. */
    private volatile Selector writeSelector;

    public StreamConnection(SocketChannel channel, Framing framing, CaptureOptions options) throws IOException {
        this.channel = channel;
        this.in = channel;
        this.outStream = null;
        this.framing = framing;
        this.options = options;
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        this.peer = describe(channel);
    }

    /**
     * A connection over a blocking stream ({@code capture --stdin}, a serial line): read straight
     * into the native buffer as a socket is; it waits as long as the stream does (a pipe has no
     * time-outs) and ends at end of stream; it cannot be sent on (see {@link #line} for one that can).
     *
     * @param name what messages say they came from, e.g. {@code "stdin"}
     */
    public StreamConnection(java.nio.channels.ReadableByteChannel stream, String name, Framing framing,
                            CaptureOptions options) {
        this(stream, null, name, framing, options);
    }

    /** A connection over a blocking line that is read from {@code in} and written to {@code out} (a serial port). */
    public static StreamConnection line(java.nio.channels.ReadableByteChannel in, java.nio.channels.WritableByteChannel out,
                                        String name, Framing framing, CaptureOptions options) {
        return new StreamConnection(in, out, name, framing, options);
    }

    private StreamConnection(java.nio.channels.ReadableByteChannel stream, java.nio.channels.WritableByteChannel out,
                             String name, Framing framing, CaptureOptions options) {
        this.channel = null;
        this.in = stream;
        this.outStream = out;
        this.framing = framing;
        this.options = options;
        this.selector = null;
        this.peer = name;
    }

    static String describe(SocketChannel ch) {
        try {
            if (ch.getRemoteAddress() instanceof InetSocketAddress a) {
                return a.getAddress().getHostAddress() + ":" + a.getPort();
            }
            if (ch.getLocalAddress() instanceof java.net.UnixDomainSocketAddress local) {
                // A Unix client's own address is usually unnamed: the socket's path names the link.
                java.net.SocketAddress remote = ch.getRemoteAddress();
                String r = remote instanceof java.net.UnixDomainSocketAddress u ? u.getPath().toString() : "";
                return UnixSockets.PREFIX + (r.isEmpty() ? local.getPath().toString() : r);
            }
        } catch (IOException e) {
            // fall through: an unknown peer is still a peer
        }
        return "?";
    }

    public String peer() {
        return peer;
    }

    /** Why a receive-only stream ended with a read error (the line hung up), or null. */
    public String hungUp() {
        return hungUp;
    }

    public long bytesReceived() {
        return bytesReceived;
    }

    /**
     * Waits for the next message and hands it to {@code consumer} as a view valid during the call.
     *
     * @return false when the peer closed the stream cleanly between messages
     * @throws InputException when the peer closes mid-message, stalls past a time-out, or claims
     *                        a message larger than the limit
     */
    public boolean receive(Consumer<MemorySegment> consumer) throws IOException {
        while (true) {
            Framing.Frame f = framing.next(buf, start, end, options.maxFrameBytes(), streamOffset);
            if (f != null && end - start >= f.totalBytes()) {
                MemorySegment body = buf.asSlice(start + f.headerBytes(), f.bodyBytes());
                start += f.totalBytes();
                streamOffset += f.totalBytes();
                consumer.accept(body);
                return true;
            }
            long need = f == null ? framing.awaiting(buf, start, end, options.maxFrameBytes(), streamOffset)
                    : f.totalBytes();
            makeRoom(need);
            if (!fill(f)) {
                if (end == start) {
                    return false;
                }
                throw new InputException("stream offset " + streamOffset, "peer " + peer
                        + " closed the connection in the middle of a message (" + (end - start) + " of "
                        + (f == null ? "?" : String.valueOf(f.totalBytes())) + " bytes received)");
            }
        }
    }

    /** Receives one small message (a handshake) and returns a copy of it. */
    public byte[] receiveSmallCopy(int maxLength, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[][] out = new byte[1][];
        while (out[0] == null) {
            Framing.Frame f = framing.next(buf, start, end, maxLength, streamOffset);
            if (f != null && end - start >= f.totalBytes()) {
                out[0] = buf.asSlice(start + f.headerBytes(), f.bodyBytes()).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
                start += f.totalBytes();
                streamOffset += f.totalBytes();
                break;
            }
            makeRoom(f == null ? 16 : f.totalBytes());
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new InputException(peer, "no answer from the peer within " + timeoutMillis + " ms (handshake)");
            }
            int n = readSome(left);
            if (n < 0) {
                throw new InputException(peer, "peer closed the connection during the handshake");
            }
        }
        return out[0];
    }

    /** Sends one message with this connection's framing. */
    public void send(MemorySegment body, long timeoutMillis) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment header = a.allocate(16);
            int h = Framing.writeHeader(framing, header, body.byteSize());
            writeFully(header.asSlice(0, h).asByteBuffer(), timeoutMillis);
            writeFully(body.asByteBuffer(), timeoutMillis);
        }
    }

    /**
     * Sends {@code body} {@code times} times with this connection's framing, from any thread,
     * while the owner thread may be blocked in {@link #receive}: the GUI's "send" on a live
     * connection. Writers are serialised among themselves; waiting for the socket to drain uses
     * a selector of its own, so the reading thread's selector and interest set are never touched.
     *
     * @throws java.nio.channels.ClosedChannelException when the connection has ended
     */
    public void sendConcurrently(MemorySegment body, long times, long timeoutMillis) throws IOException {
        requireWritable();
        byte[] header = new byte[16];
        int h = Framing.writeHeader(framing, MemorySegment.ofArray(header), body.byteSize());
        if (channel == null) {
            synchronized (writeLock) { // a blocking line: each write returns when the driver has the bytes
                for (long i = 0; i < times; i++) {
                    writeBlocking(ByteBuffer.wrap(header, 0, h));
                    writeBlocking(body.asByteBuffer());
                }
            }
            return;
        }
        synchronized (writeLock) {
            if (writeSelector == null) {
                writeSelector = Selector.open();
                channel.register(writeSelector, SelectionKey.OP_WRITE);
            }
            for (long i = 0; i < times; i++) {
                writeConcurrently(ByteBuffer.wrap(header, 0, h), timeoutMillis);
                writeConcurrently(body.asByteBuffer(), timeoutMillis);
            }
        }
    }

    private void writeConcurrently(ByteBuffer bb, long timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (bb.hasRemaining()) {
            if (channel.write(bb) == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new InputException(peer, "peer does not read: could not send within " + timeoutMillis + " ms");
                }
                writeSelector.select(left);
                writeSelector.selectedKeys().clear();
            }
        }
    }

    /** Writes bytes as they are (already framed), e.g. a batch of prebuilt frames. */
    public void sendRaw(MemorySegment framed, long timeoutMillis) throws IOException {
        writeFully(framed.asByteBuffer(), timeoutMillis);
    }

    public void send(byte[] body, long timeoutMillis) throws IOException {
        send(MemorySegment.ofArray(body), timeoutMillis);
    }

    private void requireWritable() throws IOException {
        if (channel == null && outStream == null) {
            throw new IOException(peer + " is read-only: nothing can be sent on it");
        }
    }

    private void writeBlocking(ByteBuffer bb) throws IOException {
        while (bb.hasRemaining()) {
            outStream.write(bb);
        }
    }

    private void writeFully(ByteBuffer bb, long timeoutMillis) throws IOException {
        requireWritable();
        if (channel == null) {
            synchronized (writeLock) {
                writeBlocking(bb);
            }
            return;
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        SelectionKey key = channel.keyFor(selector);
        while (bb.hasRemaining()) {
            if (channel.write(bb) == 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000L;
                if (left <= 0) {
                    throw new InputException(peer, "peer does not read: could not send within " + timeoutMillis + " ms");
                }
                key.interestOps(SelectionKey.OP_WRITE);
                selector.select(left);
                selector.selectedKeys().clear();
                key.interestOps(SelectionKey.OP_READ);
            }
        }
    }

    /** Reads until the buffer holds more than before; false at end of stream. */
    private boolean fill(Framing.Frame pending) throws IOException {
        boolean midFrame = end > start;
        long timeout = midFrame ? options.frameMillis() : options.idleMillis();
        int n = readSome(timeout);
        if (n == 0) {
            if (midFrame) {
                throw new InputException("stream offset " + streamOffset, "peer " + peer + " stalled in the middle of a message for "
                        + timeout + " ms");
            }
            throw new InputException(peer, "no message from the peer for " + timeout + " ms (--idle-timeout)");
        }
        return n > 0;
    }

    /** One read, waiting up to {@code timeoutMillis} (0 = forever) for data: bytes read, 0 on time-out, -1 at EOF. */
    private int readSome(long timeoutMillis) throws IOException {
        if (selector == null) {
            int n;
            try {
                n = in.read(buf.asSlice(end, buf.byteSize() - end).asByteBuffer());
            } catch (java.nio.channels.ClosedChannelException e) {
                throw e;
            } catch (IOException e) {
                // A terminal whose other side went away (USB unplugged, pty closed) answers reads
                // with EIO: for a receive-only line that is its end, said once, not an error.
                hungUp = e.getMessage() == null ? e.toString() : e.getMessage();
                return -1;
            }
            if (n > 0) {
                end += n;
                bytesReceived += n;
            }
            return n < 0 ? -1 : n;
        }
        long deadline = timeoutMillis == 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            int n = channel.read(buf.asSlice(end, buf.byteSize() - end).asByteBuffer());
            if (n != 0) {
                if (n > 0) {
                    end += n;
                    bytesReceived += n;
                }
                return n;
            }
            long left = timeoutMillis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
            if (timeoutMillis != 0 && left <= 0) {
                return 0;
            }
            selector.select(timeoutMillis == 0 ? 0 : left);
            selector.selectedKeys().clear();
        }
    }

    /** Makes sure {@code need} bytes from {@code start} fit: compacts, or grows up to the cap. */
    private void makeRoom(long need) {
        if (start == end) {
            start = end = 0;
        }
        if (start + need <= buf.byteSize() && end < buf.byteSize()) {
            return;
        }
        if (need <= buf.byteSize()) {
            // Move the partial message to the front; native to native, once per buffer wrap.
            MemorySegment.copy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
            return;
        }
        long cap = options.memoryCapBytes();
        long size = Math.min(cap, Math.max(need, Long.highestOneBit(need - 1) << 1));
        if (size < need) {
            throw new InputException("stream offset " + streamOffset, "message of " + need
                    + " bytes does not fit the capture memory cap of " + cap + " bytes");
        }
        Arena bigger = Arena.ofConfined();
        MemorySegment nb = bigger.allocate(size, 64);
        MemorySegment.copy(buf, start, nb, 0, end - start);
        end -= start;
        start = 0;
        arena.close();
        arena = bigger;
        buf = nb;
    }

    /**
     * Stops the connection from another thread: closes the socket and wakes a waiting read, which
     * then fails with {@link java.nio.channels.ClosedChannelException}. The owner still calls
     * {@link #close()} to free the buffer.
     */
    public void abort() {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing to stop: nothing more to do
        }
        if (selector != null) {
            selector.wakeup();
        }
        Selector w = writeSelector;
        if (w != null) {
            w.wakeup();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            synchronized (writeLock) {
                if (writeSelector != null) {
                    writeSelector.close();
                }
            }
            if (selector != null) {
                selector.close();
            }
            in.close();
            if (outStream != null) {
                outStream.close();
            }
        } finally {
            arena.close();
        }
    }
}
