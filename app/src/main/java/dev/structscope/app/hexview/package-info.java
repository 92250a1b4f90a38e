/**
 * The hex explorer: the bytes of a data file of any size beside what a layout makes of them.
 *
 * <p>{@link dev.structscope.app.hexview.HexPane} assembles it (toolbar, overlay chooser, reload
 * banner, the hex rows and the record table in tabs, the decoded tree, inspector, bookmarks,
 * matches and histogram); the main window's data pane hosts one. {@link
 * dev.structscope.app.hexview.HexView} is a {@code Region} with one {@code Canvas} and a
 * {@code ScrollBar}: it paints only the rows on screen from one slice of the source per paint, and
 * rows are a {@code long} index (the scroll bar's value is the top row as a double, exact to 2^53
 * rows), so no list of rows exists anywhere. The font is measured again on zoom and every
 * coordinate is snapped to whole pixels, so text stays crisp. State is in {@link
 * dev.structscope.app.hexview.HexViewModel}; {@link dev.structscope.app.hexview.DataFileViewModel}
 * says which source shows and who owns it, {@link dev.structscope.app.hexview.DataEdits} holds the
 * edits, {@link dev.structscope.app.hexview.SearchViewModel} the search and its matches.
 *
 * <p>Threads: everything here lives on the FX thread, which reads only the visible bytes of the
 * mapped segment. Opening, saving, the once-a-second {@code checkUnchanged} of {@link
 * dev.structscope.app.hexview.FileWatcher} and search ({@link
 * dev.structscope.app.hexview.ByteSearch}, 1 MiB windows) run on the app's task runner.
 */
package dev.structscope.app.hexview;
