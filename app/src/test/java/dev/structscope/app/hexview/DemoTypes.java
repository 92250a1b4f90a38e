package dev.structscope.app.hexview;

import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.util.List;

/**
 * The types of the hex explorer's demo and tests, built in Java (the same declarations as
 * {@link #HEADER}, which tests compile with gcc to produce the bytes):
 * a market tick with an enum, a char array, bit-fields, a hole and an array, and a record with
 * a million-element array. Pure values; any thread.
 */
public final class DemoTypes {
    private DemoTypes() {
    }

    /** The C declarations matching {@link #library()}. */
    public static final String HEADER = """
            #include <stdint.h>
            enum Side { BUY = 1, SELL = 2 };
            struct Tick {
                uint64_t ts;
                int32_t id;
                float price;
                double qty;
                int16_t flags;
                char sym[6];
                enum Side side;
                unsigned kind : 3;
                unsigned level : 5;
                int32_t samples[4];
            };
            struct Big {
                uint32_t count;
                uint16_t values[1000000];
            };
            """;

    public static TypeLibrary library() {
        EnumType side = EnumType.of("Side", List.of(new Enumerator("BUY", 1, null), new Enumerator("SELL", 2, null)));
        RecordType tick = RecordType.struct("Tick", List.of(
                Member.of("ts", PrimitiveType.of(Prim.UINT64)),
                Member.of("id", PrimitiveType.of(Prim.INT32)),
                Member.of("price", PrimitiveType.of(Prim.FLOAT)),
                Member.of("qty", PrimitiveType.of(Prim.DOUBLE)),
                Member.of("flags", PrimitiveType.of(Prim.INT16)),
                Member.of("sym", new ArrayType(PrimitiveType.of(Prim.CHAR), 6)),
                Member.of("side", NamedType.enumeration("Side")),
                Member.bitField("kind", PrimitiveType.of(Prim.UNSIGNED_INT), 3),
                Member.bitField("level", PrimitiveType.of(Prim.UNSIGNED_INT), 5),
                Member.of("samples", new ArrayType(PrimitiveType.of(Prim.INT32), 4))));
        RecordType big = RecordType.struct("Big", List.of(
                Member.of("count", PrimitiveType.of(Prim.UINT32)),
                Member.of("values", new ArrayType(PrimitiveType.of(Prim.UINT16), 1_000_000))));
        return TypeLibrary.of(side, tick, big);
    }
}
