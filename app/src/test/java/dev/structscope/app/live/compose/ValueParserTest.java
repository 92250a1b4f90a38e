package dev.structscope.app.live.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarNode;
import dev.structscope.io.decode.Value;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.RecordLayout;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteOrder;
import java.util.Random;

import static dev.structscope.app.live.compose.ComposeCtypesTest.layout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever is typed, the parser answers (a value or a reason, never an exception), and every
 * value it accepts is in range and survives encode then decode unchanged, in both byte orders.
 */
class ValueParserTest {
    private static final String ALPHABET = "0123456789xXabcdefABCDEF+-.eEinfNa _";
    private static final RecordLayout LAYOUT = layout("""
            #include <stdint.h>
            enum E { NEG = -3, POS = 9 };
            struct R { int8_t a; uint64_t b; int c : 3; unsigned d : 13; float f; double g; enum E e; _Bool t; };
            """, "R");

    @Test
    void randomTextNeverThrowsAndAcceptedValuesRoundTrip() {
        Random random = new Random(7);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            DecoderPlan plan = DecoderPlan.compile(LAYOUT, Abis.X86_64_LINUX, order);
            ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
            vm.setRecord(LAYOUT, Abis.X86_64_LINUX, order);
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                ScalarEntry entry = (ScalarEntry) vm.form.get().children().get(random.nextInt(8));
                String text = randomText(random);
                entry.setText(text);
                if (entry.error.get().isEmpty()) {
                    accepted++;
                    Value back = plan.decode(vm.encode(), 0).get(entry.label());
                    check(entry.node(), entry.parsed().value(), back, text);
                }
                entry.setText(switch (entry.editor()) {
                    case BOOL -> "false";
                    case ENUM -> "NEG";
                    default -> "0";
                });
                assertEquals("", entry.error.get());
            }
            assertTrue(accepted > 1000, "enough accepted inputs to mean something: " + accepted);
        }
    }

    private static void check(ScalarNode n, JsonNode value, Value back, String text) {
        assertNotNull(value, text);
        switch (back) {
            case Value.Int v -> {
                BigInteger b = v.unsigned() ? new BigInteger(Long.toUnsignedString(v.bits())) : BigInteger.valueOf(v.bits());
                assertEquals(value.bigIntegerValue(), b, text);
                assertTrue(b.compareTo(ValueParser.min(n)) >= 0 && b.compareTo(ValueParser.max(n)) <= 0, text);
            }
            case Value.Enum v -> assertEquals(value.isTextual() ? value.asText() : value.bigIntegerValue().toString(),
                    v.name() != null && value.isTextual() ? v.name() : String.valueOf(v.value()), text);
            case Value.Real v -> {
                double expected = value.isTextual() ? Double.parseDouble(value.asText()) : value.asDouble();
                double want = n.kind() == dev.structscope.io.decode.ScalarKind.FLOAT32 ? (float) expected : expected;
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(v.value()), text);
            }
            case Value.Bool v -> assertEquals(value.asBoolean(), v.value(), text);
            default -> throw new AssertionError(back + " for " + text);
        }
    }

    private static String randomText(Random r) {
        int len = r.nextInt(12);
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? "0x" : "-");
        }
        for (int i = 0; i < len; i++) {
            // Mostly digits, so that many inputs are numbers.
            sb.append(r.nextInt(3) > 0 ? (char) ('0' + r.nextInt(10)) : ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
