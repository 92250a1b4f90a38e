package dev.structscope.app.live.compose;

/**
 * One row of the compose form: a text (an editable scalar, a {@code char} array's text, a byte
 * array's hex: {@link TextEntry}) or a group (struct, union or array) of rows. Built by {@link FormBuilder} from a decoder plan; owned by
 * {@link ComposeViewModel}; FX thread.
 */
public sealed interface FormEntry permits TextEntry, GroupEntry {
    /** The label: the member name, {@code [3]} for an array element, empty for an anonymous group. */
    String label();

    /** The member path as the encoder names it ({@code hdr.flags}, {@code px[3].x}); unique in a form. */
    String path();

    /** The declared type as written. */
    String typeName();

    /** Nesting depth, 0 for the record's own members. */
    int depth();
}
