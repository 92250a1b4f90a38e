package dev.structscope.io.net;

import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * How a byte stream is cut into messages. A framing reads only headers, in place, from the native
 * receive buffer; it never copies a message. Immutable, shared freely.
 */
public sealed interface Framing permits Framing.Fixed, Framing.LengthPrefixed, Framing.Mp, Framing.Datagram,
        Framing.Record {

    /** Where the next message sits in a buffer, once its header is complete. */
    record Frame(long headerBytes, long bodyBytes) {
        public long totalBytes() {
            return headerBytes + bodyBytes;
        }
    }

    /**
     * The next frame starting at {@code pos}, when its header is complete within
     * {@code [pos, end)}; {@code null} when more bytes are needed.
     *
     * @param maxBody the largest body accepted; a larger claim is an {@link InputException}
     *                naming {@code streamOffset}, so a hostile length cannot make us allocate
     */
    Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset);

    /** The name used on the command line. */
    String name();

    /**
     * How many bytes from {@code pos} the next frame needs before {@link #next} can say more,
     * when it has just returned null: enough for a header, or for a self-delimiting record, as
     * far as the bytes so far tell.
     */
    default long awaiting(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
        return 16;
    }

    /** Records of a fixed size, back to back (the default for TCP). */
    record Fixed(long recordSize) implements Framing {
        public Fixed {
            if (recordSize <= 0) {
                throw new InputException("--framing", "fixed framing needs a type of at least one byte");
            }
        }

        @Override
        public Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            if (recordSize > maxBody) {
                throw new InputException("--framing", "records of " + recordSize + " bytes exceed the frame limit of "
                        + maxBody + " bytes");
            }
            return new Frame(0, recordSize);
        }

        @Override
        public String name() {
            return "fixed";
        }
    }

    /** A length prefix of 2 or 4 bytes, unsigned, in the given byte order, before each message. */
    record LengthPrefixed(int width, ByteOrder order) implements Framing {
        private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
        private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

        public LengthPrefixed {
            if (width != 2 && width != 4) {
                throw new IllegalArgumentException("width " + width);
            }
        }

        @Override
        public Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            if (end - pos < width) {
                return null;
            }
            long len = width == 2
                    ? Short.toUnsignedLong(buf.get(U16.withOrder(order), pos))
                    : Integer.toUnsignedLong(buf.get(U32.withOrder(order), pos));
            if (len > maxBody) {
                throw new InputException("stream offset " + streamOffset, "frame claims " + len
                        + " bytes, over the limit of " + maxBody + " bytes (--max-frame)");
            }
            return new Frame(width, len);
        }

        @Override
        public String name() {
            return "u" + (width * 8) + (order == ByteOrder.BIG_ENDIAN ? "be" : "le");
        }
    }

    /**
     * Python's {@code multiprocessing.connection}: a 4-byte big-endian signed length, or -1
     * followed by an 8-byte big-endian length for messages over 2 GiB - 1.
     */
    record Mp() implements Framing {
        private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
        private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

        @Override
        public Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            if (end - pos < 4) {
                return null;
            }
            int n = buf.get(I32, pos);
            long len;
            int header;
            if (n == -1) {
                if (end - pos < 12) {
                    return null;
                }
                len = buf.get(I64, pos + 4);
                header = 12;
            } else if (n < 0) {
                throw new InputException("stream offset " + streamOffset, "invalid multiprocessing frame length " + n);
            } else {
                len = n;
                header = 4;
            }
            if (len < 0 || len > maxBody) {
                throw new InputException("stream offset " + streamOffset, "frame claims "
                        + Long.toUnsignedString(len) + " bytes, over the limit of " + maxBody + " bytes (--max-frame)");
            }
            return new Frame(header, len);
        }

        @Override
        public String name() {
            return "mp";
        }
    }

    /**
     * Self-delimiting messages with no outer length: each message is exactly one record of the
     * type, as long as its own members say (a header, then a counted or sized body, a tagged union
     * dispatching to each message type's body). The record is decoded as far as the bytes that have
     * arrived allow; when they end inside it, more are awaited.
     */
    record Record(dev.structscope.io.decode.RecordReader reader) implements Framing {
        @Override
        public Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            long size = probe(buf, pos, end, maxBody, streamOffset, false);
            return size == 0 ? null : new Frame(0, size);
        }

        @Override
        public long awaiting(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            return probe(buf, pos, end, maxBody, streamOffset, true);
        }

        /** The record's size when whole ({@code needed}: else the bytes it needs); 0 when more are needed. */
        private long probe(MemorySegment buf, long pos, long end, long maxBody, long streamOffset, boolean needed) {
            try {
                var d = reader.read(buf, pos, end);
                if (d.size() <= 0) {
                    throw new InputException("stream offset " + streamOffset, "a message of 0 bytes: records of this type"
                            + " cannot delimit a stream");
                }
                if (d.size() > maxBody) {
                    throw tooLarge(d.size(), maxBody, streamOffset);
                }
                return d.size();
            } catch (dev.structscope.io.decode.DynamicDecoder.DataEndsException e) {
                long need = e.needed() == Long.MAX_VALUE ? Long.MAX_VALUE : e.needed() - pos;
                if (need > maxBody) {
                    throw tooLarge(need, maxBody, streamOffset);
                }
                return needed ? Math.max(need, end - pos + 1) : 0;
            } catch (InputException e) {
                throw new InputException("stream offset " + streamOffset, "message: " + e.where() + ": " + e.getMessage());
            }
        }

        private static InputException tooLarge(long bytes, long maxBody, long streamOffset) {
            return new InputException("stream offset " + streamOffset, "message needs "
                    + (bytes == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(bytes))
                    + " bytes, over the limit of " + maxBody + " bytes (--max-frame)");
        }

        @Override
        public String name() {
            return "record";
        }
    }

    /** One UDP datagram, one message: there is no header. */
    record Datagram() implements Framing {
        @Override
        public Frame next(MemorySegment buf, long pos, long end, long maxBody, long streamOffset) {
            return new Frame(0, end - pos);
        }

        @Override
        public String name() {
            return "datagram";
        }
    }

    /**
     * The framing a command-line name stands for.
     *
     * @param recordSize the size of the decoded type, for {@code fixed}
     */
    static Framing parse(String name, long recordSize) {
        if (name.equals("record")) {
            throw new InputException("--framing", "record framing needs the record type (use parse with a reader)");
        }
        return parse(name, recordSize, null);
    }

    /**
     * The framing a command-line name stands for; {@code reader} reads records of the type, for
     * {@code record} (self-delimiting messages).
     */
    static Framing parse(String name, long recordSize, dev.structscope.io.decode.RecordReader reader) {
        return switch (name) {
            case "record" -> new Record(reader);
            case "fixed" -> new Fixed(recordSize);
            case "u16be" -> new LengthPrefixed(2, ByteOrder.BIG_ENDIAN);
            case "u16le" -> new LengthPrefixed(2, ByteOrder.LITTLE_ENDIAN);
            case "u32be" -> new LengthPrefixed(4, ByteOrder.BIG_ENDIAN);
            case "u32le" -> new LengthPrefixed(4, ByteOrder.LITTLE_ENDIAN);
            case "mp" -> new Mp();
            default -> throw new InputException("--framing", "unknown framing '" + name
                    + "'; known: fixed, u16be, u16le, u32be, u32le, mp, record");
        };
    }

    /** Writes the header for a body of {@code length} bytes into {@code dst} and returns its size. */
    static int writeHeader(Framing f, MemorySegment dst, long length) {
        return switch (f) {
            case Fixed fx -> 0;
            case Record r -> 0;
            case Datagram d -> 0;
            case LengthPrefixed lp -> {
                long max = lp.width() == 2 ? 0xFFFFL : 0xFFFF_FFFFL;
                if (length > max) {
                    throw new InputException("--framing", "message of " + length + " bytes does not fit a "
                            + lp.name() + " length prefix");
                }
                if (lp.width() == 2) {
                    dst.set(ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(lp.order()), 0, (short) length);
                } else {
                    dst.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(lp.order()), 0, (int) length);
                }
                yield lp.width();
            }
            case Mp mp -> {
                if (length > Integer.MAX_VALUE) {
                    dst.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 0, -1);
                    dst.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 4, length);
                    yield 12;
                }
                dst.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 0, (int) length);
                yield 4;
            }
        };
    }
}
