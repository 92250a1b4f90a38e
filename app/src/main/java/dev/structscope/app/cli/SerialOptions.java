package dev.structscope.app.cli;

import dev.structscope.io.net.SerialLine;
import dev.structscope.model.InputException;

import java.util.Locale;

/** {@code --baud}, {@code --parity}, {@code --stop-bits}: the line settings of {@code --serial} in capture and send. */
final class SerialOptions {
    int baud = 115200;
    String parity = "none";
    int stopBits = 1;

    void declare(CliSpec s) {
        s.option("--baud", "N", int.class, v -> baud = v, "Serial baud rate (default 115200).");
        s.option("--parity", "none|even|odd", String.class, v -> parity = v, "Serial parity (default none).");
        s.option("--stop-bits", "1|2", int.class, v -> stopBits = v, "Serial stop bits (default 1).");
    }

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
