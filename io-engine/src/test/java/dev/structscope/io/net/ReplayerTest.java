package dev.structscope.io.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Replays at recorded timing, on a virtual clock (its waits move time forward instead of taking
 * it), so timing is asserted exactly and no test depends on how fast the machine is.
 */
class ReplayerTest {
    private static final long T0 = 1_700_000_000_000_000_000L;
    private static final long SEC = 1_000_000_000L;

    @TempDir
    Path dir;

    /** Time that passes only when the replayer waits. */
    static final class VirtualClock implements Replayer.Clock {
        final AtomicLong now = new AtomicLong(5 * SEC);

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void await(Condition wake, long nanos) {
            now.addAndGet(nanos);
        }
    }

    /** A recording of one-byte messages (byte = index) at T0 + the given nanosecond offsets. */
    private Path record(long... offsets) throws Exception {
        Path file = dir.resolve("rec" + offsets.length + "-" + System.nanoTime() + ".pcapng");
        try (PcapngWriter w = new PcapngWriter(file); Arena a = Arena.ofConfined()) {
            for (int i = 0; i < offsets.length; i++) {
                MemorySegment m = a.allocate(1);
                m.set(ValueLayout.JAVA_BYTE, 0, (byte) i);
                w.write(i, T0 + offsets[i], "127.0.0.1:" + (5000 + i), m);
            }
        }
        return file;
    }

    /** Clock times (relative to the start) at which each message was delivered. */
    private static List<Long> deliveries(Replayer r, VirtualClock clock, double speed) throws Exception {
        long start = clock.nanoTime();
        List<Long> at = new ArrayList<>();
        r.run(m -> at.add(clock.nanoTime() - start), speed);
        return at;
    }

    @Test
    void deliversAtTheRecordedTimes() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(record(0, SEC, 3 * SEC / 2, 4 * SEC), clock)) {
            assertEquals(4, r.messageCount());
            assertEquals(List.of(0L, SEC, 3 * SEC / 2, 4 * SEC), deliveries(r, clock, 1.0));
            assertEquals(Replayer.State.DONE, r.status().state());
        }
    }

    @Test
    void twiceAsFastHalvesEveryGapAndFullSpeedWaitsForNothing() throws Exception {
        VirtualClock clock = new VirtualClock();
        Path rec = record(0, SEC, 3 * SEC / 2, 4 * SEC);
        try (Replayer r = new Replayer(rec, clock)) {
            assertEquals(List.of(0L, SEC / 2, 3 * SEC / 4, 2 * SEC), deliveries(r, clock, 2.0));
        }
        try (Replayer r = new Replayer(rec, clock)) {
            assertEquals(List.of(0L, 0L, 0L, 0L), deliveries(r, clock, Double.POSITIVE_INFINITY));
        }
    }

    @Test
    void aSpeedChangedWhileRunningRescalesTheRest() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(record(0, 4 * SEC, 8 * SEC, 12 * SEC), clock)) {
            long start = clock.nanoTime();
            List<Long> at = new ArrayList<>();
            r.run(m -> {
                at.add(clock.nanoTime() - start);
                if (at.size() == 2) {
                    r.setSpeed(4.0);
                }
            }, 1.0);
            assertEquals(List.of(0L, 4 * SEC, 5 * SEC, 6 * SEC), at);
            assertEquals(4.0, r.status().speed());
        }
    }

    @Test
    void aSlowSinkDoesNotPushTheScheduleBack() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(record(0, SEC, 2 * SEC, 3 * SEC, 3 * SEC + 1), clock)) {
            long start = clock.nanoTime();
            List<Long> at = new ArrayList<>();
            r.run(m -> {
                at.add(clock.nanoTime() - start);
                clock.now.addAndGet(7 * SEC / 10); // the sink takes 0.7 s of each second
            }, 1.0);
            // Each message is due at its recorded time from the start, not 1 s after the last
            // delivery ended; one already late goes at once.
            assertEquals(List.of(0L, SEC, 2 * SEC, 3 * SEC, 3 * SEC + 7 * SEC / 10), at);
        }
    }

    @Test
    void timesThatGoBackwardsAreDeliveredWithoutWaiting() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(record(10 * SEC, 0, 12 * SEC), clock)) {
            assertEquals(List.of(0L, 0L, 2 * SEC), deliveries(r, clock, 1.0));
        }
    }

    @Test
    void messagesKeepTheirRecordedSequenceTimeAndPeer() throws Exception {
        try (Replayer r = new Replayer(record(0, 7, 9))) {
            List<String> got = new ArrayList<>();
            CaptureResult res = r.run(m -> got.add(m.seq() + " " + (m.epochNanos() - T0) + " " + m.peer() + " "
                    + m.bytes().get(ValueLayout.JAVA_BYTE, 0)), Double.POSITIVE_INFINITY);
            assertEquals(List.of("0 0 127.0.0.1:5000 0", "1 7 127.0.0.1:5001 1", "2 9 127.0.0.1:5002 2"), got);
            assertEquals(3, res.messages());
            assertEquals(3, res.bytes());
        }
    }

    @Test
    void aLimitStopsEarly() throws Exception {
        try (Replayer r = new Replayer(record(0, 1, 2, 3, 4))) {
            assertEquals(2, r.run(m -> { }, Double.POSITIVE_INFINITY, 2).messages());
            assertEquals(5, r.run(m -> { }, Double.POSITIVE_INFINITY).messages(), "a second run starts over");
        }
    }

    @Test
    void pausedStepDeliversExactlyOneMessageEachTime() throws Exception {
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(record(0, SEC, 2 * SEC, 3 * SEC, 4 * SEC), clock)) {
            List<Integer> got = Collections.synchronizedList(new ArrayList<>());
            r.pause();
            Thread t = Thread.ofVirtual().start(() -> run(r, got));
            waitUntil(() -> r.status().waitingPaused());
            assertEquals(0, got.size(), "paused before the start: nothing is delivered");
            r.step();
            waitUntil(() -> {
                Replayer.Status st = r.status();
                return st.delivered() == 1 && st.waitingPaused();
            });
            assertEquals(List.of(0), got);
            r.step();
            waitUntil(() -> {
                Replayer.Status st = r.status();
                return st.delivered() == 2 && st.waitingPaused();
            });
            assertEquals(List.of(0, 1), got);
            assertEquals(Replayer.State.PAUSED, r.status().state());
            r.resume();
            t.join(10_000);
            assertFalse(t.isAlive());
            assertEquals(List.of(0, 1, 2, 3, 4), got);
        }
    }

    @Test
    void cancelFromAnotherThreadEndsAGapOfHoursAtOnce() throws Exception {
        // Real time here: the recording's second message is three hours after the first.
        try (Replayer r = new Replayer(record(0, 3 * 3600 * SEC))) {
            List<Integer> got = Collections.synchronizedList(new ArrayList<>());
            AtomicReference<CaptureResult> result = new AtomicReference<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    result.set(r.run(m -> got.add((int) m.bytes().get(ValueLayout.JAVA_BYTE, 0)), 1.0));
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            waitUntil(() -> r.status().delivered() == 1);
            r.cancel();
            t.join(10_000);
            assertFalse(t.isAlive(), "cancel must end the wait");
            assertEquals(1, result.get().messages());
            assertEquals(List.of(0), got);
            assertEquals(Replayer.State.CANCELLED, r.status().state());
        }
    }

    @Test
    void aRecordingOfARealCaptureReplaysIdentically() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        Path file = dir.resolve("real.pcapng");
        List<String> live = new ArrayList<>();
        try (ServerSocketChannel server = TcpCapture.bind("127.0.0.1", 0);
             PcapngWriter w = new PcapngWriter(file);
             PythonPeer py = new PythonPeer("raw_peer.py", "u32be",
                     String.valueOf(((InetSocketAddress) server.getLocalAddress()).getPort()), "200")) {
            new TcpCapture(Framing.parse("u32be", 16), null, CaptureOptions.defaults().withIdleMillis(15_000), 0, m -> {
                live.add(describe(m));
                w.write(m);
            }).listen(server);
        }
        assertEquals(200, live.size());
        VirtualClock clock = new VirtualClock();
        try (Replayer r = new Replayer(file, clock)) {
            List<String> replayed = new ArrayList<>();
            CaptureResult res = r.run(m -> replayed.add(describe(m)), 1.0);
            assertEquals(live, replayed);
            assertEquals(200 * 16, res.bytes());
        }
    }

    private static String describe(Message m) {
        return m.seq() + " " + m.epochNanos() + " " + m.peer() + " "
                + java.util.HexFormat.of().formatHex(m.bytes().toArray(ValueLayout.JAVA_BYTE));
    }

    @Test
    void aBadSpeedIsRefused() throws Exception {
        try (Replayer r = new Replayer(record(0))) {
            assertThrows(IllegalArgumentException.class, () -> r.setSpeed(0));
            assertThrows(IllegalArgumentException.class, () -> r.setSpeed(Double.NaN));
            assertThrows(IllegalArgumentException.class, () -> r.run(m -> { }, -1));
        }
    }

    private static void run(Replayer r, List<Integer> got) {
        try {
            r.run(m -> got.add((int) m.bytes().get(ValueLayout.JAVA_BYTE, 0)), 1.0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded) for a condition another thread makes true; not a timing assertion. */
    static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 2000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "condition not reached in 10 s");
    }
}
