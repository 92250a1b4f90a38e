package dev.structscope.app.designer;

import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.Padding;

/**
 * One row of the designer table: a member of the record with its resolved place, or a run of
 * padding bytes (shown distinct and not editable). Immutable; built by {@link DesignerViewModel}.
 */
public sealed interface DesignerRow {
    /** Byte offset of the row from the start of the record. */
    long offset();

    /** @param index the member's index in the record's declaration order (also its colour index) */
    record MemberRow(int index, FieldLayout field) implements DesignerRow {
        @Override
        public long offset() {
            return field.offset();
        }
    }

    /** @param note why the padding is there, e.g. {@code "hole before price"}, {@code "tail, to align 8"} */
    record PaddingRow(Padding padding, String note) implements DesignerRow {
        @Override
        public long offset() {
            return padding.offset();
        }

        /**
         * What the Type cell says: {@code "padding"}. The Size cell beside it gives the bytes; the
         * count said again here was what a narrow table cut first ("2 bytes pa…").
         */
        public String label() {
            return "padding";
        }

    }
}
