package dev.structscope.app.fields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.structscope.app.cli.PatchCommand;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.model.InputException;
import javafx.scene.control.TreeItem;

import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * A value typed into the decoded tree, turned into the bytes to write: the row's path from the
 * record (members by name, elements by index) becomes the JSON that {@code patch} and {@code send}
 * give the same {@link RecordEncoder}, which writes over a copy of the record's bytes — so enums
 * go by name, bit-fields touch only their bits, char arrays are NUL-padded and floats are
 * rounded to the member, exactly as on the command line. Pure; any thread.
 */
public final class ValueEdit {
    /** The bytes that change: {@code bytes} from file offset {@code offset} (empty: nothing changes). */
    public record Bytes(long offset, byte[] bytes) {
    }

    private ValueEdit() {
    }

    /** Whether a row's value can be typed: a scalar (integer, enum, float, bit-field) or a char array. */
    public static boolean editable(FieldRow row) {
        return row != null && (row.node() instanceof ScalarNode || row.node() instanceof StringNode);
    }

    /** The text a row's editor starts with: its value without the quotes, enum number or bit pattern. */
    public static String initialText(FieldRow row) {
        String v = row.value();
        if (row.node() instanceof StringNode) {
            return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
        }
        int paren = v.indexOf(" (");
        return paren > 0 ? v.substring(0, paren).strip() : v.strip();
    }

    /**
     * Encodes {@code text} as the new value of {@code item} in the record {@code plan} reads from
     * file offset {@code base}, whose current bytes are {@code record}.
     *
     * @throws InputException naming the member and why the value does not fit
     */
    public static Bytes encode(DecoderPlan plan, long base, byte[] record, FieldItem item, String text) {
        FieldRow row = item.getValue();
        if (!editable(row)) {
            throw new InputException(row.name(), "only numbers, enums, bit-fields and char arrays can be typed");
        }
        JsonNode value = row.node() instanceof StringNode ? TextNode.valueOf(text) : PatchCommand.scalar(text.strip());
        return diff(plan, base, record, path(item, value));
    }

    /**
     * Encodes {@code text} as the new value of member {@code path} ({@code pts[2].x}, as
     * {@code patch --set} names it), a scalar or char array {@code node}, of the record at {@code base}.
     *
     * @throws InputException naming the member and why the value does not fit
     */
    public static Bytes encode(DecoderPlan plan, long base, byte[] record, String path, dev.structscope.io.decode.PlanNode node,
                               String text) {
        if (!(node instanceof ScalarNode || node instanceof StringNode)) {
            throw new InputException(path, "only numbers, enums, bit-fields and char arrays can be typed");
        }
        ObjectNode values = JsonNodeFactory.instance.objectNode();
        PatchCommand.put(values, path, node instanceof StringNode ? TextNode.valueOf(text) : PatchCommand.scalar(text.strip()), path);
        return diff(plan, base, record, values);
    }

    /**
     * Encodes {@code text} as the new value of the tree row {@code row} on its own, whose current
     * bytes ({@code row.size()} of them from {@code row.offset()}) are {@code current}: how values
     * of dynamic records are typed, where the member lies wherever the record's content put it.
     * Changing a count, a switch or a size changes the record's shape: the caller re-decodes.
     *
     * @throws InputException naming the member and why the value does not fit
     */
    public static Bytes encodeMember(FieldRow row, byte[] current, String text) {
        if (!editable(row)) {
            throw new InputException(row.name(), "only numbers, enums, bit-fields and char arrays can be typed");
        }
        JsonNode value = row.node() instanceof StringNode ? TextNode.valueOf(text) : PatchCommand.scalar(text.strip());
        byte[] after = current.clone();
        RecordEncoder.encodeMember(row.node(), value, MemorySegment.ofArray(after), row.name());
        return changed(row.offset(), current, after);
    }

    private static Bytes diff(DecoderPlan plan, long base, byte[] record, ObjectNode values) {
        byte[] after = record.clone();
        RecordEncoder.encode(plan, values, MemorySegment.ofArray(after));
        return changed(base, record, after);
    }

    /** The run of bytes from the first to the last that differ ({@code base}: file offset of byte 0). */
    private static Bytes changed(long base, byte[] record, byte[] after) {
        int first = 0;
        while (first < after.length && after[first] == record[first]) {
            first++;
        }
        if (first == after.length) {
            return new Bytes(base, new byte[0]);
        }
        int last = after.length - 1;
        while (after[last] == record[last]) {
            last--;
        }
        return new Bytes(base + first, Arrays.copyOfRange(after, first, last + 1));
    }

    /** {@code value} nested under the item's path from the root: {@code {"pts": [null, {"x": value}]}}. */
    static ObjectNode path(TreeItem<FieldRow> item, JsonNode value) {
        Deque<String> names = new ArrayDeque<>();
        for (TreeItem<FieldRow> i = item; i != null && i.getParent() != null; i = i.getParent()) {
            if (!(i instanceof FieldItem f && f.isRange())) {
                names.push(i.getValue().name());
            }
        }
        JsonNode cur = value;
        while (names.size() > 1) {
            cur = wrap(names.removeLast(), cur);
        }
        if (names.isEmpty() || names.peek().startsWith("[")) {
            throw new InputException(item.getValue().name(), "is not a member of the record shown");
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set(names.pop(), cur);
        return root;
    }

    private static JsonNode wrap(String name, JsonNode inner) {
        if (name.startsWith("[") && name.endsWith("]")) {
            int index = Integer.parseInt(name.substring(1, name.length() - 1));
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            for (int k = 0; k < index; k++) {
                a.addNull();
            }
            return a.add(inner);
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(name, inner);
        return o;
    }
}
