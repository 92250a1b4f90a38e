package dev.structscope.io.net;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Replays a pcapng recording (the {@link PcapngWriter} format, read through {@link PcapngReader})
 * into a {@link MessageSink}, as if live: each message is delivered when its recorded time comes,
 * scaled by a speed (1.0 = recorded timing, 2.0 = twice as fast, {@code +Infinity} = full speed).
 * Messages keep their recorded sequence number, time stamp and peer; their bytes are views of the
 * mapped file, valid during the sink call like a live capture's.
 *
 * <p>{@link #run} runs on the calling thread (a background thread in the GUI); {@link #pause},
 * {@link #resume}, {@link #step}, {@link #cancel} and {@link #setSpeed} may be called from any
 * other thread and take effect at once, even in the middle of a long gap (waits are woken, and
 * never longer than {@value #SLICE_MILLIS} ms without looking at the controls again). Time comes
 * from a {@link Clock}, so tests replace waiting with a virtual clock. Owned by whoever opened
 * it; {@link #close()} unmaps the file (after a running replay has stopped).
 */
public final class Replayer implements AutoCloseable {
    static final long SLICE_MILLIS = 250;

    /**
     * The time of a replay: {@link #SYSTEM} waits for real; tests pass a virtual clock whose
     * {@code await} moves its time forward instead of waiting.
     */
    public interface Clock {
        /** Monotonic nanoseconds. */
        long nanoTime();

        /**
         * Waits up to {@code nanos} on {@code wake} (held by the caller), or less when signalled;
         * spurious returns are fine, the replayer looks again.
         */
        void await(Condition wake, long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void await(Condition wake, long nanos) throws InterruptedException {
                wake.awaitNanos(nanos);
            }
        };
    }

    /** Where a replay is; for views. */
    public enum State { READY, RUNNING, PAUSED, DONE, CANCELLED }

    private final PcapngReader reader;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    // All below guarded by lock.
    private double speed = 1.0;
    private boolean paused;
    private boolean cancelled;
    private boolean running;
    private boolean closed;
    private boolean parked;
    private int steps;
    private int next;
    private long delivered;
    private State state = State.READY;
    /** Playback anchor: recorded time {@code anchorRec} plays at clock time {@code anchorWall}. */
    private long anchorWall;
    private long anchorRec;
    private boolean anchored;

    /** Opens a recording; a malformed file is an {@link dev.structscope.model.InputException} naming the offset. */
    public Replayer(Path recording) throws IOException {
        this(recording, Clock.SYSTEM);
    }

    public Replayer(Path recording, Clock clock) throws IOException {
        this.reader = new PcapngReader(recording);
        this.clock = clock;
    }

    public int messageCount() {
        return reader.messageCount();
    }

    /**
     * Delivers every message (from the first) at its recorded time scaled by {@code speed}.
     * Returns when all were delivered or the replay was cancelled; the result counts what was
     * delivered, with the clock time the replay took.
     */
    public CaptureResult run(MessageSink sink, double speed) throws IOException, InterruptedException {
        return run(sink, speed, 0);
    }

    /** {@link #run(MessageSink, double)} that stops after {@code limit} messages (0 = no limit). */
    public CaptureResult run(MessageSink sink, double speed, long limit) throws IOException, InterruptedException {
        checkSpeed(speed);
        long t0 = clock.nanoTime();
        long bytes = 0;
        long n = 0;
        lock.lock();
        try {
            if (running || closed) {
                throw new IllegalStateException(closed ? "the replayer is closed" : "the replay is already running");
            }
            running = true;
            this.speed = speed;
            next = 0;
            delivered = 0;
            anchored = false;
            state = paused ? State.PAUSED : State.RUNNING;
        } finally {
            lock.unlock();
        }
        try {
            int total = reader.messageCount();
            for (int i = 0; i < total && (limit <= 0 || n < limit); i++) {
                Message m = reader.message(i);
                if (!waitFor(m.epochNanos())) {
                    break;
                }
                sink.accept(m);
                bytes += m.bytes().byteSize();
                n++;
                lock.lock();
                try {
                    next = i + 1;
                    delivered = n;
                } finally {
                    lock.unlock();
                }
            }
        } finally {
            lock.lock();
            try {
                running = false;
                parked = false;
                state = cancelled ? State.CANCELLED : State.DONE;
                if (closed) {
                    reader.close();
                }
                wake.signalAll();
            } finally {
                lock.unlock();
            }
        }
        return new CaptureResult(n, bytes, (clock.nanoTime() - t0) / 1e9, 0);
    }

    /**
     * Waits until the message recorded at {@code rec} is due (or a step lets it through while
     * paused). False when cancelled.
     */
    private boolean waitFor(long rec) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                if (cancelled) {
                    return false;
                }
                if (paused) {
                    if (steps > 0) {
                        steps--;
                        anchorAt(rec); // the next message after a step waits its own gap
                        return true;
                    }
                    parked = true;
                    wake.await(SLICE_MILLIS, TimeUnit.MILLISECONDS);
                    parked = false;
                    continue;
                }
                if (!anchored || Double.isInfinite(speed)) {
                    anchorAt(rec);
                    return true;
                }
                long now = clock.nanoTime();
                double gap = (double) rec - anchorRec; // out-of-order or unknown times: no wait
                long due = anchorWall + (long) Math.min(Math.max(gap, 0) / speed, Long.MAX_VALUE / 4.0);
                long left = due - now;
                if (left <= 0) {
                    return true;
                }
                clock.await(wake, Math.min(left, TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS)));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Makes recorded time {@code rec} play now. Caller holds the lock. */
    private void anchorAt(long rec) {
        anchorRec = rec;
        anchorWall = clock.nanoTime();
        anchored = true;
    }

    /** The recorded time that plays now (caller holds the lock and has an anchor). */
    private long playingNow() {
        double elapsed = (double) (clock.nanoTime() - anchorWall) * (Double.isInfinite(speed) ? 0 : speed);
        return anchorRec + (long) elapsed;
    }

    /** Holds delivery until {@link #resume()}; {@link #step()} lets single messages through. */
    public void pause() {
        Guarded.write(lock, () -> {
            if (!paused && anchored) {
                anchorRec = playingNow();
            }
            paused = true;
            if (running) {
                state = State.PAUSED;
            }
            wake.signalAll();
        });
    }

    /** Continues from where the replay was paused, at the recorded gaps from there. */
    public void resume() {
        Guarded.write(lock, () -> {
            if (paused && anchored) {
                anchorWall = clock.nanoTime();
            }
            paused = false;
            steps = 0;
            if (running) {
                state = State.RUNNING;
            }
            wake.signalAll();
        });
    }

    /** While paused: delivers exactly one more message. Ignored when not paused. */
    public void step() {
        Guarded.write(lock, () -> {
            if (paused) {
                steps++;
                wake.signalAll();
            }
        });
    }

    /** Stops the replay: {@link #run} returns after the message being delivered, if any. Final. */
    public void cancel() {
        Guarded.write(lock, () -> {
            cancelled = true;
            wake.signalAll();
        });
    }

    /** Changes the speed, also while running: the gap being waited is rescaled from now. */
    public void setSpeed(double speed) {
        checkSpeed(speed);
        Guarded.write(lock, () -> {
            if (anchored && !paused) {
                anchorRec = playingNow();
                anchorWall = clock.nanoTime();
            }
            this.speed = speed;
            wake.signalAll();
        });
    }

    /**
     * The replay as it stands at one instant (read under one lock, so that its parts agree: a
     * check of {@code delivered} and {@code waitingPaused} together cannot see two moments).
     *
     * @param speed         the speed factor
     * @param state         where the replay is
     * @param delivered     messages delivered so far by the current (or last) run
     * @param position      the index of the next message to deliver
     * @param waitingPaused a paused run is waiting for resume or step (for tests and views)
     */
    public record Status(double speed, State state, long delivered, int position, boolean waitingPaused) {
    }

    public Status status() {
        return Guarded.read(lock, () -> new Status(speed, state, delivered, next,
                running && paused && parked && steps == 0));
    }

    private static void checkSpeed(double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("replay speed must be above 0, not " + speed);
        }
    }

    /** Cancels a running replay and unmaps the file once it has stopped. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            cancelled = true;
            wake.signalAll();
            if (!running) {
                reader.close();
            }
        } finally {
            lock.unlock();
        }
    }
}
