package dev.structscope.io.columns;

import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.RecordReader;
import dev.structscope.io.decode.Value;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link RecordCursor}, the pull form of {@link RecordScan}: the records it steps through are the
 * ones the bytes were written as (boundaries known from the writing), the same the scan visits,
 * with the same end, trailing bytes and messages; a fixed range stops at its count or the data's end.
 */
class RecordCursorTest {
    private static final String HEADER = """
            struct Msg { uint16_t n; int32_t vals[n]; };
            struct Fix { int32_t a; int16_t b; };
            union Body { [[structscope::when(1)]] int32_t a; };
            struct Pkt { uint8_t kind; uint8_t pad[3]; [[structscope::switch(kind)]] union Body body; };
            """;

    private static RecordReader reader(String type) {
        var lib = HeaderImporter.importText(HEADER, "t.h", HeaderImporter.Options.defaults());
        return RecordReader.of(LayoutEngine.layout(type, lib, Abis.X86_64_LINUX), Abis.X86_64_LINUX,
                ByteOrder.LITTLE_ENDIAN, Limits.DEFAULT);
    }

    @Test
    void dynamicRecordsAreTheOnesWrittenAndTheScansOnes() {
        int[] counts = {2, 0, 5, 1, 3};
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        List<Long> starts = new ArrayList<>();
        for (int n : counts) {
            starts.add((long) b.position());
            b.putShort((short) n).putShort((short) 0);
            for (int i = 0; i < n; i++) {
                b.putInt(i * 7 - n);
            }
        }
        long end = b.position();
        b.putShort((short) 9).put((byte) 1); // a record the data ends inside
        byte[] bytes = java.util.Arrays.copyOf(b.array(), b.position());
        try (DataSource source = Sources.of("msgs", bytes)) {
            RecordCursor c = RecordCursor.open(source, reader("Msg"), 0);
            List<Long> seen = new ArrayList<>();
            while (c.next()) {
                assertEquals(seen.size(), c.index());
                assertEquals(counts[(int) c.index()], ((Value.Int) c.value().get("n")).bits());
                seen.add(c.offset());
            }
            assertEquals(starts, seen);
            assertEquals(end, c.end());
            assertFalse(c.next());

            List<Long> scanned = new ArrayList<>();
            RecordScan.Result r = RecordScan.scan(source, reader("Msg"), 0, (i, at, s, v) -> scanned.add(at),
                    RecordScan.Progress.NONE);
            assertEquals(starts, scanned);
            assertEquals(new RecordScan.Result(counts.length, end, bytes.length - end, List.of()), r);
        }
    }

    @Test
    void aFixedRangeStopsAtItsCountOrTheDataEnd() {
        byte[] bytes = new byte[10 * 8 + 3 + 5];
        try (DataSource source = Sources.of("fix", bytes)) {
            DecoderPlan plan = (DecoderPlan) reader("Fix");
            assertEquals(8, plan.recordSize());
            RecordCursor c = RecordCursor.range(source, plan, 5, 3, 4);
            List<Long> seen = new ArrayList<>();
            while (c.next()) {
                seen.add(c.index() * 1000 + c.offset());
            }
            assertEquals(List.of(3029L, 4037L, 5045L, 6053L), seen);
            c = RecordCursor.range(source, plan, 5, 8, 5);
            seen.clear();
            while (c.next()) {
                seen.add(c.index());
            }
            assertEquals(List.of(8L, 9L), seen, "10 whole records follow byte 5");
        }
    }

    @Test
    void badInputGivesTheScansMessages() {
        byte[] bytes = {1, 0, 0, 0, 5, 0, 0, 0, 9, 0, 0, 0, 5, 0, 0, 0};
        try (DataSource source = Sources.of("pkts", bytes)) {
            RecordCursor c = RecordCursor.open(source, reader("Pkt"), 0);
            c.next();
            InputException byCursor = assertThrows(InputException.class, c::next);
            InputException byScan = assertThrows(InputException.class, () -> RecordScan.scan(source, reader("Pkt"), 0,
                    (i, at, s, v) -> { }, RecordScan.Progress.NONE));
            assertEquals(byScan.oneLine(), byCursor.oneLine());
            assertEquals("pkts: byte offset 12: record 1: Pkt.body: no alternative matches kind = 9",
                    byCursor.oneLine().substring(0, byCursor.oneLine().indexOf(" and ")));

            InputException past = assertThrows(InputException.class, () -> RecordCursor.open(source, reader("Pkt"), 17));
            assertEquals("pkts: byte offset 17: --offset is outside the data (16 bytes)", past.oneLine());
        }
    }
}
