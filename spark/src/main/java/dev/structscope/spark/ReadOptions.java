package dev.structscope.spark;

import dev.structscope.model.InputException;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.util.Locale;

/**
 * The options of {@code spark.read.format("structscope")}: {@code layout} and {@code type}
 * (required), {@code abi} (default {@code x86_64-linux}), {@code byteOrder} ({@code little} or
 * {@code big}) and {@code offset} (bytes to skip at the start of each file). Bad values are
 * {@link InputException}s naming the option, as the CLI names its flags.
 *
 * <p>Immutable; driver only.
 */
record ReadOptions(String layout, String type, String abi, boolean bigEndian, long offset) {

    static ReadOptions of(CaseInsensitiveStringMap options) {
        String layout = required(options, "layout");
        String type = required(options, "type");
        String abi = options.getOrDefault("abi", "x86_64-linux");
        String order = options.getOrDefault("byteOrder", "little");
        boolean big = switch (order.toLowerCase(Locale.ROOT)) {
            case "little", "le" -> false;
            case "big", "be" -> true;
            default -> throw new InputException("byteOrder", "unknown byte order '" + order + "'; known: little, big");
        };
        String offsetText = options.getOrDefault("offset", "0");
        long offset;
        try {
            offset = Long.parseLong(offsetText.trim());
        } catch (NumberFormatException e) {
            throw new InputException("offset", "'" + offsetText + "' is not a byte offset (a whole number of bytes)");
        }
        if (offset < 0) {
            throw new InputException("offset", "negative byte offset " + offset);
        }
        return new ReadOptions(layout, type, abi, big, offset);
    }

    private static String required(CaseInsensitiveStringMap options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new InputException("", "the option '" + name + "' is required: spark.read.format(\"structscope\")"
                    + ".option(\"layout\", \"ticks.h\").option(\"type\", \"Tick\").load(...)");
        }
        return v;
    }
}
