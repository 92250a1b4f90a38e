package dev.structscope.model.export;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.Typedef;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.params.provider.Arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Layouts covering every model feature the exporters must carry: scalars of every size, nested
 * records, unions, enums (plain and packed), bit-fields (mixed types, unnamed, zero-width,
 * straddling), packed and pragma-packed records, aligned records and members, arrays (multi-dim
 * and of records), anonymous struct/union members, a flexible array, pointers, long double and
 * typedef'd untagged records. Built as TypeLibrary values (no parser needed).
 */
final class Corpus {
    private Corpus() {
    }

    /** The cases of the export tests that take {@link #everything()} to every ABI: (ABI name, "everything"). */
    static Stream<Arguments> everythingOnEachAbi() {
        return Abis.ALL.stream().map(abi -> Arguments.of(abi.name(), "everything"));
    }

    static CType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    static Member m(String name, CType t) {
        return Member.of(name, t);
    }

    static Member bf(String name, Prim prim, int width) {
        return Member.bitField(name, p(prim), width);
    }

    static RecordType withComment(RecordType r, String c) {
        return r.withComment(c);
    }

    /** Records without bit-fields or long double: what every target can express on every ABI. */
    static TypeLibrary plain() {
        EnumType color = new EnumType("Color", List.of(Enumerator.of("RED", 0),
                new Enumerator("GREEN", 1, "the colour of grass"), Enumerator.of("BLUE", 200)), false, null,
                "Colours of a pixel");
        RecordType point = withComment(RecordType.struct("Point", List.of(
                m("x", p(Prim.INT16)), m("y", p(Prim.INT16)))), "A point on the grid");
        RecordType basic = RecordType.struct("Basic", List.of(
                m("c", p(Prim.CHAR)), new Member("i", p(Prim.INT), null, 0, false, "an int after a char"),
                m("s", p(Prim.SHORT)), m("d", p(Prim.DOUBLE)), m("l", p(Prim.LONG)),
                m("ptr", new PointerType(p(Prim.VOID))), m("b", p(Prim.BOOL)), m("u8", p(Prim.UINT8)),
                m("i64", p(Prim.INT64)), m("f", p(Prim.FLOAT)), m("u32", p(Prim.UINT32)),
                m("ull", p(Prim.UNSIGNED_LONG_LONG)), m("sz", p(Prim.SIZE))));
        RecordType shape = RecordType.struct("Shape", List.of(
                m("kind", p(Prim.UINT8)), m("pts", new ArrayType(NamedType.struct("Point"), 3)),
                m("grid", new ArrayType(new ArrayType(p(Prim.INT16), 3), 2)), m("name", new ArrayType(p(Prim.CHAR), 5)),
                m("color", NamedType.enumeration("Color")), m("scale", p(Prim.DOUBLE))));
        RecordType value = RecordType.union("Value", List.of(
                m("i", p(Prim.INT32)), m("d", p(Prim.DOUBLE)), m("bytes", new ArrayType(p(Prim.UINT8), 11)),
                m("pt", NamedType.struct("Point"))));
        RecordType tagged = RecordType.struct("Tagged", List.of(
                m("tag", p(Prim.UINT8)), m("v", NamedType.union("Value")), m("after", p(Prim.INT16))));
        RecordType packed = new RecordType(RecordKind.STRUCT, "Packed", List.of(
                m("c", p(Prim.CHAR)), m("i", p(Prim.INT)), m("s", p(Prim.SHORT)), m("d", p(Prim.DOUBLE))),
                0, true, 0, "packed: no padding at all");
        RecordType pack2 = new RecordType(RecordKind.STRUCT, "Pack2", List.of(
                m("c", p(Prim.CHAR)), m("d", p(Prim.DOUBLE)), m("i", p(Prim.INT)), m("pt", NamedType.struct("Point")),
                m("last", p(Prim.CHAR))), 2, false, 0, null);
        RecordType aligned = new RecordType(RecordKind.STRUCT, "Aligned", List.of(
                m("a", p(Prim.INT)), new Member("x", p(Prim.CHAR), null, 8, false, null), m("y", p(Prim.SHORT))),
                0, false, 16, null);
        RecordType anon = RecordType.struct("Anon", List.of(
                m("kind", p(Prim.INT)),
                m(null, RecordType.union(null, List.of(m("ai", p(Prim.INT)), m("af", p(Prim.FLOAT)),
                        m("al", p(Prim.LONG_LONG))))),
                m(null, RecordType.struct(null, List.of(m("lo", p(Prim.SHORT)), m("hi", p(Prim.SHORT))))),
                m("inl", RecordType.struct(null, List.of(m("q", p(Prim.CHAR)), m("r", p(Prim.INT)))))));
        RecordType msg = RecordType.struct("Msg", List.of(
                m("len", p(Prim.UINT16)), m("kind", p(Prim.UINT8)), m("data", ArrayType.flexible(p(Prim.UINT32)))));
        RecordType node = RecordType.struct("Node", List.of(
                m("value", p(Prim.INT)), m("next", new PointerType(NamedType.struct("Node"))),
                m("name", new PointerType(p(Prim.CHAR)))));
        Typedef vec = new Typedef("Vec", RecordType.struct(null, List.of(m("x", p(Prim.FLOAT)), m("y", p(Prim.FLOAT)),
                m("z", p(Prim.FLOAT)))), 0, "a typedef'd untagged struct");
        RecordType usesVec = RecordType.struct("UsesVec", List.of(
                m("id", p(Prim.UINT8)), m("v", NamedType.typedef("Vec")), m("vs", new ArrayType(NamedType.typedef("Vec"), 2))));
        RecordType packedAligned = new RecordType(RecordKind.STRUCT, "PackedAligned", List.of(
                m("c", p(Prim.CHAR)), m("i", p(Prim.INT))), 0, true, 4, "packed and aligned(4): size 8, align 4");
        RecordType holder = new RecordType(RecordKind.STRUCT, "PackedHolder", List.of(
                m("c", p(Prim.CHAR)), m("a", NamedType.struct("Aligned")), m("z", p(Prim.INT16))), 0, true, 0, null);
        return new TypeLibrary(List.of(color, point, basic, shape, value, tagged, packed, pack2, aligned, anon, msg,
                node, vec, usesVec, packedAligned, holder), Map.of("MAX_POINTS", 3L));
    }

    /** Bit-fields: mixed types and widths, unnamed and zero-width, a run straddling bytes, signed ones. */
    static TypeLibrary bitfields() {
        EnumType mode = EnumType.of("Mode", List.of(Enumerator.of("OFF", 0), Enumerator.of("ON", 1),
                Enumerator.of("AUTO", 2)));
        RecordType flags = RecordType.struct("Flags", List.of(
                bf("a", Prim.UNSIGNED_INT, 3), bf("b", Prim.UNSIGNED_INT, 5), bf("c", Prim.INT, 7),
                m("d", p(Prim.UINT8)), bf("e", Prim.UNSIGNED_INT, 20), bf(null, Prim.UNSIGNED_INT, 4),
                bf("f", Prim.UNSIGNED_SHORT, 9), bf(null, Prim.INT, 0), bf("g", Prim.UNSIGNED_INT, 2),
                m("h", p(Prim.UINT16))));
        RecordType wide = RecordType.struct("Wide", List.of(
                bf("lo", Prim.UINT64, 40), bf("hi", Prim.UINT64, 20), bf("s", Prim.INT64, 4), m("tail", p(Prim.UINT8))));
        RecordType withEnum = RecordType.struct("WithEnum", List.of(
                m("id", p(Prim.UINT16)), new Member("mode", NamedType.enumeration("Mode"), 2, 0, false, null),
                bf("on", Prim.BOOL, 1), bf("level", Prim.UNSIGNED_CHAR, 4)));
        RecordType bitUnion = RecordType.union("BitUnion", List.of(
                bf("x", Prim.UNSIGNED_INT, 5), m("raw", p(Prim.UINT16)), bf("y", Prim.UNSIGNED_INT, 12)));
        return TypeLibrary.of(mode, flags, wide, withEnum, bitUnion);
    }

    /** Bit-fields in a packed record, which ctypes on Linux lays out by other rules. */
    static TypeLibrary packedBitfields() {
        RecordType pk = new RecordType(RecordKind.STRUCT, "PackedBits", List.of(
                m("c", p(Prim.CHAR)), bf("a", Prim.UNSIGNED_INT, 12), bf("b", Prim.UNSIGNED_INT, 12),
                m("tail", p(Prim.UINT8))), 0, true, 0, null);
        return TypeLibrary.of(pk);
    }

    /** long double, whose size differs per ABI (16, 12, 8). */
    static TypeLibrary longDouble() {
        RecordType ld = RecordType.struct("LongD", List.of(
                m("c", p(Prim.CHAR)), m("ld", p(Prim.LONG_DOUBLE)), m("after", p(Prim.INT))));
        return TypeLibrary.of(ld);
    }

    /** Every corpus library in one (their names are distinct), for one compiler run per ABI. */
    static TypeLibrary everything() {
        List<dev.structscope.model.type.Decl> decls = new java.util.ArrayList<>();
        Map<String, Long> constants = new java.util.LinkedHashMap<>();
        for (TypeLibrary l : List.of(plain(), bitfields(), packedBitfields(), longDouble())) {
            decls.addAll(l.decls());
            constants.putAll(l.constants());
        }
        return new TypeLibrary(decls, constants);
    }

    static Map<String, TypeLibrary> all() {
        return Map.of("plain", plain(), "bitfields", bitfields(), "packedBitfields", packedBitfields(),
                "longDouble", longDouble());
    }
}
