/**
 * The live monitor in the window: the connect dialog ({@link dev.structscope.app.live.ConnectForm}),
 * the message list and counters ({@link dev.structscope.app.live.MonitorView} over {@link
 * dev.structscope.app.live.LiveViewModel}), recording and replay, and the live plots.
 *
 * <p>The session itself — connection, capture thread, message store, recorder, states and rates —
 * has no JavaFX and lives in the engine ({@code dev.structscope.io.net.live}). The capture thread
 * never posts to the FX thread: an animation timer polls the session each frame and, ten times a
 * second (four times while more than 2,000 messages arrive per update), catches the table up with
 * the store in one batch. {@link dev.structscope.app.live.LivePlots} keeps a ring of the last
 * 1,200 updates (messages, bytes, and count/min/max/sum of one member read from at most 20,000
 * messages per update) and merges them into at most 300 points per series, which a {@code
 * LineChart} with symbols and animation off redraws easily ten times a second. FX thread.
 */
package dev.structscope.app.live;
