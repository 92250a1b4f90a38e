package dev.structscope.io.encode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.JsonText;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Enumerator;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code send}'s encoder: what it writes, gcc writes too, and the decoder reads back. */
class RecordEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrimitiveType p(Prim prim) {
        return PrimitiveType.of(prim);
    }

    /** struct S, in C below: every kind of member the encoder writes. */
    static final String C_STRUCT = """
            enum Color { RED, GREEN = 5, BLUE };
            struct S {
              uint8_t a; int16_t b; uint32_t c : 5; int32_t d : 7; unsigned char e : 3;
              uint64_t big; int64_t neg; float f; double g; char name[8]; int16_t arr[2][3];
              enum Color col; _Bool ok; long double ld;
            };
            """;

    static final TypeLibrary LIB = new TypeLibrary(List.of(
            EnumType.of("Color", List.of(Enumerator.of("RED", 0), Enumerator.of("GREEN", 5), Enumerator.of("BLUE", 6))),
            RecordType.struct("S", List.of(
                    Member.of("a", p(Prim.UINT8)), Member.of("b", p(Prim.INT16)),
                    Member.bitField("c", p(Prim.UINT32), 5), Member.bitField("d", p(Prim.INT32), 7),
                    Member.bitField("e", p(Prim.UNSIGNED_CHAR), 3),
                    Member.of("big", p(Prim.UINT64)), Member.of("neg", p(Prim.INT64)),
                    Member.of("f", p(Prim.FLOAT)), Member.of("g", p(Prim.DOUBLE)),
                    Member.of("name", new ArrayType(p(Prim.CHAR), 8)),
                    Member.of("arr", new ArrayType(new ArrayType(p(Prim.INT16), 3), 2)),
                    Member.of("col", NamedType.enumeration("Color")), Member.of("ok", p(Prim.BOOL)),
                    Member.of("ld", p(Prim.LONG_DOUBLE))))), java.util.Map.of());

    static final String VALUES = """
            {"a": 200, "b": -1234, "c": 31, "d": -64, "e": 5, "big": 18446744073709551615,
             "neg": -9223372036854775808, "f": 1.5, "g": -2.25, "name": "hello", "arr": [[1, 2, 3], [-4, -5, -6]],
             "col": "BLUE", "ok": true, "ld": 0.1}""";

    private static MemorySegment encode(ByteOrder order, String values, Arena arena) throws Exception {
        RecordLayout layout = LayoutEngine.layout("S", LIB, Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, order);
        MemorySegment seg = arena.allocate(plan.recordSize());
        RecordEncoder.encode(plan, JSON.readTree(values), seg);
        return seg;
    }

    @ParameterizedTest
    @ValueSource(strings = {"little", "big"})
    void whatItWritesTheDecoderReadsBack(String orderName) throws Exception {
        ByteOrder order = orderName.equals("big") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        try (Arena a = Arena.ofConfined()) {
            MemorySegment seg = encode(order, VALUES, a);
            DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout("S", LIB, Abis.X86_64_LINUX), Abis.X86_64_LINUX, order);
            StringBuilder sb = new StringBuilder();
            JsonText.append(sb, plan.decode(seg, 0));
            JsonNode back = JSON.readTree(sb.toString());
            JsonNode want = JSON.readTree(VALUES);
            for (var it = want.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.equals("ld")) {
                    assertEquals(0.1, back.get(k).asDouble(), 0.0, "ld");
                } else {
                    assertEquals(want.get(k), back.get(k), k);
                }
            }
        }
    }

    @Test
    void writesTheSameBytesAsGcc(@TempDir Path dir) throws Exception {
        assumeTrue(new ProcessBuilder("gcc", "--version").start().waitFor() == 0, "gcc is needed");
        String program = "#include <stdint.h>\n#include <stdio.h>\n#include <string.h>\n" + C_STRUCT + """
                int main(void) {
                  struct S s; memset(&s, 0, sizeof s);
                  s.a = 200; s.b = -1234; s.c = 31; s.d = -64; s.e = 5; s.big = 18446744073709551615ULL;
                  s.neg = (-9223372036854775807LL - 1); s.f = 1.5f; s.g = -2.25; strcpy(s.name, "hello");
                  int16_t arr[2][3] = {{1, 2, 3}, {-4, -5, -6}}; memcpy(s.arr, arr, sizeof arr);
                  s.col = BLUE; s.ok = 1; s.ld = 0.1;
                  const unsigned char *p = (const unsigned char *) &s;
                  /* long double has 6 bytes of padding gcc may leave dirty: print the 10 that count */
                  for (size_t i = 0; i < sizeof s; i++) {
                    size_t ld = offsetof(struct S, ld);
                    printf("%02x", (i >= ld + 10) ? 0 : p[i]);
                  }
                  return 0;
                }
                """;
        Path c = dir.resolve("s.c");
        Files.writeString(c, program.replace("offsetof", "__builtin_offsetof"));
        Path exe = dir.resolve("s");
        Process cc = new ProcessBuilder("gcc", "-O0", "-o", exe.toString(), c.toString()).inheritIO().start();
        assertTrue(cc.waitFor(60, TimeUnit.SECONDS) && cc.exitValue() == 0, "gcc failed");
        Process run = new ProcessBuilder(exe.toString()).start();
        String expected = new String(run.getInputStream().readAllBytes()).strip();
        try (Arena a = Arena.ofConfined()) {
            MemorySegment seg = encode(ByteOrder.LITTLE_ENDIAN, VALUES, a);
            assertEquals(expected, HexFormat.of().formatHex(seg.toArray(ValueLayout.JAVA_BYTE)));
        }
    }

    @Test
    void aValueThatDoesNotFitNamesTheMember() {
        try (Arena a = Arena.ofConfined()) {
            InputException e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, "{\"c\": 32}", a));
            assertEquals("c", e.where());
            assertTrue(e.getMessage().contains("32 does not fit 5-bit bit-field"), e.getMessage());
            e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, "{\"nope\": 1}", a));
            assertTrue(e.getMessage().contains("no member 'nope' in struct S"), e.getMessage());
            e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, "{\"col\": \"PINK\"}", a));
            assertTrue(e.getMessage().contains("'PINK' is not an enumerator"), e.getMessage());
            e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, "{\"arr\": [[1,2,3,4]]}", a));
            assertEquals("arr[0][3]", e.where(), "the first element past the end");
            assertTrue(e.getMessage().contains("past the end of int16_t[3], which has 3 elements"), e.getMessage());
        }
    }

    /**
     * A finite number too large for a floating member is refused, not stored as infinity (it
     * was: patch --set f=1e40 wrote +Infinity and said it had changed 4 bytes); the largest
     * finite values and infinity asked for by name are written.
     */
    @Test
    void aFiniteNumberTooLargeForItsFloatIsRefused() throws Exception {
        try (Arena a = Arena.ofConfined()) {
            for (String values : List.of("{\"f\": 1e40}", "{\"f\": -3.5e38}", "{\"g\": 1e400}", "{\"ld\": -1e999}")) {
                InputException e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, values, a), values);
                assertTrue(e.getMessage().contains("does not fit") && e.getMessage().contains("largest finite value"),
                        e.getMessage());
            }
            InputException e = assertThrows(InputException.class, () -> encode(ByteOrder.LITTLE_ENDIAN, "{\"f\": 1e40}", a));
            assertEquals("f", e.where());
            assertTrue(e.getMessage().contains("float (largest finite value 3.4028235E38"), e.getMessage());
            MemorySegment seg = encode(ByteOrder.LITTLE_ENDIAN,
                    "{\"f\": 3.4028235e38, \"g\": -1.7976931348623157e308, \"ld\": \"Infinity\"}", a);
            DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout("S", LIB, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                    ByteOrder.LITTLE_ENDIAN);
            StringBuilder sb = new StringBuilder();
            JsonText.append(sb, plan.decode(seg, 0));
            JsonNode back = JSON.readTree(sb.toString());
            assertEquals(Float.MAX_VALUE, (float) back.get("f").asDouble());
            assertEquals(-Double.MAX_VALUE, back.get("g").asDouble());
            assertEquals("Infinity", back.get("ld").asText());
        }
    }
}
