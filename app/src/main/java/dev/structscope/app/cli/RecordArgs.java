package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Endian;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.LayoutEngine;

import java.io.PrintWriter;
import java.nio.ByteOrder;
import java.util.Locale;

/**
 * What the commands that read or write records take: the layout options,
 * {@code --type NAME} (required) and {@code --byte-order}; compiled into a {@link DecoderPlan}.
 */
final class RecordArgs {
    final LayoutArgs layout = new LayoutArgs();
    String type;
    String byteOrder = "little";

    void declare(CliSpec s) {
        layout.declare(s);
        s.required("--type", "NAME", String.class, v -> type = v, "The struct or union of each record.");
        s.option("--byte-order", "ORDER", String.class, v -> byteOrder = v, "little (default) or big.");
    }

    /** The fixed-size plan of the type: what encodes values into one record. */
    DecoderPlan plan(RecordLayout resolved) {
        return DecoderPlan.compile(resolved, layout.abi(), byteOrder(byteOrder));
    }

    /** The size of a record of the fixed-size type, refusing a type of size 0 (there is nothing to {@code what}). */
    long fixedSize(DecoderPlan plan, String what) {
        if (plan.recordSize() <= 0) {
            throw new InputException("--type", "'" + type + "' has size 0; there is nothing to " + what);
        }
        return plan.recordSize();
    }

    /** The record type laid out for the chosen ABI. */
    RecordLayout resolve(PrintWriter err) {
        return LayoutEngine.layout(type, layout.load(err), layout.abi(), layout.limits());
    }

    /** The reader of records of the type: the fixed plan, or the dynamic decoder when data decides sizes. */
    RecordReader reader(RecordLayout resolved) {
        return RecordReader.of(resolved, layout.abi(), byteOrder(byteOrder), layout.limits());
    }

    /**
     * The order a {@code --byte-order} word names, in any case: {@code little} or {@code big} (the
     * words of {@link Endian}), or their short forms {@code le} and {@code be}.
     */
    static ByteOrder byteOrder(String name) {
        String word = name.toLowerCase(Locale.ROOT);
        ByteOrder order = Endian.parse(switch (word) {
            case "le" -> "little";
            case "be" -> "big";
            default -> word;
        });
        if (order == null) {
            throw new InputException("--byte-order", "unknown byte order '" + name + "'; known: little, big");
        }
        return order;
    }
}
