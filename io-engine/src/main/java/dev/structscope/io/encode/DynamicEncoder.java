package dev.structscope.io.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.PlanNode;
import dev.structscope.io.decode.RecordNode;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.model.InputException;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.Expr;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Encodes one record of a dynamic layout from a JSON object shaped like {@code decode}'s output
 * (the inverse of {@link DynamicDecoder}). Counts follow the arrays given, a tagged union's
 * discriminator follows the alternative given, and a sized member's size follows its content,
 * where the layout names them plainly ({@code n}, {@code len - 4}); values the JSON gives are kept
 * as given. The bytes are found by a fixed point: encode through the instance plan the decoder
 * reads from the bytes so far, until encoding changes nothing more; the record is then as long as
 * it decodes to.
 *
 * <p>Placed members are not written (their place is outside the record). Stateless.
 */
public final class DynamicEncoder {
    private static final int MAX_ROUNDS = 64;

    private DynamicEncoder() {
    }

    /**
     * The bytes of the record {@code values} describes, at most {@code maxBytes} long.
     *
     * @throws InputException naming the member when the values do not make a record of the type
     */
    public static MemorySegment encode(DynamicDecoder decoder, JsonNode values, Arena arena, long maxBytes) {
        if (values == null || !values.isObject()) {
            throw new InputException("--values", "expected a JSON object of member values");
        }
        ObjectNode json = values.deepCopy();
        derive(decoder.layout(), json);
        DynamicDecoder byContent = decoder.sizedByContent();
        long cap = Math.min(maxBytes, 4096);
        byte[] previous = null;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            MemorySegment buf = arena.allocate(cap);
            if (previous != null) {
                MemorySegment.copy(MemorySegment.ofArray(previous), 0, buf, 0, Math.min(previous.length, cap));
            }
            RecordReader.Decoded d;
            try {
                d = byContent.read(buf, 0, cap);
            } catch (DynamicDecoder.DataEndsException e) {
                if (cap >= maxBytes) {
                    throw new InputException("--values", "the record needs more than " + maxBytes + " bytes (--max-frame)");
                }
                cap = Math.min(maxBytes, Math.max(cap * 2, e.needed() == Long.MAX_VALUE ? cap * 2 : e.needed()));
                continue;
            }
            // Members are written in declaration order; one the plan cannot hold yet (an alternative
            // whose discriminator was only just written) is written in a later round.
            InputException failed = null;
            try {
                RecordEncoder.encode(d.value().node(), json, buf);
            } catch (InputException e) {
                failed = e;
            }
            boolean sizesChanged = sizes(decoder.layout(), d.value().node(), json);
            byte[] now = buf.asSlice(0, cap).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
            if (!sizesChanged && previous != null && Arrays.equals(previous, now)) {
                if (failed != null) {
                    throw failed;
                }
                return verified(decoder, buf);
            }
            previous = now;
        }
        throw new InputException("--values", "the values do not settle into one record of "
                + decoder.layout().name() + " (counts and sizes keep changing)");
    }

    /** The record cut to the size it decodes to, read as any reader reads it (sizes from its size members). */
    private static MemorySegment verified(DynamicDecoder decoder, MemorySegment buf) {
        RecordReader.Decoded d;
        try {
            d = decoder.read(buf, 0, buf.byteSize());
        } catch (InputException e) {
            throw new InputException("--values", "the values make no record a reader can decode: " + e.oneLine());
        }
        return buf.asSlice(0, d.size());
    }

    /**
     * Fills what the layout derives from the values: the count member of a counted array (its
     * length), the discriminator of a tagged union (the chosen alternative's first when value).
     */
    static void derive(RecordLayout r, ObjectNode json) {
        derived(r, json);
        inLayoutOrder(r, json);
    }

    /** Puts the object's keys in the order of the record's members (anonymous members' in place). */
    private static void inLayoutOrder(RecordLayout r, ObjectNode json) {
        java.util.List<String> order = new java.util.ArrayList<>();
        for (dev.structscope.model.layout.FieldLayout f : r.visibleFields()) {
            order.add(f.name());
        }
        java.util.Map<String, JsonNode> old = new java.util.LinkedHashMap<>();
        json.fields().forEachRemaining(e -> old.put(e.getKey(), e.getValue()));
        json.removeAll();
        for (String k : order) {
            if (old.containsKey(k)) {
                json.set(k, old.remove(k));
            }
        }
        old.forEach(json::set);
    }

    private static void derived(RecordLayout r, ObjectNode json) {
        for (FieldLayout f : r.fields()) {
            if (f.name() == null) {
                if (f.layout() instanceof RecordLayout inner && f.isAnonymousRecord()) {
                    derived(inner, json);
                }
                continue;
            }
            JsonNode v = json.get(f.name());
            if (v == null || v.isNull()) {
                continue;
            }
            if (f.layout() instanceof ArrayLayout a && a.count() != null && (v.isArray() || v.isTextual())) {
                long n = v.isArray() ? v.size() : v.asText().length();
                fill(json, a.count(), n);
            }
            if (f.member().dynamic().switchOn() != null && v.isObject() && v.size() == 1
                    && f.layout() instanceof RecordLayout union) {
                String alt = v.fieldNames().next();
                for (FieldLayout a : union.fields()) {
                    if (alt.equals(a.name()) && !a.member().dynamic().when().isEmpty()) {
                        Object w = a.member().dynamic().when().getFirst().evaluate(p -> null);
                        Expr sw = f.member().dynamic().switchOn();
                        if (sw instanceof Expr.Ref ref && ref.path().size() == 1 && !json.has(ref.path().getFirst())) {
                            if (w instanceof Long l) {
                                json.put(ref.path().getFirst(), l);
                            } else {
                                json.put(ref.path().getFirst(), (String) w);
                            }
                        }
                    }
                }
            }
            if (f.layout() instanceof RecordLayout inner && v.isObject()) {
                if (f.member().dynamic().switchOn() != null) {
                    FieldLayout alt = alternative(inner, v);
                    if (alt != null && alt.layout() instanceof RecordLayout ar && v.get(alt.name()).isObject()) {
                        derive(ar, (ObjectNode) v.get(alt.name()));
                    }
                } else {
                    derive(inner, (ObjectNode) v);
                }
            } else if (f.layout() instanceof ArrayLayout a && a.element() instanceof RecordLayout er && v.isArray()) {
                for (JsonNode e : v) {
                    if (e.isObject()) {
                        derive(er, (ObjectNode) e);
                    }
                }
            }
        }
    }

    /** The alternative a tagged union's JSON object names (its one key), or null. */
    private static FieldLayout alternative(RecordLayout union, JsonNode v) {
        if (v.size() != 1) {
            return null;
        }
        String alt = v.fieldNames().next();
        for (FieldLayout a : union.fields()) {
            if (alt.equals(a.name())) {
                return a;
            }
        }
        return null;
    }

    /**
     * Sets the size member of each sized member (at this level) to the size its content took in
     * the plan; true when a value changed.
     */
    private static boolean sizes(RecordLayout r, RecordNode node, ObjectNode json) {
        boolean changed = false;
        for (FieldLayout f : r.fields()) {
            if (f.name() == null) {
                continue;
            }
            int i = node.indexOf(f.name());
            JsonNode v = json.get(f.name());
            if (i < 0 || v == null || v.isNull()) {
                continue;
            }
            PlanNode content = node.members().get(i);
            Expr size = f.member().dynamic().size();
            if (size != null) {
                changed |= fill(json, size, content.size());
            }
            // Nested records and arrays of records have sized members of their own.
            if (f.layout() instanceof RecordLayout inner && content instanceof RecordNode rn && v.isObject()) {
                if (rn.tagged()) {
                    FieldLayout alt = alternative(inner, v);
                    if (alt != null && alt.layout() instanceof RecordLayout ar && !rn.members().isEmpty()
                            && rn.members().getFirst() instanceof RecordNode an && v.get(alt.name()).isObject()) {
                        changed |= sizes(ar, an, (ObjectNode) v.get(alt.name()));
                    }
                } else {
                    changed |= sizes(inner, rn, (ObjectNode) v);
                }
            } else if (f.layout() instanceof ArrayLayout a && a.element() instanceof RecordLayout er
                    && content instanceof dev.structscope.io.decode.ArrayNode an && v.isArray()) {
                for (int k = 0; k < v.size() && k < an.length(); k++) {
                    PlanNode e = an.elements() != null ? an.elements().get(k) : an.element();
                    if (e instanceof RecordNode ern && v.get(k).isObject()) {
                        changed |= sizes(er, ern, (ObjectNode) v.get(k));
                    }
                }
            }
        }
        return changed;
    }

    /**
     * Gives the member an expression names the value that makes the expression {@code want}:
     * {@code n} = want, {@code n - c} = want + c, {@code n + c} = want - c; other expressions are
     * left to the values given. True when a value was written.
     */
    private static boolean fill(ObjectNode json, Expr e, long want) {
        String name = derivedMember(e);
        if (name == null) {
            return false;
        }
        long value = want;
        if (e instanceof Expr.Binary b && b.right() instanceof Expr.Const c) {
            value = b.op() == Expr.BinaryOp.SUB ? want + c.value() : want - c.value();
        }
        JsonNode old = json.get(name);
        if (old != null && old.isNumber() && old.asLong() == value) {
            return false;
        }
        if (old != null && !old.isNull() && !derived(json, name)) {
            return false; // the user's own value stays
        }
        json.put(name, value);
        markDerived(json, name);
        return true;
    }

    /**
     * The member whose value an expression follows when the encoder derives it: {@code n},
     * {@code n - c} or {@code n + c} for a member {@code n} of the same record; null for any other
     * expression (its value is left to the values given).
     */
    public static String derivedMember(Expr e) {
        if (e instanceof Expr.Ref ref && ref.path().size() == 1) {
            return ref.path().getFirst();
        }
        if (e instanceof Expr.Binary b && (b.op() == Expr.BinaryOp.SUB || b.op() == Expr.BinaryOp.ADD)
                && b.left() instanceof Expr.Ref ref && ref.path().size() == 1 && b.right() instanceof Expr.Const) {
            return ref.path().getFirst();
        }
        return null;
    }

    /**
     * The members of {@code r} (members of its anonymous records included) whose values
     * {@link #encode} derives when they are not given: the count of a counted array, the
     * discriminator of a tagged union, the size of a sized member, where the expression names the
     * member plainly. A form shows them as computed, not as editors.
     */
    public static java.util.Set<String> derivedMembers(RecordLayout r) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        java.util.Set<String> members = new java.util.HashSet<>();
        r.visibleFields().forEach(f -> members.add(f.name()));
        collectDerived(r, names);
        names.retainAll(members);
        return names;
    }

    private static void collectDerived(RecordLayout r, java.util.Set<String> names) {
        for (FieldLayout f : r.fields()) {
            if (f.name() == null && f.layout() instanceof RecordLayout inner && f.isAnonymousRecord()) {
                collectDerived(inner, names);
                continue;
            }
            if (f.layout() instanceof ArrayLayout a && a.count() != null) {
                add(names, derivedMember(a.count()));
            }
            if (f.member().dynamic().switchOn() instanceof Expr.Ref ref && ref.path().size() == 1) {
                names.add(ref.path().getFirst());
            }
            if (f.member().dynamic().size() != null) {
                add(names, derivedMember(f.member().dynamic().size()));
            }
        }
    }

    /**
     * The members {@code values} gives that {@link #encode} does not write: placed ones, whose
     * place lies outside the record's own bytes (a decoded record's JSON lists them, so a record
     * sent back as {@code decode} printed it has them). Each as its path and its {@code at}.
     */
    public static java.util.List<String> placedGiven(RecordLayout r, JsonNode values) {
        java.util.List<String> out = new java.util.ArrayList<>();
        placedGiven(r, values, "", out);
        return out;
    }

    private static void placedGiven(RecordLayout r, JsonNode values, String path, java.util.List<String> out) {
        if (values == null || !values.isObject()) {
            return;
        }
        for (FieldLayout f : r.fields()) {
            if (f.name() == null) {
                if (f.layout() instanceof RecordLayout inner && f.isAnonymousRecord()) {
                    placedGiven(inner, values, path, out); // its members stand in place
                }
                continue;
            }
            JsonNode v = values.get(f.name());
            if (v == null || v.isNull()) {
                continue;
            }
            String at = path + f.name();
            if (f.member().dynamic().at() != null) {
                out.add(at + " (at " + f.member().dynamic().at().text() + ")");
            } else {
                placedGivenIn(f.layout(), v, at, out);
            }
        }
    }

    private static void placedGivenIn(dev.structscope.model.layout.TypeLayout t, JsonNode v, String path,
                                      java.util.List<String> out) {
        switch (t) {
            case RecordLayout inner -> placedGiven(inner, v, path + ".", out);
            case ArrayLayout a when v.isArray() -> {
                for (int i = 0; i < v.size(); i++) {
                    placedGivenIn(a.element(), v.get(i), path + "[" + i + "]", out);
                }
            }
            default -> {
            }
        }
    }

    private static void add(java.util.Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }

    private static final String DERIVED = "_structscope_derived";

    private static boolean derived(ObjectNode json, String name) {
        JsonNode d = json.get(DERIVED);
        if (d == null) {
            return false;
        }
        for (JsonNode n : d) {
            if (n.asText().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void markDerived(ObjectNode json, String name) {
        if (!derived(json, name)) {
            JsonNode d = json.get(DERIVED);
            if (d == null) {
                d = json.putArray(DERIVED);
            }
            ((com.fasterxml.jackson.databind.node.ArrayNode) d).add(name);
        }
    }
}
