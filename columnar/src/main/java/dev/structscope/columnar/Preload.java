package dev.structscope.columnar;

/**
 * Initialises classes of a writer on a background thread while the caller does other work, for
 * start-up: some of the libraries' classes are slow to initialise and are needed only later —
 * Arrow's {@code Schema} and parquet-java's {@code ParquetMetadata} each build a Jackson
 * {@code ObjectMapper} in their static initialisers (0.2–0.5 s of class loading and reflection,
 * measured in docs/dev/benchmarks.md), snappy-java loads its native library. The caller reaching a
 * class that is still being initialised simply waits for it (the JVM's class-initialisation
 * lock), so nothing changes but when the work happens.
 *
 * <p>Only classes whose static initialisers do not reach back into the caller's classes are named
 * here, so the two threads cannot wait for each other's initialisation. A class that fails to
 * initialise is left to fail again, with its real error, where the writer uses it.
 */
final class Preload {
    private Preload() {
    }

    /** Starts a daemon thread that initialises {@code classNames} in order, then ends. */
    static void start(String... classNames) {
        ClassLoader loader = Preload.class.getClassLoader();
        Thread t = new Thread(() -> {
            for (String name : classNames) {
                try {
                    Class.forName(name, true, loader);
                } catch (Throwable ignored) {
                    // The writer meets the same failure where it uses the class and reports it there.
                }
            }
        }, "convert-preload");
        t.setDaemon(true);
        t.start();
    }
}
