package dev.structscope.io.decode;

import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.BitSpan;
import dev.structscope.model.layout.DecodeTimeLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LaidOutRecords;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.type.Dynamic;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordKind;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes records of a dynamic layout: counted arrays, arrays to the end, placed members, tagged
 * unions and sized members. Decoding one record evaluates each expression against the values read
 * so far and builds the record's <em>instance plan</em>: ordinary {@link PlanNode}s with the
 * offsets, lengths and alternatives this record has. Every reader of plans (JSON, text, the GUI's
 * tree, the encoder) then reads it as it reads a fixed record, in place over the segment: nothing
 * is copied. Static parts of the layout reuse the fixed plan's nodes.
 *
 * <p>Bad data ends in an {@link InputException} naming the member path and the byte offset: a
 * count or size larger than the data that remains, a placement past the end, an element count
 * above {@link Limits#maxElements()}, nesting deeper than {@link Limits#maxDepth()}, a switch with
 * no match. Work and memory per record are bounded by those limits and by the data's size.
 *
 * <p>Immutable and shareable; each {@link #decode} call uses its own state.
 */
public final class DynamicDecoder implements RecordReader {
    private final RecordLayout layout;
    private final Abi abi;
    private final ByteOrder order;
    private final Limits limits;

    /** Every record layout reachable from the root: what a reference stands for. */
    private final LaidOutRecords records;

    /**
     * Set for encoding: a sized member occupies what its content needs, whatever its size member
     * says yet (the encoder then writes that size). See {@code DynamicEncoder}.
     */
    private final boolean sizesFromContent;

    public DynamicDecoder(RecordLayout layout, Abi abi, ByteOrder order, Limits limits) {
        this(layout, abi, order, limits, false);
    }

    private DynamicDecoder(RecordLayout layout, Abi abi, ByteOrder order, Limits limits, boolean sizesFromContent) {
        this.layout = layout;
        this.abi = abi;
        this.order = order;
        this.limits = limits;
        this.sizesFromContent = sizesFromContent;
        this.records = new LaidOutRecords(layout, limits.maxDepth());
    }

    /** The same layout read the way an encoder lays a record out: sized members as long as their content. */
    public DynamicDecoder sizedByContent() {
        return new DynamicDecoder(layout, abi, order, limits, true);
    }

    /** The full layout a reference stands for. */
    private RecordLayout resolve(RecordLayout r) {
        RecordLayout full = records.full(r);
        if (full == null) {
            throw new InputException(r.spelling(), "a placed reference to " + r.spelling() + " that is not laid out");
        }
        return full;
    }

    public RecordLayout layout() {
        return layout;
    }

    @Override
    public boolean dynamic() {
        return true;
    }

    @Override
    public long minSize() {
        return layout.size();
    }

    @Override
    public Decoded read(MemorySegment segment, long base, long limit) {
        return decode(segment, base, limit);
    }

    /**
     * The data ended inside the record (a read or a count needed bytes past {@code limit}). A
     * subclass so that stream framing can wait for more bytes, and so that "to the end" arrays of
     * dynamic elements stop at the last whole element.
     *
     * @see #needed()
     */
    public static final class DataEndsException extends InputException {
        private final long needed;

        public DataEndsException(String where, String message, long needed) {
            super(where, message);
            this.needed = needed;
        }

        /** The absolute byte position the record needs data up to (at least). */
        public long needed() {
            return needed;
        }
    }

    /**
     * Decodes the record that starts at byte {@code base} of {@code segment}, with data available
     * up to byte {@code limit} (exclusive; at most the segment's size).
     *
     * @throws DataEndsException when the record needs bytes at or past {@code limit}
     * @throws InputException    for data the layout cannot describe (counts, placements, switches)
     */
    public Decoded decode(MemorySegment segment, long base, long limit) {
        if (limit > segment.byteSize()) {
            limit = segment.byteSize();
        }
        if (base < 0 || base > limit) {
            throw new InputException("byte offset " + base, "outside the data (" + limit + " bytes)");
        }
        return decode(new Run(segment, base, limit, 0, limit), segment, base);
    }

    /**
     * Decodes the record at the start of {@code window}, a bounded piece of data of
     * {@code dataSize} bytes that begins at byte {@code origin} of it (messages name offsets in the
     * data, as a decode of the whole would). While the data goes on past the window, whatever
     * needs bytes past it — a read, a count, a placement, an array to the end of the data, the
     * record's tail padding — throws a {@link DataEndsException} whose
     * {@link DataEndsException#needed()} is the window-relative end needed ({@link Long#MAX_VALUE}:
     * the rest of the data); when that lies inside the data the caller reads again through a larger
     * window, else the message is the one for the whole. A window that reaches the data's end
     * decodes as {@link #decode(MemorySegment, long, long)} decodes the whole.
     */
    public Decoded decodeWindow(MemorySegment window, long origin, long dataSize) {
        return decode(new Run(window, 0, window.byteSize(), origin, dataSize), window, 0);
    }

    /**
     * Whether a record may read bytes outside its own extent: some member, at any depth, is placed
     * ({@code at}) at an offset its data gives. Without one, a record's size and values depend
     * only on its own bytes (and the data's size), so an overwrite elsewhere cannot change them.
     */
    public boolean placesMembers() {
        return places(layout);
    }

    private static boolean places(TypeLayout t) {
        return switch (t) {
            case RecordLayout r -> r.fields().stream().anyMatch(f -> f.member() != null
                    && (f.member().dynamic().at() != null || places(f.layout())));
            case ArrayLayout a -> places(a.element());
            default -> false;
        };
    }

    /** Where {@link #readThrough} gets a window: {@code length} bytes from data offset {@code offset}, as one segment. */
    @FunctionalInterface
    public interface Windows {
        MemorySegment slice(long offset, long length);
    }

    /** A record read through a window: its value (over {@code window}, whose byte 0 is the record's start) and that window. */
    public record WindowRead(Decoded decoded, MemorySegment window) {
    }

    /**
     * Reads the record at data offset {@code start} of data of {@code dataSize} bytes that is not
     * one segment (edited content): through a window from {@code start} of {@code firstWindow}
     * bytes (at least the record's minimum) that grows — doubling, or jumping to what the record
     * says it needs — while the record needs more, so it holds everything the record read, placed
     * members included. Messages name data offsets, as a decode of the whole would.
     *
     * @throws DataEndsException when the data ends inside the record (the message for the whole)
     */
    public WindowRead readThrough(Windows data, long start, long dataSize, long firstWindow) {
        if (start < 0 || start > dataSize) {
            throw new InputException("byte offset " + start, "outside the data (" + dataSize + " bytes)");
        }
        long rest = dataSize - start;
        long length = Math.min(rest, Math.max(firstWindow, minSize()));
        while (true) {
            MemorySegment w = data.slice(start, length);
            try {
                return new WindowRead(decodeWindow(w, start, dataSize), w);
            } catch (DataEndsException e) {
                long need = e.needed();
                if (length == rest || need != Long.MAX_VALUE && need > rest) {
                    throw e; // the data ends inside the record: the message is the one for the whole
                }
                // Doubling bounds the tries at log2 of the record's size; a known need jumps there.
                length = Math.min(rest, Math.max(need == Long.MAX_VALUE ? rest : need, 2 * length));
            }
        }
    }

    private Decoded decode(Run run, MemorySegment segment, long base) {
        long limit = run.dataEnd;
        String typeName = layout.spelling();
        Built b = run.record("", typeName, layout, base, base, limit, null, rootPath());
        RecordNode root = (RecordNode) b.node();
        return new Decoded(new RecordValue(root, segment, base), b.size(), run.warnings);
    }

    private String rootPath() {
        return layout.name() == null ? "<anonymous>" : layout.name();
    }

    /** A member as decoded: its instance node (offset from its holder's start) and its size in bytes. */
    private record Built(PlanNode node, long size) {
    }

    /** A placed member being decoded at a byte offset. */
    private record Placement(FieldLayout field, long at) {
    }

    /** The members decoded so far of one record being decoded, for expressions; outward through parent. */
    private record Scope(Scope parent, List<PlanNode> members, long start) {
    }

    /** The state of one decode. */
    private final class Run {
        private final MemorySegment segment;
        private final long outerStart;
        private final long dataEnd;
        private final boolean be = order == ByteOrder.BIG_ENDIAN;
        /** Where the segment's byte 0 lies in the data, for messages (0 unless a window is decoded). */
        private final long origin;
        /** Bytes of the data (more than the segment holds when a window is decoded). */
        private final long dataSize;
        /** The data goes on past the segment: needing bytes past it asks for a larger window. */
        private final boolean more;
        private long elements;
        private int depth;
        /** The placed members being decoded (field identity, byte offset): a repeat is a cycle. */
        private final java.util.ArrayDeque<Placement> placements = new java.util.ArrayDeque<>();
        /** What the caller should be told though the record decoded. */
        private final List<String> warnings = new ArrayList<>();

        Run(MemorySegment segment, long outerStart, long dataEnd, long origin, long dataSize) {
            this.segment = segment;
            this.outerStart = outerStart;
            this.dataEnd = dataEnd;
            this.origin = origin;
            this.dataSize = dataSize;
            this.more = origin + dataEnd < dataSize;
        }

        /** The size of the data for messages: the whole data's, also when a window of it is read. */
        private long dataBytes() {
            return more ? dataSize : o(dataEnd);
        }

        /** Byte {@code at} of the segment as an offset in the data, for messages. */
        private long o(long at) {
            return origin + at;
        }

        /** Whether {@code limit} is the end of the window while the data goes on past it. */
        private boolean windowEnds(long limit) {
            return more && limit >= dataEnd;
        }

        private InputException error(long at, String path, String message) {
            return new InputException("byte offset " + o(at), compact(path) + ": " + message);
        }

        private DataEndsException ends(long at, long needed, String path, String what) {
            return new DataEndsException("byte offset " + o(at), compact(path) + ": " + what + " runs past the end of the data ("
                    + (dataEnd == segment.byteSize() ? dataBytes() + " bytes" : "which ends at byte offset " + o(dataEnd))
                    + ")", needed);
        }

        private void need(long at, long bytes, long limit, String path, String what) {
            if (bytes < 0 || at > limit || limit - at < bytes) {
                long needed = bytes < 0 || at + bytes < 0 ? Long.MAX_VALUE : at + bytes;
                if (limit < dataEnd) {
                    // A size window is too small: not a matter of more data.
                    throw error(at, path, what + " needs " + bytes + " bytes but only " + Math.max(0, limit - at)
                            + " remain in its size window (ending at byte offset " + o(limit) + ")");
                }
                throw ends(at, needed, path, what + " of " + bytes + " bytes at byte offset " + o(at));
            }
        }

        Built record(String name, String typeName, RecordLayout r, long start, long holderStart, long limit,
                     Scope parent, String path) {
            r = resolve(r);
            if (!r.dynamic()) {
                need(start, r.size(), limit, path, typeName);
                RecordNode n = DecoderPlan.record(name, start - holderStart, r, abi, be);
                return new Built(n, r.size());
            }
            if (++depth > limits.maxDepth()) {
                throw error(start, path, "nesting deeper than --max-depth " + limits.maxDepth());
            }
            try {
                return dynamicRecord(name, typeName, r, start, holderStart, limit, parent, path);
            } finally {
                depth--;
            }
        }

        private Built dynamicRecord(String name, String typeName, RecordLayout r, long start, long holderStart,
                                    long limit, Scope parent, String path) {
            boolean union = r.definition().kind() == RecordKind.UNION;
            List<PlanNode> members = new ArrayList<>();
            Scope scope = new Scope(parent, members, start);
            long cursor = start;
            // Where C puts each sequential member for the sizes this record's data gives.
            DecodeTimeLayout c = union ? null : new DecodeTimeLayout(abi, r);
            for (FieldLayout f : r.fields()) {
                if (f.name() == null && f.isBitField()) {
                    if (c != null && f.member().dynamic().at() == null) {
                        c.bitField(f); // an unnamed bit-field takes no value, but it moves what follows
                        cursor = start + c.end();
                    }
                    continue;
                }
                String fpath = path + "." + (f.name() == null ? "<anonymous>" : f.name());
                Dynamic d = f.member().dynamic();
                if (d.at() != null) {
                    add(members, f, placed(f, cursor, start, scope, fpath), start);
                    continue;
                }
                if (f.isBitField()) {
                    BitSpan bits = union ? f.bits() : c.bitField(f);
                    ScalarNode s = DecoderPlan.scalar(f.name(), bits.firstByte(), f.layout(), abi, be,
                            bits.fromFirstByte());
                    need(start + bits.firstByte(), s.size(), limit, fpath, "bit-field");
                    members.add(s);
                    cursor = union ? Math.max(cursor, start + bits.firstByte() + s.size()) : start + c.end();
                    continue;
                }
                // A member's place depends only on what came before it (the sizes of dynamic
                // members included) and on its own alignment.
                long abs = union ? start : !f.dynamic() ? start + f.offset() : start + roundUp(c.end(), f.align());
                Built b = member(f, abs, start, limit, scope, fpath);
                add(members, f, b, start);
                if (union) {
                    cursor = Math.max(cursor, abs + b.size());
                } else {
                    long placed = c.plain(f, b.size());
                    assert placed == abs - start : f.name() + ": decoded at " + (abs - start) + ", laid out at " + placed;
                    cursor = start + c.end();
                }
            }
            if (cursor > limit) {
                throw ends(start, cursor, path, typeName + " of " + (cursor - start) + " bytes at byte offset " + o(start));
            }
            long size = roundUp(cursor - start, r.align());
            if (start + size > limit && windowEnds(limit)) {
                // Whether the data holds the tail padding is for a larger window to say.
                throw ends(start, Math.min(start + size, dataSize - origin), path, typeName + "'s tail padding");
            }
            if (start + size > limit) {
                // Tail padding the data does not hold: the record ends with its last member.
                size = cursor - start;
            }
            return new Built(new RecordNode(name, start - holderStart, size, union, members, typeName), size);
        }

        /**
         * A placed member ({@code at}) of the record or tagged union that starts at
         * {@code holderStart}, read where its expression says, counted from the outermost record's
         * start, and bounded by the data rather than by any size window around it; {@code cursor}
         * is where the sequential members had got to, for messages.
         */
        private Built placed(FieldLayout f, long cursor, long holderStart, Scope scope, String fpath) {
            Expr at = f.member().dynamic().at();
            long pos = evalLong(at, scope, fpath, cursor, "at");
            long abs = outerStart + pos;
            if (pos >= 0 && abs >= 0 && abs > dataEnd && more && pos <= dataSize - o(outerStart)) {
                // The window ends before the placement: a larger one (at most to the data's end) decides.
                throw ends(abs, Math.min(abs + 1, dataSize - origin), fpath, "placed at byte offset " + o(abs) + ", which");
            }
            if (pos < 0 || abs > dataEnd || abs < 0) {
                throw error(abs < 0 && pos >= 0 ? pos : abs, fpath, "placed at byte offset " + o(abs)
                        + " (at " + at.text() + " = " + pos + "), outside the data (" + dataBytes() + " bytes)");
            }
            for (Placement k : placements) {
                if (k.field() == f && k.at() == abs) {
                    throw error(abs, fpath, "placement cycle: " + fpath + " is placed at byte offset " + o(abs)
                            + " again while decoding what it placed there");
                }
            }
            placements.push(new Placement(f, abs));
            try {
                return member(f, abs, holderStart, dataEnd, scope, fpath);
            } finally {
                placements.pop();
            }
        }

        /** Adds a member's node; the members of an anonymous struct or union go in its place. */
        private void add(List<PlanNode> members, FieldLayout f, Built b, long recordStart) {
            if (f.isAnonymousRecord() && b.node() instanceof RecordNode inner && !inner.tagged()) {
                for (PlanNode m : inner.members()) {
                    members.add(withOffset(m, inner.offset() + m.offset()));
                }
            } else {
                members.add(b.node());
            }
        }

        /** A member's content at {@code abs}, within a size window when it has one. */
        private Built member(FieldLayout f, long abs, long holderStart, long limit, Scope scope, String path) {
            Dynamic d = f.member().dynamic();
            String name = f.name() == null ? "" : f.name();
            if (d.size() == null || sizesFromContent) {
                return content(f, name, abs, holderStart, limit, scope, path);
            }
            long window = evalLong(d.size(), scope, path, abs, "size");
            if (window < 0) {
                throw error(abs, path, "size " + d.size().text() + " = " + window + " is negative");
            }
            if (window > limit - abs) {
                if (limit < dataEnd) {
                    throw error(abs, path, "size " + d.size().text() + " = " + window + " is larger than the "
                            + (limit - abs) + " bytes that remain in the enclosing size window");
                }
                throw ends(abs, window > Long.MAX_VALUE - abs ? Long.MAX_VALUE : abs + window, path,
                        "size " + d.size().text() + " = " + window + " at byte offset " + o(abs));
            }
            Built inner = content(f, name, abs, holderStart, abs + window, scope, path);
            if (inner.size() > window) {
                throw error(abs, path, "content needs " + inner.size() + " bytes, more than its size " + d.size().text()
                        + " = " + window);
            }
            // A record read in a window occupies the whole window (what its content leaves is
            // skipped, a tagged union that chose nothing holds none of it): views select all of it.
            PlanNode node = inner.node() instanceof RecordNode r && r.size() != window
                    ? new RecordNode(r.name(), r.offset(), window, r.union(), r.members(), r.typeName(), r.tagged())
                    : inner.node();
            return new Built(node, window);
        }

        private Built content(FieldLayout f, String name, long abs, long holderStart, long limit, Scope scope,
                              String path) {
            Dynamic d = f.member().dynamic();
            TypeLayout t = f.layout();
            if (d.switchOn() != null) {
                return tagged(f, name, (RecordLayout) t, abs, holderStart, limit, scope, path);
            }
            return value(name, t, abs, holderStart, limit, scope, path);
        }

        private Built value(String name, TypeLayout t, long abs, long holderStart, long limit, Scope scope,
                            String path) {
            return switch (t) {
                case RecordLayout r -> record(name, resolve(r).spelling(), r, abs, holderStart, limit, scope, path);
                case ArrayLayout a when a.dynamicLength() || a.element().sizeFromData() ->
                        array(name, a, abs, holderStart, limit, scope, path);
                default -> {
                    need(abs, t.size(), limit, path, t.type().spelling());
                    yield new Built(DecoderPlan.node(name, abs - holderStart, t, abi, be), t.size());
                }
            };
        }

        private Built tagged(FieldLayout f, String name, RecordLayout union, long abs, long holderStart, long limit,
                             Scope scope, String path) {
            Expr sw = f.member().dynamic().switchOn();
            Object key = eval(sw, scope, path, abs, "switch");
            FieldLayout chosen = null;
            FieldLayout fallback = null;
            for (FieldLayout alt : union.fields()) {
                List<Expr> when = alt.member().dynamic().when();
                if (when.isEmpty()) {
                    if (fallback == null && !(alt.name() == null && alt.isBitField())) {
                        fallback = alt;
                    }
                    continue;
                }
                for (Expr w : when) {
                    if (matches(key, w.evaluate(p -> null))) {
                        chosen = alt;
                        break;
                    }
                }
                if (chosen != null) {
                    break;
                }
            }
            if (chosen == null) {
                chosen = fallback;
            }
            String typeName = union.spelling();
            if (chosen == null) {
                // An encoder's round before the discriminator is written reads an empty body.
                if (f.member().dynamic().size() == null && !sizesFromContent) {
                    throw error(abs, path, "no alternative matches " + sw.text() + " = " + show(key)
                            + " and there is no default (an alternative without when) nor a size to skip it by");
                }
                return new Built(RecordNode.tagged(name, abs - holderStart, 0, null, typeName), 0);
            }
            String altPath = path + "." + (chosen.name() == null ? "<anonymous>" : chosen.name());
            Scope inner = new Scope(scope, new ArrayList<>(), abs);
            if (chosen.member().dynamic().at() != null) {
                // A placed alternative lies where its at says, as a placed member of a struct does, and
                // takes no room where the union is (it used to be read in the union's place).
                Built b = placed(chosen, abs, abs, inner, altPath);
                return new Built(RecordNode.tagged(name, abs - holderStart, 0, b.node(), typeName), 0);
            }
            Built b = member(chosen, abs, abs, limit, inner, altPath);
            PlanNode node = b.node();
            return new Built(RecordNode.tagged(name, abs - holderStart, b.size(), node, typeName), b.size());
        }

        private Built array(String name, ArrayLayout a, long abs, long holderStart, long limit, Scope scope,
                            String path) {
            TypeLayout element = a.element();
            boolean dynamicElement = element.sizeFromData();
            long n;
            if (a.count() != null) {
                n = evalLong(a.count(), scope, path, abs, "count");
                if (n < 0) {
                    throw error(abs, path, "count " + a.count().text() + " = " + n + " is negative");
                }
            } else if (a.flexible()) {
                n = -1;
            } else {
                n = a.length();
            }
            if (n > limits.maxElements()) {
                throw error(abs, path, "count " + (a.count() == null ? n : a.count().text() + " = " + n)
                        + " is more than --max-elements " + limits.maxElements());
            }
            String typeName = a.type().spelling();
            if (!dynamicElement) {
                long each = element.size();
                need(abs, 0, limit, path, typeName);
                if (n < 0) {
                    if (each == 0) {
                        throw error(abs, path, "elements of 0 bytes cannot fill the data to its end");
                    }
                    if (windowEnds(limit)) {
                        throw ends(abs, Long.MAX_VALUE, path, typeName + " to the end of the data");
                    }
                    n = Math.max(0, limit - abs) / each;
                    if (n > limits.maxElements()) {
                        throw error(abs, path, n + " elements to the end of the data are more than --max-elements "
                                + limits.maxElements());
                    }
                } else if (each > 0 && n > (limit - abs) / each) {
                    long needed = n > (Long.MAX_VALUE - abs) / each ? Long.MAX_VALUE : abs + n * each;
                    if (limit < dataEnd) {
                        throw error(abs, path, "count " + a.count().text() + " = " + n + " elements of " + each
                                + " bytes is more than the " + (limit - abs) + " bytes left in its size window");
                    }
                    throw ends(abs, needed, path, "count " + (a.count() == null ? "" : a.count().text() + " = ") + n
                            + " elements of " + each + " bytes at byte offset " + o(abs));
                }
                budget(n, abs, path);
                if (element instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1) {
                    return new Built(new StringNode(name, abs - holderStart, n, typeName), n);
                }
                PlanNode el = DecoderPlan.node("", 0, element, abi, be);
                return new Built(new ArrayNode(name, abs - holderStart, n, each, el, typeName), n * each);
            }
            List<PlanNode> elements = new ArrayList<>();
            long pos = abs;
            for (long i = 0; n < 0 || i < n; i++) {
                if (n < 0 && pos >= limit) {
                    if (windowEnds(limit)) {
                        throw ends(pos, Long.MAX_VALUE, path, typeName + " to the end of the data");
                    }
                    break;
                }
                budget(1, pos, path);
                Built e;
                try {
                    e = value("", element, pos, abs, limit, scope, path + "[" + i + "]");
                } catch (DataEndsException ex) {
                    if (n < 0 && windowEnds(limit)) {
                        // Whether the last element is whole is for the rest of the data to say.
                        throw ends(pos, Long.MAX_VALUE, path, typeName + " to the end of the data");
                    }
                    if (n < 0) {
                        // To the end: as many whole elements as fit; the rest is said, not hidden.
                        if (warnings.size() < 16) {
                            warnings.add(path + "[" + i + "]: the last " + (limit - pos) + " bytes, from byte offset "
                                    + o(pos) + ", are not a whole element (" + ex.getMessage() + ")");
                        }
                        break;
                    }
                    throw ex;
                }
                if (n < 0 && e.size() == 0) {
                    throw error(pos, path + "[" + i + "]", "an element of 0 bytes cannot fill the data to its end");
                }
                elements.add(e.node());
                pos += e.size();
            }
            PlanNode first = elements.isEmpty() ? DecoderPlan.node("", 0, staticView(element), abi, be)
                    : elements.getFirst();
            long stride = elements.isEmpty() ? 0 : first.size();
            return new Built(new ArrayNode(name, abs - holderStart, elements.size(), stride, first, typeName,
                    elements, pos - abs), pos - abs);
        }

        private void budget(long n, long at, String path) {
            elements += n;
            if (elements > limits.maxElements()) {
                throw error(at, path, "the record has more than --max-elements " + limits.maxElements() + " elements");
            }
        }

        private Object eval(Expr e, Scope scope, String path, long at, String what) {
            try {
                return e.evaluate(p -> lookup(p, scope));
            } catch (Expr.EvalException ex) {
                throw error(at, path, what + " " + e.text() + ": " + ex.getMessage());
            }
        }

        private long evalLong(Expr e, Scope scope, String path, long at, String what) {
            Object v = eval(e, scope, path, at, what);
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Expr.Unsigned u) {
                if (u.bits() >= 0) {
                    return u.bits();
                }
                // 2^63 or more: as a count, size or offset beyond anything that can be decoded.
                throw error(at, path, what + " " + e.text() + " = " + u + " is larger than any data");
            }
            throw error(at, path, what + " " + e.text() + " is the string \"" + v + "\", not a number");
        }

        /** The value of a member named in an expression: this record's earlier members, then outward. */
        private Object lookup(List<String> names, Scope scope) {
            for (Scope s = scope; s != null; s = s.parent()) {
                List<PlanNode> ms = s.members();
                for (int i = ms.size() - 1; i >= 0; i--) {
                    PlanNode m = ms.get(i);
                    if (m.name().equals(names.getFirst())) {
                        Value v = m.read(segment, s.start());
                        for (int k = 1; k < names.size(); k++) {
                            if (!(v instanceof RecordValue rv) || rv.node().indexOf(names.get(k)) < 0) {
                                throw new Expr.EvalException("'" + String.join(".", names.subList(0, k))
                                        + "' has no member '" + names.get(k) + "'");
                            }
                            v = rv.get(names.get(k));
                        }
                        return scalar(v, names);
                    }
                }
            }
            throw new Expr.EvalException("no member '" + String.join(".", names) + "' was decoded before it");
        }

        private static Object scalar(Value v, List<String> names) {
            return switch (v) {
                case Value.Int i -> i.unsigned() && i.bits() < 0 ? new Expr.Unsigned(i.bits()) : (Object) i.bits();
                case Value.Enum e -> e.value();
                case Value.Bool b -> b.value() ? 1L : 0L;
                case Value.Pointer p -> p.address();
                case Value.Str s -> s.value();
                default -> throw new Expr.EvalException("'" + String.join(".", names)
                        + "' is not an integer or a char array");
            };
        }
    }

    /**
     * A member path for a message, with a run of four or more equal steps written once with its
     * count ({@code Node.more[0]×2048.value}): a chain nested two thousand deep made a message
     * line of 20 kB.
     */
    static String compact(String path) {
        if (path.length() < 200) {
            return path;
        }
        String[] steps = path.split("\\.", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.length; ) {
            int j = i;
            while (j < steps.length && steps[j].equals(steps[i])) {
                j++;
            }
            sb.append(sb.isEmpty() ? "" : ".").append(steps[i]);
            if (j - i >= 4) {
                sb.append('×').append(j - i);
            } else {
                for (int k = i + 1; k < j; k++) {
                    sb.append('.').append(steps[k]);
                }
            }
            i = j;
        }
        return sb.toString();
    }

    /** A discriminator value against a {@code when} value: integers by value, char arrays by text. */
    static boolean matches(Object key, Object when) {
        if (key instanceof String ks && when instanceof String ws) {
            // A char[4] discriminator reads up to its first NUL: "ab\0\0" matches when("ab").
            return ks.equals(ws) || ks.equals(MemberRules.whenText(ws));
        }
        return integer(key) == null ? key.equals(when) : integer(key).equals(integer(when));
    }

    /** An integer key's 64 bits (a {@code when} constant equals an unsigned value with the same bits, as in C). */
    private static Long integer(Object v) {
        return v instanceof Expr.Unsigned u ? Long.valueOf(u.bits()) : v instanceof Long l ? l : null;
    }

    private static String show(Object key) {
        return key instanceof String s ? JsonText.quote(s) : key.toString();
    }

    /** A layout the fixed plan can compile: for the type of an empty array's (absent) first element. */
    private static TypeLayout staticView(TypeLayout t) {
        return t instanceof ArrayLayout a && a.dynamicLength()
                ? new ArrayLayout(a.type(), a.element(), 0, false, 0, a.align()) : t;
    }

    private static PlanNode withOffset(PlanNode n, long offset) {
        return switch (n) {
            case ScalarNode s -> s.at(offset);
            case StringNode s -> new StringNode(s.name(), offset, s.length(), s.typeName());
            case ArrayNode a -> new ArrayNode(a.name(), offset, a.length(), a.stride(), a.element(), a.typeName(),
                    a.elements(), a.bytes());
            case RecordNode r -> new RecordNode(r.name(), offset, r.size(), r.union(), r.members(), r.typeName(),
                    r.tagged());
        };
    }

    static long roundUp(long v, long a) {
        if (a <= 1) {
            return v;
        }
        long r = Math.floorMod(v, a);
        return r == 0 ? v : v + (a - r);
    }
}
