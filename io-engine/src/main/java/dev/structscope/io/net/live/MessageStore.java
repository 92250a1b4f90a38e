package dev.structscope.io.net.live;

import dev.structscope.io.net.Guarded;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The live monitor's memory: a ring of the most recent messages, bounded by a byte budget
 * (bodies plus a fixed overhead per message). Adding past the budget evicts the oldest messages
 * and counts them, so memory never grows without bound and loss is never silent.
 *
 * <p>Messages are numbered by their position in the stream ({@code index}, from 0). The FX thread
 * catches up with {@link #since(long)}: the messages added after the last one it has, and how
 * many of the oldest it must drop from its list. Thread-safe: the capture thread adds, the FX
 * thread reads; both under one short lock.
 */
public final class MessageStore {
    /** The default budget: 64 MiB. */
    public static final long DEFAULT_BUDGET = 64L << 20;

    /** What changed since a reader's last look. */
    public record Update(long firstIndex, long endIndex, List<LiveMessage> added) {
    }

    /**
     * Fair, so that the FX thread's read ten times a second is not starved by the capture thread
     * taking the lock for every message (a barging monitor let it wait half a second under load).
     */
    private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);
    private final long budget;
    private final ArrayDeque<LiveMessage> ring = new ArrayDeque<>();
    private long held;
    private long firstIndex;
    private long endIndex;
    private long bytesTotal;
    private long evicted;

    public MessageStore(long budgetBytes) {
        if (budgetBytes < LiveMessage.OVERHEAD * 2) {
            throw new IllegalArgumentException("budget " + budgetBytes);
        }
        this.budget = budgetBytes;
    }

    public long budget() {
        return budget;
    }

    /** Keeps {@code m}, evicting the oldest messages while over the budget (never {@code m} itself). */
    public void add(LiveMessage m) {
        lock.lock();
        try {
            ring.addLast(m);
            held += m.cost();
            endIndex++;
            bytesTotal += m.length();
            while (held > budget && ring.size() > 1) {
                held -= ring.pollFirst().cost();
                firstIndex++;
                evicted++;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The messages with an index from {@code from} (or the oldest kept, if later) to the newest,
     * oldest first.
     */
    public Update since(long from) {
        lock.lock();
        try {
            long start = Math.max(from, firstIndex);
            int n = (int) Math.max(0, endIndex - start);
            List<LiveMessage> out = new ArrayList<>(n);
            Iterator<LiveMessage> it = ring.descendingIterator();
            for (int i = 0; i < n; i++) {
                out.add(it.next());
            }
            java.util.Collections.reverse(out);
            return new Update(firstIndex, endIndex, out);
        } finally {
            lock.unlock();
        }
    }

    /**
     * The store's counters at one instant (read under one lock, so that a view's figures agree
     * with each other while the capture thread adds).
     *
     * @param added      messages ever added
     * @param evicted    messages evicted to stay within the budget
     * @param bytesAdded body bytes ever added
     * @param held       bytes held now (bodies plus overhead)
     * @param size       messages held now
     */
    public record Counts(long added, long evicted, long bytesAdded, long held, int size) {
    }

    public Counts counts() {
        return Guarded.read(lock, () -> new Counts(endIndex, evicted, bytesTotal, held, ring.size()));
    }

    /** Messages ever added ({@link #counts()} for more than one counter). */
    public long added() {
        return counts().added();
    }

    /** Messages evicted to stay within the budget. */
    public long evicted() {
        return counts().evicted();
    }

    /** The message with stream index {@code index}, or null when evicted or not yet added. */
    public LiveMessage get(long index) {
        lock.lock();
        try {
            if (index < firstIndex || index >= endIndex) {
                return null;
            }
            // ArrayDeque has no index access; the FX list holds the same objects, so this is for tests.
            Iterator<LiveMessage> it = ring.iterator();
            for (long i = firstIndex; i < index; i++) {
                it.next();
            }
            return it.next();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every message (counters stay). */
    public void clear() {
        lock.lock();
        try {
            firstIndex = endIndex;
            ring.clear();
            held = 0;
        } finally {
            lock.unlock();
        }
    }
}
