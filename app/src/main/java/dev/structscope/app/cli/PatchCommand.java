package dev.structscope.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.io.series.MemberPath;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.io.write.Change;
import dev.structscope.io.write.Expected;
import dev.structscope.io.write.InPlaceWriter;
import dev.structscope.io.write.Journal;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.RecordLayout;

import java.io.PrintWriter;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Optional;

/**
 * {@code structscope patch LAYOUT --type NAME DATA [--offset N] [--record K] (--set PATH=VALUE)...
 * [--values JSON]}: writes member values into one record of DATA in place. The record's bytes are
 * copied, the engine's {@link RecordEncoder} writes the named members over the copy (touching
 * only their bytes, a bit-field only its bits), and the bytes that differ are written by the
 * journaled {@link InPlaceWriter}. Every value is checked and encoded before the file is opened
 * for writing, so a bad one leaves the file untouched.
 */
public final class PatchCommand extends CliCommand {
    /** LAYOUT, {@code --type}, DATA (the file written into) and {@code --offset} of record 0. */
    final RecordFileArgs data = new RecordFileArgs();
    long recordIndex;
    List<String> sets = List.of();
    String values;
    boolean rollBack;

    public PatchCommand() {
        super("Write member values into one record of a data file, in place (journaled, synced).");
    }

    @Override
    void declare(CliSpec s) {
        data.declare(s);
        s.option("--record", "K", long.class, v -> recordIndex = v, "Which record (default 0), at N + K x size.");
        s.repeatable("--set", "PATH=VALUE", v -> sets = v,
                "A member and its value, e.g. hdr.count=3, pts[2].x=-1, color=RED, name=abc (repeatable).");
        s.option("--values", "JSON", String.class, v -> values = v, "Several values as a JSON object shaped like decode's output.");
        s.flag("--roll-back", v -> rollBack = v,
                "Restore the bytes an interrupted patch or save was overwriting (from its journal) and stop.");
    }

    @Override
    int run(PrintWriter out, PrintWriter err) {
        Optional<Journal> journal = Journal.find(data.file);
        if (rollBack) {
            if (journal.isEmpty()) {
                throw new InputException(data.file.toString(), "no journal of an interrupted write (" + Journal.pathFor(data.file) + ")");
            }
            InPlaceWriter.checkWritable(data.file);
            journal.get().rollBack();
            out.println("restored " + journal.get().entries().size() + " range(s) of " + data.file + " from its journal");
            return 0;
        }
        if (journal.isPresent()) {
            throw new InputException(data.file.toString(), "a write into it was interrupted (journal "
                    + journal.get().file() + "); run patch again with --roll-back to restore the old bytes");
        }
        JsonNode json = values();
        RecordLayout resolved = data.record.resolve(err);
        RecordReader reader = data.record.reader(resolved);
        if (data.offset < 0 || recordIndex < 0) {
            throw new InputException(data.offset < 0 ? "--offset" : "--record", "must not be negative");
        }
        if (reader instanceof DynamicDecoder decoder) {
            return patchDynamic(decoder, json, out);
        }
        DecoderPlan plan = (DecoderPlan) reader;
        long size = data.record.fixedSize(plan, "write");
        InPlaceWriter.checkWritable(data.file);
        Expected expected = Expected.of(data.file);
        long at;
        try {
            at = Math.addExact(data.offset, Math.multiplyExact(recordIndex, size));
            Math.addExact(at, size);
        } catch (ArithmeticException e) {
            throw new InputException(recordIndex == 0 ? "--offset" : "--record", "record " + recordIndex + " at --offset "
                    + data.offset + " lies beyond any file");
        }
        if (at + size > expected.size()) {
            throw data.pastEnd(recordIndex, size, at, expected.size());
        }
        byte[] before;
        try (DataSource source = Sources.open(data.file)) {
            before = Sources.guard(source, () -> source.slice(at, size).toArray(ValueLayout.JAVA_BYTE));
        }
        byte[] after = before.clone();
        RecordEncoder.encode(plan, json, MemorySegment.ofArray(after));
        List<Change> changes = Change.diff(before, after, at);
        InPlaceWriter.write(data.file, changes, expected);
        int bytes = changes.stream().mapToInt(Change::length).sum();
        out.println("record " + recordIndex + " at byte offset " + at + ": " + bytes + " byte(s) changed in "
                + changes.size() + " range(s)");
        return 0;
    }

    /**
     * A record of a dynamic layout: record K is found by reading the K records before it from
     * {@code --offset}, each as long as its content; each value given is written where this
     * record's content put its member (placed members too) by the encoder the window's typed
     * values use, one member at a time, so only those bytes change. A count, switch or size
     * written changes how the record reads from then on, not the file's size.
     */
    private int patchDynamic(DynamicDecoder decoder, JsonNode json, PrintWriter out) {
        InPlaceWriter.checkWritable(data.file);
        Expected expected = Expected.of(data.file);
        java.util.TreeMap<Long, Byte> changed = new java.util.TreeMap<>();
        long at = data.offset;
        try (DataSource source = Sources.open(data.file)) {
            MemorySegment all = source.segment();
            long size = source.size();
            RecordReader.Decoded d = null;
            for (long k = 0; k <= recordIndex; k++) {
                if (at >= size) {
                    throw new InputException(data.file + ": byte offset " + at, "record " + recordIndex
                            + " lies past the end of the data (" + size + " bytes; it holds " + k + " records from --offset)");
                }
                long from = at;
                long index = k;
                try {
                    d = Sources.guard(source, () -> decoder.read(all, from, size));
                } catch (DynamicDecoder.DataEndsException e) {
                    throw new InputException(data.file + ": " + e.where(), "record " + index + ": " + e.getMessage());
                }
                if (k < recordIndex) {
                    if (d.size() <= 0) {
                        throw new InputException(data.file + ": byte offset " + at, "record " + k
                                + " is 0 bytes long: records of it cannot follow one another");
                    }
                    at += d.size();
                }
            }
            java.util.Map<String, JsonNode> leaves = new java.util.LinkedHashMap<>();
            leaves("", json, leaves);
            for (var leaf : leaves.entrySet()) {
                write(source, d.value(), leaf.getKey(), leaf.getValue(), changed);
            }
        }
        List<Change> changes = runs(changed);
        InPlaceWriter.write(data.file, changes, expected);
        int bytes = changes.stream().mapToInt(Change::length).sum();
        out.println("record " + recordIndex + " at byte offset " + at + ": " + bytes + " byte(s) changed in "
                + changes.size() + " range(s)");
        return 0;
    }

    /** Encodes {@code value} into member {@code path} of {@code record}; the bytes that then differ from the file's go into {@code changed}. */
    private void write(DataSource source, dev.structscope.io.decode.RecordValue record, String path, JsonNode value,
                       java.util.Map<Long, Byte> changed) {
        dev.structscope.io.series.MemberPath.Located m;
        try {
            m = dev.structscope.io.series.MemberPath.parse(path).locate(record, path, "record " + recordIndex);
        } catch (InputException e) {
            throw new InputException(path, e.getMessage());
        }
        dev.structscope.io.decode.PlanNode node = m.node();
        if (!(node instanceof dev.structscope.io.decode.ScalarNode || node instanceof dev.structscope.io.decode.StringNode)) {
            throw new InputException(path, "is " + node.typeName() + ": give its members or elements one by one");
        }
        long off = m.offset();
        int len = (int) node.size();
        if (off < 0 || off + len > source.size()) {
            throw new InputException(path, "lies outside the data");
        }
        byte[] file = Sources.guard(source, () -> source.segment().asSlice(off, len).toArray(ValueLayout.JAVA_BYTE));
        byte[] after = file.clone();
        for (int i = 0; i < len; i++) {
            Byte c = changed.get(off + i); // an earlier value's bits of the same byte (bit-fields)
            if (c != null) {
                after[i] = c;
            }
        }
        RecordEncoder.encodeMember(node, value, MemorySegment.ofArray(after), path);
        for (int i = 0; i < len; i++) {
            if (after[i] != file[i]) {
                changed.put(off + i, after[i]);
            } else {
                changed.remove(off + (long) i);
            }
        }
    }

    /**
     * Every value of {@code v} (objects by member name, arrays by index) under its member path; a
     * null is no value (the elements before one {@code --set} into an array, or what decode
     * printed null), as the fixed records' encoder has it.
     */
    private static void leaves(String path, JsonNode v, java.util.Map<String, JsonNode> out) {
        if (v.isNull()) {
            return;
        }
        if (v.isObject()) {
            v.properties().forEach(e -> leaves(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out));
        } else if (v.isArray()) {
            for (int i = 0; i < v.size(); i++) {
                leaves(path + "[" + i + "]", v.get(i), out);
            }
        } else {
            out.put(path, v);
        }
    }

    /** The changed bytes as runs of consecutive offsets. */
    private static List<Change> runs(java.util.NavigableMap<Long, Byte> changed) {
        List<Change> runs = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream run = new java.io.ByteArrayOutputStream();
        long start = -1;
        long next = -1;
        for (var e : changed.entrySet()) {
            if (e.getKey() != next && run.size() > 0) {
                runs.add(new Change(start, run.toByteArray()));
                run.reset();
            }
            if (run.size() == 0) {
                start = e.getKey();
            }
            run.write(e.getValue());
            next = e.getKey() + 1;
        }
        if (run.size() > 0) {
            runs.add(new Change(start, run.toByteArray()));
        }
        return runs;
    }

    /** {@code --values}, then every {@code --set} merged over it, as one JSON object for the encoder. */
    private JsonNode values() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (values != null) {
            JsonNode v = CliJson.values(values);
            if (v == null || !v.isObject()) {
                throw new InputException("--values", "expected a JSON object of member values");
            }
            root.setAll((ObjectNode) v);
        }
        for (String s : sets) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--set " + s, "expected PATH=VALUE");
            }
            put(root, s.substring(0, eq).strip(), scalar(s.substring(eq + 1)), "--set " + s);
        }
        if (root.isEmpty()) {
            throw new InputException("patch", "nothing to write: give --set PATH=VALUE or --values JSON");
        }
        return root;
    }

    /** A JSON scalar; text that is not JSON (an enumerator name, a string) is taken as a string. */
    public static JsonNode scalar(String text) {
        if (text.isBlank()) {
            throw new InputException("--set", "no VALUE after '=' (an empty string is written NAME=\"\")");
        }
        try {
            JsonNode v = new ObjectMapper().readTree(text);
            if (v != null && v.isValueNode()) {
                return v;
            }
            if (v != null) {
                throw new InputException("--set", "VALUE must be a JSON scalar, not " + text);
            }
        } catch (JsonProcessingException e) {
            // not JSON: a bare word
        }
        return TextNode.valueOf(text);
    }

    /** The largest array index a PATH may name: the tree is padded with nulls up to it. */
    static final int MAX_INDEX = 1 << 24;

    /** Puts {@code value} at PATH ({@code a.b[2].c}) into the tree, arrays padded with nulls (left as they are). */
    public static void put(ObjectNode root, String path, JsonNode value, String where) {
        List<MemberPath.Step> steps = MemberPath.parse(path, where).steps();
        JsonNode cur = root;
        for (int i = 0; i < steps.size(); i++) {
            Object key = switch (steps.get(i)) {
                case MemberPath.Name n -> n.name();
                case MemberPath.Index x when x.index() > MAX_INDEX -> throw new InputException(where,
                        "index [" + x.index() + "] is past the largest array PATH may name (" + MAX_INDEX + " elements)");
                case MemberPath.Index x -> (int) x.index();
            };
            if (i < steps.size() - 1) {
                cur = child(cur, key, steps.get(i + 1) instanceof MemberPath.Name, where);
            } else if (key instanceof String k) {
                ((ObjectNode) cur).set(k, value);
            } else {
                ArrayNode a = (ArrayNode) cur;
                int at = (Integer) key;
                while (a.size() <= at) {
                    a.addNull();
                }
                a.set(at, value);
            }
        }
    }

    private static JsonNode child(JsonNode cur, Object key, boolean objectNext, String where) {
        JsonNode next;
        if (key instanceof String k) {
            next = cur.get(k);
            if (next == null || next.isNull()) {
                next = objectNext ? ((ObjectNode) cur).putObject(k) : ((ObjectNode) cur).putArray(k);
            }
        } else {
            ArrayNode a = (ArrayNode) cur;
            int i = (Integer) key;
            while (a.size() <= i) {
                a.addNull();
            }
            next = a.get(i);
            if (next == null || next.isNull()) {
                next = objectNext ? JsonNodeFactory.instance.objectNode() : JsonNodeFactory.instance.arrayNode();
                a.set(i, next);
            }
        }
        if (objectNext ? !next.isObject() : !next.isArray()) {
            throw new InputException(where, "PATH conflicts with another value given for the same member");
        }
        return next;
    }
}
