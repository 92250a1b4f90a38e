package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.LayoutEngine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * What the commands that read or write records take (a picocli mixin): the layout options,
 * {@code --type NAME} (required) and {@code --byte-order}; compiled into a {@link DecoderPlan}.
 */
final class RecordArgs {
    @Mixin
    LayoutArgs layout;

    @Option(names = "--type", required = true, paramLabel = "NAME", description = "The struct or union of each record.")
    String type;

    @Option(names = "--byte-order", paramLabel = "ORDER", defaultValue = "little", description = "little (default) or big.")
    String byteOrder;

    DecoderPlan plan(PrintWriter err) {
        return DecoderPlan.compile(resolve(err), layout.abi(), DecodeCommand.byteOrder(byteOrder));
    }

    /** The record type laid out for the chosen ABI. */
    RecordLayout resolve(PrintWriter err) {
        return LayoutEngine.layout(type, layout.load(err), layout.abi(), layout.limits());
    }

    /** The reader of records of the type: the fixed plan, or the dynamic decoder when data decides sizes. */
    RecordReader reader(RecordLayout resolved) {
        return RecordReader.of(resolved, layout.abi(), DecodeCommand.byteOrder(byteOrder), layout.limits());
    }
}
