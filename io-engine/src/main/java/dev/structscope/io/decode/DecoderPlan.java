package dev.structscope.io.decode;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.BitSpan;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.PointerLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Prim;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * A record layout compiled once, for one byte order, into a tree of nodes that read values at
 * fixed offsets: decoding a record is walking the tree over a segment at a base offset, the way
 * jextract's accessors read fields. Serves the GUI (one record at any offset, lazily) and bulk
 * work ({@link #leaves()}, a flat list of every scalar with its offsets, for {@code stats}).
 *
 * <p>Immutable; share it between threads.
 *
 * @param root  the tree that reads the record
 * @param order the byte order it was compiled for
 */
public record DecoderPlan(RecordNode root, ByteOrder order) implements RecordReader {

    /**
     * Compiles {@code layout} (laid out for {@code abi}) for data in {@code order}. Big-endian data
     * means the same record written by a big-endian machine with the same member sizes and
     * offsets: scalars byte-swapped, bit-fields allocated from the most significant bit.
     */
    public static DecoderPlan compile(RecordLayout layout, Abi abi, ByteOrder order) {
        boolean be = order == ByteOrder.BIG_ENDIAN;
        RecordNode root = record("", 0, layout, abi, be);
        return new DecoderPlan(root, order);
    }

    /** {@code sizeof} the record: records lie this many bytes apart. */
    public long recordSize() {
        return root.size();
    }

    /**
     * How many values printing one record gives: every scalar and string once, array elements one
     * by one (nested arrays multiplied); saturates at {@link Long#MAX_VALUE}. Decoding is lazy and
     * costs nothing per element, but text output holds one whole record at a time.
     */
    public long valueCount() {
        return count(root);
    }

    /**
     * Refuses, before anything is printed, a record type whose text would hold more than
     * {@code maxValues} values (the CLI's {@code --max-elements}): its JSON could not be built
     * without exhausting the heap.
     *
     * @throws InputException naming the type, its value count and the limit
     */
    public void checkPrintable(long maxValues) {
        long n = valueCount();
        if (n > maxValues) {
            throw new InputException("--max-elements", root.typeName() + " has "
                    + (n == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : String.valueOf(n))
                    + " values per record (array elements counted), more than the limit of " + maxValues
                    + " for text output; raise --max-elements or use stats");
        }
    }

    private static long count(PlanNode n) {
        return switch (n) {
            case ScalarNode s -> 1;
            case StringNode s -> 1;
            case RecordNode r -> {
                long sum = 0;
                for (PlanNode m : r.members()) {
                    long c = count(m);
                    sum = c > Long.MAX_VALUE - sum ? Long.MAX_VALUE : sum + c;
                }
                yield sum;
            }
            case ArrayNode a -> {
                long each = count(a.element());
                try {
                    yield Math.multiplyExact(a.length(), each);
                } catch (ArithmeticException e) {
                    yield Long.MAX_VALUE;
                }
            }
        };
    }

    /**
     * Decodes the record that starts at {@code base} of {@code segment}, lazily.
     *
     * @throws InputException when the record runs past the end of the segment
     */
    public RecordValue decode(MemorySegment segment, long base) {
        if (base < 0 || base > segment.byteSize() || segment.byteSize() - base < root.size()) {
            throw new InputException("byte offset " + base, "a record of " + root.size()
                    + " bytes at byte offset " + base + " runs past the end of the data (" + segment.byteSize() + " bytes)");
        }
        return (RecordValue) root.read(segment, base);
    }

    @Override
    public Decoded read(MemorySegment segment, long base, long limit) {
        long size = root.size();
        if (base < 0 || base > limit || limit - base < size) {
            throw new DynamicDecoder.DataEndsException("byte offset " + base, "a record of " + size
                    + " bytes at byte offset " + base + " runs past the end of the data (" + limit + " bytes)",
                    base + size);
        }
        return new Decoded((RecordValue) root.read(segment, base), size);
    }

    @Override
    public boolean dynamic() {
        return false;
    }

    @Override
    public long minSize() {
        return root.size();
    }

    static RecordNode record(String name, long offset, RecordLayout layout, Abi abi, boolean be) {
        List<PlanNode> members = new ArrayList<>();
        for (FieldLayout f : layout.visibleFields()) {
            if (f.isBitField()) {
                if (f.bits().width() == 0) {
                    continue;
                }
                members.add(scalar(f.name(), f.bits().firstByte(), f.layout(), abi, be, f.bits().fromFirstByte()));
            } else {
                members.add(node(f.name(), f.offset(), f.layout(), abi, be));
            }
        }
        String typeName = layout.spelling();
        return new RecordNode(name, offset, layout.size(), layout.definition().kind()
                == dev.structscope.model.type.RecordKind.UNION, members, typeName);
    }

    static PlanNode node(String name, long offset, TypeLayout t, Abi abi, boolean be) {
        return switch (t) {
            case RecordLayout r -> record(name, offset, r, abi, be);
            case ArrayLayout a -> {
                if (a.element() instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1) {
                    yield new StringNode(name, offset, a.length(), a.type().spelling());
                }
                long length = a.flexible() ? 0 : a.length();
                yield new ArrayNode(name, offset, length, a.element().size(), node("", 0, a.element(), abi, be),
                        a.type().spelling());
            }
            default -> scalar(name, offset, t, abi, be, null);
        };
    }

    /** A scalar leaf; {@code bits} counted from the byte at {@code offset}, or null when not a bit-field. */
    static ScalarNode scalar(String name, long offset, TypeLayout t, Abi abi, boolean be, BitSpan bits) {
        // Here, where fixed plans and dynamic decoding both make their leaves: a wider field read
        // as 64 bits would be a silent wrong value.
        if (bits != null && bits.width() > 64) {
            throw new InputException(name, "not supported: decoding bit-fields wider than 64 bits");
        }
        String typeName = t.type().spelling();
        return switch (t) {
            case ScalarLayout s -> {
                ScalarKind kind = switch (s.prim()) {
                    case BOOL -> ScalarKind.BOOL;
                    case FLOAT16 -> ScalarKind.FLOAT16;
                    case BF16 -> ScalarKind.BFLOAT16;
                    case FLOAT -> ScalarKind.FLOAT32;
                    case FLOAT128 -> ScalarKind.BINARY128;
                    case DOUBLE -> ScalarKind.FLOAT64;
                    case LONG_DOUBLE -> switch (abi.longDouble()) {
                        case BINARY64 -> ScalarKind.FLOAT64;
                        case X87_EXTENDED -> ScalarKind.X87_EXTENDED;
                        case BINARY128 -> ScalarKind.BINARY128;
                    };
                    case VOID -> throw new InputException(name, "member of type void");
                    default -> s.signed() ? ScalarKind.SIGNED : ScalarKind.UNSIGNED;
                };
                yield new ScalarNode(name, offset, kind, (int) s.size(), !s.signed() || kind == ScalarKind.BOOL, be,
                        bits, null, typeName);
            }
            case EnumLayout e -> new ScalarNode(name, offset, ScalarKind.ENUM, (int) e.size(), !e.signed(), be, bits,
                    e.definition(), typeName);
            case PointerLayout p -> new ScalarNode(name, offset, ScalarKind.POINTER, (int) p.size(), true, be, bits,
                    null, typeName);
            default -> throw new InputException(name, "a bit-field of type " + typeName + " cannot be decoded");
        };
    }

    /**
     * Every scalar leaf of the record for bulk work, in member order: arrays flattened per member
     * (all elements of {@code pts[2][3]} are one leaf "pts" with 6 offsets), nested members by
     * dotted path ("inner.x"), union members each on their own. {@code char} arrays (strings) are
     * not scalars and are left out.
     *
     * @param maxOffsets an upper bound on the offsets of all leaves together (bounded memory)
     */
    public List<Leaf> leaves(int maxOffsets) {
        List<Leaf> out = new ArrayList<>();
        int[] budget = {maxOffsets};
        collect(root, "", new long[]{0}, out, budget);
        return out;
    }

    /**
     * One scalar member of the record, with the base offsets (from the record's start) of every
     * instance of it: one for a plain member, one per element for members inside arrays. The
     * value of instance {@code i} is {@code node.readLong(segment, recordStart + bases[i])}.
     */
    public record Leaf(String path, ScalarNode node, long[] bases) {
    }

    private static void collect(PlanNode n, String prefix, long[] bases, List<Leaf> out, int[] budget) {
        String path = n.name().isEmpty() ? prefix : prefix.isEmpty() ? n.name() : prefix + "." + n.name();
        switch (n) {
            case ScalarNode s -> {
                if (s.byteSize() == 16 && s.kind().isInteger()) {
                    throw new InputException(path, "not supported: statistics of 128-bit integers");
                }
                budget[0] -= bases.length;
                if (budget[0] < 0) {
                    throw new InputException(path, "the record has too many scalar values for stats");
                }
                out.add(new Leaf(path, s, bases));
            }
            case StringNode ignored -> {
            }
            case RecordNode r -> {
                long[] inner = shift(bases, r.offset());
                for (PlanNode m : r.members()) {
                    collect(m, path, inner, out, budget);
                }
            }
            case ArrayNode a -> {
                if (a.length() == 0) {
                    return;
                }
                long total = (long) bases.length * a.length();
                if (total > budget[0]) {
                    throw new InputException(path, "the record has too many scalar values for stats");
                }
                long[] inner = new long[(int) total];
                int k = 0;
                for (long b : bases) {
                    for (long i = 0; i < a.length(); i++) {
                        inner[k++] = b + a.offset() + i * a.stride();
                    }
                }
                collect(a.element(), path, inner, out, budget);
            }
        }
    }

    private static long[] shift(long[] bases, long by) {
        if (by == 0) {
            return bases;
        }
        long[] out = new long[bases.length];
        for (int i = 0; i < bases.length; i++) {
            out[i] = bases[i] + by;
        }
        return out;
    }
}
