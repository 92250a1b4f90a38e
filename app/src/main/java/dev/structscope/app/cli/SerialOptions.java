package dev.structscope.app.cli;

import dev.structscope.io.net.SerialLine;
import dev.structscope.model.InputException;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code --baud}, {@code --parity}, {@code --stop-bits}: the line settings of {@code --serial} in capture and send. */
final class SerialOptions {
    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200", description = "Serial baud rate (default 115200).")
    int baud;

    @Option(names = "--parity", paramLabel = "none|even|odd", defaultValue = "none", description = "Serial parity (default none).")
    String parity;

    @Option(names = "--stop-bits", paramLabel = "1|2", defaultValue = "1", description = "Serial stop bits (default 1).")
    int stopBits;

    SerialLine.Settings settings() {
        SerialLine.Parity p;
        try {
            p = SerialLine.Parity.valueOf(parity.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException("--parity", "none, even or odd, not '" + parity + "'");
        }
        return new SerialLine.Settings(baud, p, stopBits);
    }
}
