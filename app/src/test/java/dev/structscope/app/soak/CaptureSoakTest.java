package dev.structscope.app.soak;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capture soak (issue #9): {@code structscope capture --connect ... --framing u32le
 * --format none --save rec.pcapng} in its own JVM ({@code -Xmx256m}, as a user would run it) for
 * {@code soak.minutes} (default 10) against a Python peer that sends 16-byte records as fast as
 * TCP takes them. Asserts: the capture's resident memory (VmRSS of its process, sampled every 5 s)
 * stays bounded and does not grow after warm-up; every message the peer sent was received
 * ({@code messages=} of the summary equals the peer's count, {@code dropped=0}); the recording
 * holds every message, in order, byte for byte (read back block by block, independently of
 * {@code PcapngReader}, which indexes every message on the heap).
 *
 * <p>Not in the default suite: tagged {@code soak}, run by {@code ./mvnw -Psoak -pl app -am test
 * [-Dsoak.minutes=N]}. Prints one line of figures and writes them to {@code target/soak-report.txt}.
 */
@Tag("soak")
class CaptureSoakTest {
    private static final long RSS_LIMIT_KIB = 512 * 1024;
    private static final long RSS_GROWTH_LIMIT_KIB = 64 * 1024;

    private static final String HEADER = "#include <stdint.h>\nstruct Tick { uint64_t seq; uint32_t tag; float value; };\n";

    /** Serves one connection: length-prefixed (u32le) Ticks, built in batches, until the time is up. */
    private static final String PEER = """
            import socket, struct, sys, time
            seconds = float(sys.argv[1])
            srv = socket.socket(); srv.bind(("127.0.0.1", 0)); srv.listen(1)
            print(srv.getsockname()[1], flush=True)
            conn, _ = srv.accept()
            fmt = struct.Struct("<IQIf")
            batch = 2048
            buf = bytearray(fmt.size * batch)
            seq = 0
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                off = 0
                for i in range(seq, seq + batch):
                    fmt.pack_into(buf, off, 16, i, (i * 2654435761) & 0xFFFFFFFF, float(i % 1000))
                    off += 20
                conn.sendall(buf)
                seq += batch
            conn.shutdown(socket.SHUT_WR)
            conn.close()
            print(seq, flush=True)
            """;

    @Test
    void tenMinutesAtFullRateWithARecording(@TempDir Path dir) throws Exception {
        double minutes = Double.parseDouble(System.getProperty("soak.minutes", "10"));
        long seconds = Math.max(10, Math.round(minutes * 60));
        Path header = Files.writeString(dir.resolve("tick.h"), HEADER);
        Path peerPy = Files.writeString(dir.resolve("peer.py"), PEER);
        Path rec = dir.resolve("rec.pcapng");

        Process peer = new ProcessBuilder("python3", peerPy.toString(), Long.toString(seconds))
                .redirectError(dir.resolve("peer.err").toFile()).start();
        BufferedReader peerOut = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
        int port = Integer.parseInt(peerOut.readLine().trim());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process capture = new ProcessBuilder(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.structscope.app.Main",
                "capture", header.toString(), "--type", "Tick", "--connect", "127.0.0.1:" + port,
                "--framing", "u32le", "--format", "none", "--save", rec.toString(), "--idle-timeout", "60")
                .redirectOutput(dir.resolve("capture.out").toFile())
                .redirectError(dir.resolve("capture.err").toFile()).start();

        List<Long> rss = new ArrayList<>();
        long t0 = System.nanoTime();
        Path status = Path.of("/proc", Long.toString(capture.pid()), "status");
        while (!capture.waitFor(5, TimeUnit.SECONDS)) {
            long kib = vmRssKib(status);
            if (kib > 0) {
                rss.add(kib);
            }
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(seconds + 300)) {
                capture.destroyForcibly();
                peer.destroyForcibly();
                throw new AssertionError("capture did not end within 5 minutes of the peer's end");
            }
        }
        assertTrue(peer.waitFor(60, TimeUnit.SECONDS), "peer ended");
        long sent = Long.parseLong(peerOut.readLine().trim());
        String out = Files.readString(dir.resolve("capture.out"));
        String err = Files.readString(dir.resolve("capture.err"));
        assertEquals(0, capture.exitValue(), err + out);

        Matcher m = Pattern.compile("messages=(\\d+) bytes=(\\d+) seconds=([0-9.]+) rate=([0-9.]+) dropped=(\\d+)").matcher(out);
        assertTrue(m.find(), "summary line: " + out + err);
        long received = Long.parseLong(m.group(1));
        double rate = Double.parseDouble(m.group(4));
        assertEquals(sent, received, "every message sent over TCP was received");
        assertEquals(0, Long.parseLong(m.group(5)), "nothing dropped");

        long recBytes = Files.size(rec);
        long recorded = checkRecording(rec);
        assertEquals(sent, recorded, "the recording holds every message");

        // Bounded: below the limit throughout, and no growth once warm (the last third of the
        // samples against the middle third: a leak of even 100 bytes a message would show).
        assertTrue(rss.size() >= 2, "RSS samples: " + rss);
        long min = rss.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = rss.stream().mapToLong(Long::longValue).max().orElseThrow();
        int third = Math.max(1, rss.size() / 3);
        long middleMax = rss.subList(third, Math.max(third + 1, 2 * third)).stream().mapToLong(Long::longValue).max().orElseThrow();
        long lastMax = rss.subList(Math.min(rss.size() - 1, 2 * third), rss.size()).stream().mapToLong(Long::longValue).max().orElseThrow();
        String figures = String.format(Locale.ROOT,
                "soak: minutes=%.1f messages=%d rate=%.0f/s rssMinMiB=%.1f rssMaxMiB=%.1f rssMiddleMaxMiB=%.1f rssLastMaxMiB=%.1f "
                        + "samples=%d recordingBytes=%d",
                seconds / 60.0, received, rate, min / 1024.0, max / 1024.0, middleMax / 1024.0, lastMax / 1024.0, rss.size(), recBytes);
        System.out.println(figures);
        Files.writeString(Path.of("target", "soak-report.txt"), figures + "\n");
        assertTrue(max < RSS_LIMIT_KIB, "RSS stayed under 512 MiB: " + figures);
        assertTrue(lastMax - middleMax < RSS_GROWTH_LIMIT_KIB, "RSS did not grow after warm-up: " + figures);
    }

    private static long vmRssKib(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between waitFor and the read
        }
        return -1;
    }

    /**
     * Walks the pcapng blocks: every Enhanced Packet Block must hold a 16-byte Tick whose seq is
     * its index and whose tag and value are the peer's formula. Returns the number of messages.
     */
    private static long checkRecording(Path rec) throws IOException {
        try (Arena arena = Arena.ofConfined(); FileChannel ch = FileChannel.open(rec, StandardOpenOption.READ)) {
            MemorySegment f = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size(), arena);
            ValueLayout.OfInt u32 = ValueLayout.JAVA_INT_UNALIGNED;
            long pos = 0;
            long n = 0;
            while (pos < f.byteSize()) {
                int type = f.get(u32, pos);
                long len = Integer.toUnsignedLong(f.get(u32, pos + 4));
                assertTrue(len >= 12 && pos + len <= f.byteSize(), "block at " + pos);
                if (type == 6) {
                    assertEquals(16, f.get(u32, pos + 20), "captured length of message " + n);
                    long seq = f.get(ValueLayout.JAVA_LONG_UNALIGNED, pos + 28);
                    int tag = f.get(u32, pos + 36);
                    float value = f.get(ValueLayout.JAVA_FLOAT_UNALIGNED, pos + 40);
                    if (seq != n || tag != (int) (seq * 2654435761L) || value != (float) (seq % 1000)) {
                        throw new AssertionError("message " + n + " recorded as seq=" + seq + " tag=" + tag + " value=" + value);
                    }
                    n++;
                }
                pos += len;
            }
            return n;
        }
    }
}
