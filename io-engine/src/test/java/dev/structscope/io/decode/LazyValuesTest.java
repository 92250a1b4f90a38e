package dev.structscope.io.decode;

import dev.structscope.io.source.InMemorySource;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.List;

import static dev.structscope.io.testing.T.arr;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The GUI's access pattern: one record at any offset, arrays read element by element on demand
 * (a million-element array is a view, not a list), a record past the end refused with its offset.
 */
class LazyValuesTest {
    @Test
    void millionElementArrayIsReadOnDemand() {
        RecordType t = RecordType.struct("Big", List.of(m("n", Prim.UINT32), m("v", arr(p(Prim.INT32), 1_000_000))));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(t, TypeLibrary.of(t), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        long base = 3; // any offset, unaligned
        MemorySegment bytes = MemorySegment.ofArray(new byte[(int) (base + plan.recordSize())]);
        bytes.set(ValueLayout.JAVA_INT_UNALIGNED, base, 7);
        bytes.set(ValueLayout.JAVA_INT_UNALIGNED, base + 4 + 4L * 999_999, -123);
        try (InMemorySource src = new InMemorySource("big", bytes)) {
            RecordValue r = plan.decode(src.segment(), base);
            assertEquals(new Value.Int(7, true), r.get("n"));
            ArrayValue v = (ArrayValue) r.get("v");
            assertEquals(1_000_000, v.length());
            assertEquals(new Value.Int(-123, false), v.get(999_999));
            assertEquals(new Value.Int(0, false), v.get(0));
            assertEquals(base + 4 + 4L * 10, v.offsetOf(10));
            assertThrows(IndexOutOfBoundsException.class, () -> v.get(1_000_000));
            var e = assertThrows(dev.structscope.model.InputException.class, () -> plan.decode(src.segment(), base + 1));
            assertEquals("byte offset 4", e.where());
        }
    }
}
