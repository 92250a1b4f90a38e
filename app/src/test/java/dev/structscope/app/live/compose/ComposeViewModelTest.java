package dev.structscope.app.live.compose;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.RecordLayout;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.structscope.app.live.compose.ComposeCtypesTest.fill;
import static dev.structscope.app.live.compose.ComposeCtypesTest.layout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compose view model without a screen: validation, what blocks sending, sends, history. */
class ComposeViewModelTest {
    private static final String POINT = """
            #include <stdint.h>
            enum Kind { A = 1, B = 2 };
            struct P { int16_t x; uint8_t small : 3; enum Kind k; _Bool on; float f; char name[4]; };
            """;

    private static ComposeViewModel vm() {
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        vm.setRecord(layout(POINT, "P"), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        return vm;
    }

    private static String error(ComposeViewModel vm, String path, String text) {
        FormEntry e = vm.entry(path);
        switch (e) {
            case ScalarEntry s -> s.setText(text);
            case StringEntry s -> s.setText(text);
            default -> throw new AssertionError(path);
        }
        return FormJson.error(e);
    }

    @Test
    void invalidInputIsMarkedWithTheReasonAndBlocksSending() {
        ComposeViewModel vm = vm();
        vm.sender.set((r, n) -> { });
        assertEquals("", vm.blocked.get());
        assertTrue(error(vm, "x", "32768").contains("int16_t (-32768 to 32767)"));
        assertEquals("1 value is invalid", vm.blocked.get());
        assertTrue(vm.validity.get().firstError().startsWith("x: 32768 does not fit"));
        assertTrue(error(vm, "small", "8").contains("3-bit field: 0 to 7"));
        assertEquals("", error(vm, "small", "0x7"));
        assertTrue(error(vm, "small", "-1").contains("does not fit"));
        assertTrue(error(vm, "k", "C").contains("not one of A, B"));
        assertEquals("", error(vm, "k", "B"));
        assertEquals("", error(vm, "k", "5"), "a raw number is allowed for an enum");
        // GCC stores an enum with no negative value as unsigned int.
        assertTrue(error(vm, "k", "-5").contains("(0 to 4294967295)"));
        assertEquals("", error(vm, "k", "B"));
        assertTrue(error(vm, "f", "1e39").contains("out of range"));
        assertEquals("", error(vm, "f", "-Inf"));
        assertTrue(error(vm, "f", "1.5f").contains("not a number"));
        assertTrue(error(vm, "name", "ABCDE").contains("5 characters do not fit char[4]"));
        assertTrue(error(vm, "name", "Ω").contains("ISO-8859-1"));
        assertEquals("4 values are invalid", vm.blocked.get());
        assertEquals("", error(vm, "x", "-0x8000"));
        assertEquals("", error(vm, "small", "7"));
        assertEquals("", error(vm, "f", "3.4028235e38"), "rounds to FLT_MAX");
        assertEquals("", error(vm, "name", "ABCD"), "a full array needs no NUL");
        assertEquals("", vm.blocked.get());
    }

    @Test
    void withoutASenderTheReasonIsNotConnected() {
        ComposeViewModel vm = vm();
        assertEquals("Not connected", vm.blocked.get());
        vm.send(1);
        assertTrue(vm.history.isEmpty());
        ComposeViewModel empty = new ComposeViewModel(Runnable::run, Runnable::run);
        assertEquals("No record type to compose", empty.blocked.get());
        assertNull(empty.form.get());
    }

    @Test
    void sendHandsTheEncodedRecordAndTimesToTheSenderAndKeepsAHistory() {
        ComposeViewModel vm = vm();
        List<String> got = new ArrayList<>();
        vm.sender.set((r, n) -> got.add(n + ":" + HexFormat.of().formatHex(r.toArray(ValueLayout.JAVA_BYTE))));
        fill(vm, Map.of("x", "0x0102", "small", "5", "k", "B", "on", "true", "f", "1", "name", "ab"));
        vm.send(1);
        fill(vm, Map.of("x", "-1", "name", "zz"));
        vm.times.set(3);
        vm.send();
        assertEquals(List.of("1:0201050002000000010000000000803f61620000", "3:ffff050002000000010000000000803f7a7a0000"), got);
        assertEquals(2, vm.history.size());
        SentRecord first = vm.history.get(1);
        assertTrue(first.ok());
        assertEquals(1, first.times());
        assertTrue(first.summary().startsWith("x=0x0102, small=5, k=B, on=true, f=1, name=\"ab\""), first.summary());
        assertEquals("Sent 3 records", vm.outcome.get().text());
        vm.load(first);
        assertEquals("0x0102", ((ScalarEntry) vm.entry("x")).text.get(), "loaded back as typed");
        assertEquals("ab", ((StringEntry) vm.entry("name")).text.get());
    }

    @Test
    void aFailedSendIsShownAndKeptInTheHistoryAsFailed() {
        ComposeViewModel vm = vm();
        vm.sender.set((r, n) -> {
            throw new IOException("connection reset by peer");
        });
        vm.send(1);
        assertEquals("Send failed: connection reset by peer", vm.outcome.get().text());
        assertTrue(vm.outcome.get().error());
        assertFalse(vm.history.getFirst().ok());
        assertEquals("connection reset by peer", vm.history.getFirst().error());
        assertFalse(vm.sending.get());
    }

    @Test
    void sendsRunOffTheCallingThreadAndCanBeCancelled() throws Exception {
        var background = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        ComposeViewModel vm = new ComposeViewModel(background, fx::add);
        vm.setRecord(layout(POINT, "P"), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = Thread.currentThread();
        vm.sender.set((r, n) -> {
            assertFalse(Thread.currentThread() == caller);
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                throw new java.io.InterruptedIOException("interrupted");
            }
        });
        vm.send(5);
        assertTrue(vm.sending.get());
        assertEquals("Sending…", vm.blocked.get());
        assertTrue(started.await(10, TimeUnit.SECONDS));
        vm.cancel();
        Runnable done = fx.poll(10, TimeUnit.SECONDS);
        assertNotNull(done, "the send ends after cancel");
        done.run();
        assertFalse(vm.sending.get());
        assertEquals("Send failed: cancelled", vm.outcome.get().text());
        background.shutdownNow();
    }

    @Test
    void hugeArraysShowACappedNumberOfEditorsAndSayTheRestAreZero() {
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        RecordLayout big = layout("struct H { int first; int many[100000]; char grid[3][5]; int flex[]; };", "H");
        vm.setRecord(big, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        GroupEntry many = (GroupEntry) vm.entry("many");
        assertEquals(FormBuilder.ELEMENTS_SHOWN, many.children().size());
        assertEquals("showing 32 of 100000 elements; the other 99968 are sent as zero", many.note());
        GroupEntry grid = (GroupEntry) vm.entry("grid");
        assertEquals(3, grid.children().size());
        assertTrue(grid.children().getFirst() instanceof StringEntry);
        assertTrue(((GroupEntry) vm.entry("flex")).note().startsWith("flexible"));
        fill(vm, Map.of("first", "1", "many[31]", "2", "grid[2]", "hey"));
        MemorySegment rec = vm.encode();
        assertEquals(big.size(), rec.byteSize());
        assertEquals(2, rec.get(ValueLayout.JAVA_INT_UNALIGNED, 4 + 31 * 4));
        assertEquals(0, rec.get(ValueLayout.JAVA_INT_UNALIGNED, 4 + 32 * 4));
        assertEquals('h', rec.get(ValueLayout.JAVA_BYTE, 4 + 400_000 + 10));
    }

    @Test
    void aFormTooBigToShowWholeIsCappedWithANote() {
        StringBuilder members = new StringBuilder("struct W {");
        for (int i = 0; i < 60; i++) {
            members.append(" int a").append(i).append("[30];");
        }
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        vm.setRecord(layout(members + " };", "W"), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        int[] editors = {0};
        FormJson.walk(vm.form.get(), e -> editors[0] += e instanceof GroupEntry ? 0 : 1);
        assertEquals(FormBuilder.EDITORS, editors[0]);
        assertTrue(vm.form.get().note().contains("more members not shown"), vm.form.get().note());
        assertEquals(60 * 30 * 4, vm.encode().byteSize());
    }

    @Test
    void settingTheSameLayoutKeepsValuesAndHistoryAnotherOneStartsOver() {
        ComposeViewModel vm = vm();
        vm.sender.set((r, n) -> { });
        fill(vm, Map.of("x", "77"));
        vm.send(1);
        vm.setRecord(layout(POINT, "P"), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertEquals("77", ((ScalarEntry) vm.entry("x")).text.get());
        assertEquals(1, vm.history.size());
        vm.setRecord(layout(POINT, "P"), Abis.X86_64_LINUX, ByteOrder.BIG_ENDIAN);
        assertEquals("0", ((ScalarEntry) vm.entry("x")).text.get());
        assertTrue(vm.history.isEmpty());
        assertTrue(vm.title.get().endsWith("big-endian"), vm.title.get());
        vm.setRecord(null, Abis.X86_64_LINUX, ByteOrder.BIG_ENDIAN);
        assertNull(vm.form.get());
    }

    @Test
    void aLayoutTheEncoderCannotTakeIsSaidInPlaceNotThrown() {
        // The model refuses such layouts itself; this one is made by hand to reach the check.
        RecordLayout ok = layout("struct S { int v; };", "S");
        dev.structscope.model.layout.FieldLayout f = ok.fields().getFirst();
        var voidLayout = new dev.structscope.model.layout.ScalarLayout(f.layout().type(),
                dev.structscope.model.type.Prim.VOID, false, 4, 4);
        RecordLayout bad = new RecordLayout(ok.type(), ok.name(), ok.definition(), ok.size(), ok.align(),
                List.of(f.withLayout(voidLayout)),
                ok.padding());
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        vm.setRecord(bad, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertNull(vm.form.get());
        assertEquals("Cannot compose this record: v: member of type void", vm.problem.get());
        assertEquals("No record type to compose", vm.blocked.get());
        vm.setRecord(ok, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        assertEquals("", vm.problem.get());
        assertNotNull(vm.form.get());
    }
}
