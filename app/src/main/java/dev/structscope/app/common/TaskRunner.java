package dev.structscope.app.common;

import dev.structscope.io.stats.StatsProgress;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The one door through which the app starts background work: views and view models submit work
 * here and never start threads or executors themselves, so that no disk or socket call runs on
 * the FX thread and every piece of long work can be cancelled and shows progress.
 *
 * <p>Two lanes: {@link Lane#FILES} runs one task at a time in submission order (opening, saving,
 * reloading, creating recording files: work whose order matters), {@link Lane#WORK} runs a few at
 * once (parsing a header, searching, statistics, export text). Results, failures and progress
 * come back through {@code fx} — the FX thread in the app, the calling thread in tests — and only
 * while the task is not cancelled.
 *
 * <p>Created once by the application (or a test) and handed down; {@link #submit} is called on
 * the FX thread; the work itself runs on the lane's threads.
 */
public final class TaskRunner {
    /** Where a task runs: in order with other file work, or beside other work. */
    public enum Lane { FILES, WORK }

    /** Background work; reports progress and looks at {@link Progress#cancelled()} between steps. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /**
     * What running work sees: where to report {@code done} of {@code total} units (bytes,
     * records; total 0 when unknown), and whether to stop. The engine's statistics and scans take
     * it as it is.
     */
    public interface Progress extends StatsProgress {
    }

    /**
     * One submitted task, for cancelling it. Cancelling drops its result and failure; the work
     * stops at its next {@link Progress#cancelled()} check (file reads are bounded by their own
     * limits; a save that has begun finishes on disk).
     */
    public static final class Task implements Progress {
        private final String what;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicLong done = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private final AtomicBoolean progressPosted = new AtomicBoolean();
        private final Consumer<Runnable> fx;
        private final Consumer<Task> onProgress;
        private volatile Runnable ownerCancel;
        /** The fraction done as the FX side last saw it (-1: unknown), for the task list. */
        private final ReadOnlyDoubleWrapper progressWrapper = new ReadOnlyDoubleWrapper(this, "progress", -1);
        /** The fraction done, updated on the FX side (-1 while the total is unknown). */
        public final ReadOnlyDoubleProperty progress = progressWrapper.getReadOnlyProperty();

        Task(String what, Consumer<Runnable> fx, Consumer<Task> onProgress) {
            this.what = what;
            this.fx = fx;
            this.onProgress = onProgress;
        }

        public String what() {
            return what;
        }

        public void cancel() {
            cancelled.set(true);
        }

        @Override
        public boolean cancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }

        @Override
        public void update(long d, long t) {
            done.set(d);
            total.set(t);
            // At most one progress post waits on the FX queue: fast work does not flood it.
            if (progressPosted.compareAndSet(false, true)) {
                fx.accept(() -> {
                    progressPosted.set(false);
                    if (!cancelled.get()) {
                        progressWrapper.set(fraction());
                        if (onProgress != null) {
                            onProgress.accept(this);
                        }
                    }
                });
            }
        }

        /** Whether {@link #cancel()} was asked for (the work may still be finishing its step). */
        public boolean cancelRequested() {
            return cancelled.get();
        }

        /**
         * Lets the task list cancel this task through its owner: {@code ownerCancel} cancels it
         * and puts the owner's view back (its progress, its Cancel button, its message), which a
         * bare {@link #cancel()} from outside would leave showing "running". Returns this task.
         */
        public Task cancelWith(Runnable ownerCancel) {
            this.ownerCancel = ownerCancel;
            return this;
        }

        /** Whether the task list may offer Cancel: the owner said how ({@link #cancelWith}). */
        public boolean cancellable() {
            return ownerCancel != null;
        }

        /** Cancel from the task list (FX thread): through the owner; nothing when it gave no way. */
        public void requestCancel() {
            Runnable r = ownerCancel;
            if (r != null && !cancelled.get()) {
                r.run();
            }
        }

        /** The last reported fraction done, 0..1, or -1 when the total is unknown. */
        public double fraction() {
            long t = total.get();
            return t <= 0 ? -1 : Math.min(1.0, (double) done.get() / t);
        }

        public long done() {
            return done.get();
        }

        public long total() {
            return total.get();
        }
    }

    private final Executor files;
    private final Executor work;
    private final Consumer<Runnable> fx;
    private final ReadOnlyIntegerWrapper runningWrapper = new ReadOnlyIntegerWrapper(this, "running");
    /** How many submitted tasks have not finished (FX thread), for a busy indicator. */
    public final ReadOnlyIntegerProperty running = runningWrapper.getReadOnlyProperty();
    /** Submitted and not finished, oldest first; changed on the FX side (synchronised for tests' direct delivery). */
    private final ObservableList<Task> activeBacking = FXCollections.synchronizedObservableList(FXCollections.observableArrayList());
        /** The tasks submitted and not yet finished, oldest first (FX thread), for the task list. */
    public final ObservableList<Task> active = FXCollections.unmodifiableObservableList(activeBacking);

    /**
     * @param files runs {@link Lane#FILES} tasks; must run them one at a time, in order
     * @param work  runs {@link Lane#WORK} tasks
     * @param fx    delivers results and progress (Platform::runLater in the app)
     */
    public TaskRunner(Executor files, Executor work, Consumer<Runnable> fx) {
        this.files = files;
        this.work = work;
        this.fx = fx;
    }

    /**
     * Runs {@code last} when the JVM ends before the returned handle is run (Ctrl+C on a command
     * that waits): a shutdown hook, the one thread the app makes outside a runner besides Main's.
     * Running the handle withdraws it (when the JVM is already ending, the hook runs anyway).
     */
    public static Runnable atExit(String name, Runnable last) {
        Thread hook = new Thread(last, name);
        Runtime.getRuntime().addShutdownHook(hook);
        return () -> {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run.
            }
        };
    }

    /**
     * The app's one runner: daemon threads (one for files, up to four for work), results on the FX
     * thread. The same instance every time, so that panes built without a shell (the hex
     * explorer's parts, demos) still share the window's threads.
     */
    public static TaskRunner forApp() {
        return AppRunner.INSTANCE;
    }

    private static final class AppRunner {
        static final TaskRunner INSTANCE = new TaskRunner(
                Executors.newSingleThreadExecutor(r -> daemon(r, "structscope-files")),
                Executors.newFixedThreadPool(4, r -> daemon(r, "structscope-work")),
                javafx.application.Platform::runLater);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(null, r, name, dev.structscope.model.Limits.STACK_BYTES);
        t.setDaemon(true);
        return t;
    }

    /** Interrupts running work and refuses new work (the application is stopping). */
    public void shutdown() {
        for (Executor e : new Executor[] {files, work}) {
            if (e instanceof ExecutorService es) {
                es.shutdownNow();
            }
        }
    }

    /** Where results and progress are delivered (the FX thread in the app). */
    public Consumer<Runnable> fx() {
        return fx;
    }

    /**
     * The lane's executor, for a view model that takes one (it then runs its own steps through
     * the runner's threads, not threads of its own).
     */
    public Executor executor(Lane lane) {
        return lane == Lane.FILES ? files : work;
    }

    /** As {@link #submit(Lane, String, Work, Consumer, Consumer, Consumer)} without progress. */
    public <T> Task submit(Lane lane, String what, Work<T> job, Consumer<? super T> onSuccess,
                           Consumer<? super Exception> onFailure) {
        return submit(lane, what, job, onSuccess, onFailure, null);
    }

    /**
     * Runs {@code job} on {@code lane}; then, on the FX side and unless cancelled, {@code onSuccess}
     * with its result or {@code onFailure} with what it threw (an {@link Error} is handed over too,
     * wrapped, rather than lost on a worker thread).
     *
     * @param onProgress receives the task (coalesced) after {@link Progress#update}; may be null
     */
    public <T> Task submit(Lane lane, String what, Work<T> job, Consumer<? super T> onSuccess,
                           Consumer<? super Exception> onFailure, Consumer<Task> onProgress) {
        Task task = new Task(what, fx, onProgress);
        runningWrapper.set(runningWrapper.get() + 1);
        activeBacking.add(task);
        executor(lane).execute(() -> {
            T result = null;
            Exception failure = null;
            try {
                if (!task.cancelled()) {
                    result = job.run(task);
                }
            } catch (Exception e) {
                failure = e;
            } catch (StackOverflowError | OutOfMemoryError e) {
                failure = new RuntimeException(what + " ran out of resources: " + e, e);
            }
            T r = result;
            Exception x = failure;
            fx.accept(() -> {
                runningWrapper.set(runningWrapper.get() - 1);
                activeBacking.remove(task);
                if (task.cancelled.get()) {
                    return;
                }
                if (x != null) {
                    if (onFailure != null) {
                        onFailure.accept(x);
                    }
                } else if (onSuccess != null) {
                    onSuccess.accept(r);
                }
            });
        });
        return task;
    }
}
