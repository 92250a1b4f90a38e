package dev.structscope.icons;

/**
 * StructScope's toolbar and menu icons as SVG path data on a 16×16 grid, drawn for this project
 * (simple geometric outlines, no third-party artwork). The app turns them into {@code SVGPath}
 * nodes coloured by the theme, so one set serves light and dark. Constants; any thread.
 */
public final class IconPaths {
    private IconPaths() {
    }

    /** A sheet with a folded corner. */
    public static final String NEW = "M3 1h7l4 4v10H3z M10 1v4h4 M4 2v12h9V6H9V2z";
    /** An open folder. */
    public static final String OPEN = "M1 3h5l1.5 1.5H14v2H4.5L2 13H1z M4.5 7.5H15L12.5 14H1.8z";
    /** A floppy disk. */
    public static final String SAVE = "M2 2h10l2 2v10H2z M4 2v4h7V2 M5 9h6v5H5z";
    /** A counter-clockwise arrow. */
    public static final String UNDO = "M5 3L1 7l4 4V8.5h5a3 3 0 0 1 0 6H7V16h3a4.5 4.5 0 0 0 0-9H5z";
    /** A clockwise arrow. */
    public static final String REDO = "M11 3l4 4-4 4V8.5H6a3 3 0 0 0 0 6h3V16H6a4.5 4.5 0 0 1 0-9h5z";
    /** A plus sign. */
    public static final String ADD = "M7 2h2v5h5v2H9v5H7V9H2V7h5z";
    /** A minus sign. */
    public static final String REMOVE = "M2 7h12v2H2z";
    /** Two overlapping sheets. */
    public static final String DUPLICATE = "M5 1h9v9H5z M6 2v7h7V2z M2 5h2v1H3v7h7v-1h1v2H2z";
    /** An arrow up. */
    public static final String UP = "M8 2l5 6h-3.5v6h-3V8H3z";
    /** An arrow down. */
    public static final String DOWN = "M8 14l5-6h-3.5V2h-3v6H3z";
    /** Arrows pushing blocks together. */
    public static final String PACK = "M1 4h4v8H1z M11 4h4v8h-4z M6 7.2h4v1.6H6z M6 8l2-2v4z M10 8l-2-2v4z";
    /** An arrow leaving a box. */
    public static final String EXPORT = "M2 4h5v1.5H3.5v7h9V10H14v4H2z M9 2h5v5l-1.8-1.8L8.5 9 7 7.5l3.7-3.7z";
    /** An arrow entering a box. */
    public static final String IMPORT = "M2 4h5v1.5H3.5v7h9V10H14v4H2z M14 2.5L12.9 1.4 9 5.3V3H7.5v5h5V6.5h-2.3z";
    /** A crescent moon. */
    public static final String THEME = "M9 1a7 7 0 1 0 6 10A6 6 0 0 1 9 1z";
    /** A struct: braces. */
    public static final String STRUCT = "M5 2C3 2 3 3 3 5v1.5L1.5 8 3 9.5V11c0 2 0 3 2 3v-1.3c-.8 0-.8-.6-.8-1.7V9L3.2 8l1-1V4c0-1.1 0-1.7.8-1.7z M11 2c2 0 2 1 2 3v1.5L14.5 8 13 9.5V11c0 2 0 3-2 3v-1.3c.8 0 .8-.6.8-1.7V9l1-1-1-1V4c0-1.1 0-1.7-.8-1.7z M6 5h4v1.3H6z M6 7.4h4v1.3H6z M6 9.8h4v1.3H6z";
    /** A union: stacked overlapping bars. */
    public static final String UNION = "M2 3h12v3H2z M2 7h8v3H2z M2 11h5v3H2z";
    /** An enum: a list with bullets. */
    public static final String ENUM = "M2 3h2v2H2z M6 3.5h8v1H6z M2 7h2v2H2z M6 7.5h8v1H6z M2 11h2v2H2z M6 11.5h8v1H6z";
    /** A typedef: an equals sign between boxes. */
    public static final String TYPEDEF = "M1 5h4v6H1z M11 5h4v6h-4z M6.5 6.5h3v1h-3z M6.5 8.5h3v1h-3z";
}
