package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnresolvedAddressException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captures messages from TCP: as a client ({@link #connect}) or as a server ({@link #listen}),
 * where each accepted peer is a stream of its own on a virtual thread. Messages from all peers go
 * to one {@link MessageSink}, one at a time; a peer waits while another's message is consumed,
 * which is TCP flow control doing its job — nothing is dropped.
 *
 * <p>A capture runs on the calling thread until {@code count} messages were delivered, the peer
 * (every peer, when listening) closed, or an error ended it.
 */
public final class TcpCapture {
    private final Framing framing;
    private final byte[] authkey;
    private final CaptureOptions options;
    private final long count;
    private final MessageSink sink;
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Object sinkLock = new Object();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean done;
    private volatile ConnectionListener listener = new ConnectionListener() { };
    /** Connections open now, for {@link #stop()}. */
    private final List<StreamConnection> live = new ArrayList<>();

    /**
     * Told about each connection of a capture, on that connection's thread (the GUI uses it to
     * show the state and to write on the connection with {@link StreamConnection#sendConcurrently}).
     */
    public interface ConnectionListener {
        /** The TCP connection is up; the authkey handshake, if any, comes next. */
        default void connected(StreamConnection c) {
        }

        /** The handshake (if any) passed: messages follow, and the connection may be written to. */
        default void ready(StreamConnection c) {
        }

        /** The connection ended: closed by the peer, failed, or stopped. */
        default void closed(StreamConnection c) {
        }
    }

    /**
     * @param authkey for {@code mp} framing: run the authkey handshake with this key; null for none
     * @param count   stop after this many messages; 0 or less for no limit
     */
    public TcpCapture(Framing framing, byte[] authkey, CaptureOptions options, long count, MessageSink sink) {
        this.framing = framing;
        this.authkey = authkey;
        this.options = options;
        this.count = count;
        this.sink = sink;
    }

    /** Sets who is told about connections; call before {@link #connect} or {@link #listen}. */
    public TcpCapture withListener(ConnectionListener l) {
        this.listener = l;
        return this;
    }

    /**
     * Ends the capture from any thread: open connections are aborted, a listening capture stops
     * accepting within its 100 ms poll, and {@link #connect}/{@link #listen} return normally.
     */
    public void stop() {
        done = true;
        synchronized (live) {
            for (StreamConnection c : live) {
                c.abort();
            }
        }
    }

    /** Runs {@code c}'s handshake and pump, telling the listener; {@code asListener}: we accepted it. */
    private void serve(StreamConnection c, boolean asListener) throws IOException {
        synchronized (live) {
            live.add(c);
        }
        try {
            if (done) {
                return;
            }
            listener.connected(c);
            if (authkey != null) {
                if (asListener) {
                    MpAuth.asListener(c, authkey, options.handshakeMillis());
                } else {
                    MpAuth.asClient(c, authkey, options.handshakeMillis());
                }
            }
            listener.ready(c);
            pump(c);
        } finally {
            synchronized (live) {
                live.remove(c);
            }
            listener.closed(c);
        }
    }

    /** Opens a client connection, with a bounded wait. */
    public static SocketChannel open(String host, int port, long timeoutMillis) throws IOException {
        SocketChannel ch = SocketChannel.open();
        try {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            if (!ch.connect(new InetSocketAddress(host, port))) {
                try (Selector sel = Selector.open()) {
                    ch.register(sel, SelectionKey.OP_CONNECT);
                    if (sel.select(timeoutMillis) == 0) {
                        throw new InputException(host + ":" + port, "connection timed out after " + timeoutMillis + " ms");
                    }
                }
                ch.finishConnect();
            }
            return ch;
        } catch (ConnectException e) {
            ch.close();
            throw new InputException(host + ":" + port, "cannot connect: " + e.getMessage());
        } catch (UnresolvedAddressException e) {
            ch.close();
            throw new InputException(host + ":" + port, "unknown host '" + host + "'");
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** Binds a listening socket; a port in use is an {@link InputException}. */
    public static ServerSocketChannel bind(String host, int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.bind(new InetSocketAddress(host, port));
            return server;
        } catch (BindException e) {
            server.close();
            throw new InputException(host + ":" + port, "cannot listen: " + e.getMessage()
                    + (e.getMessage() != null && e.getMessage().contains("in use") ? " (another program has the port)" : ""));
        } catch (UnresolvedAddressException e) {
            server.close();
            throw new InputException(host + ":" + port, "unknown host '" + host + "'");
        }
    }

    public CaptureResult connect(String host, int port) throws IOException {
        return connect(open(host, port, options.connectMillis()));
    }

    /** Captures from a connected stream channel (TCP, or a Unix socket from {@link UnixSockets}), then closes it. */
    public CaptureResult connect(SocketChannel channel) throws IOException {
        long t0 = System.nanoTime();
        try (StreamConnection c = new StreamConnection(channel, framing, options)) {
            serve(c, false);
        } catch (java.nio.channels.ClosedChannelException e) {
            if (!done) {
                throw e;
            }
        }
        return result(t0);
    }

    /**
     * Captures from a receive-only stream (standard input) until its end or the count; no
     * handshake (a pipe has no peer to answer), so no authkey.
     */
    public CaptureResult read(StreamConnection stream) throws IOException {
        long t0 = System.nanoTime();
        try (StreamConnection c = stream) {
            listener.connected(c);
            listener.ready(c);
            pump(c);
        }
        return result(t0);
    }

    /** Accepts peers on {@code server} until the count is reached or every peer has gone. */
    public CaptureResult listen(ServerSocketChannel server) throws IOException {
        // host:port as the user wrote it ("127.0.0.1:5000"), not InetSocketAddress's "/127.0.0.1:5000".
        java.net.InetSocketAddress a = (java.net.InetSocketAddress) server.getLocalAddress();
        String host = a.getAddress().getHostAddress();
        return listen(server, (a.getAddress() instanceof java.net.Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort());
    }

    /** As above, naming the listener {@code where} in messages (a Unix socket's path). */
    public CaptureResult listen(ServerSocketChannel server, String where) throws IOException {
        long t0 = System.nanoTime();
        List<Thread> peers = new ArrayList<>();
        List<StreamConnection> open = new ArrayList<>();
        AtomicLong active = new AtomicLong();
        server.configureBlocking(false);
        try (Selector sel = Selector.open()) {
            server.register(sel, SelectionKey.OP_ACCEPT);
            boolean any = false;
            long idleSince = System.nanoTime();
            // As with --connect, the capture ends when the peers it accepted have all closed, with
            // or without a count (the contract: "after --count messages, or when the peer closes").
            while (!done && (!any || active.get() > 0)) {
                if (sel.select(100) == 0) {
                    if (active.get() > 0) {
                        idleSince = System.nanoTime();
                    } else if (options.idleMillis() != 0
                            && System.nanoTime() - idleSince > options.idleMillis() * 1_000_000L) {
                        if (any) {
                            break; // the peers came and went; what they sent is the capture
                        }
                        throw new InputException(where, "no peer connected within "
                                + options.idleMillis() + " ms (--idle-timeout)");
                    }
                    continue;
                }
                sel.selectedKeys().clear();
                SocketChannel ch = server.accept();
                if (ch == null) {
                    continue;
                }
                any = true;
                if (ch.supportedOptions().contains(StandardSocketOptions.TCP_NODELAY)) { // not on Unix sockets
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                active.incrementAndGet();
                peers.add(Thread.ofVirtual().name("peer").start(() -> {
                    // The connection is made on its own thread: its buffer's arena is confined to it.
                    try (StreamConnection c = new StreamConnection(ch, framing, options)) {
                        synchronized (open) {
                            open.add(c);
                        }
                        serve(c, true);
                    } catch (Exception e) {
                        if (!done) {
                            failure.compareAndSet(null, e);
                            done = true;
                        }
                    } finally {
                        active.decrementAndGet();
                    }
                }));
            }
        } finally {
            done = true;
            synchronized (open) {
                for (StreamConnection c : open) {
                    c.abort();
                }
            }
            for (Thread t : peers) {
                try {
                    t.join(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        Exception e = failure.get();
        if (e instanceof InputException ie) {
            throw ie;
        }
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        return result(t0);
    }

    private void pump(StreamConnection c) throws IOException {
        String peer = c.peer();
        IOException[] sinkError = new IOException[1];
        while (!done) {
            boolean more;
            try {
                more = c.receive(body -> {
                    synchronized (sinkLock) {
                        if (done) {
                            return;
                        }
                        long n = seq.getAndIncrement();
                        bytes.addAndGet(body.byteSize());
                        try {
                            sink.accept(new Message(n, nowNanos(), peer, body));
                        } catch (IOException e) {
                            sinkError[0] = e;
                        }
                        if (count > 0 && n + 1 >= count) {
                            done = true;
                        }
                    }
                });
            } catch (java.nio.channels.ClosedChannelException e) {
                if (done) {
                    return;
                }
                throw e;
            }
            if (sinkError[0] != null) {
                throw sinkError[0];
            }
            if (!more) {
                return;
            }
        }
    }

    private CaptureResult result(long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new CaptureResult(Math.min(seq.get(), count > 0 ? count : Long.MAX_VALUE), bytes.get(), seconds, 0);
    }

    static long nowNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
