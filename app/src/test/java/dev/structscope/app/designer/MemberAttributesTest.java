package dev.structscope.app.designer;

import dev.structscope.app.common.Document;
import dev.structscope.app.common.DocumentState;
import dev.structscope.app.designer.DesignerViewModel.CellKey;
import dev.structscope.app.designer.DesignerViewModel.Column;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.ClangLayouts;
import dev.structscope.model.export.CExporter;
import dev.structscope.model.export.ExportOptions;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer's Attributes cell (alignas, packed on a member), laid out as clang lays it out. */
class MemberAttributesTest {
    private final RecordType s = RecordType.struct("S", List.of(Member.of("a", PrimitiveType.of(Prim.UINT8)),
            Member.of("b", PrimitiveType.of(Prim.INT32)), Member.of("c", PrimitiveType.of(Prim.UINT8)),
            Member.of("d", PrimitiveType.of(Prim.DOUBLE))));

    @Test
    void alignasAndPackedGiveClangsOffsetsOnEveryAbi(@TempDir Path dir) throws Exception {
        for (Abi abi : Abis.ALL) {
            Document doc = new Document(new DocumentState(TypeLibrary.of(s), "S", abi, abi.byteOrder()));
            DesignerViewModel vm = new DesignerViewModel(doc);
            assertTrue(vm.edit(1, Column.ATTRS, "packed"));
            assertTrue(vm.edit(2, Column.ATTRS, "alignas(16)"));
            assertTrue(vm.edit(3, Column.ATTRS, "__attribute__((aligned(4), packed))"));
            assertEquals("alignas(4) packed", CellText.attrsText(vm.record().members().get(3)));
            Path h = dir.resolve(abi.name() + ".h");
            Files.writeString(h, new CExporter().export(doc.state.get().library(), ExportOptions.of(abi)).text());
            ClangLayouts.Dumped clang = ClangLayouts.dump(h, abi, List.of("struct S"), dir).get("struct S");
            List<String> ours = vm.layout.get().fields().stream().map(f -> f.name() + "@" + f.offset() * 8 + ":-1").toList();
            assertEquals(clang, new ClangLayouts.Dumped(vm.layout.get().size(), vm.layout.get().align(), ours), abi.name()
                    + "\n" + Files.readString(h));
        }
    }

    @Test
    void badAttributesAreRefusedWithTheReasonAndEmptyClears() {
        Document doc = new Document(new DocumentState(TypeLibrary.of(s), "S", Abis.X86_64_LINUX,
                Abis.X86_64_LINUX.byteOrder()));
        DesignerViewModel vm = new DesignerViewModel(doc);
        assertFalse(vm.edit(1, Column.ATTRS, "alignas(3)"));
        assertTrue(vm.invalidCells.get(new CellKey(1, Column.ATTRS)).reason().contains("not a power of 2"));
        assertFalse(vm.edit(1, Column.ATTRS, "volatile"));
        assertFalse(doc.dirty.get());
        assertTrue(vm.edit(1, Column.ATTRS, "8 packed"));
        assertEquals(8, vm.layout.get().fields().get(1).offset());
        assertTrue(vm.edit(1, Column.ATTRS, ""));
        assertEquals(List.of(0L, 4L, 8L, 16L), vm.layout.get().fields().stream().map(FieldLayout::offset).toList());
    }
}
