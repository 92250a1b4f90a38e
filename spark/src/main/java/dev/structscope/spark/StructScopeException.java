package dev.structscope.spark;

import dev.structscope.model.InputException;

import java.io.Serial;
import java.util.function.Supplier;

/**
 * Bad input met by the data source (a bad LAYOUT, an unknown type, a file the layout cannot
 * describe), as the query's failure: its message is the line the CLI prints for the same input,
 * {@code structscope: where: what}, so a Spark job and a {@code structscope decode} say the same
 * thing. The {@link InputException} is its cause.
 *
 * <p>Immutable; serialisable, so that an executor's failure reaches the driver whole.
 */
public final class StructScopeException extends IllegalArgumentException {
    @Serial
    private static final long serialVersionUID = 1L;

    StructScopeException(InputException cause) {
        super("structscope: " + cause.oneLine(), cause);
    }

    /** Runs {@code work}, turning bad input into this exception. */
    static <T> T wrap(Supplier<T> work) {
        try {
            return work.get();
        } catch (InputException e) {
            throw new StructScopeException(e);
        }
    }
}
