package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A serial line (UART, USB serial adapter, pseudo-terminal) opened for {@code capture --serial} and
 * {@code send --serial}: 8 data bits, the given baud rate, parity and stop bits, raw (no echo, no
 * line editing, no flow control), set with the C library's termios calls through
 * {@code java.lang.foreign}; the bytes then go through a {@link FileChannel} on the device, so a
 * capture reads them straight into its native buffer like a socket's.
 *
 * <p>Why not a serial library: jSerialComm (the usual choice) reads into {@code byte[]} and
 * unpacks a native library at run time; on Linux a serial port is a file plus one termios
 * call, which the JDK's own foreign-function API makes without either. Linux only (the termios
 * layout and constants below are Linux's, the same on x86-64 and AArch64).
 *
 * <p>Owned by one capture or send, which closes it; any thread.
 */
public final class SerialLine implements AutoCloseable {
    /** How the command line and the GUI spell a serial endpoint in messages. */
    public static final String PREFIX = "serial:";

    /** Parity bit. */
    public enum Parity { NONE, EVEN, ODD }

    /** Line settings: 8 data bits always. */
    public record Settings(int baud, Parity parity, int stopBits) {
        public static final Settings DEFAULT = new Settings(115200, Parity.NONE, 1);

        public Settings {
            if (!BAUDS.containsKey(baud)) {
                throw new InputException("--baud", baud + " is not a rate the Linux serial driver offers; one of "
                        + BAUDS.keySet());
            }
            if (stopBits != 1 && stopBits != 2) {
                throw new InputException("--stop-bits", "1 or 2, not " + stopBits);
            }
        }
    }

    /** Linux's Bnnn speed codes (termios.h). */
    static final Map<Integer, Integer> BAUDS = new TreeMap<>(Map.ofEntries(
            Map.entry(50, 01), Map.entry(75, 02), Map.entry(110, 03), Map.entry(134, 04), Map.entry(150, 05),
            Map.entry(200, 06), Map.entry(300, 07), Map.entry(600, 010), Map.entry(1200, 011), Map.entry(1800, 012),
            Map.entry(2400, 013), Map.entry(4800, 014), Map.entry(9600, 015), Map.entry(19200, 016),
            Map.entry(38400, 017), Map.entry(57600, 010001), Map.entry(115200, 010002), Map.entry(230400, 010003),
            Map.entry(460800, 010004), Map.entry(500000, 010005), Map.entry(576000, 010006),
            Map.entry(921600, 010007), Map.entry(1000000, 010010), Map.entry(1152000, 010011),
            Map.entry(1500000, 010012), Map.entry(2000000, 010013), Map.entry(2500000, 010014),
            Map.entry(3000000, 010015), Map.entry(3500000, 010016), Map.entry(4000000, 010017)));

    /** The baud rates the Linux serial driver offers, ascending. */
    public static java.util.Set<Integer> rates() {
        return java.util.Collections.unmodifiableSet(BAUDS.keySet());
    }

    // termios.h (Linux): c_cflag bits and c_cc indices.
    private static final int CSIZE = 060;
    private static final int CS8 = 060;
    private static final int CSTOPB = 0100;
    private static final int CREAD = 0200;
    private static final int PARENB = 0400;
    private static final int PARODD = 01000;
    private static final int CLOCAL = 04000;
    private static final int CRTSCTS = 020000000000;
    private static final int VTIME = 5;
    private static final int VMIN = 6;
    private static final int TCSANOW = 0;
    private static final int O_RDWR = 02;
    private static final int O_NOCTTY = 0400;
    private static final int O_CLOEXEC = 02000000;

    /** struct termios of glibc on Linux: four tcflag_t, c_line, c_cc[32], the two speeds. */
    private static final StructLayout TERMIOS = java.lang.foreign.MemoryLayout.structLayout(
            ValueLayout.JAVA_INT.withName("c_iflag"), ValueLayout.JAVA_INT.withName("c_oflag"),
            ValueLayout.JAVA_INT.withName("c_cflag"), ValueLayout.JAVA_INT.withName("c_lflag"),
            ValueLayout.JAVA_BYTE.withName("c_line"),
            java.lang.foreign.MemoryLayout.sequenceLayout(32, ValueLayout.JAVA_BYTE).withName("c_cc"),
            java.lang.foreign.MemoryLayout.paddingLayout(3),
            ValueLayout.JAVA_INT.withName("c_ispeed"), ValueLayout.JAVA_INT.withName("c_ospeed"));
    private static final VarHandle CFLAG = TERMIOS.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("c_cflag"));
    private static final long CC = TERMIOS.byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("c_cc"));

    private static final class Libc {
        static final Linker LINKER = Linker.nativeLinker();
        static final SymbolLookup LIBC = LINKER.defaultLookup();
        static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
        static final StructLayout STATE = Linker.Option.captureStateLayout();
        static final VarHandle ERRNO_VH = STATE.varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        static final MethodHandle OPEN = handle("open", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT), true, Linker.Option.firstVariadicArg(2));
        static final MethodHandle CLOSE = handle("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), false);
        static final MethodHandle TCGETATTR = handle("tcgetattr", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS), true);
        static final MethodHandle TCSETATTR = handle("tcsetattr", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS), true);
        static final MethodHandle CFMAKERAW = handle("cfmakeraw", FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), false);
        static final MethodHandle CFSETISPEED = handle("cfsetispeed", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT), true);
        static final MethodHandle CFSETOSPEED = handle("cfsetospeed", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.ADDRESS, ValueLayout.JAVA_INT), true);
        static final MethodHandle STRERROR = handle("strerror", FunctionDescriptor.of(ValueLayout.ADDRESS,
                ValueLayout.JAVA_INT), false);

        static MethodHandle handle(String name, FunctionDescriptor fd, boolean errno, Linker.Option... more) {
            MemorySegment addr = LIBC.find(name).orElseThrow(() -> new UnsupportedOperationException(
                    "the C library has no " + name + ": serial ports need Linux"));
            List<Linker.Option> options = new ArrayList<>(List.of(more));
            if (errno) {
                options.add(ERRNO);
            }
            // With errno captured the handle takes the capture segment first; the descriptor does not say so.
            return LINKER.downcallHandle(addr, fd, options.toArray(Linker.Option[]::new));
        }

        static String strerror(int errno) {
            try {
                MemorySegment s = (MemorySegment) STRERROR.invokeExact(errno);
                return s.reinterpret(256).getString(0);
            } catch (Throwable t) {
                return "errno " + errno;
            }
        }
    }

    private final Path device;
    private final int fd;
    private final FileChannel channel;
    private final FileChannel output;

    private SerialLine(Path device, int fd, FileChannel channel, FileChannel output) {
        this.device = device;
        this.fd = fd;
        this.channel = channel;
        this.output = output;
    }

    /** The line's incoming bytes (blocking reads). */
    public FileChannel channel() {
        return channel;
    }

    /**
     * The line's outgoing bytes: a channel of its own, because a {@link FileChannel} serialises
     * reads and writes on one lock, and a read waiting for the line would hold every send back.
     */
    public FileChannel output() {
        return output;
    }

    /** {@code serial:/dev/ttyUSB0}. */
    public String name() {
        return PREFIX + device;
    }

    /**
     * Opens {@code device} and sets it raw with {@code settings}.
     *
     * @throws InputException when the device is missing, not a terminal, busy or refuses the settings
     */
    public static SerialLine open(Path device, Settings settings) throws IOException {
        String where = PREFIX + device;
        if (!Files.exists(device)) {
            throw new InputException(where, "no such device" + suggestion());
        }
        int fd;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(Libc.STATE);
            fd = (int) Libc.OPEN.invokeExact(state, a.allocateFrom(device.toString()), O_RDWR | O_NOCTTY | O_CLOEXEC);
            if (fd < 0) {
                throw new InputException(where, "cannot open: " + Libc.strerror((int) Libc.ERRNO_VH.get(state, 0L)));
            }
            try {
                MemorySegment t = a.allocate(TERMIOS);
                check(where, "not a serial port or terminal", (int) Libc.TCGETATTR.invokeExact(state, fd, t), state);
                Libc.CFMAKERAW.invokeExact(t);
                int cflag = (int) CFLAG.get(t, 0L);
                cflag &= ~(CSIZE | PARENB | PARODD | CSTOPB | CRTSCTS);
                cflag |= CS8 | CREAD | CLOCAL;
                if (settings.parity() != Parity.NONE) {
                    cflag |= PARENB | (settings.parity() == Parity.ODD ? PARODD : 0);
                }
                if (settings.stopBits() == 2) {
                    cflag |= CSTOPB;
                }
                CFLAG.set(t, 0L, cflag);
                // Block until at least one byte is there; no inter-byte timer.
                t.set(ValueLayout.JAVA_BYTE, CC + VMIN, (byte) 1);
                t.set(ValueLayout.JAVA_BYTE, CC + VTIME, (byte) 0);
                int speed = BAUDS.get(settings.baud());
                check(where, "cannot set the baud rate", (int) Libc.CFSETISPEED.invokeExact(state, t, speed), state);
                check(where, "cannot set the baud rate", (int) Libc.CFSETOSPEED.invokeExact(state, t, speed), state);
                check(where, "the driver refused the settings", (int) Libc.TCSETATTR.invokeExact(state, fd, TCSANOW, t), state);
                FileChannel in = FileChannel.open(device, StandardOpenOption.READ);
                try {
                    return new SerialLine(device, fd, in, FileChannel.open(device, StandardOpenOption.WRITE));
                } catch (IOException | RuntimeException e) {
                    in.close();
                    throw e;
                }
            } catch (InputException | IOException e) {
                closeFd(fd);
                throw e;
            }
        } catch (InputException | IOException e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException(where + ": " + t, t);
        }
    }

    private static void check(String where, String what, int rc, MemorySegment state) {
        if (rc != 0) {
            throw new InputException(where, what + ": " + Libc.strerror((int) Libc.ERRNO_VH.get(state, 0L)));
        }
    }

    private static void closeFd(int fd) {
        try {
            int ignored = (int) Libc.CLOSE.invokeExact(fd);
        } catch (Throwable ignored) {
            // closing on the way out of a failure: nothing more to report
        }
    }

    private static String suggestion() {
        List<Path> ports = ports();
        return ports.isEmpty() ? " (this machine shows no serial ports)" : " (serial ports here: " + ports + ")";
    }

    /**
     * The machine's serial ports, for the connect dialog: USB and ACM adapters, the stable
     * {@code /dev/serial/by-id} names, and the on-board {@code ttyS} ports that have hardware behind
     * them. File-system work: not for the FX thread.
     */
    public static List<Path> ports() {
        List<Path> out = new ArrayList<>();
        Path byId = Path.of("/dev/serial/by-id");
        if (Files.isDirectory(byId)) {
            try (Stream<Path> s = Files.list(byId)) {
                s.sorted().forEach(out::add);
            } catch (IOException ignored) {
                // no stable names: the kernel names below still count
            }
        }
        try (Stream<Path> s = Files.list(Path.of("/dev"))) {
            s.filter(p -> {
                String n = p.getFileName().toString();
                if (n.startsWith("ttyUSB") || n.startsWith("ttyACM") || n.startsWith("ttyAMA") || n.startsWith("rfcomm")) {
                    return true;
                }
                // ttyS0..31 always exist; a UART is behind those whose port type is not 0 (unknown).
                return n.startsWith("ttyS") && uartPresent(n);
            }).sorted().forEach(out::add);
        } catch (IOException ignored) {
            // no /dev listing: no ports to offer
        }
        return out;
    }

    private static boolean uartPresent(String name) {
        try {
            return !Files.readString(Path.of("/sys/class/tty", name, "type")).strip().equals("0");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        try (FileChannel o = output) {
            channel.close();
        } finally {
            closeFd(fd);
        }
    }
}
