package dev.structscope.io.series;

import dev.structscope.io.decode.ArrayNode;
import dev.structscope.io.decode.ArrayValue;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordValue;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.StringNode;
import dev.structscope.io.decode.Value;
import dev.structscope.model.InputException;
import dev.structscope.model.type.Identifiers;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path to one scalar member of a record, as {@code series --member} and {@code patch --set}
 * name it: members by name, dotted ({@code inner.x}), array elements by index ({@code pts[2].x},
 * {@code m[1][0]}). Parsed once; resolved against a fixed plan (to one leaf at one offset) or
 * against each decoded dynamic record. Immutable.
 */
public record MemberPath(String text, List<Step> steps) {
    private static final Pattern STEP = Pattern.compile("\\G(?:(^|\\.)(" + Identifiers.REGEX + ")|\\[(\\d{1,18})\\])");

    /** One step: a member by name, or an array element by index. */
    public sealed interface Step permits Name, Index {
    }

    public record Name(String name) implements Step {
    }

    public record Index(long index) implements Step {
    }

    public MemberPath {
        steps = List.copyOf(steps);
    }

    /**
     * Parses {@code text}.
     *
     * @throws InputException ({@code --member}) for text that is not a path
     */
    public static MemberPath parse(String text) {
        return parse(text, "--member");
    }

    /**
     * Parses {@code text}, given at {@code where} (an option, a cell).
     *
     * @throws InputException ({@code where}) for text that is not a path
     */
    public static MemberPath parse(String text, String where) {
        List<Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(text);
        int end = 0;
        while (end < text.length() && m.find(end) && m.start() == end) {
            steps.add(m.group(2) != null ? new Name(m.group(2)) : new Index(Long.parseLong(m.group(3))));
            end = m.end();
        }
        if (end != text.length() || steps.isEmpty() || !(steps.getFirst() instanceof Name)) {
            throw new InputException(where, "bad member path '" + text
                    + "' (members by name, dotted; array elements as [i], e.g. pts[2].x)");
        }
        return new MemberPath(text, steps);
    }

    /**
     * The one scalar this path names in records of {@code plan}, as a leaf with one base offset
     * (the value of a record at {@code r} is {@code leaf.node().readLong(s, r + leaf.bases()[0])}).
     *
     * @throws InputException ({@code --member}) for an unknown member, an index out of range, or a
     *                        path that ends on a struct, an array or a string
     */
    public DecoderPlan.Leaf resolve(DecoderPlan plan) {
        PlanNode n = plan.root();
        long base = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            switch (s) {
                case Name(String name) -> {
                    if (!(n instanceof RecordNode r)) {
                        throw noMembers("--member", i, n);
                    }
                    int k = r.indexOf(name);
                    if (k < 0) {
                        throw noMember("--member", name, r);
                    }
                    base += r.offset();
                    n = r.members().get(k);
                }
                case Index(long index) -> {
                    if (!(n instanceof ArrayNode a)) {
                        throw notA("--member", i, n, "is not an array");
                    }
                    if (index >= a.length()) {
                        throw new InputException("--member", "'" + prefix(i) + "' has " + a.length()
                                + " elements; [" + index + "] is past its end");
                    }
                    base += a.offset() + index * a.stride();
                    n = a.element();
                }
            }
        }
        return new DecoderPlan.Leaf(text, scalar(n), new long[] {base});
    }

    /**
     * The value this path names in {@code record} (a dynamic record, decoded), or null when this
     * record does not hold it (an alternative not chosen, an array shorter than the index).
     */
    public Value valueIn(RecordValue record) {
        Value v = record;
        for (Step s : steps) {
            switch (s) {
                case Name(String name) -> {
                    if (!(v instanceof RecordValue r) || r.node().indexOf(name) < 0) {
                        return null;
                    }
                    v = r.get(name);
                }
                case Index(long index) -> {
                    if (!(v instanceof ArrayValue a) || index >= a.length()) {
                        return null;
                    }
                    v = a.get(index);
                }
            }
        }
        return v;
    }

    /**
     * The scalar node this path names in {@code record}'s own plan (for dynamic records: the
     * first record that holds it), or an {@link InputException} as {@link #resolve} gives; called
     * with the first record when none holds it, so its messages say so.
     */
    public ScalarNode nodeIn(RecordValue record) {
        return scalar(locate(record, "--member", null).node());
    }

    /**
     * Where a member lies in a decoded record: its node, and the byte of the record's segment
     * its parent starts at (the node's own offset counts from there, as {@link PlanNode#read} has it).
     */
    public record Located(PlanNode node, long parentStart) {
        /** The member's first byte in the record's segment. */
        public long offset() {
            return parentStart + node.offset();
        }
    }

    /**
     * The member of any kind this path names in {@code record}, a decoded record (of a dynamic
     * layout: as its content shaped it), or an {@link InputException} naming {@code where}.
     * {@code which} names the record in the messages ("record 3"); null: the first of several
     * records that were all looked at ({@link #nodeIn}).
     */
    public Located locate(RecordValue record, String where, String which) {
        PlanNode n = record.node();
        Value v = record;
        long parentStart = record.start();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            switch (s) {
                case Name(String name) -> {
                    if (!(v instanceof RecordValue r)) {
                        throw noMembers(where, i, n);
                    }
                    int k = r.node().indexOf(name);
                    if (k < 0) {
                        throw (which != null && r.node().tagged() ? new InputException(where, which + " chose "
                                + (r.node().members().isEmpty() ? "no alternative" : "'" + r.node().members().getFirst().name() + "'")
                                + " of " + r.node().typeName() + ", not '" + name + "'") : noMember(where, name, r.node()));
                    }
                    n = r.node().members().get(k);
                    parentStart = r.start();
                    v = r.get(k);
                }
                case Index(long index) -> {
                    if (!(v instanceof ArrayValue a)) {
                        throw notA(where, i, n, "is not an array");
                    }
                    if (index >= a.length()) {
                        throw new InputException(where, which == null ? "no record has '" + prefix(i) + "[" + index
                                + "]' (the first has " + a.length() + " elements)"
                                : "'" + prefix(i) + "' has " + a.length() + " elements in " + which + "; [" + index
                                + "] is past its end");
                    }
                    n = a.elementNode(index);
                    parentStart = a.node().elements() != null ? a.start() : a.start() + index * a.node().stride();
                    v = a.get(index);
                }
            }
        }
        return new Located(n, parentStart);
    }

    /** The node a path ends on, which must be a scalar that fits a long or a double. */
    private ScalarNode scalar(PlanNode n) {
        if (!(n instanceof ScalarNode scalar)) {
            throw notScalar(n);
        }
        if (scalar.byteSize() == 16 && scalar.kind().isInteger()) {
            throw new InputException("--member", "'" + text + "' is a 128-bit integer; series reads integers up to 64 bits");
        }
        return scalar;
    }

    private static InputException noMember(String where, String name, RecordNode r) {
        if (r.tagged()) {
            // A decoded tagged union holds the alternative its record chose, and nothing else.
            return new InputException(where, "no record chose an alternative '" + name + "' of " + r.typeName()
                    + (r.members().isEmpty() ? "" : " (the first chose " + r.members().getFirst().name() + ")"));
        }
        return new InputException(where, "no member '" + name + "' in " + r.typeName() + " (" + names(r) + ")");
    }

    /** A member named after step {@code step}, which ends on {@code n}: no struct or union. */
    private InputException noMembers(String where, int step, PlanNode n) {
        return n instanceof ArrayNode ? notA(where, step, n, "is an array: name an element, e.g. '" + prefix(step) + "[0]"
                + text.substring(prefix(step).length()) + "'") : notA(where, step, n, "has no members");
    }

    private InputException notA(String where, int step, PlanNode n, String what) {
        return new InputException(where, "'" + prefix(step) + "' (" + n.typeName() + ") " + what
                + "; in '" + text + "'");
    }

    private InputException notScalar(PlanNode n) {
        String kind = switch (n) {
            case RecordNode r -> "a " + (r.union() ? "union" : "struct") + " (" + n.typeName() + "); name one of its members, e.g. "
                    + text + "." + (r.members().isEmpty() ? "x" : r.members().getFirst().name());
            case ArrayNode a -> "an array (" + n.typeName() + "); name one element, e.g. " + text + "[0]";
            case StringNode s -> "a string (" + n.typeName() + "), not a number";
            case ScalarNode s -> "a scalar";
        };
        return new InputException("--member", "'" + text + "' is " + kind + ": series plots one scalar member");
    }

    /** The path up to (not including) step {@code step}, as the user wrote it. */
    private String prefix(int step) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < step; i++) {
            switch (steps.get(i)) {
                case Name(String name) -> sb.append(sb.isEmpty() ? "" : ".").append(name);
                case Index(long index) -> sb.append('[').append(index).append(']');
            }
        }
        return sb.toString();
    }

    private static String names(RecordNode r) {
        List<String> names = r.members().stream().map(PlanNode::name).limit(12).toList();
        return "members: " + String.join(", ", names) + (r.members().size() > 12 ? ", …" : "");
    }
}
