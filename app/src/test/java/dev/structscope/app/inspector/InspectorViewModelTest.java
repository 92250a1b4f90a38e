package dev.structscope.app.inspector;

import dev.structscope.io.source.InMemorySource;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorViewModelTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private static Map<String, Inspector.Row> byName(InspectorViewModel vm) {
        return vm.rows().stream().collect(Collectors.toMap(Inspector.Row::name, r -> r));
    }

    @Test
    void inspectsTheBytesAtTheGivenOffsetAndShowsWhichBytesEachRowReads() {
        byte[] data = new byte[40];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(8, 0x1122334455667788L);
        byte[] text = "hi\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, data, 24, text.length);
        InspectorViewModel vm = new InspectorViewModel();
        vm.show(new InMemorySource("t", data), 8);
        assertEquals("INSPECTOR @ 0x8", vm.title.get());
        Map<String, Inspector.Row> rows = byName(vm);
        assertEquals(HEX.formatHex(data, 8, 10), rows.get("u16").hex());
        assertEquals(HEX.formatHex(data, 8, 12), rows.get("f32").hex());
        assertEquals(HEX.formatHex(data, 8, 16), rows.get("i64").hex());
        assertEquals(HEX.formatHex(data, 8, 18), rows.get("f80 (x87)").hex());
        assertEquals(Long.toString(b.getLong(8)), rows.get("i64").little());

        vm.show(new InMemorySource("t", data), 24);
        assertEquals(HEX.formatHex(text), byName(vm).get("string (ASCII)").hex(), "a C string reads up to and with its NUL");
        assertEquals("\"hi\"", byName(vm).get("string (ASCII)").little());
    }

    @Test
    void rowsThatRunPastTheEndSayNoBytesAndLongStringsAreCut() {
        byte[] data = "ABCDEFGHIJKLMNOPQRSTUVWXYZ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        InspectorViewModel vm = new InspectorViewModel();
        vm.show(new InMemorySource("t", data), data.length - 3);
        Map<String, Inspector.Row> rows = byName(vm);
        assertEquals("—", rows.get("u32").hex());
        assertEquals("58 59 5a", rows.get("string (ASCII)").hex());
        vm.show(new InMemorySource("t", data), 0);
        assertTrue(byName(vm).get("string (ASCII)").hex().endsWith(" …"), "no NUL in sight: the first 16 bytes and a mark");
    }

    @Test
    void nothingToInspectClearsTheRowsAndTheTitle() {
        InspectorViewModel vm = new InspectorViewModel();
        vm.show(new InMemorySource("t", new byte[4]), 0);
        assertFalse(vm.rows().isEmpty());
        vm.show(new InMemorySource("t", new byte[4]), 4);
        assertTrue(vm.rows().isEmpty());
        assertEquals("INSPECTOR", vm.title.get());
        vm.show(null, 0);
        assertTrue(vm.rows().isEmpty());
    }

    @Test
    void typedValuesAreEncodedInTheColumnsByteOrderOrRefusedWithTheReason() {
        InspectorViewModel vm = new InspectorViewModel();
        vm.show(new InMemorySource("t", new byte[16]), 0);
        Inspector.Row i16 = byName(vm).get("i16");
        Inspector.Row u32 = byName(vm).get("u32");
        assertEquals("this data cannot be edited", vm.write(i16, "1", ByteOrder.LITTLE_ENDIAN));
        assertFalse(vm.canEdit(i16));

        AtomicReference<byte[]> written = new AtomicReference<>();
        vm.setValueEditor(bytes -> {
            written.set(bytes);
            return null;
        });
        assertTrue(vm.canEdit(i16));
        assertFalse(vm.canEdit(byName(vm).get("UTF-8")));
        assertNull(vm.write(i16, "-2", ByteOrder.BIG_ENDIAN));
        assertEquals(HEX.formatHex(ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) -2).array()),
                HEX.formatHex(written.get()));
        assertNull(vm.write(u32, "0xdeadbeef", ByteOrder.LITTLE_ENDIAN));
        assertEquals(HEX.formatHex(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xdeadbeef).array()),
                HEX.formatHex(written.get()));
        String why = vm.write(u32, "4294967296", ByteOrder.LITTLE_ENDIAN);
        assertTrue(why.contains("out of range"), why);
    }
}
