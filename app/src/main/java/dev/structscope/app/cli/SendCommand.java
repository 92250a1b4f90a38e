package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.MpAuth;
import dev.structscope.io.net.SerialLine;
import dev.structscope.io.net.StreamConnection;
import dev.structscope.model.InputException;

import java.nio.file.Path;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;

/**
 * {@code structscope send LAYOUT --type NAME --connect HOST:PORT [--framing ...] [--authkey KEY]
 * --values JSON [--repeat N]}: encodes one record from JSON member values (missing members are
 * zero) and sends it, the other direction of {@code capture}.
 */
public final class SendCommand extends NetCommand {
    /** Frames are batched into writes of about this size when repeating. */
    private static final long BATCH_BYTES = 256 << 10;

    String connect;
    String udp;
    Path serial;
    String values;
    long repeat = 1;

    public SendCommand() {
        super("Encode one record from JSON values and send it to a socket.");
    }

    @Override
    void declare(CliSpec s) {
        super.declare(s);
        s.option("--connect", "HOST:PORT|unix:PATH", String.class, v -> connect = v,
                "Send over TCP to this server, or over a Unix domain socket.");
        s.option("--udp", "HOST:PORT", String.class, v -> udp = v, "Send UDP datagrams to this address instead.");
        s.option("--serial", "DEVICE", Path.class, v -> serial = v,
                "Write to a serial port instead (8 data bits; see --baud, --parity, --stop-bits).");
        s.required("--values", "JSON", String.class, v -> values = v, "A JSON object of member values, e.g. '{\"x\": 1}'.");
        s.option("--repeat", "N", long.class, v -> repeat = v, "Send the record N times (default 1).");
    }

    /** Reads records of the type: what {@code --framing record} delimits messages by. */
    private dev.structscope.io.decode.RecordReader reader;

    @Override
    int run(PrintWriter out, PrintWriter err) throws IOException {
        if ((connect != null ? 1 : 0) + (udp != null ? 1 : 0) + (serial != null ? 1 : 0) != 1) {
            throw new InputException("--connect", "give one of --connect HOST:PORT, --connect unix:PATH, --udp HOST:PORT"
                    + " or --serial DEVICE");
        }
        if (repeat < 1) {
            throw new InputException("--repeat", "must be 1 or more");
        }
        var resolved = record.resolve(err);
        reader = record.reader(resolved);
        DecoderPlan plan = record.plan(resolved);
        JsonNode json = CliJson.values(values);
        CaptureOptions options = net.options(0);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment record;
            if (reader instanceof dev.structscope.io.decode.DynamicDecoder dynamic && !resolved.fixedInC()) {
                // Counts, discriminators and sizes follow the values given.
                record = dev.structscope.io.encode.DynamicEncoder.encode(dynamic, json, arena, options.maxFrameBytes());
                for (String placed : dev.structscope.io.encode.DynamicEncoder.placedGiven(dynamic.layout(), json)) {
                    warn(err, placed + " is placed outside the record's own bytes: its value is not sent");
                }
            } else {
                record = arena.allocate(Math.max(1, plan.recordSize()));
                RecordEncoder.encode(plan, json, record);
                record = record.asSlice(0, plan.recordSize());
            }
            if (udp != null) {
                sendUdp(Endpoint.parse("--udp", udp, true), record);
            } else if (serial != null) {
                sendSerial(record, arena);
            } else {
                sendStream(record, options, arena);
            }
        }
        return 0;
    }

    private void sendUdp(Endpoint ep, MemorySegment record) throws IOException {
        try (DatagramChannel ch = DatagramChannel.open()) {
            InetSocketAddress to = new InetSocketAddress(ep.host(), ep.port());
            for (long i = 0; i < repeat; i++) {
                ch.send(record.asByteBuffer(), to);
            }
        }
    }

    /** Sends on a TCP connection or a Unix domain socket ({@code --connect unix:PATH}). */
    private void sendStream(MemorySegment record, CaptureOptions options, Arena arena) throws IOException {
        Framing framing = Framing.parse(net.framing, record.byteSize(), reader);
        byte[] authkey = net.authkeyBytes();
        try (StreamConnection c = new StreamConnection(connect(connect, options), framing, options)) {
            if (authkey != null) {
                MpAuth.asClient(c, authkey, options.handshakeMillis());
            }
            long timeout = Math.max(options.connectMillis(), 30_000);
            writeFrames(framing, record, arena, batch -> c.sendRaw(batch, timeout));
        }
    }

    /** Writes the framed records to a serial line (no handshake: a line has no peer to answer one). */
    private void sendSerial(MemorySegment record, Arena arena) throws IOException {
        net.noHandshakeOnSerial();
        Framing framing = Framing.parse(net.framing, record.byteSize(), reader);
        try (SerialLine l = SerialLine.open(serial, line.settings())) {
            writeFrames(framing, record, arena, batch -> {
                java.nio.ByteBuffer bb = batch.asByteBuffer();
                while (bb.hasRemaining()) {
                    l.output().write(bb);
                }
            });
        }
    }

    private interface BatchWriter {
        void write(MemorySegment batch) throws IOException;
    }

    /** One frame (header + record) built once, copied into a batch; batches are written whole, {@code --repeat} times in all. */
    private void writeFrames(Framing framing, MemorySegment record, Arena arena, BatchWriter out) throws IOException {
        MemorySegment header = arena.allocate(16);
        int h = Framing.writeHeader(framing, header, record.byteSize());
        long frameBytes = h + record.byteSize();
        long perBatch = Math.max(1, Math.min(repeat, BATCH_BYTES / Math.max(1, frameBytes)));
        MemorySegment batch = arena.allocate(perBatch * frameBytes);
        for (long i = 0; i < perBatch; i++) {
            MemorySegment.copy(header, 0, batch, i * frameBytes, h);
            MemorySegment.copy(record, 0, batch, i * frameBytes + h, record.byteSize());
        }
        long left = repeat;
        while (left > 0) {
            long n = Math.min(left, perBatch);
            out.write(batch.asSlice(0, n * frameBytes));
            left -= n;
        }
    }
}
