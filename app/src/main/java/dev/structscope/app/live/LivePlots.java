package dev.structscope.app.live;

import dev.structscope.app.fields.Columns;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.net.live.LiveMessage;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.ArrayList;
import java.util.List;

/**
 * What the live plots draw: for each of the monitor's 10 Hz updates, how many messages and bytes
 * arrived since the one before, and the count, min, max and sum of a chosen scalar member over
 * the messages of that update. Kept in a ring of the last {@link #CAPACITY} updates (two minutes),
 * so memory is fixed however fast messages come; a flood of a hundred thousand messages a second
 * is still one slot per update. The views ask for at most {@link #MAX_POINTS} points over the
 * last N seconds ({@link #rates}, {@link #member}), merging neighbouring updates when there are
 * more, so a chart is never fed more than a few hundred points.
 *
 * <p>Owned by the {@link LiveViewModel}, which calls {@link #sample} from its update; read by the
 * plots view. FX thread only.
 */
public final class LivePlots {
    /** Updates kept: two minutes at ten a second. */
    public static final int CAPACITY = 1200;
    /** The most points handed to a chart per series. */
    public static final int MAX_POINTS = 300;
    /** Member values read per update at most; beyond it every k-th message (a flood is sampled, not stalled on). */
    static final int MAX_VALUES_PER_UPDATE = 20_000;

    /** One point of a rate plot: {@code t} seconds relative to the newest update (≤ 0), per second values. */
    public record RatePoint(double t, double messagesPerSecond, double bytesPerSecond) {
    }

    /** One point of the member plot: min, mean and max of the values in it, and how many there were. */
    public record ValuePoint(double t, double min, double mean, double max, long count) {
    }

    private final long[] nanos = new long[CAPACITY];
    private final long[] messages = new long[CAPACITY];
    private final long[] bytes = new long[CAPACITY];
    private final long[] valueCount = new long[CAPACITY];
    private final double[] valueMin = new double[CAPACITY];
    private final double[] valueMax = new double[CAPACITY];
    private final double[] valueSum = new double[CAPACITY];
    /** Slots filled, and the index of the next one to write. */
    private int size;
    private int next;
    private long lastMessages;
    private long lastBytes;
    private long lastNanos = Long.MIN_VALUE;
    private Columns.Leaf member;
    private final ReadOnlyLongWrapper versionWrapper = new ReadOnlyLongWrapper(this, "version");
    /** Changes after every {@link #sample} and {@link #reset}: the views redraw on it. */
    public final ReadOnlyLongProperty version = versionWrapper.getReadOnlyProperty();

    /** The scalar member plotted (null: none); its earlier values are forgotten. */
    public void setMember(Columns.Leaf leaf) {
        member = leaf != null && leaf.node() instanceof ScalarNode ? leaf : null;
        java.util.Arrays.fill(valueCount, 0);
        versionWrapper.set(versionWrapper.get() + 1);
    }

    public Columns.Leaf member() {
        return member;
    }

    /** Forgets everything (a new session). */
    public void reset() {
        size = 0;
        next = 0;
        lastMessages = 0;
        lastBytes = 0;
        lastNanos = Long.MIN_VALUE;
        versionWrapper.set(versionWrapper.get() + 1);
    }

    /**
     * One update: {@code totalMessages} and {@code totalBytes} received so far in the session, and
     * the messages added to the list by this update ({@code added}; none while paused).
     */
    public void sample(long now, long totalMessages, long totalBytes, List<LiveMessage> added) {
        int i = next;
        nanos[i] = now;
        messages[i] = totalMessages - lastMessages;
        bytes[i] = totalBytes - lastBytes;
        lastMessages = totalMessages;
        lastBytes = totalBytes;
        valueCount[i] = 0;
        valueMin[i] = Double.POSITIVE_INFINITY;
        valueMax[i] = Double.NEGATIVE_INFINITY;
        valueSum[i] = 0;
        if (member != null && !added.isEmpty()) {
            ScalarNode node = (ScalarNode) member.node();
            long end = member.base() + node.offset() + node.size();
            int step = Math.max(1, added.size() / MAX_VALUES_PER_UPDATE);
            for (int k = added.size() % step; k < added.size(); k += step) {
                LiveMessage m = added.get(k);
                if (m.length() < end) {
                    continue; // a short message has no such member
                }
                double v = node.readDouble(m.bytes(), member.base());
                if (Double.isNaN(v)) {
                    continue;
                }
                valueCount[i]++;
                valueMin[i] = Math.min(valueMin[i], v);
                valueMax[i] = Math.max(valueMax[i], v);
                valueSum[i] += v;
            }
        }
        lastNanos = now;
        next = (next + 1) % CAPACITY;
        size = Math.min(CAPACITY, size + 1);
        versionWrapper.set(versionWrapper.get() + 1);
    }

    /** Slot of the k-th update from the oldest kept. */
    private int slot(int k) {
        return Math.floorMod(next - size + k, CAPACITY);
    }

    /** The first kept update whose time is within {@code seconds} of the newest. */
    private int firstWithin(double seconds) {
        long from = lastNanos - (long) (seconds * 1e9);
        int k = 0;
        while (k < size && nanos[slot(k)] < from) {
            k++;
        }
        return k;
    }

    /** Messages counted by the updates of the last {@code seconds} seconds. */
    public long messages(double seconds) {
        return sum(messages, seconds);
    }

    /** Bytes counted by the updates of the last {@code seconds} seconds. */
    public long bytes(double seconds) {
        return sum(bytes, seconds);
    }

    /** Member values read by the updates of the last {@code seconds} seconds. */
    public long values(double seconds) {
        return sum(valueCount, seconds);
    }

    /** The sum of one per-update count over the updates of the last {@code seconds} seconds. */
    private long sum(long[] counts, double seconds) {
        long n = 0;
        for (int k = firstWithin(seconds); k < size; k++) {
            n += counts[slot(k)];
        }
        return n;
    }

    /** Updates kept (at most {@link #CAPACITY}). */
    public int updates() {
        return size;
    }

    /** The span a rate is measured over: at 10 Hz a tenth of a second holds a handful of messages and reads as noise. */
    static final long RATE_SPAN_NANOS = 1_000_000_000L;

    /**
     * Messages and bytes per second over the last {@code seconds}: a point per update (or, when
     * there are more than {@link #MAX_POINTS}, per run of neighbouring updates), each the count
     * over the second up to it divided by the time that second actually spans, so a steady
     * sender draws a steady line.
     */
    public List<RatePoint> rates(double seconds) {
        List<RatePoint> out = new ArrayList<>();
        int first = Math.max(1, firstWithin(seconds)); // a rate needs an update before it
        int n = size - first;
        if (n <= 0) {
            return out;
        }
        int per = (n + MAX_POINTS - 1) / MAX_POINTS;
        for (int k = first; k < size; k += per) {
            int end = Math.min(size, k + per) - 1;
            long tEnd = nanos[slot(end)];
            long m = 0;
            long b = 0;
            int j = end;
            // Back over at least the run's own updates and at least a second, as far as the ring goes.
            while (j >= 1 && (j > k - 1 || tEnd - nanos[slot(j)] < RATE_SPAN_NANOS)) {
                m += messages[slot(j)];
                b += bytes[slot(j)];
                j--;
                if (j < k && tEnd - nanos[slot(j)] >= RATE_SPAN_NANOS) {
                    break;
                }
            }
            long dt = tEnd - nanos[slot(j)];
            if (dt <= 0) {
                continue;
            }
            out.add(new RatePoint((tEnd - lastNanos) / 1e9, m * 1e9 / dt, b * 1e9 / dt));
        }
        return out;
    }

    /** The member's min, mean and max over the last {@code seconds}, merged as {@link #rates} does; updates without values are gaps. */
    public List<ValuePoint> member(double seconds) {
        List<ValuePoint> out = new ArrayList<>();
        int first = firstWithin(seconds);
        int n = size - first;
        if (n <= 0 || member == null) {
            return out;
        }
        int per = (n + MAX_POINTS - 1) / MAX_POINTS;
        for (int k = first; k < size; k += per) {
            int stop = Math.min(size, k + per);
            long c = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int j = k; j < stop; j++) {
                int s = slot(j);
                c += valueCount[s];
                if (valueCount[s] > 0) {
                    lo = Math.min(lo, valueMin[s]);
                    hi = Math.max(hi, valueMax[s]);
                    sum += valueSum[s];
                }
            }
            if (c > 0) {
                out.add(new ValuePoint((nanos[slot(stop - 1)] - lastNanos) / 1e9, lo, sum / c, hi, c));
            }
        }
        return out;
    }
}
