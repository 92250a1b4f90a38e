package dev.structscope.io.net.live;

import dev.structscope.io.net.Message;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monitor's bounded store and the per-frame catch-up of the table's list. */
class MessageStoreTest {
    private static LiveMessage msg(long seq, int size) {
        return new LiveMessage(seq, seq, "p", java.lang.foreign.MemorySegment.ofArray(new byte[size]));
    }

    @Test
    void evictsTheOldestToStayWithinTheBudgetAndCountsThem() {
        long cost = 100 + LiveMessage.OVERHEAD;
        MessageStore s = new MessageStore(cost * 10);
        for (int i = 0; i < 25; i++) {
            s.add(msg(i, 100));
            assertTrue(s.counts().held() <= s.budget(), "held " + s.counts().held());
        }
        assertEquals(25, s.added());
        assertEquals(15, s.evicted());
        assertEquals(10, s.counts().size());
        assertEquals(2500, s.counts().bytesAdded());
        assertNull(s.get(14));
        assertEquals(15, s.get(15).seq());
        assertEquals(24, s.get(24).seq());
    }

    @Test
    void aMessageLargerThanTheBudgetIsStillKeptAlone() {
        MessageStore s = new MessageStore(1000);
        s.add(msg(0, 10));
        s.add(msg(1, 5000));
        assertEquals(1, s.counts().size());
        assertEquals(1, s.evicted());
        assertEquals(1, s.get(1).seq());
    }

    @Test
    void copiesTheMessageOutOfTheReceiveBuffer() {
        byte[] buffer = {1, 2, 3, 4};
        LiveMessage m = LiveMessage.copyOf(new Message(7, 99, "h:1", MemorySegment.ofArray(buffer).asSlice(1, 2)), 3,
                new NativeSlabs());
        buffer[1] = 42; // the capture reuses its buffer after the callback
        assertEquals(3, m.seq());
        assertEquals(2, m.length());
        assertTrue(m.bytes().isNative(), "bodies live in native memory, not byte[]");
        assertTrue(m.bytes().isReadOnly());
        assertEquals(2, m.bytes().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0));
        assertEquals(3, m.bytes().get(java.lang.foreign.ValueLayout.JAVA_BYTE, 1));
    }

    @Test
    void theListCatchesUpInOneBatchAndDropsWhatTheStoreEvicted() {
        long cost = 10 + LiveMessage.OVERHEAD;
        MessageStore s = new MessageStore(cost * 5);
        List<LiveMessage> items = new ArrayList<>();
        LiveList list = new LiveList(items);
        assertEquals(0, list.catchUp(s));
        for (int i = 0; i < 3; i++) {
            s.add(msg(i, 10));
        }
        assertEquals(3, list.catchUp(s));
        assertEquals(List.of(0L, 1L, 2L), items.stream().map(LiveMessage::seq).toList());
        for (int i = 3; i < 7; i++) {
            s.add(msg(i, 10)); // evicts 0 and 1
        }
        assertEquals(4, list.catchUp(s));
        assertEquals(List.of(2L, 3L, 4L, 5L, 6L), items.stream().map(LiveMessage::seq).toList());
        for (int i = 7; i < 20; i++) {
            s.add(msg(i, 10)); // everything the list shows is gone, and some never shown
        }
        assertEquals(5, list.catchUp(s));
        assertEquals(List.of(15L, 16L, 17L, 18L, 19L), items.stream().map(LiveMessage::seq).toList());
        assertEquals(0, list.catchUp(s));
        assertEquals(5, items.size());
    }

    @Test
    void ratesAreTakenOverHalfSecondWindows() {
        Rates r = new Rates();
        assertTrue(!r.sample(0, 0, 0));
        assertTrue(!r.sample(100_000_000L, 50, 500));
        assertTrue(r.sample(1_000_000_000L, 1000, 16_000));
        assertEquals(1000, r.messagesPerSecond(), 1e-9);
        assertEquals(16_000, r.bytesPerSecond(), 1e-9);
        assertTrue(r.sample(1_500_000_000L, 1000, 16_000));
        assertEquals(0, r.messagesPerSecond(), 1e-9);
    }
}
