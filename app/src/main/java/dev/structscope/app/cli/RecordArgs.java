package dev.structscope.app.cli;

import dev.structscope.io.decode.DecoderPlan;
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
        var abi = layout.abi();
        var order = DecodeCommand.byteOrder(byteOrder);
        return DecoderPlan.compile(LayoutEngine.layout(type, layout.load(err), abi, layout.limits()), abi, order);
    }
}
