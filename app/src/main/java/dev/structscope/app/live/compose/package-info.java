/**
 * Compose and send: a form generated from a record layout, one editor per member, checked as it is
 * typed, hosted by the live monitor.
 *
 * <p>{@link dev.structscope.app.live.compose.ComposeView} binds to {@link
 * dev.structscope.app.live.compose.ComposeViewModel}; {@code setRecord(layout, abi, order)} sets the
 * form (the same layout and byte order again keeps the values and history; another starts over)
 * and {@code setSender(...)} the {@link dev.structscope.app.live.compose.RecordSender} (null: "Not
 * connected"). The sender gets exactly the record's bytes in native memory, without framing, and
 * the number of times to send; the monitor's sender adds the connection's framing. Records are
 * encoded by the engine's encoder through the layout's decoder plan, so the bytes sent are the
 * bytes {@code decode} reads back; the sender is called on the task runner. FX thread.
 */
package dev.structscope.app.live.compose;
