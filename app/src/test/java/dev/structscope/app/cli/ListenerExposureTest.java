package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SECURITY.md's listener claims, checked against the kernel's own table of sockets
 * ({@code /proc/net/tcp}, {@code /proc/net/udp}): {@code capture --listen PORT} and
 * {@code --udp PORT} bind 127.0.0.1 only, silently; binding any other address works but prints a
 * warning that other machines can connect.
 */
class ListenerExposureTest {
    @TempDir
    Path dir;

    private static final String LOOPBACK = "127.0.0.1";
    private static final String ANY = "any";

    /**
     * The local address of the socket bound to {@code port} as the kernel lists it in
     * {@code /proc/net/<table>} or, for the JDK's dual-stack sockets, {@code <table>6}: "127.0.0.1"
     * (also as the IPv4-mapped ::ffff:127.0.0.1), "any" (0.0.0.0 or ::), else the raw hex, or null.
     */
    private static String boundAddress(String table, int port) throws Exception {
        String hexPort = String.format(Locale.ROOT, "%04X", port);
        for (String t : new String[]{table, table + "6"}) {
            Path file = Path.of("/proc/net", t);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 1 && f[1].endsWith(":" + hexPort)) {
                    String hex = f[1].substring(0, f[1].indexOf(':'));
                    return switch (hex) {
                        case "0100007F", "0000000000000000FFFF00000100007F" -> LOOPBACK;
                        case "00000000", "00000000000000000000000000000000" -> ANY;
                        default -> hex;
                    };
                }
            }
        }
        return null;
    }

    private static int port(CliRun run, String what) throws InterruptedException {
        Matcher m = Pattern.compile(what + " (?:on )?[^ :]+:(\\d+)").matcher(run.awaitErr(what));
        assertTrue(m.find(), run.err.toString());
        return Integer.parseInt(m.group(1));
    }

    @Test
    void listenersBindLoopbackByDefaultAndWarnOtherwise() throws Exception {
        Path h = Files.writeString(dir.resolve("b.h"), "struct B { char c; };\n");

        CliRun tcp = CliRun.start("capture", h.toString(), "--type", "B", "--listen", "0", "--idle-timeout", "1");
        int port = port(tcp, "listening on");
        assertEquals(LOOPBACK, boundAddress("tcp", port), "TCP bound to 127.0.0.1");
        assertEquals(2, tcp.status());   // nobody came: the idle time-out ends it
        assertFalse(tcp.err.toString().contains("warning"), tcp.err.toString());

        CliRun udp = CliRun.start("capture", h.toString(), "--type", "B", "--udp", "0", "--idle-timeout", "1");
        int uport = port(udp, "receiving UDP on");
        assertEquals(LOOPBACK, boundAddress("udp", uport), "UDP bound to 127.0.0.1");
        udp.status();
        assertFalse(udp.err.toString().contains("warning"), udp.err.toString());

        CliRun any = CliRun.start("capture", h.toString(), "--type", "B", "--listen", "0.0.0.0:0", "--idle-timeout", "1");
        String err = any.awaitErr("listening on");
        assertTrue(err.contains("warning: listening on 0.0.0.0 accepts peers from other machines"), err);
        int aport = port(any, "listening on");
        assertEquals(ANY, boundAddress("tcp", aport), "bound to every address, as asked");
        any.status();
    }
}
