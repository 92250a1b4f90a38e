package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.DynamicDecoder;
import dev.structscope.io.decode.JsonText;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.encode.DynamicEncoder;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.model.Limits;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.RecordLayout;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The state of the compose-and-send pane: the form of the current record type (rows typed and
 * validated as they are edited), how many times to send, the sender (null when not connected),
 * whether a send is under way, its outcome, and the history of sent records. Encodes with
 * {@link RecordEncoder} through a {@link DecoderPlan} of the layout and byte order, so what is
 * sent is what {@code decode} reads back. Sends run on the {@code background} executor; results
 * come back through {@code fx}. Owned by {@link ComposeView}; FX thread.
 *
 * <p>A dynamic record (counted arrays, tagged unions, sized members) is encoded by
 * {@link DynamicEncoder}, and its form is one instance of the record: adding or removing an array
 * element, choosing a tagged union's alternative or committing a value other members' counts
 * follow rebuilds the form from the record those values encode to (what was typed is kept). The
 * counts, discriminators and sizes the encoder derives are shown, kept current at every edit, and
 * not edited. Encoding a record of a few KiB on the FX thread takes microseconds, no I/O.
 */
public final class ComposeViewModel {
    /** What the status line says after a send, a copy or a change of the record's shape; {@code error} when it failed. */
    public record Outcome(String text, boolean error) {
        static final Outcome NONE = new Outcome("", false);

        static Outcome error(String text) {
            return new Outcome(text, true);
        }
    }

    /** How many rows are invalid (a record the encoder refuses counts one) and the first, {@code path: reason} ("" when none). */
    public record Validity(int invalid, String firstError) {
        static final Validity VALID = new Validity(0, "");
    }

    /** The most times one send may repeat a record. */
    public static final long MAX_TIMES = 1_000_000;
    /** The history keeps this many entries, newest first. */
    public static final int HISTORY = 200;

    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<GroupEntry> formWrapper = new ReadOnlyObjectWrapper<>(this, "form");
    public final ReadOnlyObjectProperty<GroupEntry> form = formWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper titleWrapper = new ReadOnlyStringWrapper(this, "title", "");
    /** {@code struct Tick · 40 bytes · little-endian}, or empty. */
    public final ReadOnlyStringProperty title = titleWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper problemWrapper = new ReadOnlyStringWrapper(this, "problem", "");
    /** Why the record set cannot be composed (shown instead of the form), or empty. */
    public final ReadOnlyStringProperty problem = problemWrapper.getReadOnlyProperty();
    public final ObjectProperty<RecordSender> sender = new SimpleObjectProperty<>(this, "sender");
    public final LongProperty times = new SimpleLongProperty(this, "times", 1);
    private final ReadOnlyObjectWrapper<Validity> validityWrapper = new ReadOnlyObjectWrapper<>(this, "validity", Validity.VALID);
    /** How many rows are invalid, and the first of them. */
    public final ReadOnlyObjectProperty<Validity> validity = validityWrapper.getReadOnlyProperty();
    private final ReadOnlyBooleanWrapper sendingWrapper = new ReadOnlyBooleanWrapper(this, "sending");
    public final ReadOnlyBooleanProperty sending = sendingWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper blockedWrapper = new ReadOnlyStringWrapper(this, "blocked", "");
    /** Why sending is not possible now ({@code "Not connected"}, …), or empty when it is. */
    public final ReadOnlyStringProperty blocked = blockedWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<Outcome> outcomeWrapper = new ReadOnlyObjectWrapper<>(this, "outcome", Outcome.NONE);
    /** The outcome of the last send, copy or change of the record's shape. */
    public final ReadOnlyObjectProperty<Outcome> outcome = outcomeWrapper.getReadOnlyProperty();
    /** Sent records, newest first. */
    public final ObservableList<SentRecord> history = FXCollections.observableArrayList();
    private RecordLayout layout;
    private ByteOrder order;
    private DecoderPlan plan;
    private DynamicDecoder dynamic;
    /** Why the form's values make no record (a derived count too large for its member), or empty. */
    private String encodeError = "";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest dynamic record the form composes. */
    static final long MAX_DYNAMIC_BYTES = 16L << 20;
    private volatile Thread sendingThread;
    private volatile boolean cancelRequested;

    public ComposeViewModel(Executor background, Executor fx) {
        this(background, fx, Clock.systemUTC());
    }

    ComposeViewModel(Executor background, Executor fx, Clock clock) {
        this.background = background;
        this.fx = fx;
        this.clock = clock;
        sender.addListener((o, a, b) -> updateBlocked());
        sendingWrapper.addListener((o, a, b) -> updateBlocked());
        times.addListener((o, a, b) -> updateBlocked());
        updateBlocked();
    }

    /**
     * Shows the form of {@code layout} for data in {@code order}; null clears it (the empty state).
     * Setting the same layout and order again keeps the values and the history. The ABI decides
     * only how {@code long double} is encoded.
     */
    public void setRecord(RecordLayout layout, Abi abi, ByteOrder order) {
        if (layout != null && layout.equals(this.layout) && Objects.equals(order, this.order)
                && (plan != null || dynamic != null)) {
            return;
        }
        this.layout = layout;
        this.order = order;
        history.clear();
        outcomeWrapper.set(Outcome.NONE);
        problemWrapper.set("");
        if (layout == null) {
            plan = null;
            formWrapper.set(null);
            titleWrapper.set("");
        } else {
            ByteOrder o = order == null ? ByteOrder.LITTLE_ENDIAN : order;
            dynamic = null;
            if (!layout.fixedInC()) {
                plan = null;
                try {
                    dynamic = new DynamicDecoder(layout, abi, o, Limits.DEFAULT);
                    if (!rebuild((ObjectNode) FormBuilder.blank(layout), null)) {
                        throw new InputException(layout.name(), outcomeWrapper.get().text());
                    }
                    outcomeWrapper.set(Outcome.NONE);
                } catch (InputException e) {
                    dynamic = null;
                    refuse(e);
                }
                return;
            }
            try {
                plan = DecoderPlan.compile(layout, abi, o);
            } catch (InputException e) {
                // A layout the engine cannot encode (a void member, a bit-field of a record
                // type): said in place of the form rather than thrown at the caller.
                plan = null;
                refuse(e);
                return;
            }
            GroupEntry root = FormBuilder.build(layout, plan.root());
            install(root);
            titleWrapper.set(plan.root().typeName() + " · " + plan.recordSize() + (plan.recordSize() == 1 ? " byte" : " bytes")
                    + " · " + (o == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian"));
        }
        revalidate();
    }

    /** Says why {@code e}'s record cannot be composed, in place of the form. */
    private void refuse(InputException e) {
        formWrapper.set(null);
        titleWrapper.set("");
        problemWrapper.set("Cannot compose this record: " + e.oneLine());
        revalidate();
    }

    private void install(GroupEntry root) {
        boolean dyn = dynamic != null;
        FormJson.walk(root, e -> {
            // A dynamic form is re-encoded at every edit (the derived rows follow a string's
            // length, a size), so it listens to texts; derived rows change only from here.
            switch (e) {
                case ScalarEntry s when dyn && s.role() == ScalarEntry.Role.DERIVED -> { }
                case TextEntry t -> (dyn ? t.text : t.error).addListener((x, a, b) -> revalidate());
                case GroupEntry g -> g.selectedProperty().addListener((x, a, b) -> revalidate());
            }
        });
        formWrapper.set(root);
    }

    private void revalidate() {
        GroupEntry root = formWrapper.get();
        List<FormEntry> bad = root == null ? List.of() : FormJson.invalid(root);
        encodeError = "";
        if (root != null && dynamic != null && bad.isEmpty()) {
            refreshDerived(root);
        }
        validityWrapper.set(new Validity(bad.size() + (encodeError.isEmpty() ? 0 : 1),
                !bad.isEmpty() ? bad.getFirst().path() + ": " + FormJson.error(bad.getFirst()) : encodeError));
        updateBlocked();
    }

    /** Encodes the form as it stands and shows the counts, types and sizes the encoder derived. */
    private void refreshDerived(GroupEntry root) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = DynamicEncoder.encode(dynamic, FormJson.values(root), arena, MAX_DYNAMIC_BYTES);
            JsonNode decoded = decodedJson(seg);
            FormJson.apply(root, decoded, e -> e instanceof ScalarEntry s && s.role() == ScalarEntry.Role.DERIVED);
            dynamicTitle(seg.byteSize());
        } catch (InputException e) {
            encodeError = e.where() + ": " + e.getMessage();
        }
    }

    private JsonNode decodedJson(MemorySegment seg) {
        RecordReader.Decoded d = dynamic.read(seg, 0, seg.byteSize());
        StringBuilder sb = new StringBuilder();
        JsonText.append(sb, d.value());
        try {
            return JSON.readTree(sb.toString());
        } catch (IOException e) {
            throw new IllegalStateException("the decoder wrote JSON that does not parse", e);
        }
    }

    private void dynamicTitle(long bytes) {
        titleWrapper.set(layout.name() + " · dynamic, " + bytes + (bytes == 1 ? " byte" : " bytes") + " as composed · "
                + (order == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian"));
    }

    /**
     * Rebuilds a dynamic record's form from the record {@code values} encode to, then gives its
     * rows the texts in {@code texts} (null: none) and its derived rows their values. On values
     * that make no record, the form stays as it was and the status says why; false then.
     */
    private boolean rebuild(ObjectNode values, ObjectNode texts) {
        return rebuild(values, texts, true);
    }

    private boolean rebuild(ObjectNode values, ObjectNode texts, boolean sayWhy) {
        GroupEntry root;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = DynamicEncoder.encode(dynamic, values, arena, MAX_DYNAMIC_BYTES);
            RecordReader.Decoded d = dynamic.read(seg, 0, seg.byteSize());
            root = FormBuilder.buildDynamic(layout, d.value().node());
            // Every row shows what was encoded; then what was typed (hex stays hex) where there is one.
            FormJson.apply(root, decodedJson(seg), e -> !(e instanceof BytesEntry));
            FormJson.apply(root, texts, e -> !(e instanceof ScalarEntry s && s.role() == ScalarEntry.Role.DERIVED));
            dynamicTitle(seg.byteSize());
        } catch (InputException e) {
            if (!sayWhy) {
                return false;
            }
            outcomeWrapper.set(Outcome.error("Cannot change the record: " + e.where() + ": " + e.getMessage()));
            return false;
        }
        install(root);
        revalidate();
        return true;
    }

    /** Whether the form is of a dynamic record (its shape follows its values). */
    public boolean dynamic() {
        return dynamic != null;
    }

    /** Adds an element (zero, or a record with its first alternatives) at the end of a growable array. */
    public void addElement(GroupEntry array) {
        if (dynamic == null || formWrapper.get() == null || !array.growable() || array.children().size() >= array.capacity()) {
            return;
        }
        reshape(array.path(), (values, texts) -> {
            ((ArrayNode) values).add(array.blank().deepCopy());
            ((ArrayNode) texts).addNull();
        });
    }

    /** Removes element {@code index} of a growable array (the last when out of range). */
    public void removeElement(GroupEntry array, int index) {
        if (dynamic == null || formWrapper.get() == null || !array.growable() || array.children().isEmpty()) {
            return;
        }
        int i = index < 0 || index >= array.children().size() ? array.children().size() - 1 : index;
        reshape(array.path(), (values, texts) -> {
            ((ArrayNode) values).remove(i);
            ((ArrayNode) texts).remove(i);
        });
    }

    /**
     * Makes alternative {@code index} of a tagged union the one sent: its discriminator is set to
     * the alternative's first value (edit it afterwards for another of its values).
     */
    public void choose(GroupEntry tagged, int index) {
        if (dynamic == null || formWrapper.get() == null || tagged.kind() != GroupEntry.Kind.TAGGED || !tagged.choosable()
                || index < 0 || index >= tagged.alternatives().size() || index == tagged.selected()) {
            return;
        }
        String alt = tagged.alternatives().get(index);
        int dot = tagged.path().lastIndexOf('.');
        String parent = dot < 0 ? "" : tagged.path().substring(0, dot);
        reshape(tagged.path(), (values, texts) -> {
            ((ObjectNode) values).removeAll().set(alt, tagged.blanks().get(index).deepCopy());
            ((ObjectNode) texts).removeAll();
        }, (values, texts) -> {
            // Left out, the discriminator is derived from the alternative.
            for (ObjectNode tree : List.of(values, texts)) {
                if ((parent.isEmpty() ? tree : FormJson.at(tree, parent)) instanceof ObjectNode p) {
                    p.remove(tagged.discriminator());
                }
            }
        });
    }

    /**
     * Rebuilds the form from its values as they stand, after a value other members follow was
     * committed. A discriminator changed to another alternative's value drops the old
     * alternative's values (they belong to another body).
     */
    public void reshape() {
        if (dynamic == null || formWrapper.get() == null) {
            return;
        }
        ObjectNode values = FormJson.values(formWrapper.get());
        ObjectNode texts = FormJson.texts(formWrapper.get());
        if (!rebuild(values, texts, false)) {
            FormJson.walk(formWrapper.get(), e -> {
                if (e instanceof GroupEntry g && g.kind() == GroupEntry.Kind.TAGGED) {
                    for (ObjectNode tree : List.of(values, texts)) {
                        if (FormJson.at(tree, g.path()) instanceof ObjectNode o) {
                            o.removeAll();
                        }
                    }
                }
            });
            rebuild(values, texts);
        }
    }

    private void reshape(String path, java.util.function.BiConsumer<JsonNode, JsonNode> change) {
        reshape(path, change, (v, t) -> { });
    }

    private void reshape(String path, java.util.function.BiConsumer<JsonNode, JsonNode> change,
                         java.util.function.BiConsumer<ObjectNode, ObjectNode> also) {
        ObjectNode values = FormJson.values(formWrapper.get());
        ObjectNode texts = FormJson.texts(formWrapper.get());
        JsonNode v = FormJson.at(values, path);
        JsonNode t = FormJson.at(texts, path);
        if (v == null || v.isNull()) {
            v = ensure(values, path, formWrapper.get());
        }
        if (t == null || t.isNull()) {
            t = ensure(texts, path, formWrapper.get());
        }
        if (v == null || t == null) {
            return;
        }
        change.accept(v, t);
        also.accept(values, texts);
        rebuild(values, texts);
    }

    /** Puts an empty container (an array or an object) at a path whose value is null. */
    private static JsonNode ensure(ObjectNode tree, String path, GroupEntry root) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? tree : FormJson.at(tree, path.substring(0, dot));
        String name = dot < 0 ? path : path.substring(dot + 1);
        if (!(parent instanceof ObjectNode p) || name.contains("[")) {
            return null;
        }
        return FormJson.find(root, path) instanceof GroupEntry g && g.kind() == GroupEntry.Kind.ARRAY
                ? p.putArray(name) : p.putObject(name);
    }

    private void updateBlocked() {
        String why;
        if (formWrapper.get() == null) {
            why = "No record type to compose";
        } else if (sender.get() == null) {
            why = "Not connected";
        } else if (sendingWrapper.get()) {
            why = "Sending…";
        } else if (validityWrapper.get().invalid() > 0) {
            int n = validityWrapper.get().invalid();
            why = n == 1 ? "1 value is invalid" : n + " values are invalid";
        } else if (times.get() < 1 || times.get() > MAX_TIMES) {
            why = "Times must be 1 to " + MAX_TIMES;
        } else {
            why = "";
        }
        blockedWrapper.set(why);
    }

    /** The record's bytes as the form stands (exactly {@code recordSize} bytes, native memory). */
    public MemorySegment encode() {
        GroupEntry root = formWrapper.get();
        if (root == null) {
            throw new IllegalStateException("no record type");
        }
        if (validityWrapper.get().invalid() > 0) {
            throw new InputException(validityWrapper.get().firstError(), "the form has invalid values");
        }
        if (dynamic != null) {
            return DynamicEncoder.encode(dynamic, FormJson.values(root), Arena.ofAuto(), MAX_DYNAMIC_BYTES);
        }
        MemorySegment seg = Arena.ofAuto().allocate(Math.max(1, plan.recordSize()));
        RecordEncoder.encode(plan, FormJson.values(root), seg);
        return seg.asSlice(0, plan.recordSize());
    }

    /**
     * The record's bytes as hex ({@code "07 00 00 00 …"}), the text the hex view pastes at its
     * caret (Ctrl+V): a composed record written into a data file. Null, with the reason in the
     * status, when the form is not valid.
     */
    public String copyHex() {
        try {
            MemorySegment seg = encode();
            StringBuilder sb = new StringBuilder();
            for (long i = 0; i < seg.byteSize(); i++) {
                sb.append(i == 0 ? "" : " ").append(String.format("%02x", seg.get(java.lang.foreign.ValueLayout.JAVA_BYTE, i)));
            }
            outcomeWrapper.set(new Outcome("Copied " + seg.byteSize()
                    + " bytes as hex: paste them into a data file with Ctrl+V in its hex view", false));
            return sb.toString();
        } catch (InputException | IllegalStateException e) {
            outcomeWrapper.set(Outcome.error("Cannot copy: " + e.getMessage()));
            return null;
        }
    }

    /** Sends the record {@link #times} times, off the FX thread. Ignored while blocked. */
    public void send() {
        send(times.get());
    }

    /** Sends the record {@code n} times (1 for "Send once"), off the FX thread. Ignored while blocked. */
    public void send(long n) {
        RecordSender s = sender.get();
        if (s == null || sendingWrapper.get() || formWrapper.get() == null || validityWrapper.get().invalid() > 0 || n < 1 || n > MAX_TIMES) {
            return;
        }
        MemorySegment record;
        try {
            record = encode();
        } catch (InputException e) {
            finish(null, n, e.where() + ": " + e.getMessage());
            return;
        }
        FormSnapshot snap = FormJson.snapshot(formWrapper.get());
        String summary = FormJson.summary(formWrapper.get(), 160);
        GroupEntry sentForm = formWrapper.get();
        sendingWrapper.set(true);
        outcomeWrapper.set(new Outcome(n == 1 ? "Sending…" : "Sending " + n + " times…", false));
        cancelRequested = false;
        background.execute(() -> {
            sendingThread = Thread.currentThread();
            String error = null;
            try {
                if (cancelRequested) {
                    throw new java.io.InterruptedIOException("cancelled before it started");
                }
                s.send(record, n);
            } catch (IOException | RuntimeException e) {
                error = cancelRequested ? "cancelled" : message(e);
            } finally {
                sendingThread = null;
                Thread.interrupted(); // a cancel that came after the send must not leak to the next task
            }
            String err = error;
            fx.execute(() -> {
                sendingWrapper.set(false);
                if (formWrapper.get() == sentForm) {
                    finish(new SentRecord(Instant.now(clock), n, summary, err, snap), n, err);
                } else {
                    finish(null, n, err);
                }
            });
        });
    }

    private void finish(SentRecord entry, long n, String error) {
        if (entry != null) {
            history.addFirst(entry);
            if (history.size() > HISTORY) {
                history.remove(HISTORY, history.size());
            }
        }
        outcomeWrapper.set(error != null ? Outcome.error("Send failed: " + error)
                : new Outcome(n == 1 ? "Sent 1 record" : "Sent " + n + " records", false));
    }

    private static String message(Exception e) {
        if (e instanceof InputException ie) {
            return ie.oneLine();
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Stops a send under way: its thread is interrupted (the sender stops and throws). */
    public void cancel() {
        if (!sendingWrapper.get()) {
            return;
        }
        cancelRequested = true;
        Thread t = sendingThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Loads a sent record's values back into the form (same record type only; a dynamic one takes its shape). */
    public void load(SentRecord entry) {
        if (entry != null && formWrapper.get() != null) {
            if (dynamic != null && entry.snapshot().values() != null) {
                rebuild(entry.snapshot().values().deepCopy(), entry.snapshot().textTree().deepCopy());
            } else {
                FormJson.restore(formWrapper.get(), entry.snapshot());
            }
        }
    }

    /** The row of the member at {@code path} ({@code hdr.flags}, {@code arr[2]}), or null. */
    public FormEntry entry(String path) {
        return formWrapper.get() == null ? null : FormJson.find(formWrapper.get(), path);
    }

    /** The plan the form encodes with, or null. */
    public DecoderPlan plan() {
        return plan;
    }
}
