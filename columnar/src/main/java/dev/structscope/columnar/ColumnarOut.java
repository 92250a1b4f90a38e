package dev.structscope.columnar;

import dev.structscope.io.columns.RecordScan;

import java.io.IOException;

/**
 * A writer of one output file of {@code convert}: receives every record of the scan in order, and
 * finishes the file on {@link #close()} (a file not closed is incomplete and is deleted by
 * {@link Converter}). Used by one thread.
 */
sealed interface ColumnarOut extends RecordScan.RangeVisitor, AutoCloseable permits ParquetOut, ArrowOut, TextOut {
    /**
     * A system property that, when {@code true}, makes the Parquet and Arrow writers feed fixed
     * records row by row ({@link dev.structscope.io.columns.RowFeeder#row}) instead of a column
     * at a time ({@link dev.structscope.io.columns.FixedColumns}): the reference the tests hold the
     * column path to.
     */
    String ROW_BY_ROW_PROPERTY = "structscope.convert.rowByRow";

    /** Whether {@link #ROW_BY_ROW_PROPERTY} is set. */
    static boolean rowByRow() {
        return Boolean.getBoolean(ROW_BY_ROW_PROPERTY);
    }

    /** Called before {@link #close} when the data held no record ({@link dev.structscope.io.decode.RecordFormat#noRecords}). */
    default void noRecords(dev.structscope.io.decode.RecordReader reader) {
    }

    @Override
    void close() throws IOException;
}
