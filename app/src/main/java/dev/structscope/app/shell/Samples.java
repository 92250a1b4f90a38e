package dev.structscope.app.shell;

import dev.structscope.model.InputException;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;
import dev.structscope.model.type.ArrayType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The sample shown when StructScope starts without arguments: {@code ticks.h}, bundled as a
 * resource. It is imported with the C header importer; while that importer is unavailable the
 * same declarations are built here directly, so a newcomer always sees something real. Any thread.
 */
public final class Samples {
    /** The resource of the bundled sample header. */
    public static final String TICKS_H = "/dev/structscope/app/samples/ticks.h";

    private Samples() {
    }

    public static String ticksHeaderText() {
        try (InputStream in = Samples.class.getResourceAsStream(TICKS_H)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The sample's declarations. */
    public static TypeLibrary ticks() {
        try {
            return HeaderImporter.importText(ticksHeaderText(), "ticks.h", HeaderImporter.Options.defaults());
        } catch (InputException e) {
            return builtIn();
        }
    }

    private static PrimitiveType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    private static Member m(String name, Prim prim, String comment) {
        return new Member(name, p(prim), null, 0, false, comment);
    }

    static TypeLibrary builtIn() {
        EnumType side = new EnumType("Side", List.of(Enumerator.of("SIDE_BUY", 1), Enumerator.of("SIDE_SELL", 2)),
                true, null, "Which side of the book.");
        RecordType hdr = RecordType.struct("Hdr", List.of(m("magic", Prim.UINT16, "0x5353"),
                m("version", Prim.UINT8, null), m("kind", Prim.UINT8, null),
                m("length", Prim.UINT32, "bytes after the header"), m("seq", Prim.UINT64, null)))
                .withComment("Every message starts with this header.");
        RecordType px = RecordType.union("Px", List.of(m("ticks", Prim.INT64, null), m("value", Prim.DOUBLE, null),
                Member.of("raw", new ArrayType(p(Prim.UINT8), 8))))
                .withComment("A price as fixed point or as a double, depending on the venue.");
        RecordType tick = RecordType.struct("Tick", List.of(m("ts", Prim.UINT64, "nanoseconds since the epoch"),
                m("id", Prim.INT32, null), m("price", Prim.FLOAT, null), m("qty", Prim.DOUBLE, null),
                m("flags", Prim.INT16, null), Member.of("side", NamedType.typedef("Side")))).withComment("One trade.");
        RecordType order = RecordType.struct("Order", List.of(m("side", Prim.UINT8, null), m("price", Prim.DOUBLE, null),
                m("qty", Prim.UINT16, null), m("id", Prim.UINT64, null), m("flags", Prim.UINT8, null),
                m("venue", Prim.UINT32, null), Member.bitField("kind", new PrimitiveType(Prim.UNSIGNED_INT, "unsigned"), 3),
                Member.bitField("urgent", new PrimitiveType(Prim.UNSIGNED_INT, "unsigned"), 1)))
                .withComment("An order as a naive first draft: try \"Pack tightly\".");
        return TypeLibrary.of(side, Typedef.of("Side", NamedType.enumeration("Side")), hdr, px, tick, order);
    }
}
