package dev.structscope.io.net;

import java.io.IOException;

/**
 * Receives messages of a capture, one at a time (calls never overlap, even with several peers).
 * The message's bytes are a view valid only during the call.
 */
@FunctionalInterface
public interface MessageSink {
    void accept(Message message) throws IOException;
}
