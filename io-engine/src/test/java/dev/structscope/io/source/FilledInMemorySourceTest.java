package dev.structscope.io.source;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An in-memory source whose bytes are written into its own memory (as Spark reads a remote file whole): the same contract. */
class FilledInMemorySourceTest extends DataSourceContractTest {
    @Override
    DataSource open(byte[] content) {
        return InMemorySource.filled("filled", content.length, into -> into.copyFrom(MemorySegment.ofArray(content)));
    }

    @Test
    void aFillThatFailsPassesItsExceptionOnAndItsMemoryCannotBeReachedAfterwards() {
        MemorySegment[] given = new MemorySegment[1];
        IllegalStateException failure = new IllegalStateException("read failed");
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> InMemorySource.filled("f", 64, into -> {
            given[0] = into;
            throw failure;
        }));
        assertSame(failure, thrown);
        // Freed: the memory the fill was given is no longer alive.
        assertThrows(IllegalStateException.class, () -> given[0].get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
    }
}
