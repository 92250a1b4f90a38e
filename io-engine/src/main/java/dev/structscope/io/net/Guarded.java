package dev.structscope.io.net;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Reads of state that a lock guards, for the getters of the capture, replay and live classes
 * whose fields a worker thread writes: the lock, try and finally of such a read are written here
 * once. Stateless; any thread.
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
}
