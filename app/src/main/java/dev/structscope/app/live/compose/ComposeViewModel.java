package dev.structscope.app.live.compose;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.encode.RecordEncoder;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.RecordLayout;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
 */
public final class ComposeViewModel {
    /** The most times one send may repeat a record. */
    public static final long MAX_TIMES = 1_000_000;
    /** The history keeps this many entries, newest first. */
    public static final int HISTORY = 200;

    private final Executor background;
    private final Executor fx;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<GroupEntry> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ObjectProperty<RecordSender> sender = new SimpleObjectProperty<>(this, "sender");
    private final LongProperty times = new SimpleLongProperty(this, "times", 1);
    private final ReadOnlyIntegerWrapper invalidCount = new ReadOnlyIntegerWrapper(this, "invalidCount");
    private final ReadOnlyStringWrapper firstError = new ReadOnlyStringWrapper(this, "firstError", "");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(this, "sending");
    private final ReadOnlyStringWrapper blocked = new ReadOnlyStringWrapper(this, "blocked", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final BooleanProperty statusIsError = new SimpleBooleanProperty(this, "statusIsError");
    private final ObservableList<SentRecord> history = FXCollections.observableArrayList();
    private RecordLayout layout;
    private ByteOrder order;
    private DecoderPlan plan;
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
        sending.addListener((o, a, b) -> updateBlocked());
        times.addListener((o, a, b) -> updateBlocked());
        updateBlocked();
    }

    /**
     * Shows the form of {@code layout} for data in {@code order}; null clears it (the empty state).
     * Setting the same layout and order again keeps the values and the history. The ABI decides
     * only how {@code long double} is encoded.
     */
    public void setRecord(RecordLayout layout, Abi abi, ByteOrder order) {
        if (layout != null && layout.equals(this.layout) && Objects.equals(order, this.order) && plan != null) {
            return;
        }
        this.layout = layout;
        this.order = order;
        history.clear();
        status.set("");
        problem.set("");
        if (layout == null) {
            plan = null;
            form.set(null);
            title.set("");
        } else {
            ByteOrder o = order == null ? ByteOrder.LITTLE_ENDIAN : order;
            if (!layout.fixedInC()) {
                // The encoder writes fixed offsets: a record whose counts and alternatives move its
                // members would be sent wrong. Said in place of the form.
                plan = null;
                form.set(null);
                title.set("");
                problem.set("Cannot compose " + (layout.name() == null ? "this record" : layout.name())
                        + " yet: it is a dynamic record (counted arrays, switched or sized members), and the form"
                        + " composes records of fixed layout only.");
                revalidate();
                return;
            }
            try {
                plan = DecoderPlan.compile(layout, abi, o);
            } catch (InputException e) {
                // A layout the engine cannot encode (a void member, a bit-field of a record
                // type): said in place of the form rather than thrown at the caller.
                plan = null;
                form.set(null);
                title.set("");
                problem.set("Cannot compose this record: " + e.oneLine());
                revalidate();
                return;
            }
            GroupEntry root = FormBuilder.build(layout, plan.root());
            FormJson.walk(root, e -> {
                switch (e) {
                    case ScalarEntry s -> s.errorProperty().addListener((x, a, b) -> revalidate());
                    case StringEntry s -> s.errorProperty().addListener((x, a, b) -> revalidate());
                    case GroupEntry g -> g.selectedProperty().addListener((x, a, b) -> revalidate());
                }
            });
            form.set(root);
            title.set(plan.root().typeName() + " · " + plan.recordSize() + (plan.recordSize() == 1 ? " byte" : " bytes")
                    + " · " + (o == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian"));
        }
        revalidate();
    }

    private void revalidate() {
        GroupEntry root = form.get();
        List<FormEntry> bad = root == null ? List.of() : FormJson.invalid(root);
        invalidCount.set(bad.size());
        firstError.set(bad.isEmpty() ? "" : bad.getFirst().path() + ": " + FormJson.error(bad.getFirst()));
        updateBlocked();
    }

    private void updateBlocked() {
        String why;
        if (form.get() == null) {
            why = "No record type to compose";
        } else if (sender.get() == null) {
            why = "Not connected";
        } else if (sending.get()) {
            why = "Sending…";
        } else if (invalidCount.get() > 0) {
            why = invalidCount.get() == 1 ? "1 value is invalid" : invalidCount.get() + " values are invalid";
        } else if (times.get() < 1 || times.get() > MAX_TIMES) {
            why = "Times must be 1 to " + MAX_TIMES;
        } else {
            why = "";
        }
        blocked.set(why);
    }

    /** The record's bytes as the form stands (exactly {@code recordSize} bytes, native memory). */
    public MemorySegment encode() {
        GroupEntry root = form.get();
        if (root == null) {
            throw new IllegalStateException("no record type");
        }
        if (invalidCount.get() > 0) {
            throw new InputException(firstError.get(), "the form has invalid values");
        }
        MemorySegment seg = Arena.ofAuto().allocate(Math.max(1, plan.recordSize()));
        RecordEncoder.encode(plan, FormJson.values(root), seg);
        return seg.asSlice(0, plan.recordSize());
    }

    /** Sends the record {@link #timesProperty()} times, off the FX thread. Ignored while blocked. */
    public void send() {
        send(times.get());
    }

    /** Sends the record {@code n} times (1 for "Send once"), off the FX thread. Ignored while blocked. */
    public void send(long n) {
        RecordSender s = sender.get();
        if (s == null || sending.get() || form.get() == null || invalidCount.get() > 0 || n < 1 || n > MAX_TIMES) {
            return;
        }
        MemorySegment record;
        try {
            record = encode();
        } catch (InputException e) {
            finish(null, n, e.where() + ": " + e.getMessage());
            return;
        }
        FormSnapshot snap = FormJson.snapshot(form.get());
        String summary = FormJson.summary(form.get(), 160);
        GroupEntry sentForm = form.get();
        sending.set(true);
        status.set(n == 1 ? "Sending…" : "Sending " + n + " times…");
        statusIsError.set(false);
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
                sending.set(false);
                if (form.get() == sentForm) {
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
        statusIsError.set(error != null);
        status.set(error != null ? "Send failed: " + error : n == 1 ? "Sent 1 record" : "Sent " + n + " records");
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
        if (!sending.get()) {
            return;
        }
        cancelRequested = true;
        Thread t = sendingThread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Loads a sent record's values back into the form (same record type only). */
    public void load(SentRecord entry) {
        if (entry != null && form.get() != null) {
            FormJson.restore(form.get(), entry.snapshot());
        }
    }

    public ReadOnlyObjectProperty<GroupEntry> formProperty() {
        return form.getReadOnlyProperty();
    }

    public GroupEntry form() {
        return form.get();
    }

    /** {@code struct Tick · 40 bytes · little-endian}, or empty. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Why the record set cannot be composed (shown instead of the form), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ObjectProperty<RecordSender> senderProperty() {
        return sender;
    }

    public LongProperty timesProperty() {
        return times;
    }

    public ReadOnlyIntegerProperty invalidCountProperty() {
        return invalidCount.getReadOnlyProperty();
    }

    /** The first invalid row, {@code path: reason}, or empty. */
    public ReadOnlyStringProperty firstErrorProperty() {
        return firstError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** Why sending is not possible now ({@code "Not connected"}, …), or empty when it is. */
    public ReadOnlyStringProperty blockedProperty() {
        return blocked.getReadOnlyProperty();
    }

    /** The outcome of the last send, or empty. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanProperty statusIsErrorProperty() {
        return statusIsError;
    }

    /** Sent records, newest first. */
    public ObservableList<SentRecord> history() {
        return history;
    }

    /** The row of the member at {@code path} ({@code hdr.flags}, {@code arr[2]}), or null. */
    public FormEntry entry(String path) {
        return form.get() == null ? null : FormJson.find(form.get(), path);
    }

    /** The plan the form encodes with, or null. */
    public DecoderPlan plan() {
        return plan;
    }
}
