package dev.structscope.io.decode;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.fuzz.Choices;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.io.decode.SeededDecodeCases.Outcome;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dynamic decoder over random dynamic layouts and random bytes: headers generated from the
 * contract's whole syntax (counted arrays over earlier members and enclosing ones, arrays to the
 * end, placed members, tagged unions with and without defaults and sizes, sized windows, nested
 * and packed records), decoded from random offsets of a native segment of exactly the bytes given.
 *
 * <p>Allowed outcomes: an InputException with a message, or a record whose size fits the data and
 * whose JSON parses and agrees value by value with the lazy values. Small limits keep every case
 * bounded; a hang or an OutOfMemoryError is a failure. Jazzer: regression mode over
 * {@code DynamicDecoderFuzzTestInputs/}; {@code JAZZER_FUZZ=1} fuzzes. The seeded test runs
 * {@code structscope.fuzz.cases} cases (default 2000) in every build.
 */
class DynamicDecoderFuzzTest {
    private static final Limits LIMITS = new Limits(1 << 20, 32, 1000, 20_000);
    private static final String[] SCALARS = {"uint8_t", "uint16_t", "int16_t", "uint32_t", "int32_t", "uint64_t",
        "double", "float", "char"};

    @FuzzTest(maxDuration = "60s")
    void dynamicDecodeEndsInValuesOrAnInputException(FuzzedDataProvider data) {
        check(Choices.of(data));
    }

    @Test
    void seededRandomDynamicLayoutsAndBytesEndInValuesOrAnInputException() {
        SeededDecodeCases.Counts n = SeededDecodeCases.run(2000, 0xD1AL, DynamicDecoderFuzzTest::check);
        assertTrue(n.decoded() > n.cases() / 10, "decoded " + n.decoded());
        assertTrue(n.refused() > n.cases() / 10, "refused " + n.refused());
    }

    /** A random header of dynamic records R0..Rn, each using the ones before it. */
    static String header(Choices c) {
        StringBuilder sb = new StringBuilder("#include <stdint.h>\n");
        int records = 1 + c.pick(4);
        for (int r = 0; r < records; r++) {
            sb.append(c.chance(2) ? "struct __attribute__((packed)) R" : "struct R").append(r).append(" {\n");
            List<String> ints = new ArrayList<>();
            int members = 1 + c.pick(6);
            boolean flexible = false;
            for (int m = 0; m < members && !flexible; m++) {
                String name = "m" + m;
                String count = ints.isEmpty() ? Integer.toString(c.pick(4)) : countExpr(c, ints);
                switch (c.pick(9)) {
                    case 0, 1 -> {
                        String t = SCALARS[c.pick(SCALARS.length)];
                        sb.append("  ").append(t).append(' ').append(name).append(";\n");
                        if (t.contains("int")) {
                            ints.add(name);
                        }
                    }
                    case 2 -> sb.append("  ").append(SCALARS[c.pick(SCALARS.length)]).append(' ').append(name)
                            .append('[').append(count).append("];\n");
                    case 3 -> {
                        if (r > 0) {
                            sb.append("  struct R").append(c.pick(r)).append(' ').append(name).append('[').append(count)
                                    .append("];\n");
                        }
                    }
                    case 4 -> {
                        flexible = true;
                        String t = r > 0 && c.chance(2) ? "struct R" + c.pick(r) : SCALARS[c.pick(SCALARS.length)];
                        sb.append("  ").append(t).append(' ').append(name).append("[];\n");
                    }
                    case 5 -> {
                        if (!ints.isEmpty()) {
                            sb.append("  [[structscope::at(").append(ints.get(c.pick(ints.size()))).append(c.chance(2)
                                    ? " % 64" : "").append(")]] ").append(r > 0 && c.chance(2) ? "struct R" + c.pick(r)
                                    : "uint32_t").append(' ').append(name).append(";\n");
                        }
                    }
                    case 6, 7 -> {
                        if (!ints.isEmpty()) {
                            String on = ints.get(c.pick(ints.size()));
                            sb.append("  [[structscope::switch(").append(on).append(')');
                            if (c.chance(2)) {
                                sb.append(", structscope::size(").append(countExpr(c, ints)).append(')');
                            }
                            sb.append("]] union {\n");
                            int alts = 1 + c.pick(3);
                            for (int a = 0; a < alts; a++) {
                                sb.append("    ");
                                if (!(a == alts - 1 && c.chance(3))) {
                                    sb.append("[[structscope::when(").append(c.pick(4)).append(")]] ");
                                }
                                sb.append(r > 0 && c.chance(2) ? "struct R" + c.pick(r) : SCALARS[c.pick(SCALARS.length)])
                                        .append(" a").append(a).append(";\n");
                            }
                            sb.append("  } ").append(name).append(";\n");
                        }
                    }
                    default -> {
                        if (!ints.isEmpty() && r > 0) {
                            sb.append("  [[structscope::size(").append(countExpr(c, ints)).append(")]] struct R")
                                    .append(c.pick(r)).append(' ').append(name).append(";\n");
                        }
                    }
                }
            }
            sb.append("};\n");
        }
        return sb.toString();
    }

    private static String countExpr(Choices c, List<String> ints) {
        String n = ints.get(c.pick(ints.size()));
        return switch (c.pick(6)) {
            case 0 -> n;
            case 1 -> n + " - 2";
            case 2 -> n + " & 7";
            case 3 -> n + " % 5 + 1";
            case 4 -> n + " > 3 ? 3 : " + n;
            default -> "(" + n + " >> 1) * 2";
        };
    }

    static Outcome check(Choices c) {
        String text = header(c);
        RecordLayout layout;
        try {
            TypeLibrary lib = HeaderImporter.importText(text, "fuzz.h", HeaderImporter.Options.defaults());
            String root = lib.namedRecords().getLast().name();
            layout = LayoutEngine.layout(root, lib, Abis.X86_64_LINUX, LIMITS);
        } catch (InputException e) {
            return Outcome.NO_LAYOUT;
        }
        ByteOrder order = c.chance(2) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        RecordReader reader = RecordReader.of(layout, Abis.X86_64_LINUX, order, LIMITS);
        int n = c.pick(3) == 0 ? c.pick(16) : c.pick(512);
        byte[] bytes = c.bytes(n);
        long base = c.pick(4) == 0 ? c.pick(n + 1) : 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment seg = arena.allocate(Math.max(n, 1), 1).asSlice(0, n);
            MemorySegment.copy(bytes, 0, seg, ValueLayout.JAVA_BYTE, 0, n);
            RecordReader.Decoded d;
            try {
                d = reader.read(seg, base, n);
            } catch (InputException e) {
                assertFalse(e.getMessage() == null || e.getMessage().isBlank(), text);
                return Outcome.REFUSED;
            }
            assertTrue(d.size() >= 0 && base + d.size() <= n, "a record of " + d.size() + " bytes at " + base
                    + " in " + n + " bytes:\n" + text);
            DecoderFuzzTest.agreesWithItsJsonText(d.value(), "\n" + text);
            return Outcome.DECODED;
        }
    }
}
