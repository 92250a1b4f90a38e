/**
 * The byte map strip beside the hex rows, the larger byte map window and the byte histogram.
 *
 * <p>{@link dev.structscope.app.bytemap.ByteMapViewModel} runs every scan ({@code io.bytemap}) on
 * the task runner's work lane and publishes only the latest result: a newer request (another
 * file, an edit 0.6 s after typing stops, another selection) cancels the scan before it. Files
 * over 1 GiB are scanned only when asked. The views paint on a {@code Canvas}: a {@code BarChart}
 * would make 256 bar nodes with their own CSS pass and lay them out again whenever the selection
 * moves, and its category axis cannot label only every 32nd value; the maps paint thousands of
 * columns. Blocks are at least 1 KiB, about two per pixel column in the window: entropy over
 * fewer bytes reads low (256 random bytes measure about 7.2 bits, 1 KiB about 7.8). FX thread.
 */
package dev.structscope.app.bytemap;
