package dev.structscope.io.decode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.fuzz.Choices;
import dev.structscope.model.fuzz.TypeTrees;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.io.decode.SeededDecodeCases.Outcome;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder over random bytes at random offsets, for random layouts of every type kind
 * ({@link TypeTrees}: all primitives, long double of every ABI, pointers, enums, bit-fields,
 * multi-dimensional, char and flexible arrays, nested and anonymous structs and unions) in both
 * byte orders. The data is a native segment of exactly the bytes given, so the offsets include
 * the last bytes of a segment and any read outside the record would fail loudly.
 *
 * <p>Allowed outcomes: an InputException with a message (only when the record does not fit at
 * that offset), or a record whose JSON text ({@link JsonText}) parses as JSON and agrees, value by
 * value, with the lazy values ({@link RecordValue}, {@link ArrayValue}) read from the same bytes;
 * the csv and text formats must also write it. Anything else is a defect.
 *
 * <p>Jazzer: regression mode over {@code DecoderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes.
 * The seeded test runs {@code structscope.fuzz.cases} cases (default 5000) in every build.
 */
class DecoderFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "60s")
    void decodeEndsInValuesOrAnInputException(FuzzedDataProvider data) {
        check(Choices.of(data));
    }

    @Test
    void seededRandomLayoutsAndBytesEndInValuesOrAnInputException() {
        SeededDecodeCases.Counts n = SeededDecodeCases.run(5000, 0xDEC0DEL, DecoderFuzzTest::check);
        // A quarter at least: the generator also makes layouts the compilers refuse (NO_LAYOUT).
        assertTrue(n.decoded() > n.cases() / 4, "decoded " + n.decoded());
        assertTrue(n.refused() > n.cases() / 20, "refused " + n.refused());
    }

    static Outcome check(Choices c) {
        TypeTrees.Laid laid = TypeTrees.layOut(c, false);
        if (laid.layout() == null) {
            return Outcome.NO_LAYOUT;   // the layout engine's own target covers these
        }
        Abi abi = laid.abi();
        RecordLayout layout = laid.layout();
        ByteOrder order = c.chance(2) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        DecoderPlan plan = DecoderPlan.compile(layout, abi, order);
        assertEquals(layout.size(), plan.recordSize());
        int n = c.pick(4) == 0 ? c.pick(16) : c.pick(2048);
        byte[] bytes = c.bytes(n);
        long size = plan.recordSize();
        long base = switch (c.pick(6)) {
            case 0 -> n - size;              // the record ends on the segment's last byte
            case 1 -> n - size + 1;          // one byte short
            case 2 -> c.pick(n + 1);
            case 3 -> c.anyLong();
            case 4 -> n;
            default -> 0;
        };
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(Math.max(n, 0), 1);
            MemorySegment.copy(bytes, 0, seg, ValueLayout.JAVA_BYTE, 0, n);
            RecordValue r;
            try {
                r = plan.decode(seg, base);
            } catch (InputException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank());
                assertFalse(base >= 0 && base <= n - size, "refused a record that fits: " + e.oneLine());
                return Outcome.REFUSED;
            }
            assertTrue(base >= 0 && base <= n - size, "decoded a record that does not fit at " + base);
            agreesWithItsJsonText(r, "");
            StringWriter out = new StringWriter();
            for (String format : new String[]{"csv", "text", "jsonl"}) {
                RecordFormat f = RecordFormat.of(format, new PrintWriter(out));
                f.begin();
                f.record(0, base, r);
                f.end();
            }
            return Outcome.DECODED;
        }
    }

    /**
     * The value's JSON text ({@link JsonText}) parses as JSON and says, value by value, what the
     * lazy value says ({@link #agree}); {@code context} ends the message of a text that is not JSON.
     */
    static void agreesWithItsJsonText(Value v, String context) {
        StringBuilder sb = new StringBuilder();
        JsonText.append(sb, v);
        JsonNode node;
        try {
            node = JSON.readTree(sb.toString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + sb + context, e);
        }
        agree(v, node, "");
    }

    /** The lazy value and its JSON text say the same thing. */
    static void agree(Value v, JsonNode j, String path) {
        assertTrue(j != null, "missing in JSON: " + path);
        switch (v) {
            case RecordValue r -> {
                assertTrue(j.isObject(), path);
                assertEquals(r.memberCount(), j.size(), path + " member count");
                for (int i = 0; i < r.memberCount(); i++) {
                    agree(r.get(i), j.get(r.memberName(i)), path + "." + r.memberName(i));
                }
            }
            case ArrayValue a -> {
                assertTrue(j.isArray(), path);
                assertEquals(a.length(), j.size(), path + " length");
                for (int i = 0; i < a.length(); i++) {
                    agree(a.get(i), j.get(i), path + "[" + i + "]");
                }
            }
            case Value.Null n -> assertTrue(j.isNull(), path);
            case Value.Int i -> assertEquals(i.toString(), j.asText(), path);
            case Value.Wide w -> assertEquals(w.value(), j.bigIntegerValue(), path);
            case Value.Bool b -> assertEquals(b.value(), j.booleanValue(), path);
            case Value.Pointer p -> assertEquals(Long.toUnsignedString(p.address()), j.asText(), path);
            case Value.Enum e -> assertEquals(e.name() != null ? e.name()
                    : e.unsigned() ? Long.toUnsignedString(e.value()) : Long.toString(e.value()), j.asText(), path);
            case Value.Str s -> assertEquals(s.value(), j.textValue(), path);
            case Value.Real r -> {
                if (Double.isNaN(r.value()) || Double.isInfinite(r.value())) {
                    assertEquals(Double.isNaN(r.value()) ? "NaN" : r.value() > 0 ? "Infinity" : "-Infinity", j.textValue(), path);
                } else if (r.single()) {
                    assertEquals((float) r.value(), (float) j.asDouble(), path);
                } else {
                    assertEquals(r.value(), j.asDouble(), path);
                }
            }
            case Value.ExtReal x -> assertTrue(j.isNumber() || j.isTextual(), path + ": " + x);
        }
    }
}
