package dev.structscope.io.decode;

import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.RecordLayout;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * Reads records of one type from a segment, one after another: the fixed plan for a record whose
 * layout no data changes ({@link DecoderPlan}, every record {@code sizeof} bytes), the dynamic
 * decoder for one whose counts, placements, switches and sizes data decides
 * ({@link DynamicDecoder}, every record as long as its own content). What {@code decode},
 * {@code stats}, {@code capture} and the GUI's record walks hold. Immutable; any thread.
 */
public sealed interface RecordReader permits DecoderPlan, DynamicDecoder {

    /** The reader a layout needs: the fixed plan unless the layout is dynamic. */
    static RecordReader of(RecordLayout layout, Abi abi, ByteOrder order, Limits limits) {
        return layout.dynamic() ? new DynamicDecoder(layout, abi, order, limits)
                : DecoderPlan.compile(layout, abi, order);
    }

    /**
     * One record read: its value (lazy, in place), the bytes it occupies, and what a reader should
     * be told though the record decoded (an array "to the end" that stopped before a partial
     * element: those bytes are not part of the record).
     */
    record Decoded(RecordValue value, long size, java.util.List<String> warnings) {
        public Decoded {
            warnings = java.util.List.copyOf(warnings);
        }

        public Decoded(RecordValue value, long size) {
            this(value, size, java.util.List.of());
        }
    }

    /**
     * Reads the record at byte {@code base}, with data up to byte {@code limit} (exclusive).
     *
     * @throws DynamicDecoder.DataEndsException when the record needs bytes at or past {@code limit}
     * @throws dev.structscope.model.InputException for data the layout cannot describe
     */
    Decoded read(MemorySegment segment, long base, long limit);

    /** Whether records differ in size (their content decides it). */
    boolean dynamic();

    /** The smallest a record can be; every record's size for a fixed layout. */
    long minSize();
}
