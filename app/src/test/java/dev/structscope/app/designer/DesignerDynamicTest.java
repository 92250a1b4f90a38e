package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.DynamicOffsets;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dynamic members edited in the designer equal what the C importer makes of the same header
 * text ({@code char name[len]}, {@code [[structscope::at(h.off)]]}), names in expressions are
 * checked against the members before the edited one, and every edit is one undoable step.
 */
class DesignerDynamicTest {
    private static final String BASE = """
            #include <stdint.h>
            struct Hdr { uint16_t n; uint32_t off; };
            struct Msg { struct Hdr h; uint8_t len; char name%s; %suint32_t tail; };
            """;

    Document doc;
    DesignerViewModel vm;

    private static TypeLibrary header(String dims, String tailAttr) {
        return HeaderImporter.importText(BASE.formatted(dims, tailAttr), "msg.h", HeaderImporter.Options.defaults());
    }

    private static RecordType msg(TypeLibrary lib) {
        return lib.findRecord("Msg").orElseThrow().record();
    }

    @BeforeEach
    void open() {
        doc = new Document(new DocumentState(header("[4]", ""), "Msg", Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
        vm = new DesignerViewModel(doc);
    }

    /**
     * A tagged union's ruler: each alternative that only says when it is chosen keeps its block
     * in its own lane; one whose size data decides is named in the tail. (No lane had a block:
     * every alternative with a when value counted as data's.)
     */
    @Test
    void aTaggedUnionsAlternativesKeepTheirLanes() {
        TypeLibrary lib = HeaderImporter.importText("""
                #include <stdint.h>
                struct Text { uint8_t n; char s[n]; };
                union Body {
                    [[structscope::when(1)]] uint32_t hello;
                    [[structscope::when(2)]] double trade;
                    [[structscope::when(3)]] struct Text text;
                };
                """, "body.h", HeaderImporter.Options.defaults());
        RecordLayout body = LayoutEngine.layout("Body", lib, Abis.X86_64_LINUX);
        var blocks = RulerModel.blocks(body);
        assertEquals(List.of("hello@0:32", "trade@1:64"),
                blocks.stream().filter(b -> b.memberIndex() >= 0).map(b -> b.name() + "@" + b.lane() + ":" + b.bitLength()).toList());
        assertEquals(List.of("text"), RulerModel.tail(body).members());
    }

    @Test
    void aCountInTheArrayCellIsTheImportersCountedArray() {
        assertTrue(vm.edit(2, Column.ARRAY, "[len]"), vm.error.get());
        TypeLibrary truth = header("[len]", "");
        assertEquals(msg(truth), vm.record());
        assertEquals("[len]", DynamicText.dimsText(vm.record().members().get(2).type()));
        RecordLayout expected = LayoutEngine.layout("Msg", truth, Abis.X86_64_LINUX);
        assertTrue(vm.layout.get().dynamic());
        // The offset after the counted array is the expression the engine gives, not a number.
        assertEquals(DynamicOffsets.of(expected).get(3), vm.dynamicOffset(3));
        assertTrue(vm.dynamicOffset(3).contains("len"), vm.dynamicOffset(3));
        assertNull(vm.dynamicOffset(1), "len's offset is a number");
        // The ruler draws the static prefix and marks the rest as data's.
        RulerModel.Tail tail = RulerModel.tail(vm.layout.get());
        assertEquals(expected.fields().get(2).offset(), tail.from());
        assertEquals(List.of("name[len]", "tail"), tail.members());
        assertTrue(RulerModel.blocks(vm.layout.get()).stream().noneMatch(b -> b.name().equals("tail")));
        vm.undo();
        assertEquals(msg(header("[4]", "")), vm.record());
        assertFalse(vm.layout.get().dynamic());
    }

    @Test
    void anInvalidCountIsMarkedWithTheReasonAndChangesNothing() {
        RecordType before = vm.record();
        assertFalse(vm.edit(2, Column.ARRAY, "[nosuch]"));
        Invalid bad = vm.invalidCells.get(new CellKey(2, Column.ARRAY));
        assertNotNull(bad);
        assertEquals("[nosuch]", bad.text());
        assertTrue(bad.reason().contains("no member named 'nosuch'") && bad.reason().contains("len"), bad.reason());
        assertEquals(before, vm.record());
        assertFalse(vm.edit(2, Column.ARRAY, "[tail]"));
        assertTrue(vm.invalidCells.get(new CellKey(2, Column.ARRAY)).reason().contains("after"));
        assertFalse(vm.edit(2, Column.ARRAY, "[h]"));
        assertTrue(vm.invalidCells.get(new CellKey(2, Column.ARRAY)).reason().contains("not a number"));
        assertFalse(vm.edit(2, Column.ARRAY, "[len +]"));
        assertEquals(before, vm.record());
        assertTrue(vm.edit(2, Column.ARRAY, "[h.n * 2]"));
        assertTrue(vm.invalidCells.isEmpty());
        assertEquals(msg(header("[h.n * 2]", "")), vm.record());
        // A bare expression is a count, as the other dynamic cells take theirs (it was "not an array length").
        assertTrue(vm.edit(2, Column.ARRAY, "len & 3"), vm.error.get());
        assertEquals(msg(header("[len & 3]", "")), vm.record());
        assertFalse(vm.edit(2, Column.ARRAY, "nosuch"));
        assertTrue(vm.invalidCells.get(new CellKey(2, Column.ARRAY)).reason().contains("no member named 'nosuch'"),
                vm.error.get());
    }

    /**
     * The rules a header is read by hold for edits: renaming or deleting a member an expression
     * names is refused in place and changes nothing (both were accepted, and the saved header was
     * then refused by the CLI and by File > Open); a dynamic record is not packed tightly (the
     * reordering put the count after its array). An attribute cell may pass through a state the
     * rules refuse (a switch set before its alternatives' when values): it is kept, and the
     * designer names the rule until it is mended.
     */
    @Test
    void anEditThatWouldLeaveABadLayoutIsRefused() {
        assertTrue(vm.edit(2, Column.ARRAY, "[len]"), vm.error.get());
        RecordType counted = vm.record();
        assertFalse(vm.edit(1, Column.NAME, "length"));
        String reason = vm.invalidCells.get(new CellKey(1, Column.NAME)).reason();
        assertTrue(reason.contains("'len'"), reason);
        assertEquals(counted, vm.record());
        vm.selectedMember.set(1);
        vm.deleteMember();
        assertEquals(counted, vm.record(), "len is named by name[len]");
        assertTrue(vm.error.get().contains("'len'"), vm.error.get());
        assertEquals(0L, vm.tightSaving.get());
        assertEquals(0, vm.packTightly());
        assertEquals(counted, vm.record());
        assertTrue(vm.edit(3, Column.WHEN, "7"), vm.error.get());
        assertTrue(vm.error.get().startsWith("Not readable as it stands: when on 'tail'"), vm.error.get());
        assertTrue(vm.edit(3, Column.WHEN, ""));
        assertEquals("", vm.error.get());
    }

    @Test
    void aPlacementIsTheImportersAtAttribute() {
        assertTrue(vm.edit(3, Column.AT, "h.off"), vm.error.get());
        assertEquals(msg(header("[4]", "[[structscope::at(h.off)]] ")), vm.record());
        assertEquals("at(h.off)", vm.dynamicOffset(3));
        assertTrue(vm.edit(3, Column.AT, ""));
        assertEquals(msg(header("[4]", "")), vm.record());
        vm.undo();
        assertEquals(msg(header("[4]", "[[structscope::at(h.off)]] ")), vm.record());
    }

    @Test
    void switchWhenAndSizeAreTheImportersAttributes() {
        String text = """
                #include <stdint.h>
                union B { %s uint32_t a; %s uint16_t b; };
                struct M { uint8_t type; uint8_t len; %s union B body; };
                """;
        java.util.function.Function<String[], TypeLibrary> lib = a -> HeaderImporter.importText(
                text.formatted((Object[]) a), "m.h", HeaderImporter.Options.defaults());
        Document d = new Document(new DocumentState(lib.apply(new String[] {"", "", ""}), "M", Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
        DesignerViewModel m = new DesignerViewModel(d);
        assertTrue(m.edit(2, Column.SWITCH, "type"), m.error.get());
        assertTrue(m.edit(2, Column.SIZE, "len"), m.error.get());
        d.apply(d.state.get().withSelected("B"));
        assertTrue(m.edit(0, Column.WHEN, "1, 3"), m.error.get());
        assertTrue(m.edit(1, Column.WHEN, "2"), m.error.get());
        TypeLibrary truth = lib.apply(new String[] {"[[structscope::when(1, 3)]]", "[[structscope::when(2)]]",
                "[[structscope::switch(type), structscope::size(len)]]"});
        assertEquals(truth.findRecord("B").orElseThrow().record(), m.record());
        d.apply(d.state.get().withSelected("M"));
        assertEquals(truth.findRecord("M").orElseThrow().record(), m.record());
        assertEquals("1, 3", DynamicText.whenText(truth.findRecord("B").orElseThrow().record().members().get(0)
                .dynamic().when()));
        assertFalse(m.edit(2, Column.SIZE, "body"), "a member cannot size itself");
    }

    /** A when value typed as the document's enum constant is that constant, by name, as the importer reads it. */
    @Test
    void aWhenValueMayBeAConstantOfTheDocumentsEnums() {
        String text = """
                #include <stdint.h>
                enum Type { T_HELLO = 1, T_BYE = 2 };
                union B { %s uint32_t a; %s uint16_t b; };
                """;
        java.util.function.Function<String[], TypeLibrary> lib = a -> HeaderImporter.importText(
                text.formatted((Object[]) a), "m.h", HeaderImporter.Options.defaults());
        Document d = new Document(new DocumentState(lib.apply(new String[] {"", ""}), "B", Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
        DesignerViewModel m = new DesignerViewModel(d);
        assertTrue(m.edit(0, Column.WHEN, "T_HELLO"), m.error.get());
        assertTrue(m.edit(1, Column.WHEN, "T_BYE, 7"), m.error.get());
        TypeLibrary truth = lib.apply(new String[] {"[[structscope::when(T_HELLO)]]", "[[structscope::when(T_BYE, 7)]]"});
        assertEquals(truth.findRecord("B").orElseThrow().record(), m.record());
        assertEquals("T_BYE, 7", DynamicText.whenText(m.record().members().get(1).dynamic().when()));
        assertFalse(m.edit(0, Column.WHEN, "T_NONE"), "not a constant of the document");
    }

    @Test
    void completionOffersTheMembersBeforeTheEditedOne() {
        List<String> names = vm.expressionSuggestions(2);
        assertEquals(List.of("h", "h.n", "h.off", "len"), names);
        assertEquals("h.o", DynamicText.tokenAtEnd("[2 * h.o"));
    }
}
