package dev.structscope.app.live.compose;

import dev.structscope.app.live.compose.ValueParser.Parsed;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.io.decode.ScalarNode;

/**
 * An editable scalar member: its text as typed and, derived from it at every change, the parsed
 * value or the reason it is invalid ({@link #error()} empty when valid). {@code _Bool} holds
 * {@code "true"}/{@code "false"}; an enum holds an enumerator's name or a number. FX thread.
 */
public final class ScalarEntry extends TextEntry {
    /** Which editor the view shows. */
    public enum Editor { INTEGER, FLOAT, BOOL, ENUM }

    /**
     * What the row is for in a dynamic record: a value to edit; a value the encoder derives (a
     * count, a discriminator, a size: shown, not edited, not sent as given); or a value other
     * members' counts or places are computed from, so that the form's shape follows it when the
     * edit is committed.
     */
    public enum Role { VALUE, DERIVED, SHAPING }

    private final ScalarNode node;
    private Role role = Role.VALUE;

    ScalarEntry(String label, String path, int depth, ScalarNode node) {
        super(label, path, depth);
        this.node = node;
        start(initial());
    }

    private String initial() {
        return switch (editor()) {
            case BOOL -> "false";
            case FLOAT -> "0.0";
            case ENUM -> {
                String zero = node.enumType() == null ? null : node.enumType().nameOf(0);
                yield zero != null ? zero : "0";
            }
            case INTEGER -> "0";
        };
    }

    @Override
    Parsed parse(String text) {
        return ValueParser.scalar(node, text);
    }

    public Editor editor() {
        ScalarKind k = node.kind();
        return switch (k) {
            case BOOL -> Editor.BOOL;
            case ENUM -> Editor.ENUM;
            case FLOAT16, BFLOAT16, FLOAT32, FLOAT64, X87_EXTENDED, BINARY128 -> Editor.FLOAT;
            default -> Editor.INTEGER;
        };
    }

    public ScalarNode node() {
        return node;
    }

    @Override
    public String hint() {
        return switch (role) {
            case DERIVED -> "Computed when the record is encoded (a count, a length or a type): not edited";
            case SHAPING -> ValueParser.hint(node) + ". Other members follow this value: press Enter to apply it";
            case VALUE -> ValueParser.hint(node);
        };
    }

    public Role role() {
        return role;
    }

    void role(Role value) {
        role = value;
    }

    @Override
    public String typeName() {
        return node.isBitField() ? node.typeName() + " : " + node.bits().width() : node.typeName();
    }
}
