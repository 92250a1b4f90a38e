package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records messages to a pcapng file: one Section Header, one Interface Description with the
 * user link type {@value #LINKTYPE_USER0} and nanosecond time stamps, then one Enhanced Packet
 * Block per message whose comment names the peer and sequence number. {@code tshark -r} lists
 * the messages; {@link PcapngReader} replays them.
 *
 * <p>Message bytes go from their native segment to the file channel without a heap copy. Owned
 * by the capture thread; not thread-safe.
 */
public final class PcapngWriter implements AutoCloseable {
    /** LINKTYPE_USER0: "reserved for private use", the honest link type for application messages. */
    public static final int LINKTYPE_USER0 = 147;
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int EPB = 0x00000006;
    static final int MAGIC = 0x1A2B3C4D;

    private final FileChannel out;
    private final Path path;
    private final ByteBuffer head = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    public PcapngWriter(Path path) throws IOException {
        this.path = path;
        try {
            this.out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new InputException(path.toString(), "cannot write the recording: " + e.getMessage());
        }
        head.clear();
        // Section Header Block.
        head.putInt(SHB).putInt(28).putInt(MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L).putInt(28);
        // Interface Description Block: link type, snap length 0 (no limit), if_tsresol = 9 (ns).
        byte[] name = "structscope".getBytes(StandardCharsets.US_ASCII);
        int nameOpt = 4 + pad4(name.length);
        int idbLen = 20 + nameOpt + 8 + 4;
        head.putInt(IDB).putInt(idbLen).putShort((short) LINKTYPE_USER0).putShort((short) 0).putInt(0);
        head.putShort((short) 2).putShort((short) name.length).put(name);
        padTo4(head, name.length);
        head.putShort((short) 9).putShort((short) 1).put((byte) 9).put((byte) 0).putShort((short) 0);
        head.putShort((short) 0).putShort((short) 0); // opt_endofopt
        head.putInt(idbLen);
        flushHead();
    }

    /** Appends one message. */
    public void write(Message m) throws IOException {
        long len = m.bytes().byteSize();
        if (len > Integer.MAX_VALUE - 1024) {
            throw new InputException(path.toString(), "message of " + len + " bytes is too large for pcapng");
        }
        byte[] comment = ("peer=" + m.peer() + " seq=" + m.seq()).getBytes(StandardCharsets.UTF_8);
        int commentOpt = 4 + pad4(comment.length);
        int total = 28 + pad4((int) len) + commentOpt + 4 + 4;
        head.clear();
        head.putInt(EPB).putInt(total).putInt(0)
                .putInt((int) (m.epochNanos() >>> 32)).putInt((int) m.epochNanos())
                .putInt((int) len).putInt((int) len);
        flushHead();
        ByteBuffer body = m.bytes().asByteBuffer();
        while (body.hasRemaining()) {
            written += out.write(body);
        }
        head.clear();
        padTo4(head, (int) len);
        head.putShort((short) 1).putShort((short) comment.length).put(comment);
        padTo4(head, comment.length);
        head.putShort((short) 0).putShort((short) 0);
        head.putInt(total);
        flushHead();
    }

    /** Appends one message from a segment (for replays and tests). */
    public void write(long seq, long epochNanos, String peer, MemorySegment bytes) throws IOException {
        write(new Message(seq, epochNanos, peer, bytes));
    }

    public long bytesWritten() {
        return written;
    }

    private void flushHead() throws IOException {
        head.flip();
        while (head.hasRemaining()) {
            written += out.write(head);
        }
        head.clear();
    }

    static int pad4(int n) {
        return (n + 3) & ~3;
    }

    private static void padTo4(ByteBuffer b, int n) {
        for (int i = n; i < pad4(n); i++) {
            b.put((byte) 0);
        }
    }

    @Override
    public void close() throws IOException {
        out.force(false);
        out.close();
    }
}
