package dev.structscope.columnar;

import dev.structscope.io.columns.RecordScan;

import java.io.IOException;

/**
 * A writer of one output file of {@code convert}: receives every record of the scan in order, and
 * finishes the file on {@link #close()} (a file not closed is incomplete and is deleted by
 * {@link Converter}). Used by one thread.
 */
sealed interface ColumnarOut extends RecordScan.Visitor, AutoCloseable permits ParquetOut, ArrowOut, TextOut {
    @Override
    void close() throws IOException;
}
