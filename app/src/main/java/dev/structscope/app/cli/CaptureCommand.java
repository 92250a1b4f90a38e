package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.CaptureResult;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.MessageSink;
import dev.structscope.io.net.PcapngWriter;
import dev.structscope.io.net.Replayer;
import dev.structscope.io.net.SerialLine;
import dev.structscope.io.net.StreamConnection;
import dev.structscope.io.net.TcpCapture;
import dev.structscope.io.net.UnixSockets;
import dev.structscope.io.net.UdpCapture;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;

/**
 * {@code structscope capture LAYOUT --type NAME (--connect H:P | --listen [H:]P | --udp [H:]P)
 * [--framing ...] [--authkey KEY] [--count N] [--format jsonl|text|none] [--save FILE]}: messages
 * land in native memory and are decoded in place, one record each, as they arrive.
 */
public final class CaptureCommand extends NetCommand {
    /** Where the messages come from: exactly one of these is given. */
    String connect;
    String listen;
    String udp;
    Path replay;
    boolean stdin;
    Path serial;

    long count;
    String format = "jsonl";
    Path save;
    // Off by default (the engine's default): the contract ends a capture after --count messages or
    // when the peer closes.
    double idleSeconds = CaptureOptions.defaults().idleMillis() / 1000.0;

    public CaptureCommand() {
        super("Receive messages from a live socket and decode each as one record.");
    }

    @Override
    void declare(CliSpec s) {
        super.declare(s);
        s.exclusive(true, () -> {
            s.option("--connect", "HOST:PORT|unix:PATH", String.class, v -> connect = v,
                    "Connect to a TCP server, or to a Unix domain socket.");
            s.option("--listen", "[HOST:]PORT|unix:PATH", String.class, v -> listen = v,
                    "Accept TCP peers (binds 127.0.0.1 unless a host is given), or listen on a Unix domain socket (mode 0600, removed at the end).");
            s.option("--udp", "[HOST:]PORT", String.class, v -> udp = v,
                    "Receive UDP datagrams (binds 127.0.0.1 unless a host is given).");
            s.option("--replay", "FILE", Path.class, v -> replay = v,
                    "Replay a recording made with --save (pcapng) instead of a socket.");
            s.flag("--stdin", v -> stdin = v, "Read the stream from standard input (a pipe from another program, nc, socat).");
            s.option("--serial", "DEVICE", Path.class, v -> serial = v,
                    "Read a serial port (8 data bits; see --baud, --parity, --stop-bits).");
        });
        s.option("--count", "N", long.class, v -> count = v, "Stop after N messages (default: until the peer closes).");
        s.option("--format", "FORMAT", String.class, v -> format = v, "jsonl (default), text, none (a summary line at the end).");
        s.option("--save", "FILE", Path.class, v -> save = v, "Also record every message with its time stamp to FILE (pcapng).");
        s.option("--idle-timeout", "SECONDS", double.class, v -> idleSeconds = v,
                "Give up when no message (or, listening, no peer) arrives for this long (default 0: wait, until the peer closes or Ctrl+C).");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        var reader = record.reader(record.resolve(err));
        MessageFormat printer = new MessageFormat(format, reader, out);
        if (printer.prints() && reader instanceof DecoderPlan plan) {
            plan.checkPrintable(record.layout.limits().maxElements());
        }
        CaptureOptions options = net.options(idleSeconds);
        byte[] authkey = net.authkeyBytes();
        if (count < 0) {
            throw new InputException("--count", "must be 0 or more");
        }
        PcapngWriter recorder = save == null ? null : new PcapngWriter(save);
        CaptureResult result;
        // Stopped by Ctrl+C (the way a capture that waits for its peer usually ends), --format none
        // still says what it saw, as ping and tcpdump do: the hook prints the summary so far.
        java.util.concurrent.atomic.AtomicLong messages = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<UdpCapture> udpRef = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        long t0 = System.nanoTime();
        Runnable summaryOnExit = printer.prints() ? () -> { } : dev.structscope.app.common.TaskRunner.atExit("capture-summary", () -> {
            if (finished.compareAndSet(false, true)) {
                UdpCapture udp = udpRef.get();
                out.println(new CaptureResult(messages.get(), bytes.get(), (System.nanoTime() - t0) / 1e9,
                        udp == null ? 0 : udp.dropped()).summary());
                out.flush();
            }
        });
        try {
            MessageSink sink = m -> {
                printer.print(m);
                if (recorder != null) {
                    recorder.write(m);
                }
                messages.incrementAndGet();
                bytes.addAndGet(m.bytes().byteSize());
            };
            if (replay != null) {
                result = replay(replay, sink);
            } else if (udp != null) {
                if (!net.framing.equals("fixed")) {
                    throw new InputException("--framing", "UDP has no framing: one datagram is one message");
                }
                Endpoint ep = Endpoint.parse("--udp", udp, false);
                warnIfExposed(ep, err);
                try (UdpCapture udp = new UdpCapture(ep.host(), ep.port(), options)) {
                    udpRef.set(udp);
                    err.println("structscope: receiving UDP on " + ep.host() + ":" + udp.localPort()
                            + " (kernel receive buffer " + udp.receiveBufferBytes() + " bytes)");
                    err.flush();
                    result = udp.run(count, sink);
                }
            } else {
                Framing framing = Framing.parse(net.framing, reader.minSize(), reader);
                if (reader.dynamic() && net.framing.equals("fixed")) {
                    throw new InputException("--framing", "'" + record.type + "' is a dynamic record (its size depends on"
                            + " its content): use --framing record, or a length-prefixed framing");
                }
                TcpCapture capture = new TcpCapture(framing, authkey, options, count, sink);
                if (serial != null) {
                    net.noHandshakeOnSerial();
                    try (SerialLine serial = SerialLine.open(this.serial, line.settings())) {
                        err.println("structscope: reading " + serial.name() + " at " + line.settings().baud() + " baud");
                        err.flush();
                        StreamConnection c = StreamConnection.line(serial.channel(), serial.output(), serial.name(), framing, options);
                        result = capture.read(c);
                        if (c.hungUp() != null) {
                            err.println("structscope: " + serial.name() + ": the line hung up (" + c.hungUp()
                                    + "): the port was unplugged or its other end closed");
                            err.flush();
                        }
                    }
                } else if (stdin) {
                    if (authkey != null) {
                        throw new InputException("--authkey", "standard input has no peer to answer a handshake:"
                                + " leave out --authkey (mp frames are still read)");
                    }
                    // Read straight into native memory: a FileChannel on the descriptor, not System.in's heap buffers.
                    result = capture.read(new StreamConnection(java.nio.channels.FileChannel.open(Path.of("/dev/stdin")),
                            "stdin", framing, options));
                } else if (connect != null) {
                    result = capture.connect(connect(connect, options));
                } else if (UnixSockets.named(listen)) {
                    try (UnixSockets.Listener l = UnixSockets.listen(UnixSockets.path("--listen", listen))) {
                        err.println("structscope: listening on " + UnixSockets.PREFIX + l.path());
                        err.flush();
                        result = capture.listen(l.channel(), UnixSockets.PREFIX + l.path());
                    }
                } else {
                    Endpoint ep = Endpoint.parse("--listen", listen, false);
                    warnIfExposed(ep, err);
                    try (ServerSocketChannel server = TcpCapture.bind(ep.host(), ep.port())) {
                        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
                        err.println("structscope: listening on " + ep.host() + ":" + port);
                        err.flush();
                        result = capture.listen(server);
                    }
                }
            }
        } finally {
            out.flush();
            if (recorder != null) {
                recorder.close();
            }
            summaryOnExit.run();
        }
        if (!printer.prints() && finished.compareAndSet(false, true)) {
            out.println(result.summary());
        }
        return 0;
    }

    private CaptureResult replay(Path file, MessageSink sink) throws IOException {
        // Full speed: the CLI prints a recording, it does not re-enact its timing.
        try (Replayer replayer = new Replayer(file)) {
            return replayer.run(sink, Double.POSITIVE_INFINITY, count);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while replaying " + file, e);
        }
    }

    private static void warnIfExposed(Endpoint ep, PrintWriter err) {
        if (!ep.isLoopback()) {
            warn(err, "listening on " + ep.host() + " accepts peers from other machines");
            err.flush();
        }
    }
}
