package dev.structscope.model.abi;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The two byte orders by the words the product writes and reads for them: {@code "little"} and
 * {@code "big"} (the layout document's {@code byteOrder}, the CLI's {@code --byte-order}, the
 * window's byte-order choice and its preferences). The one place those words are mapped to and
 * from {@link ByteOrder}. Immutable; any thread.
 */
public enum Endian {
    LITTLE, BIG;

    /** {@code "little"} or {@code "big"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ByteOrder order() {
        return this == BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    public static Endian of(ByteOrder order) {
        return order == ByteOrder.BIG_ENDIAN ? BIG : LITTLE;
    }

    /** The word for {@code order}: {@code "little"} or {@code "big"}. */
    public static String word(ByteOrder order) {
        return of(order).word();
    }

    /** The order {@code word} names, or {@code null} when it is neither {@code "little"} nor {@code "big"}. */
    public static ByteOrder parse(String word) {
        for (Endian e : values()) {
            if (e.word().equals(word)) {
                return e.order();
            }
        }
        return null;
    }
}
