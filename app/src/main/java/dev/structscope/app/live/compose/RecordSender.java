package dev.structscope.app.live.compose;

/**
 * Sends one encoded record (exactly {@code plan.recordSize()} bytes, no framing) {@code times}
 * times over the live connection, adding the connection's framing. Implemented by the live
 * connection's owner; called by {@link ComposeView} OFF the FX thread, one call at a time. An
 * interrupted thread means the person cancelled: stop and throw.
 */
@FunctionalInterface
public interface RecordSender {
    void send(java.lang.foreign.MemorySegment record, long times) throws java.io.IOException;
}
