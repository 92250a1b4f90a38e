package dev.structscope.app.live.compose;

import java.time.Instant;

/**
 * One entry of the compose pane's history: when a record was sent, how many times, a summary of
 * its values, the error if the send failed (null when it went out), and the form as it was.
 * Immutable; created on the FX thread by {@link ComposeViewModel}.
 */
public record SentRecord(Instant time, long times, String summary, String error, FormSnapshot snapshot) {
    public boolean ok() {
        return error == null;
    }
}
