package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Replays a pcapng recording: the file is mapped, its blocks are checked once on open, and each
 * message is a view of the mapped bytes. Reads recordings of {@link PcapngWriter} and, more
 * generally, any pcapng file's Enhanced and Simple Packet Blocks (their payloads, link headers
 * included). Malformed blocks are an {@link InputException} naming their byte offset.
 *
 * <p>Heap stays small whatever the recording's size: the index keeps the block offset (with the
 * section's byte order and time unit) of every {@value #STRIDE}th message only, and a message is
 * found by walking forward from its checkpoint; reading in order walks one block per message.
 * A 32-million-message recording needs about 8 MiB of index instead of gigabytes.
 *
 * <p>Owns the mapping's arena; {@link #close()} unmaps. Messages may be read from any thread
 * until then.
 */
public final class PcapngReader implements AutoCloseable {
    private static final int SPB = 0x00000003;
    /** One checkpoint per this many messages. */
    static final int STRIDE = 64;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment file;
    private final String name;
    private long[] checkpointPos = new long[64];
    private long[] checkpointUnits = new long[64];
    private boolean[] checkpointBig = new boolean[64];
    private int count;
    /** The walk that served the last {@link #message} call, so that reading in order is one step each. */
    private Walk last;

    /** Why a recording could not be opened, in words (an exception's message is often just the path again). */
    private static String cannotRead(Exception e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            case java.nio.file.FileSystemException x when x.getReason() != null -> "cannot read: " + x.getReason();
            default -> "cannot read: " + e.getMessage();
        };
    }

    public PcapngReader(Path path) throws IOException {
        name = path.toString();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 28) {
                arena.close();
                throw new InputException(path + " @0", "not a pcapng file (" + size + " bytes)");
            }
            file = ch.map(FileChannel.MapMode.READ_ONLY, 0, size, arena);
        } catch (IOException | InputException e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e instanceof InputException ie ? ie : new InputException(path.toString(), cannotRead(e));
        }
        try {
            scan();
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    /**
     * A position in the file with the state of its section: the block at {@code pos}, the byte
     * order and time unit in force there. {@link #next()} moves to the next packet block.
     */
    private final class Walk {
        long pos;
        ByteOrder order;
        long unitsPerSecond;
        /** The message number of the packet block at {@code pos}, once {@link #next()} found one. */
        int message = -1;

        Walk(long pos, ByteOrder order, long unitsPerSecond) {
            this.pos = pos;
            this.order = order;
            this.unitsPerSecond = unitsPerSecond;
        }

        /** Advances to the next packet block (checking every block on the way); false at the end. */
        boolean next(boolean first) {
            long size = file.byteSize();
            if (!first) {
                pos += blockLength();
            }
            while (pos + 12 <= size) {
                int type = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), pos);
                if (type == PcapngWriter.SHB) {
                    int magic = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), pos + 8);
                    order = magic == PcapngWriter.MAGIC ? ByteOrder.LITTLE_ENDIAN
                            : Integer.reverseBytes(magic) == PcapngWriter.MAGIC ? ByteOrder.BIG_ENDIAN : null;
                    if (order == null) {
                        throw new InputException(name + " @" + (pos + 8), "bad pcapng byte-order magic");
                    }
                    unitsPerSecond = 1_000_000;
                } else if (pos == 0) {
                    throw new InputException(name + " @0", "not a pcapng file (no section header block)");
                }
                long len = blockLength();
                if (len < 12 || len % 4 != 0 || pos + len > size) {
                    throw new InputException(name + " @" + pos, "malformed pcapng block length " + len);
                }
                int t = file.get(u32(), pos);
                if (t == PcapngWriter.IDB && len >= 20) {
                    unitsPerSecond = tsResolution(pos + 16, pos + len - 4, order);
                } else if (t == PcapngWriter.EPB) {
                    if (len < 32) {
                        throw new InputException(name + " @" + pos, "malformed enhanced packet block");
                    }
                    long cap = Integer.toUnsignedLong(file.get(u32(), pos + 20));
                    if (28 + cap > len - 4) {
                        throw new InputException(name + " @" + pos, "packet length " + cap + " runs past its block");
                    }
                    message++;
                    return true;
                } else if (t == SPB) {
                    if (len < 16) {
                        throw new InputException(name + " @" + pos, "malformed simple packet block");
                    }
                    message++;
                    return true;
                }
                pos += len;
            }
            if (pos != size) {
                throw new InputException(name + " @" + pos, "truncated pcapng block at the end of the file");
            }
            return false;
        }

        private ValueLayout.OfInt u32() {
            return ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
        }

        private long blockLength() {
            return Integer.toUnsignedLong(file.get(u32(), pos + 4));
        }

        Walk copy() {
            Walk w = new Walk(pos, order, unitsPerSecond);
            w.message = message;
            return w;
        }

        Message read() {
            long len = blockLength();
            if (file.get(u32(), pos) == SPB) {
                long orig = Integer.toUnsignedLong(file.get(u32(), pos + 8));
                return new Message(message, 0, "?", file.asSlice(pos + 12, Math.min(orig, len - 16)));
            }
            long cap = Integer.toUnsignedLong(file.get(u32(), pos + 20));
            long ts = (Integer.toUnsignedLong(file.get(u32(), pos + 12)) << 32)
                    | Integer.toUnsignedLong(file.get(u32(), pos + 16));
            long nanos = ts * (1_000_000_000L / unitsPerSecond);
            String peer = comment(pos + 28 + ((cap + 3) & ~3L), pos + len - 4, order);
            return new Message(message, nanos, peer, file.asSlice(pos + 28, cap));
        }
    }

    private void scan() {
        Walk w = new Walk(0, ByteOrder.LITTLE_ENDIAN, 1_000_000);
        boolean first = true;
        while (w.next(first)) {
            first = false;
            if (count % STRIDE == 0) {
                int k = count / STRIDE;
                if (k == checkpointPos.length) {
                    checkpointPos = java.util.Arrays.copyOf(checkpointPos, k * 2);
                    checkpointUnits = java.util.Arrays.copyOf(checkpointUnits, k * 2);
                    checkpointBig = java.util.Arrays.copyOf(checkpointBig, k * 2);
                }
                checkpointPos[k] = w.pos;
                checkpointUnits[k] = w.unitsPerSecond;
                checkpointBig[k] = w.order == ByteOrder.BIG_ENDIAN;
            }
            if (count == Integer.MAX_VALUE) {
                throw new InputException(name + " @" + w.pos, "more than " + Integer.MAX_VALUE + " messages");
            }
            count++;
        }
    }

    private long tsResolution(long opt, long end, ByteOrder order) {
        ValueLayout.OfShort u16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
        while (opt + 4 <= end) {
            int code = Short.toUnsignedInt(file.get(u16, opt));
            int olen = Short.toUnsignedInt(file.get(u16, opt + 2));
            if (code == 0) {
                break;
            }
            if (code == 9 && olen == 1) {
                int v = file.get(ValueLayout.JAVA_BYTE, opt + 4);
                if ((v & 0x80) == 0 && v <= 9) {
                    return (long) Math.pow(10, v);
                }
            }
            opt += 4 + PcapngWriter.pad4(olen);
        }
        return 1_000_000;
    }

    private String comment(long opt, long end, ByteOrder order) {
        ValueLayout.OfShort u16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(order);
        while (opt + 4 <= end) {
            int code = Short.toUnsignedInt(file.get(u16, opt));
            int olen = Short.toUnsignedInt(file.get(u16, opt + 2));
            if (code == 0 || opt + 4 + olen > end) {
                break;
            }
            if (code == 1) {
                String c = new String(file.asSlice(opt + 4, olen).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                int p = c.indexOf("peer=");
                if (p >= 0) {
                    int e = c.indexOf(' ', p);
                    return c.substring(p + 5, e < 0 ? c.length() : e);
                }
            }
            opt += 4 + PcapngWriter.pad4(olen);
        }
        return "?";
    }

    public int messageCount() {
        return count;
    }

    /** Message {@code i}: a view of the mapped file, valid until {@link #close()}. */
    public synchronized Message message(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("message " + i + " of " + count);
        }
        Walk w;
        if (last != null && last.message <= i && i - last.message < STRIDE) {
            w = last;
        } else {
            int k = i / STRIDE;
            w = new Walk(checkpointPos[k], checkpointBig[k] ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN,
                    checkpointUnits[k]);
            w.message = k * STRIDE;
        }
        while (w.message < i) {
            w.next(false);
        }
        last = w;
        return w.read();
    }

    @Override
    public void close() {
        arena.close();
    }
}
