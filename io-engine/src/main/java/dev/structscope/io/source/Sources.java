package dev.structscope.io.source;

import dev.structscope.model.InputException;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Opening sources and running reads over them safely. Stateless; any thread.
 */
public final class Sources {
    private Sources() {
    }

    /** Maps the file at {@code path} (see {@link MappedFileSource#open}). */
    public static DataSource open(Path path) {
        return MappedFileSource.open(path);
    }

    /**
     * Runs {@code work}, which reads views of {@code source}, and turns a fault in a mapped page
     * into an {@link InputException}.
     *
     * <p>Why: when another process truncates a mapped file, touching a page past the new end makes
     * the kernel send SIGBUS. The JVM turns that signal, raised inside a memory-segment access, into
     * an {@link InternalError} ("a fault occurred in an unsafe memory access operation") instead of
     * dying; this method catches it, asks the source whether its size changed, and reports that.
     */
    public static <T> T guard(DataSource source, Supplier<T> work) {
        try {
            return work.get();
        } catch (InternalError e) {
            source.checkUnchanged();
            throw new InputException(source.name(), "a fault occurred reading the mapped file ("
                    + e.getMessage() + "); was it changed on disk?", e);
        }
    }

    /** Checks a range against a size; the message names the offset the way users gave it. */
    static void checkRange(String name, long size, long offset, long length) {
        if (offset < 0) {
            throw new InputException(name, "negative byte offset " + offset);
        }
        if (length < 0) {
            throw new InputException(name, "negative length " + length + " at byte offset " + offset);
        }
        if (offset > size || length > size - offset) {
            throw new InputException(name + ": byte offset " + offset, length + " bytes from byte offset "
                    + offset + " run past the end of the data (" + size + " bytes)");
        }
    }

    /** Wraps a heap array or any segment as a source (for tests and small buffers). */
    public static DataSource of(String name, byte[] bytes) {
        return new InMemorySource(name, bytes);
    }
}
