package dev.structscope.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordKind;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static dev.structscope.io.testing.T.arr;
import static dev.structscope.io.testing.T.bf;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside truth: Python ctypes writes the same values as {@code LittleEndianStructure} and as
 * {@code BigEndianStructure} ({@code f.write(p)}), bit-fields included (ctypes allocates them from
 * the most significant bit in big-endian structures, as big-endian GCC does), and prints what each
 * record holds. Decoding either file with its byte order must give exactly those values.
 */
class CtypesRoundTripTest {
    @TempDir
    Path dir;

    static final int COUNT = 50;

    /** The C equivalent of the script's classes. */
    static TypeLibrary library() {
        RecordType inner = RecordType.struct("Inner", List.of(m("a", Prim.INT16), m("b", arr(p(Prim.UINT8), 3)),
                m("d", Prim.DOUBLE)));
        RecordType u = RecordType.union("U", List.of(m("u", Prim.UINT32), m("f", Prim.FLOAT),
                m("bytes", arr(p(Prim.UINT8), 4))));
        RecordType rec = RecordType.struct("Rec", List.of(
                m("i8", Prim.INT8), m("u8", Prim.UINT8), m("i16", Prim.INT16), m("u16", Prim.UINT16),
                m("i32", Prim.INT32), m("u32", Prim.UINT32), m("i64", Prim.INT64), m("u64", Prim.UINT64),
                m("f", Prim.FLOAT), m("d", Prim.DOUBLE), m("b", Prim.UINT8),
                m("name", arr(p(Prim.CHAR), 10)), m("grid", arr(p(Prim.INT16), 2, 3)),
                m("inner", dev.structscope.model.type.NamedType.struct("Inner")),
                m("inners", arr(dev.structscope.model.type.NamedType.struct("Inner"), 2)),
                bf("bf1", p(Prim.UINT32), 3), bf("bf2", p(Prim.INT32), 5), bf("bf3", p(Prim.UINT32), 20),
                bf("bf4", p(Prim.INT32), 4), m("mid", Prim.UINT32),
                bf("q1", p(Prim.UINT64), 33), bf("q2", p(Prim.INT64), 31),
                bf("h1", p(Prim.UINT16), 9), bf("h2", p(Prim.INT16), 7), m("tail", Prim.UINT8)));
        RecordType packed = new RecordType(RecordKind.STRUCT, "Packed", List.of(m("tag", Prim.UINT8),
                m("v", Prim.UINT32), m("w", Prim.INT16), m("d", Prim.DOUBLE)), 1, false, 0, null);
        return TypeLibrary.of(inner, u, rec, packed);
    }

    @Test
    void decodesWhatCtypesWroteInBothByteOrders() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/structscope/io/ctypes_records.py")) {
            Files.write(dir.resolve("w.py"), in.readAllBytes());
        }
        JsonNode expected = JsonCompare.parse(Tools.run(dir, List.of(Tools.python(), "w.py", "le.bin", "be.bin",
                Integer.toString(COUNT))));
        check(expected.get("le"), dir.resolve("le.bin"), ByteOrder.LITTLE_ENDIAN);
        check(expected.get("be"), dir.resolve("be.bin"), ByteOrder.BIG_ENDIAN);
        // The two files hold the same values, so they must differ only by byte order: not byte-equal.
        assertTrue(!java.util.Arrays.equals(Files.readAllBytes(dir.resolve("le.bin")), Files.readAllBytes(dir.resolve("be.bin"))));
    }

    private static void check(JsonNode expected, Path data, ByteOrder order) {
        TypeLibrary lib = library();
        long at = 0;
        try (DataSource src = MappedFileSource.open(data)) {
            MemorySegment all = src.segment();
            String[] types = {"Rec", "Packed", "U"};
            String[] keys = {"rec", "packed", "union"};
            for (int t = 0; t < 3; t++) {
                DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(types[t], lib, Abis.X86_64_LINUX),
                        Abis.X86_64_LINUX, order);
                assertEquals(expected.get("sizes").get(t).asLong(), plan.recordSize(), types[t] + " size");
                for (int r = 0; r < COUNT; r++, at += plan.recordSize()) {
                    StringBuilder sb = new StringBuilder();
                    JsonText.append(sb, plan.decode(all, at));
                    List<String> diff = JsonCompare.diff(expected.get(keys[t]).get(r), JsonCompare.parse(sb.toString()),
                            Set.of("f"), Set.of());
                    assertTrue(diff.isEmpty(), order + " " + types[t] + " record " + r + ":\n" + String.join("\n", diff)
                            + "\n" + sb);
                }
            }
            assertEquals(src.size(), at);
        }
    }
}
