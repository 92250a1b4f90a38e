package dev.structscope.app;

import dev.structscope.app.cli.StructScopeCli;
import dev.structscope.app.shell.OpenArgs;
import dev.structscope.app.shell.StructScopeApp;
import dev.structscope.model.Limits;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The entry point of the launcher: with no arguments, or with {@code open FILE ...}, it starts the
 * GUI; with any other command it runs the CLI and exits with its status. It is deliberately not
 * a JavaFX {@code Application} so that it runs from a plain class path without JavaFX's
 * module-path checks, and so that CLI runs never touch the toolkit. It names picocli, Jackson and
 * JavaFX only through the class that needs them, so a command loads only its own (the start-up
 * time of a short command is mostly class loading; see docs/user/install.md).
 *
 * <p>A leading {@code --verbose} says on stderr how the process started (the JDK, and whether the
 * AOT cache the launcher named in {@value #AOT_PROPERTY} was used), then goes on without it.
 */
public final class Main {
    /** The system property the launchers set to the AOT cache they pass with {@code -XX:AOTCache}. */
    static final String AOT_PROPERTY = "structscope.aot";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && "--verbose".equals(args[0])) {
            args = Arrays.copyOfRange(args, 1, args.length);
            System.err.println("structscope: Java " + System.getProperty("java.runtime.version") + " at "
                    + System.getProperty("java.home"));
            System.err.println("structscope: " + aotCacheState());
        }
        OpenArgs open = args.length == 0 ? OpenArgs.NONE : "open".equals(args[0]) ? StructScopeCli.openArgs(args) : null;
        if (open != null) {
            PrintWriter err = new PrintWriter(System.err, true);
            int checked = StructScopeCli.checkOpen(open, err, System.getenv(), System.getProperty("glass.platform"));
            if (checked != 0) {
                System.exit(checked);
            }
            try {
                StructScopeApp.launchWith(open);
            } catch (RuntimeException e) {
                // The toolkit could not start (a display that refuses the connection, a missing
                // GTK): one line, as every command reports a failure, not JavaFX's stack trace.
                err.println("structscope: cannot open the window: " + e.getMessage());
                System.exit(1);
            }
            return;
        }
        int status = runWithDeepStack(args);
        if (status != 0 || nonDaemonThreadsLeft()) {
            System.exit(status);
        }
        // Status 0 with only daemon threads left: returning ends the JVM with 0 just as well, and
        // skips what System.exit adds since Java 21 — it asks for a System.Logger to log the exit,
        // and finding the logging back end opens every jar on the class path to look for a
        // provider, 10-20 ms of a short command (docs/user/install.md).
    }

    /**
     * Runs the CLI on a thread whose stack holds the deepest nesting --max-depth allows
     * ({@link Limits#STACK_BYTES}; the main thread's 1 MiB overflowed near 500 levels).
     */
    private static int runWithDeepStack(String[] args) {
        int[] status = {1};
        Thread cli = new Thread(null, () -> status[0] = StructScopeCli.run(args), "structscope-cli", Limits.STACK_BYTES);
        cli.start();
        while (true) {
            try {
                cli.join();
                return status[0];
            } catch (InterruptedException e) {
                // Nothing interrupts main; if something did, the command still decides the status.
            }
        }
    }

    /** Whether a live non-daemon platform thread other than this one would keep the JVM running. */
    private static boolean nonDaemonThreadsLeft() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i] != Thread.currentThread() && threads[i].isAlive() && !threads[i].isDaemon()) {
                return true;
            }
        }
        return n == threads.length; // more threads than room: assume the worst
    }

    /**
     * Whether this JVM runs from the AOT cache its launcher named. The JVM says no more than
     * "sharing" in {@code java.vm.info} when a cache (the named one, or the JDK's own CDS archive
     * when none is named) is mapped; a named cache that does not match (another class path, JDK or
     * a damaged file) is dropped with no sharing at all, and the launchers hide the JVM's
     * message about it ({@code -Xlog:aot=off}), so this line is where it is said.
     */
    static String aotCacheState() {
        String cache = System.getProperty(AOT_PROPERTY);
        if (cache == null || cache.isEmpty()) {
            return "AOT cache: none (started without one)";
        }
        if (!Files.isRegularFile(Path.of(cache))) {
            return "AOT cache: " + cache + " is missing; started without it";
        }
        if (System.getProperty("java.vm.info", "").contains("sharing")) {
            return "AOT cache: " + cache + " in use";
        }
        return "AOT cache: " + cache + " does not match this class path or JDK (stale or damaged); started without it";
    }
}
