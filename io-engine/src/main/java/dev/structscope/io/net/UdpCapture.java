package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Captures UDP datagrams, one message each, into a ring of native slots. A receiver thread reads
 * with {@code channel.receive(slot.asByteBuffer())} while the calling thread consumes; when the
 * consumer falls behind, the oldest unread datagram is overwritten and {@link #dropped()} counts
 * it, so memory stays bounded and loss is never silent. (Datagrams the kernel drops before we
 * see them are not ours to count: {@link #receiveBufferBytes()} says how large its buffer is.)
 *
 * <p>The ring's native memory belongs to this object and is freed by {@link #close()}.
 */
public final class UdpCapture implements AutoCloseable {
    /** Largest UDP payload, rounded up. */
    static final int SLOT_BYTES = 65_536;

    private final DatagramChannel channel;
    private final CaptureOptions options;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment ring;
    private final int slots;
    private final long[] lengths;
    private final long[] times;
    private final String[] peers;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    /** Filled slots, oldest first. Guarded by {@link #lock}. */
    private final ArrayDeque<Integer> filled = new ArrayDeque<>();
    /** Slots free to receive into. Guarded by {@link #lock}. */
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private long dropped;
    private volatile boolean stopped;
    private volatile Exception receiverFailure;
    private final Thread receiver;

    public UdpCapture(String host, int port, CaptureOptions options) throws IOException {
        this.options = options;
        this.channel = DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            channel.close();
            throw new InputException(host + ":" + port, "cannot listen for UDP: " + e.getMessage());
        }
        long cap = Math.max(2L * SLOT_BYTES, options.memoryCapBytes());
        this.slots = (int) Math.min(1 << 16, cap / SLOT_BYTES);
        this.ring = arena.allocate((long) slots * SLOT_BYTES, 64);
        for (int i = 0; i < slots; i++) {
            free.add(i);
        }
        this.lengths = new long[slots];
        this.times = new long[slots];
        this.peers = new String[slots];
        this.receiver = Thread.ofPlatform().daemon().name("udp receiver").start(this::receiveLoop);
    }

    /** The port actually bound (useful when asked for port 0). */
    public int localPort() throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    /** The kernel's receive buffer for the socket, in bytes. */
    public int receiveBufferBytes() throws IOException {
        return channel.getOption(StandardSocketOptions.SO_RCVBUF);
    }

    /** Datagrams StructScope overwrote because the consumer fell behind. */
    public long dropped() {
        return Guarded.read(lock, () -> dropped);
    }

    private void receiveLoop() {
        try (Selector sel = Selector.open()) {
            channel.configureBlocking(false);
            channel.register(sel, SelectionKey.OP_READ);
            int slot = -1;
            while (!stopped) {
                if (slot < 0) {
                    lock.lock();
                    try {
                        if (free.isEmpty()) {
                            // The consumer is behind: overwrite the oldest unread datagram, and say so.
                            slot = filled.pollFirst();
                            dropped++;
                        } else {
                            slot = free.pollFirst();
                        }
                    } finally {
                        lock.unlock();
                    }
                }
                ByteBuffer bb = slotSegment(slot).asByteBuffer();
                SocketAddress from = channel.receive(bb);
                if (from == null) {
                    sel.select(100);
                    sel.selectedKeys().clear();
                    continue;
                }
                lock.lock();
                try {
                    lengths[slot] = bb.position();
                    times[slot] = TcpCapture.nowNanos();
                    peers[slot] = from instanceof InetSocketAddress a
                            ? a.getAddress().getHostAddress() + ":" + a.getPort() : String.valueOf(from);
                    filled.addLast(slot);
                    slot = -1;
                    arrived.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                receiverFailure = e;
            }
        } finally {
            Guarded.write(lock, () -> {
                stopped = true;
                arrived.signalAll();
            });
        }
    }

    private MemorySegment slotSegment(int slot) {
        return ring.asSlice((long) slot * SLOT_BYTES, SLOT_BYTES);
    }

    /**
     * Delivers datagrams to {@code sink} on the calling thread until {@code count} were delivered
     * (0 = no limit) or none arrived for the idle time-out.
     */
    public CaptureResult run(long count, MessageSink sink) throws IOException {
        long t0 = System.nanoTime();
        long delivered = 0;
        long bytes = 0;
        while (count <= 0 || delivered < count) {
            int slot;
            lock.lock();
            try {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.idleMillis());
                while (filled.isEmpty() && !stopped) {
                    if (options.idleMillis() == 0) {
                        arrived.await();
                    } else {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new InputException(channel.getLocalAddress().toString(), "no datagram for "
                                    + options.idleMillis() + " ms (--idle-timeout)");
                        }
                        arrived.awaitNanos(left);
                    }
                }
                if (filled.isEmpty()) {
                    break;
                }
                // The claimed slot is in neither queue, so the receiver cannot overwrite it.
                slot = filled.pollFirst();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                lock.unlock();
            }
            MemorySegment body = slotSegment(slot).asSlice(0, lengths[slot]);
            try {
                sink.accept(new Message(delivered, times[slot], peers[slot], body));
            } finally {
                lock.lock();
                try {
                    free.addLast(slot);
                } finally {
                    lock.unlock();
                }
            }
            delivered++;
            bytes += body.byteSize();
        }
        Exception e = receiverFailure;
        if (e != null) {
            throw new InputException("udp", "receiving failed: " + e.getMessage(), e);
        }
        return new CaptureResult(delivered, bytes, (System.nanoTime() - t0) / 1e9, dropped());
    }

    /**
     * Ends {@link #run} from any thread: the receiver stops within its 100 ms poll and {@code run}
     * returns after the datagrams already received. The caller of {@code run} then closes.
     */
    public void stop() {
        stopped = true;
    }

    /** Sends one datagram from this capture's socket to {@code to}; any thread. */
    public void send(MemorySegment datagram, InetSocketAddress to) throws IOException {
        if (datagram.byteSize() > SLOT_BYTES - 1) {
            throw new InputException(to.toString(), "a datagram of " + datagram.byteSize() + " bytes is too large for UDP");
        }
        channel.send(datagram.asByteBuffer(), to);
    }

    @Override
    public void close() throws IOException {
        stopped = true;
        try {
            receiver.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
        if (!receiver.isAlive()) {
            arena.close();
        }
    }
}
