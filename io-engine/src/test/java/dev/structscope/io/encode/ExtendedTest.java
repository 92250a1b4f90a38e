package dev.structscope.io.encode;

import dev.structscope.io.decode.ExtendedFloat;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigDecimal;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Extended} writes every double exactly as x87 extended and as binary128: read back by
 * {@link ExtendedFloat} (the decoder's reading of the two formats) and compared as exact decimals,
 * subnormal doubles included (each is a normal value of the wider formats).
 */
class ExtendedTest {
    private static final double[] FINITE = {0.0, -0.0, 1.0, -1.5, Math.PI, Double.MAX_VALUE, -Double.MAX_VALUE,
            Double.MIN_NORMAL, Double.MIN_VALUE, -Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL / 2,
            Double.MIN_NORMAL - Double.MIN_VALUE, Math.nextDown(Double.MIN_NORMAL / 1024), 1e-310, -2.5e-320};

    @Test
    void everyFiniteDoubleIsWrittenExactlyInBothFormatsAndByteOrders() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16);
            for (double d : FINITE) {
                for (boolean be : new boolean[] {false, true}) {
                    ValueLayout.OfLong l64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(
                            be ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    ValueLayout.OfShort l16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(l64.order());

                    Extended.writeX87(s, 0, d, be);
                    ExtendedFloat x87 = ExtendedFloat.fromX87(s.get(l64, be ? 2 : 0), s.get(l16, be ? 0 : 8) & 0xFFFF);
                    assertExact(d, x87, "x87" + (be ? " BE" : ""));

                    Extended.writeBinary128(s, 0, d, be);
                    ExtendedFloat q = ExtendedFloat.fromBinary128(s.get(l64, be ? 0 : 8), s.get(l64, be ? 8 : 0));
                    assertExact(d, q, "binary128" + (be ? " BE" : ""));
                }
            }
        }
    }

    @Test
    void infinitiesAndNanStayWhatTheyAre() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(16);
            for (double d : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN}) {
                Extended.writeX87(s, 0, d, false);
                assertEquals(d, ExtendedFloat.fromX87(s.get(ValueLayout.JAVA_LONG_UNALIGNED, 0),
                        s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 8) & 0xFFFF).toDouble(), "x87 " + d);
                Extended.writeBinary128(s, 0, d, false);
                assertEquals(d, ExtendedFloat.fromBinary128(s.get(ValueLayout.JAVA_LONG_UNALIGNED, 8),
                        s.get(ValueLayout.JAVA_LONG_UNALIGNED, 0)).toDouble(), "binary128 " + d);
            }
        }
    }

    private static void assertExact(double d, ExtendedFloat read, String format) {
        assertEquals(0, new BigDecimal(d).compareTo(read.toBigDecimal()), format + " of " + d);
        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(read.toDouble()), format + " of " + d);
        assertTrue(read.isExactDouble(), format + " of " + d);
    }
}
