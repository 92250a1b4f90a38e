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
import java.util.ArrayList;
import java.util.List;

/**
 * Replays a pcapng recording: the file is mapped, its blocks are indexed once (offsets only), and
 * each message is a view of the mapped bytes. Reads recordings of {@link PcapngWriter} and, more
 * generally, any pcapng file's Enhanced and Simple Packet Blocks (their payloads, link headers
 * included). Malformed blocks are an {@link InputException} naming their byte offset.
 *
 * <p>Owns the mapping's arena; {@link #close()} unmaps. Messages may be read from any thread
 * until then.
 */
public final class PcapngReader implements AutoCloseable {
    private static final int SPB = 0x00000003;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment file;
    private final List<long[]> index = new ArrayList<>();
    private final List<String> peers = new ArrayList<>();

    public PcapngReader(Path path) throws IOException {
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
            throw e instanceof InputException ie ? ie : new InputException(path.toString(), "cannot read: " + e.getMessage());
        }
        try {
            scan(path.toString());
        } catch (RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    private void scan(String name) {
        long pos = 0;
        long size = file.byteSize();
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        long[] tsUnitsPerSecond = {1_000_000};
        while (pos + 12 <= size) {
            int type = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(order), pos);
            if (type == PcapngWriter.SHB) {
                int magic = file.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), pos + 8);
                order = magic == PcapngWriter.MAGIC ? ByteOrder.LITTLE_ENDIAN
                        : Integer.reverseBytes(magic) == PcapngWriter.MAGIC ? ByteOrder.BIG_ENDIAN : null;
                if (order == null) {
                    throw new InputException(name + " @" + (pos + 8), "bad pcapng byte-order magic");
                }
            } else if (pos == 0) {
                throw new InputException(name + " @0", "not a pcapng file (no section header block)");
            }
            ValueLayout.OfInt u32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
            long len = Integer.toUnsignedLong(file.get(u32, pos + 4));
            if (len < 12 || len % 4 != 0 || pos + len > size) {
                throw new InputException(name + " @" + pos, "malformed pcapng block length " + len);
            }
            if (type == PcapngWriter.IDB && len >= 20) {
                tsUnitsPerSecond[0] = tsResolution(pos + 16, pos + len - 4, order);
            } else if (type == PcapngWriter.EPB) {
                if (len < 32) {
                    throw new InputException(name + " @" + pos, "malformed enhanced packet block");
                }
                long cap = Integer.toUnsignedLong(file.get(u32, pos + 20));
                if (28 + cap > len - 4) {
                    throw new InputException(name + " @" + pos, "packet length " + cap + " runs past its block");
                }
                long ts = (Integer.toUnsignedLong(file.get(u32, pos + 12)) << 32) | Integer.toUnsignedLong(file.get(u32, pos + 16));
                long nanos = ts * (1_000_000_000L / tsUnitsPerSecond[0]);
                index.add(new long[] {pos + 28, cap, nanos});
                peers.add(comment(pos + 28 + PcapngWriter.pad4((int) cap), pos + len - 4, order));
            } else if (type == SPB) {
                if (len < 16) {
                    throw new InputException(name + " @" + pos, "malformed simple packet block");
                }
                long orig = Integer.toUnsignedLong(file.get(u32, pos + 8));
                long cap = Math.min(orig, len - 16);
                index.add(new long[] {pos + 12, cap, 0});
                peers.add("?");
            }
            pos += len;
        }
        if (pos != size) {
            throw new InputException(name + " @" + pos, "truncated pcapng block at the end of the file");
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
        return index.size();
    }

    /** Message {@code i}: a view of the mapped file, valid until {@link #close()}. */
    public Message message(int i) {
        long[] e = index.get(i);
        return new Message(i, e[2], peers.get(i), file.asSlice(e[0], e[1]));
    }

    @Override
    public void close() {
        arena.close();
    }
}
