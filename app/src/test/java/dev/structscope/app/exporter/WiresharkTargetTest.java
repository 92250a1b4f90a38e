package dev.structscope.app.exporter;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The export dialog offers the Wireshark dissector for the selected record (and says so when none is chosen). */
class WiresharkTargetTest {
    private final TypeLibrary lib = HeaderImporter.importText("struct Ping { unsigned seq : 12; char tag[4]; };",
            "p.h", HeaderImporter.Options.defaults());
    private final ExportChoice target = ExportChoice.all().stream().filter(t -> t.id().equals("wireshark")).findFirst()
            .orElseThrow();

    @Test
    void rendersTheSelectedRecord() {
        String lua = target.render(new ExportChoice.Request(lib, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN,
                "Ping")).text();
        assertTrue(lua.contains("Proto(\"ping\""), lua);
        assertTrue(lua.contains("F[\"ping.seq\"] = ProtoField.uint16(\"ping.seq\", \"seq\", base.DEC, nil, 0xfff)"), lua);
        assertTrue(lua.contains("add_for_decode_as(proto)"), lua);
        assertEquals(".lua", target.extension());
    }

    @Test
    void oneLetterNamesNoProtocol() {
        TypeLibrary one = HeaderImporter.importText("struct E { int _extra; };", "e.h", HeaderImporter.Options.defaults());
        InputException e = assertThrows(InputException.class, () -> target.render(
                new ExportChoice.Request(one, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN, "E")));
        assertTrue(e.getMessage().contains("at least two characters"), e.getMessage()); // Wireshark's own rule
    }

    @Test
    void aMemberCalledExtraKeepsItsField() {
        TypeLibrary lib2 = HeaderImporter.importText("struct Ev { int _extra; };", "e.h", HeaderImporter.Options.defaults());
        String lua = target.render(new ExportChoice.Request(lib2, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN,
                "Ev")).text();
        assertTrue(lua.contains("ProtoField.int32(\"ev._extra\"") && lua.contains("ProtoField.bytes(\"ev._extra1\""), lua);
    }

    @Test
    void registersOnThePortAndTransportTheDialogGives() {
        String tcp = target.render(new ExportChoice.Request(lib, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN,
                "Ping", 7000, true)).text();
        assertTrue(tcp.contains("DissectorTable.get(\"tcp.port\"):add(7000, proto)"), tcp);
        String udp = target.render(new ExportChoice.Request(lib, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN,
                "Ping", 5005, false)).text();
        assertTrue(udp.contains("DissectorTable.get(\"udp.port\"):add(5005, proto)"), udp);
    }

    @Test
    void asksForOneRecord() {
        InputException e = assertThrows(InputException.class, () -> target.render(
                new ExportChoice.Request(lib, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN, null)));
        assertTrue(e.getMessage().contains("one struct or union"), e.getMessage());
    }
}
