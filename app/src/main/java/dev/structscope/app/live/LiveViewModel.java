package dev.structscope.app.live;

import dev.structscope.app.common.Fmt;
import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.io.net.live.LiveList;
import dev.structscope.io.net.live.LiveMessage;
import dev.structscope.io.net.live.LiveSession;
import dev.structscope.io.net.live.LiveSource;
import dev.structscope.io.net.live.MessageStore;
import dev.structscope.io.net.live.Rates;
import dev.structscope.io.net.live.Recorder;
import dev.structscope.model.layout.RecordLayout;
import javafx.animation.AnimationTimer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * State and commands of the live monitor: the session, the message list the table shows, the
 * counters and rates, pause, follow (auto-scroll) and recording. An {@link AnimationTimer} polls
 * the session's state every frame and, ten times a second, catches the list up with the store in
 * one batch, so the capture thread never posts to the FX thread and a flood cannot queue events.
 *
 * <p>Owned by the {@link LiveController}; FX thread only, except {@link #send}, which the compose
 * form calls from a background thread.
 */
public final class LiveViewModel {
    /**
     * What messages are decoded with: the record type chosen in the connect dialog. {@code plan}
     * reads the fixed members at their static offsets (all of them for a fixed record, the static
     * prefix of a dynamic one); {@code reader} decodes whole messages, dynamic ones included.
     */
    public record Decoding(String typeName, RecordLayout layout, dev.structscope.model.abi.Abi abi, DecoderPlan plan,
                           dev.structscope.io.decode.RecordReader reader) {
        /** Decoding with {@code plan}, and with the dynamic decoder too when the record is dynamic. */
        public Decoding(String typeName, RecordLayout layout, dev.structscope.model.abi.Abi abi, DecoderPlan plan) {
            this(typeName, layout, abi, plan, layout.dynamic()
                    ? new dev.structscope.io.decode.DynamicDecoder(layout, abi, plan.order(), dev.structscope.model.Limits.DEFAULT)
                    : plan);
        }

        public boolean dynamic() {
            return reader.dynamic();
        }
    }

    /** Messages the table shows: the store's contents as of the last frame (none added while paused). */
    public final ObservableList<LiveMessage> items = FXCollections.observableArrayList();
    private final LiveList list = new LiveList(items);
    private final Rates rates = new Rates();
    /** The last two minutes of rates and of the plotted member, one slot per update. */
    public final LivePlots plots = new LivePlots();
    private final ReadOnlyObjectWrapper<ConnState> stateWrapper = new ReadOnlyObjectWrapper<>(this, "state", new ConnState.Idle());
    public final ReadOnlyObjectProperty<ConnState> state = stateWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<Decoding> decodingWrapper = new ReadOnlyObjectWrapper<>(this, "decoding");
    public final ReadOnlyObjectProperty<Decoding> decoding = decodingWrapper.getReadOnlyProperty();
    private final ReadOnlyObjectWrapper<LiveSession> sessionWrapper = new ReadOnlyObjectWrapper<>(this, "session");
    public final ReadOnlyObjectProperty<LiveSession> session = sessionWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper countersWrapper = new ReadOnlyStringWrapper(this, "counters", "");
    /** "12,345 messages · 1.2 MiB · 9,876 msg/s · 230.0 KiB/s · evicted 0 · dropped 0 · sent 1". */
    public final ReadOnlyStringProperty counters = countersWrapper.getReadOnlyProperty();
    private final ReadOnlyStringWrapper recordingWrapper = new ReadOnlyStringWrapper(this, "recording", "");
    /** "Recording to x.pcapng: 120 messages, 4.0 KiB", or "" when not recording. */
    public final ReadOnlyStringProperty recording = recordingWrapper.getReadOnlyProperty();
    /** While true the list stands still; messages keep arriving into the store. */
    public final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    /** Whether the table scrolls to the newest message after each batch. */
    public final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final TaskRunner tasks;
    /** Run after each batch that changed the list (the view scrolls when following). */
    public final ObjectProperty<Runnable> onBatch = new SimpleObjectProperty<>(this, "onBatch", () -> { });
    private final long budget = Long.getLong("structscope.live.budget", MessageStore.DEFAULT_BUDGET);
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };

    /** @param tasks creates and closes recording files, off the FX thread */
    public LiveViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** Starts a session on {@code source}, ending the current one. */
    public LiveSession connect(LiveSource source, Decoding with) {
        disconnect();
        list.reset();
        rates.reset();
        plots.reset();
        decodingWrapper.set(with);
        LiveSession s = new LiveSession(source, new MessageStore(budget));
        sessionWrapper.set(s);
        stateWrapper.set(new ConnState.Connecting(source.describe()));
        s.start();
        timer.start();
        return s;
    }

    /** Ends the session; the list stays for reading until the next connect. */
    public void disconnect() {
        LiveSession s = sessionWrapper.get();
        if (s != null) {
            s.stop();
        }
    }

    /** Connects a client again now (after a handshake failure or during a back-off). */
    public void reconnect() {
        LiveSession s = sessionWrapper.get();
        if (s != null) {
            s.reconnect();
        }
    }

    /** Sends on the live connection; any thread but FX (the compose form's sender). */
    public void send(MemorySegment record, long times) throws IOException {
        LiveSession s = sessionWrapper.get();
        if (s == null) {
            throw new IOException("not connected");
        }
        s.send(record, times);
    }

    /**
     * Starts recording to {@code file}: the file is created on the runner's files lane, then the
     * recording text shows it; {@code failed} gets the reason when it cannot be (FX thread).
     */
    public void startRecording(Path file, Consumer<String> failed) {
        LiveSession s = sessionWrapper.get();
        if (s == null) {
            failed.accept("not connected");
            return;
        }
        tasks.submit(TaskRunner.Lane.FILES, "Creating " + file.getFileName(), p -> {
            s.recorder().start(file);
            return file;
        }, ok -> publishNow(), e -> {
            publishNow();
            failed.accept(e instanceof IOException ? e.getMessage() : e.toString());
        });
    }

    /** Stops recording; the file is closed on the runner's files lane, after any start before it. */
    public void stopRecording() {
        LiveSession s = sessionWrapper.get();
        if (s != null) {
            tasks.submit(TaskRunner.Lane.FILES, "Closing the recording", p -> {
                s.recorder().stop();
                return null;
            }, ok -> publishNow(), e -> publishNow());
        }
    }

    private long slowestPulse;
    static final long PUBLISH_NANOS = 100_000_000L;
    private long lastPublish = Long.MIN_VALUE / 2;
    static final long FLOOD_PUBLISH_NANOS = 250_000_000L;
    static final int FLOOD_BATCH = 2_000;
    private int lastBatch;

    /** The longest this model's per-frame work took so far, in nanoseconds (the figure in docs/dev/benchmarks.md). */
    public long slowestPulseNanos() {
        return slowestPulse;
    }

    /** One frame: state, list, counters. Public for tests that drive frames themselves. */
    public void pulse(long now) {
        LiveSession s = sessionWrapper.get();
        if (s == null) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            update(s, now);
        } finally {
            slowestPulse = Math.max(slowestPulse, System.nanoTime() - t0);
        }
    }

    private void update(LiveSession s, long now) {
        ConnState st = s.state();
        if (!st.equals(stateWrapper.get())) {
            stateWrapper.set(st);
        }
        // The list and counters change ten times a second, not sixty: every change costs a layout
        // and a repaint of the pane, and a tenth of a second still reads as live.
        // Under a flood (thousands per update) a quarter of a second: nobody reads rows moving that
        // fast, and the window stays quick for the person using it.
        if (now - lastPublish < (lastBatch > FLOOD_BATCH ? FLOOD_PUBLISH_NANOS : PUBLISH_NANOS) && now >= lastPublish) {
            return;
        }
        lastPublish = now;
        lastBatch = paused.get() ? 0 : list.catchUp(s.store());
        if (lastBatch > 0) {
            onBatch.get().run();
        }
        MessageStore.Counts n = s.store().counts();
        long received = n.added();
        long bytes = n.bytesAdded();
        rates.sample(now, received, bytes);
        int added = Math.min(lastBatch, items.size());
        plots.sample(now, received, bytes, added == 0 ? java.util.List.of() : items.subList(items.size() - added, items.size()));
        String c = String.format(Locale.ROOT, "%,d messages · %s · %,.0f msg/s · %s/s · kept %,d · evicted %,d · dropped %,d · sent %,d",
                received, Fmt.binary(bytes), rates.messagesPerSecond(), Fmt.binary((long) rates.bytesPerSecond()),
                items.size(), n.evicted(), s.dropped(), s.sent());
        if (!c.equals(countersWrapper.get())) {
            countersWrapper.set(c);
        }
        Recorder r = s.recorder();
        String rec = r.recording()
                ? String.format(Locale.ROOT, "● REC %s: %,d messages, %s", r.file().getFileName(), r.messages(), Fmt.binary(r.bytes()))
                : r.error() != null ? "Recording stopped: " + r.error()
                : r.file() != null ? String.format(Locale.ROOT, "Recorded %,d messages to %s", r.messages(), r.file().getFileName()) : "";
        if (!rec.equals(recordingWrapper.get())) {
            recordingWrapper.set(rec);
        }
    }

    /** Brings list, counters and recording text up to date at once (after a command). */
    public void publishNow() {
        lastPublish = Long.MIN_VALUE / 2;
        pulse(System.nanoTime());
    }

    /** Stops the session and the frame timer (window closing). */
    public void dispose() {
        disconnect();
        timer.stop();
    }
}
