package dev.structscope.io.net;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Reads and changes of state that a lock guards, for the capture, replay and live classes whose
 * fields a worker thread also uses: the lock, try and finally of each are written here once.
 * Stateless; any thread.
 */
public final class Guarded {
    private Guarded() {
    }

    /** {@code value}'s result, computed while holding {@code lock}. */
    public static <T> T read(Lock lock, Supplier<T> value) {
        lock.lock();
        try {
            return value.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code change} while holding {@code lock}. */
    public static void write(Lock lock, Runnable change) {
        lock.lock();
        try {
            change.run();
        } finally {
            lock.unlock();
        }
    }
}
