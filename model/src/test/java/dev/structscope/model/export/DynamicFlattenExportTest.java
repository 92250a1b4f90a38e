package dev.structscope.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout.PathElement;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: the static targets flatten every dynamic member of {@code export/dynamic.h} (each
 * feature of the contract), say so in one warning per member, and the result still builds in the
 * target's tool chain with the static layout (placed members left out, counted arrays empty):
 * javac and FFM, python3 ctypes, rustc.
 */
class DynamicFlattenExportTest {
    /** The dynamic members of the test header, one warning each. */
    private static final List<String> MEMBERS = List.of("Text.text", "Item_v.bytes", "Item.vals", "Item.w", "Item.v",
            "File.table", "File.items", "File.texts");

    @TempDir
    Path dir;

    private static void warnsOncePerDynamicMember(ExportResult res) {
        for (String m : MEMBERS) {
            assertEquals(1, res.warnings().stream().filter(w -> w.startsWith(m + ": ")).count(), m + " in " + res.warnings());
        }
        assertEquals(MEMBERS.size(), res.warnings().size(), res.warnings().toString());
        for (String w : res.warnings()) {
            assertFalse(w.contains("\n"), w);
            assertTrue(res.text().contains(w), "written into the export too: " + w);
        }
    }

    private static List<RecordLayout> layouts(TypeLibrary lib) {
        return LayoutEngine.layoutAll(lib, Abis.X86_64_LINUX);
    }

    /** The fields the static form has: all but placed ones and bit-fields. */
    private static List<FieldLayout> sequential(RecordLayout rl) {
        return rl.visibleFields().stream().filter(f -> !f.isBitField() && f.member().dynamic().at() == null).toList();
    }

    @Test
    void javaFfmCompilesAndHasTheStaticLayout() throws Exception {
        TypeLibrary lib = CDynamicExportTest.library();
        ExportResult res = new JavaExporter().export(lib, ExportOptions.defaults().withPackage("dyn"));
        warnsOncePerDynamicMember(res);
        try (URLClassLoader loader = JavaExportTest.compile(dir, List.of(res))) {
            for (RecordLayout rl : layouts(lib)) {
                GroupLayout g = (GroupLayout) loader.loadClass("dyn." + JavaExporter.ident(rl.name())).getField("LAYOUT").get(null);
                assertEquals(rl.size(), g.byteSize(), rl.name());
                for (FieldLayout f : sequential(rl)) {
                    assertEquals(f.offset(), g.byteOffset(PathElement.groupElement(f.name())), rl.name() + "." + f.name());
                }
                assertTrue(g.memberLayouts().stream().noneMatch(m -> m.name().orElse("").equals("table")), rl.name());
            }
        }
    }

    @Test
    void ctypesLoadsWithTheStaticLayout() throws Exception {
        String py = Tools.require("python3", "python3");
        TypeLibrary lib = CDynamicExportTest.library();
        ExportResult res = new CtypesExporter().export(lib, ExportOptions.defaults());
        warnsOncePerDynamicMember(res);
        Files.writeString(dir.resolve("layout.py"), res.text());
        Files.writeString(dir.resolve("dump.py"), CtypesExportTest.DUMP);
        Tools.Run r = Tools.run(dir, py, "dump.py", dir.resolve("layout.py").toString());
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        JsonNode json = new ObjectMapper().readTree(r.output());
        for (RecordLayout rl : layouts(lib)) {
            JsonNode cls = json.get(rl.name());
            assertEquals(rl.size(), cls.get("size").asLong(), rl.name());
            for (FieldLayout f : sequential(rl)) {
                assertEquals(f.offset(), cls.get("attrs").get(f.name()).get(0).asLong(), rl.name() + "." + f.name());
            }
            assertTrue(cls.get("attrs").get("table") == null, rl.name() + ": the placed member is left out");
        }
    }

    @Test
    void rustCompilesWithTheStaticLayoutAsserted() throws Exception {
        String rustc = RustExportTest.rustc();
        ExportResult res = new RustExporter().export(CDynamicExportTest.library(), ExportOptions.defaults());
        warnsOncePerDynamicMember(res);
        Files.writeString(dir.resolve("layout.rs"), res.text());
        Tools.Run r = Tools.run(dir, rustc, "--crate-type", "lib", "--edition", "2021", "-o",
                dir.resolve("liblayout.rlib").toString(), "layout.rs");
        assertTrue(r.ok(), () -> r.output() + "\n---\n" + res.text());
        assertTrue(res.text().contains("core::mem::offset_of!(File, items) == 8"), res.text());
        assertFalse(res.text().contains("offset_of!(File, table)"), res.text());
    }
}
