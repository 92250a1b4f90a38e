package dev.structscope.app.cli;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.TcpCapture;
import dev.structscope.io.net.UnixSockets;
import dev.structscope.model.InputException;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/**
 * What the two commands on a live connection, {@code capture} and {@code send}, share: the record
 * ({@link RecordArgs}), the connection options ({@link NetOptions}) and the serial line settings
 * ({@link SerialOptions}); a socket that fails under them ends the run as the one-line error
 * "connection lost". One instance per run; the calling thread.
 */
abstract class NetCommand extends CliCommand {
    final RecordArgs record = new RecordArgs();
    final SerialOptions line = new SerialOptions();
    final NetOptions net = new NetOptions();

    NetCommand(String description) {
        super(description);
    }

    /** Declares the record, the serial line and the connection options (each command adds its own). */
    @Override
    void declare(CliSpec s) {
        record.declare(s);
        line.declare(s);
        net.declare(s);
    }

    /** The stream {@code --connect} names, connected: a Unix domain socket ({@code unix:PATH}) or a TCP server ({@code HOST:PORT}). */
    static SocketChannel connect(String address, CaptureOptions options) throws IOException {
        if (UnixSockets.named(address)) {
            return UnixSockets.connect(UnixSockets.path("--connect", address));
        }
        Endpoint ep = Endpoint.parse("--connect", address, true);
        return TcpCapture.open(ep.host(), ep.port(), options.connectMillis());
    }

    /** A socket failure (reset, broken pipe, ...) as the one-line error it is for a user. */
    @Override
    RuntimeException failed(IOException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new InputException("socket", "connection lost: " + msg, e);
    }
}
