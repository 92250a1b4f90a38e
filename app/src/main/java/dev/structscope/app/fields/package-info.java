/**
 * What a layout makes of the bytes: the decoded tree and the record table.
 *
 * <p>{@link dev.structscope.app.fields.FieldsView} is a {@code TreeTableView} of {@link
 * dev.structscope.app.fields.FieldItem}s whose children are made when first asked for; an array of
 * more than 1000 elements gets range children ({@code [0 … 999]}, nested again in powers of 1000),
 * so a million-element array costs at most 1000 items per opened level. {@link
 * dev.structscope.app.fields.RecordTable} lists one record per row: a {@code TableView}'s items are
 * {@code int}-indexed, so they are an {@code IndexList} (numbers
 * computed, never stored) over a window of at most 2^24 records, and cells are decoded only when
 * visible. {@link dev.structscope.app.fields.RecordTableViewModel} holds what is listed, the
 * window, each cell's text, the walk of dynamic records ({@link
 * dev.structscope.app.fields.RecordWalk}: start offsets only) and the column summary, which runs
 * the engine's {@code stats} path over the whole file on the task runner.
 *
 * <p>FX thread; decoding for the visible rows reads the mapped segment, the walks and summaries
 * run on the runner's work lane.
 */
package dev.structscope.app.fields;
