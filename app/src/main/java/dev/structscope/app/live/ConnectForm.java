package dev.structscope.app.live;

import dev.structscope.io.net.Framing;
import dev.structscope.io.net.live.LiveSource;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the connect dialog asks, validated: mode, address, framing, authkey and record type, each
 * problem keyed by the field it belongs to so the dialog marks that field. Pure; any thread.
 */
public final class ConnectForm {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ConnectForm() {
    }

    public enum Mode {
        TCP_CLIENT("TCP client"), TCP_SERVER("TCP server"), UNIX_CLIENT("Unix socket client"),
        UNIX_SERVER("Unix socket server"), SERIAL("Serial port"), UDP("UDP");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        /** A Unix domain socket: the address is a path, there is no port. */
        public boolean unix() {
            return this == UNIX_CLIENT || this == UNIX_SERVER;
        }

        /** A serial line: the address is a device, the port field holds the baud rate. */
        public boolean serial() {
            return this == SERIAL;
        }

        /** We connect (rather than listen or receive). */
        public boolean client() {
            return this == TCP_CLIENT || this == UNIX_CLIENT;
        }
    }

    /** The framings offered, with the label a person reads. */
    public enum FramingChoice {
        FIXED("Fixed: back-to-back records of sizeof(type)"),
        U16BE("u16 length prefix, big-endian"),
        U16LE("u16 length prefix, little-endian"),
        U32BE("u32 length prefix, big-endian"),
        U32LE("u32 length prefix, little-endian"),
        MP("Python multiprocessing.connection (mp)"),
        RECORD("Self-delimiting records (the type gives each length)");

        private final String label;

        FramingChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        Framing framing(dev.structscope.io.decode.RecordReader reader) {
            return this == RECORD ? new Framing.Record(reader) : framing(reader.minSize());
        }

        /** The framing for records of {@code recordSize} bytes; not for {@link #RECORD}, which needs the type. */
        Framing framing(long recordSize) {
            return switch (this) {
                case RECORD -> throw new IllegalStateException("record framing needs the record type");
                case FIXED -> new Framing.Fixed(recordSize);
                case U16BE -> new Framing.LengthPrefixed(2, ByteOrder.BIG_ENDIAN);
                case U16LE -> new Framing.LengthPrefixed(2, ByteOrder.LITTLE_ENDIAN);
                case U32BE -> new Framing.LengthPrefixed(4, ByteOrder.BIG_ENDIAN);
                case U32LE -> new Framing.LengthPrefixed(4, ByteOrder.LITTLE_ENDIAN);
                case MP -> new Framing.Mp();
            };
        }
    }

    /**
     * The dialog's fields as typed; in the Unix modes {@code host} holds the socket's path, for a
     * serial port {@code host} holds the device and {@code port} the baud rate, with {@code parity}
     * and {@code stopBits} (null elsewhere: none and 1).
     */
    public record Input(Mode mode, String host, String port, FramingChoice framing, String authkey, String type,
                        dev.structscope.io.net.SerialLine.Parity parity, Integer stopBits) {
        public Input(Mode mode, String host, String port, FramingChoice framing, String authkey, String type) {
            this(mode, host, port, framing, authkey, type, null, null);
        }
    }

    /** Field names of {@link #validate}'s problems. */
    public static final String HOST = "host";
    public static final String PORT = "port";
    public static final String AUTHKEY = "authkey";
    public static final String TYPE = "type";
    public static final String FRAMING = "framing";

    /** Problems by field name; empty when the input can be connected with. */
    public static Map<String, String> validate(Input in) {
        Map<String, String> p = new LinkedHashMap<>();
        String host = in.host() == null ? "" : in.host().strip();
        if (in.mode() == Mode.SERIAL) {
            if (host.isEmpty()) {
                p.put(HOST, "Enter the serial device, e.g. /dev/ttyUSB0");
            } else if (!host.startsWith("/")) {
                p.put(HOST, "A full device path, starting with /dev/");
            }
            String baud = in.port() == null ? "" : in.port().strip();
            try {
                if (!dev.structscope.io.net.SerialLine.rates().contains(Integer.parseInt(baud))) {
                    p.put(PORT, baud + " is not a rate the serial driver offers (9600, 115200, 921600, …)");
                }
            } catch (NumberFormatException e) {
                p.put(PORT, baud.isEmpty() ? "Enter the baud rate" : "'" + baud + "' is not a baud rate");
            }
            if (in.framing() == FramingChoice.MP && in.authkey() != null && !in.authkey().isEmpty()) {
                p.put(AUTHKEY, "A serial line has no handshake: leave the authkey empty");
            }
            if (in.framing() == null) {
                p.put(FRAMING, "Choose how messages are framed");
            }
            if (in.type() == null || in.type().isEmpty()) {
                p.put(TYPE, "Choose the record type to decode with (design or import one first)");
            }
            return p;
        }
        if (in.mode() != null && in.mode().unix()) {
            if (host.isEmpty()) {
                p.put(HOST, in.mode() == Mode.UNIX_CLIENT ? "Enter the path of the peer's socket"
                        : "Enter the path to listen on");
            } else if (!host.startsWith("/")) {
                p.put(HOST, "A full path, starting with / (e.g. /tmp/pymp-…/listener-…)");
            }
        } else if (host.isEmpty()) {
            p.put(HOST, in.mode() == Mode.TCP_CLIENT ? "Enter the host to connect to" : "Enter the address to listen on");
        } else if (host.chars().anyMatch(Character::isWhitespace)) {
            p.put(HOST, "A host has no spaces");
        }
        String port = in.port() == null ? "" : in.port().strip();
        int min = in.mode() == Mode.TCP_CLIENT ? 1 : 0;
        if (in.mode() != null && in.mode().unix()) {
            port = "0"; // a Unix socket has no port
        }
        try {
            int n = Integer.parseInt(port);
            if (n < min || n > 65535) {
                p.put(PORT, "Port must be " + min + "–65535" + (min == 0 ? " (0: any free port)" : ""));
            }
        } catch (NumberFormatException e) {
            p.put(PORT, port.isEmpty() ? "Enter a port" : "'" + port + "' is not a port number");
        }
        if (in.mode() != Mode.UDP && in.framing() == null) {
            p.put(FRAMING, "Choose how messages are framed");
        }
        if (in.mode() != Mode.UDP && in.framing() == FramingChoice.MP && (in.authkey() == null || in.authkey().isEmpty())) {
            p.put(AUTHKEY, "multiprocessing.connection needs the peer's authkey");
        }
        if (in.type() == null || in.type().isEmpty()) {
            p.put(TYPE, "Choose the record type to decode with (design or import one first)");
        }
        return p;
    }

    /**
     * A warning when a server or UDP receiver would listen beyond this machine, or null: on all
     * interfaces ({@code 0.0.0.0}, {@code ::}) or a non-loopback address.
     */
    public static String bindWarning(Mode mode, String host) {
        if (mode == null || mode.client() || mode.unix() || mode.serial() || host == null) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.isEmpty()) {
            return null;
        }
        if (h.equals("0.0.0.0") || h.equals("::") || h.equals("[::]") || h.equals("*")) {
            return "Listening on all interfaces: any machine that can reach this one may connect and send data.";
        }
        if (h.equals("localhost") || h.equals("::1") || h.equals("[::1]") || IPV4.matcher(h).matches() && h.startsWith("127.")) {
            return null;
        }
        return "'" + host.strip() + "' is not a loopback address: other machines on that network may connect.";
    }

    /** The source the input describes; call only when {@link #validate} found nothing. */
    public static LiveSource source(Input in, dev.structscope.io.decode.RecordReader reader) {
        return source(in, in.framing() == null ? null : in.framing().framing(reader));
    }

    /** As {@link #source(Input, dev.structscope.io.decode.RecordReader)} for records of a fixed size. */
    public static LiveSource source(Input in, long recordSize) {
        return source(in, in.framing() == null ? null : in.framing().framing(recordSize));
    }

    private static LiveSource source(Input in, Framing framing) {
        if (in.mode() == Mode.SERIAL) {
            return new LiveSource.Serial(java.nio.file.Path.of(in.host().strip()), new dev.structscope.io.net.SerialLine.Settings(
                    Integer.parseInt(in.port().strip()), in.parity() == null ? dev.structscope.io.net.SerialLine.Parity.NONE
                    : in.parity(), in.stopBits() == null ? 1 : in.stopBits()), framing);
        }
        byte[] key = in.framing() == FramingChoice.MP ? in.authkey().getBytes(StandardCharsets.UTF_8) : null;
        if (in.mode().unix()) {
            java.nio.file.Path path = java.nio.file.Path.of(in.host().strip());
            return in.mode() == Mode.UNIX_CLIENT ? new LiveSource.UnixClient(path, framing, key)
                    : new LiveSource.UnixServer(path, framing, key);
        }
        String host = in.host().strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(in.port().strip());
        return switch (in.mode()) {
            case TCP_CLIENT -> new LiveSource.TcpClient(host, port, framing, key);
            case TCP_SERVER -> new LiveSource.TcpServer(host, port, framing, key);
            case UDP -> new LiveSource.Udp(host, port);
            case UNIX_CLIENT, UNIX_SERVER, SERIAL -> throw new IllegalStateException("handled above");
        };
    }

    /**
     * Keeps {@code in} for the next run in {@code prefs}: everything but the authkey, which is
     * never written to disk (the dialog keeps it for this run only).
     */
    public static void remember(Input in, java.util.prefs.Preferences prefs) {
        put(prefs, "mode", in.mode() == null ? null : in.mode().name());
        put(prefs, "host", in.host());
        put(prefs, "port", in.port());
        put(prefs, "framing", in.framing() == null ? null : in.framing().name());
        put(prefs, "type", in.type());
        put(prefs, "parity", in.parity() == null ? null : in.parity().name());
        put(prefs, "stopBits", in.stopBits() == null ? null : in.stopBits().toString());
    }

    /** What {@link #remember} kept, without an authkey; null when nothing was kept (or it no longer reads). */
    public static Input recall(java.util.prefs.Preferences prefs) {
        String mode = prefs.get("mode", null);
        if (mode == null) {
            return null;
        }
        try {
            String framing = prefs.get("framing", null);
            String parity = prefs.get("parity", null);
            String stop = prefs.get("stopBits", null);
            return new Input(Mode.valueOf(mode), prefs.get("host", ""), prefs.get("port", ""),
                    framing == null ? null : FramingChoice.valueOf(framing), "", prefs.get("type", null),
                    parity == null ? null : dev.structscope.io.net.SerialLine.Parity.valueOf(parity),
                    stop == null ? null : Integer.valueOf(stop));
        } catch (IllegalArgumentException e) {
            return null; // written by another version: start from the defaults
        }
    }

    private static void put(java.util.prefs.Preferences prefs, String key, String value) {
        if (value == null) {
            prefs.remove(key);
        } else {
            prefs.put(key, value);
        }
    }
}
