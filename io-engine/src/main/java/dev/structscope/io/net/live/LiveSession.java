package dev.structscope.io.net.live;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.Message;
import dev.structscope.io.net.StreamConnection;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.TcpCapture;
import dev.structscope.io.net.UnixSockets;
import dev.structscope.io.net.UdpCapture;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One live capture: runs a {@link TcpCapture} (client or server), a {@link UdpCapture} or a
 * {@link dev.structscope.io.net.Replayer} of a recording on a thread of its own, copies every message into a {@link MessageStore}, records to pcapng on
 * request, reconnects a client with back-off, and sends records back on the same connection.
 *
 * <p>Owned by the app's live view model. No JavaFX: the FX thread polls {@link #state()} and the
 * store once per frame. {@link #stop()}, {@link #reconnect()}, {@link #send} and the recording
 * methods may be called from any thread; the capture runs on the thread {@link #start()} makes.
 */
public final class LiveSession {
    static final long MIN_BACKOFF = 500;
    static final long MAX_BACKOFF = 10_000;
    private static final long SEND_TIMEOUT = 10_000;

    private final LiveSource source;
    private final MessageStore store;
    private final CaptureOptions options;
    private final Recorder recorder = new Recorder();
    private final List<StreamConnection> ready = new CopyOnWriteArrayList<>();
    private final Object wake = new Object();
    private volatile ConnState state = new ConnState.Idle();
    private volatile boolean stopped;
    private volatile boolean reconnectNow;
    private volatile TcpCapture tcp;
    private volatile UdpCapture udp;
    private volatile String lastPeer;
    private volatile int boundPort = -1;
    private final java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
    private long seq;
    private Thread thread;

    public LiveSession(LiveSource source, MessageStore store) {
        this.source = source;
        this.store = store;
        this.options = CaptureOptions.defaults().withTimeouts(5_000, 5_000, 30_000);
    }

    public LiveSource source() {
        return source;
    }

    public MessageStore store() {
        return store;
    }

    public ConnState state() {
        return state;
    }

    /** The port actually bound by a server or UDP session (useful with port 0), or -1. */
    public int boundPort() {
        return boundPort;
    }

    /** Datagrams the UDP ring overwrote because this session fell behind (0 for TCP). */
    public long dropped() {
        UdpCapture u = udp;
        return u == null ? droppedAtEnd : u.dropped();
    }

    private volatile long droppedAtEnd;

    /** Records sent with {@link #send}. */
    public long sent() {
        return sent.get();
    }

    public Recorder recorder() {
        return recorder;
    }

    /** Starts the capture thread (a platform thread: it blocks in selectors for long stretches). */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("started twice");
        }
        thread = Thread.ofPlatform().daemon().name("structscope-live").start(this::run);
    }

    /** Ends the session; returns at once, the thread ends within about 100 ms. */
    public void stop() {
        stopped = true;
        TcpCapture t = tcp;
        if (t != null) {
            t.stop();
        }
        UdpCapture u = udp;
        if (u != null) {
            u.stop();
        }
        dev.structscope.io.net.Replayer r = replayer;
        if (r != null) {
            r.cancel();
        }
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Waits for the capture thread to end (tests, shutdown). */
    public void join(long millis) throws InterruptedException {
        Thread t = thread;
        if (t != null) {
            t.join(millis);
        }
    }

    /** A client connects again now: ends a waiting back-off, or the current connection. */
    public void reconnect() {
        reconnectNow = true;
        TcpCapture t = tcp;
        if (t != null && (source instanceof LiveSource.TcpClient || source instanceof LiveSource.UnixClient)) {
            t.stop();
        }
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /**
     * Sends {@code record} {@code times} times on the live connection with its framing: to every
     * connected peer over TCP, to the last sender over UDP. Any thread but the FX thread.
     */
    public void send(MemorySegment record, long times) throws IOException {
        if (source instanceof LiveSource.Udp) {
            UdpCapture u = udp;
            String peer = lastPeer;
            if (u == null || peer == null) {
                throw new IOException("no datagram has arrived yet, so there is no peer to answer");
            }
            int colon = peer.lastIndexOf(':');
            InetSocketAddress to = new InetSocketAddress(peer.substring(0, colon), Integer.parseInt(peer.substring(colon + 1)));
            for (long i = 0; i < times; i++) {
                u.send(record, to);
                sent.incrementAndGet();
            }
            return;
        }
        if (ready.isEmpty()) {
            throw new IOException("not connected");
        }
        for (StreamConnection c : ready) {
            c.sendConcurrently(record, times, SEND_TIMEOUT);
        }
        sent.addAndGet(times);
    }

    // ---- the capture thread ------------------------------------------------------------------

    private void run() {
        try {
            switch (source) {
                case LiveSource.TcpClient c -> runClient(c.host() + ":" + c.port(), c.framing(), c.authkey(),
                        capture -> capture.connect(c.host(), c.port()));
                case LiveSource.UnixClient c -> runClient(UnixSockets.PREFIX + c.path(), c.framing(), c.authkey(),
                        capture -> capture.connect(UnixSockets.connect(c.path())));
                case LiveSource.TcpServer s -> runServer(s);
                case LiveSource.UnixServer s -> runUnixServer(s);
                case LiveSource.Serial s -> runSerial(s);
                case LiveSource.Udp u -> runUdp(u);
                case LiveSource.Recording r -> runReplay(r);
            }
        } catch (RuntimeException e) {
            state = new ConnState.Failed(String.valueOf(e));
        } finally {
            recorder.stop();
            if (!(state instanceof ConnState.Failed || state instanceof ConnState.HandshakeFailed)) {
                state = new ConnState.Closed(stopped ? "Disconnected" : state.text());
            }
        }
    }

    /** Native memory for message bodies; used only on the capture thread, in {@link #accept}. */
    private final NativeSlabs slabs = new NativeSlabs();

    /** The sink of every capture: copies the message out of the receive buffer before it is reused. */
    private void accept(Message m) {
        if (stopped) {
            return;
        }
        long n = seq++;
        store.add(LiveMessage.copyOf(m, n, slabs));
        lastPeer = m.peer();
        recorder.write(m, n);
    }

    private TcpCapture.ConnectionListener listener(boolean[] handshaking) {
        return new TcpCapture.ConnectionListener() {
            @Override
            public void connected(StreamConnection c) {
                handshaking[0] = true;
            }

            @Override
            public void ready(StreamConnection c) {
                handshaking[0] = false;
                ready.add(c);
                state = new ConnState.Connected(c.peer());
            }

            @Override
            public void closed(StreamConnection c) {
                ready.remove(c);
            }
        };
    }

    /** How a client session reaches its peer (TCP or a Unix socket), once per attempt. */
    @FunctionalInterface
    private interface Dial {
        void run(TcpCapture capture) throws IOException;
    }

    private void runClient(String to, Framing framing, byte[] authkey, Dial dial) {
        long backoff = MIN_BACKOFF;
        while (!stopped) {
            reconnectNow = false;
            state = new ConnState.Connecting(to);
            boolean[] handshaking = {false};
            TcpCapture capture = new TcpCapture(framing, authkey, options, 0, this::accept)
                    .withListener(listener(handshaking));
            tcp = capture;
            if (stopped) {
                break; // stop() may have looked for the capture before it was published
            }
            String why;
            try {
                dial.run(capture);
                why = reconnectNow ? "Reconnecting" : "The peer closed the connection";
            } catch (IOException | InputException e) {
                if (stopped) {
                    break;
                }
                if (handshaking[0] && authkey != null) {
                    state = new ConnState.HandshakeFailed(message(e));
                    waitFor(0);
                    continue;
                }
                why = message(e);
            } finally {
                tcp = null;
            }
            if (stopped) {
                break;
            }
            if (state instanceof ConnState.Connected) {
                backoff = MIN_BACKOFF; // a connection that worked restarts the back-off
            }
            if (!reconnectNow) {
                state = new ConnState.Reconnecting(why, backoff);
                waitFor(backoff);
                backoff = Math.min(MAX_BACKOFF, backoff * 2);
            }
        }
    }

    private void runServer(LiveSource.TcpServer s) {
        try (ServerSocketChannel server = TcpCapture.bind(s.host(), s.port())) {
            boundPort = ((InetSocketAddress) server.getLocalAddress()).getPort();
            serve(server, s.host() + ":" + boundPort, s.framing(), s.authkey());
        } catch (IOException | InputException e) {
            state = new ConnState.Failed(message(e));
        }
    }

    /** A Unix listener: its socket file exists (0600) while the session runs and is removed after. */
    private void runUnixServer(LiveSource.UnixServer s) {
        try (UnixSockets.Listener l = UnixSockets.listen(s.path())) {
            serve(l.channel(), UnixSockets.PREFIX + l.path(), s.framing(), s.authkey());
        } catch (IOException | InputException e) {
            state = new ConnState.Failed(message(e));
        }
    }

    /** A serial line, read until it hangs up or the session stops; sends go out on the same line. */
    private void runSerial(LiveSource.Serial s) {
        String name = dev.structscope.io.net.SerialLine.PREFIX + s.device();
        state = new ConnState.Connecting(name);
        try (dev.structscope.io.net.SerialLine line = dev.structscope.io.net.SerialLine.open(s.device(), s.settings())) {
            boolean[] handshaking = {false};
            TcpCapture capture = new TcpCapture(s.framing(), null, options, 0, this::accept)
                    .withListener(listener(handshaking));
            tcp = capture;
            if (!stopped) {
                StreamConnection c = StreamConnection.line(line.channel(), line.output(), line.name(), s.framing(), options);
                capture.read(c);
                if (!stopped) {
                    state = new ConnState.Closed(c.hungUp() != null ? "The line hung up (" + c.hungUp() + ")"
                            : "The line ended");
                }
            }
        } catch (IOException | InputException e) {
            if (!stopped) {
                state = new ConnState.Failed(message(e));
            }
        } finally {
            tcp = null;
        }
    }

    /** Accepts peers on {@code server}, one capture after another, until stopped. */
    private void serve(ServerSocketChannel server, String at, Framing framing, byte[] authkey) {
        String note = "";
        while (!stopped) {
            state = new ConnState.Listening(at, note);
            boolean[] handshaking = {false};
            TcpCapture capture = new TcpCapture(framing, authkey, options, 0, this::accept)
                    .withListener(listener(handshaking));
            tcp = capture;
            if (stopped) {
                break;
            }
            try {
                capture.listen(server, at);
                note = "the peer left";
            } catch (IOException | InputException e) {
                note = (handshaking[0] && authkey != null ? "handshake failed: " : "") + message(e);
            } finally {
                tcp = null;
            }
        }
    }

    private void runUdp(LiveSource.Udp u) {
        try (UdpCapture capture = new UdpCapture(u.host(), u.port(), options)) {
            udp = capture;
            boundPort = capture.localPort();
            state = new ConnState.Listening(u.host() + ":" + boundPort, "");
            if (!stopped) {
                capture.run(0, this::accept);
            }
            droppedAtEnd = capture.dropped();
        } catch (IOException | InputException e) {
            state = new ConnState.Failed(message(e));
        } finally {
            udp = null;
        }
    }

    private volatile dev.structscope.io.net.Replayer replayer;
    private volatile boolean replayPaused;
    private volatile double replaySpeedWanted = Double.NaN;

    /** Replay controls; harmless for other sources or when the replay has ended. Any thread. */
    public void pauseReplay(boolean pause) {
        replayPaused = pause;
        dev.structscope.io.net.Replayer r = replayer;
        if (r != null) {
            if (pause) {
                r.pause();
            } else {
                r.resume();
            }
        }
    }

    public void stepReplay() {
        dev.structscope.io.net.Replayer r = replayer;
        if (r != null) {
            r.step();
        }
    }

    public void replaySpeed(double speed) {
        replaySpeedWanted = speed;
        dev.structscope.io.net.Replayer r = replayer;
        if (r != null) {
            r.setSpeed(speed);
        }
    }

    private void runReplay(LiveSource.Recording rec) {
        try (dev.structscope.io.net.Replayer r = new dev.structscope.io.net.Replayer(rec.file())) {
            replayer = r;
            // Pause and speed chosen while the file was still being opened apply from the start.
            if (replayPaused) {
                r.pause();
            }
            double speed = Double.isNaN(replaySpeedWanted) ? rec.speed() : replaySpeedWanted;
            state = new ConnState.Connected("recording " + rec.file().getFileName() + " (" + r.messageCount() + " messages)");
            if (stopped) {
                return; // stop() may have looked for the replayer before it was published
            }
            dev.structscope.io.net.CaptureResult res = r.run(this::accept, speed);
            if (!stopped) {
                state = new ConnState.Closed("End of the recording: " + res.messages() + " messages replayed");
            }
        } catch (IOException | InputException e) {
            state = new ConnState.Failed(message(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            replayer = null;
        }
    }

    /** Waits up to {@code millis} (0: until woken) for {@link #reconnect()} or {@link #stop()}. */
    private void waitFor(long millis) {
        long deadline = System.currentTimeMillis() + (millis == 0 ? Long.MAX_VALUE / 2 : millis);
        synchronized (wake) {
            while (!stopped && !reconnectNow) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopped = true;
                    return;
                }
            }
        }
    }

    static String message(Exception e) {
        if (e instanceof InputException ie) {
            return ie.oneLine();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Where the recording goes; convenience for the view. */
    public Path recordingFile() {
        return recorder.file();
    }
}
