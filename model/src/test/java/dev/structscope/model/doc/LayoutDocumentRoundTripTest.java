package dev.structscope.model.doc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.CType;
import dev.structscope.model.type.Decl;
import dev.structscope.model.type.EnumType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.NamedType;
import dev.structscope.model.type.PointerType;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.model.type.Typedef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lossless round trips: library → JSON → library, and document → JSON → document. */
class LayoutDocumentRoundTripTest {

    @Test
    void randomLibrariesSurviveJsonUnchanged() {
        Set<Class<?>> kindsSeen = new java.util.HashSet<>();
        EnumSet<Prim> primsSeen = EnumSet.noneOf(Prim.class);
        int[] features = new int[8];
        for (long s = 0; s < 300; s++) {
            long seed = s;
            TypeLibrary lib = new RandomLibraries(seed).library();
            LayoutDocument doc = new LayoutDocument(seed % 2 == 0 ? "doc " + seed : null, seed % 3 == 0 ? "c" : null,
                    seed % 5 == 0 ? "i386-linux" : null, seed % 7 == 0 ? java.nio.ByteOrder.BIG_ENDIAN : null, lib, Map.of());
            String json = LayoutDocuments.toJson(doc);
            LayoutDocument back = LayoutDocuments.parse(json, "seed-" + seed + ".json");
            assertEquals(doc, back, () -> "seed " + seed + ":\n" + json);
            assertEquals(json, LayoutDocuments.toJson(back), "writing is deterministic");
            for (Decl d : lib.decls()) {
                census(d instanceof Typedef t ? t.target() : (CType) d, kindsSeen, primsSeen, features);
            }
        }
        // The generator must really cover what the model can say, or this test proves little.
        assertEquals(Set.of(PrimitiveType.class, PointerType.class, ArrayType.class, RecordType.class, EnumType.class,
                NamedType.class), kindsSeen);
        assertEquals(EnumSet.allOf(Prim.class), primsSeen);
        for (int i = 0; i < features.length; i++) {
            assertTrue(features[i] > 0, "feature " + i + " never generated");
        }
    }

    /** Counts kinds and features: 0 unnamed bit-field, 1 zero-width, 2 anonymous member, 3 flexible,
     *  4 pack, 5 aligned, 6 alignas, 7 enum underlying. */
    private static void census(CType t, Set<Class<?>> kinds, EnumSet<Prim> prims, int[] f) {
        kinds.add(t.getClass());
        switch (t) {
            case PrimitiveType p -> prims.add(p.prim());
            case PointerType p -> census(p.target(), kinds, prims, f);
            case ArrayType a -> {
                if (a.isFlexible()) {
                    f[3]++;
                }
                census(a.element(), kinds, prims, f);
            }
            case NamedType n -> {
            }
            case EnumType e -> {
                if (e.underlying() != null) {
                    f[7]++;
                }
            }
            case RecordType r -> {
                if (r.pack() != 0) {
                    f[4]++;
                }
                if (r.alignedAttr() != 0) {
                    f[5]++;
                }
                for (Member m : r.members()) {
                    if (m.name() == null && m.bitWidth() != null) {
                        f[0]++;
                    }
                    if (m.bitWidth() != null && m.bitWidth() == 0) {
                        f[1]++;
                    }
                    if (m.isAnonymousRecord()) {
                        f[2]++;
                    }
                    if (m.alignAs() != 0) {
                        f[6]++;
                    }
                    census(m.type(), kinds, prims, f);
                }
            }
        }
    }

    @Test
    void typeStringsParseBackToTheSameType() throws TypeSyntax.SyntaxError {
        for (long seed = 0; seed < 300; seed++) {
            RandomLibraries gen = new RandomLibraries(seed);
            for (Decl d : gen.library().decls()) {
                if (d instanceof RecordType r) {
                    for (Member m : r.members()) {
                        String s = TypeSyntax.format(m.type());
                        if (s != null) {
                            assertEquals(m.type(), TypeSyntax.parse(s), s);
                        }
                    }
                }
            }
        }
    }

    @Test
    void typeStringsReadAsInC() throws TypeSyntax.SyntaxError {
        PrimitiveType i16 = PrimitiveType.of(Prim.INT16);
        assertEquals(new ArrayType(new ArrayType(i16, 3), 2), TypeSyntax.parse("int16_t[2][3]"));
        assertEquals(new PointerType(new PointerType(PrimitiveType.of(Prim.CHAR))), TypeSyntax.parse("char **"));
        assertEquals(new ArrayType(new PointerType(NamedType.struct("Hdr")), 4), TypeSyntax.parse("struct Hdr *[4]"));
        assertEquals(new PointerType(new ArrayType(PrimitiveType.of(Prim.INT), 4)), TypeSyntax.parse("int[4] *"));
        assertEquals(ArrayType.flexible(PrimitiveType.of(Prim.UINT8)), TypeSyntax.parse("uint8_t[]"));
        assertEquals(new PrimitiveType(Prim.UNSIGNED_LONG, "long unsigned int"), TypeSyntax.parse("long unsigned int"));
        assertEquals(NamedType.typedef("Side"), TypeSyntax.parse("Side"));
        assertEquals("int[4] *", TypeSyntax.format(new PointerType(new ArrayType(PrimitiveType.of(Prim.INT), 4))));
        assertEquals("int16_t[2][3]", TypeSyntax.format(new ArrayType(new ArrayType(i16, 3), 2)));
    }

    /**
     * Every dimension of a header's array may be counted over members, not only the outermost
     * (which the document writes as {@code "count"}): the inner ones stay in the type string, and
     * reading the document gives back the header's types.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "struct Big { uint32_t n; uint32_t m; uint8_t data[n][m]; };",
            "struct Big { uint32_t n; uint32_t m; uint8_t data[3][m]; };",
            "struct Big { uint32_t n; uint32_t m; uint16_t data[n][m * 2 - 1][2]; };",
            "struct H { uint8_t count; uint8_t w; }; struct Big { struct H hdr; char names[hdr.count][hdr.w + (hdr.w > 3 ? 1 : 0)]; };"})
    void headerArraysCountedInAnyDimensionSurviveADocument(String header) {
        TypeLibrary lib = dev.structscope.model.c.HeaderImporter.importText("#include <stdint.h>\n" + header, "big.h",
                dev.structscope.model.c.HeaderImporter.Options.defaults());
        LayoutDocument doc = new LayoutDocument(null, null, null, null, lib, Map.of());
        String json = LayoutDocuments.toJson(doc);
        LayoutDocument back = LayoutDocuments.parse(json, "big.json");
        assertEquals(lib.decls(), back.library().decls(), json);
    }

    @Test
    void typeStringDimensionsMayBeExpressions() throws TypeSyntax.SyntaxError {
        PrimitiveType u8 = PrimitiveType.of(Prim.UINT8);
        var m = dev.structscope.model.c.Expressions.parse("m", "t");
        assertEquals(ArrayType.flexible(ArrayType.counted(u8, m)), TypeSyntax.parse("uint8_t[][m]"));
        assertEquals(new ArrayType(ArrayType.counted(u8, m), 3), TypeSyntax.parse("uint8_t[3][ m ]"));
        assertEquals(new ArrayType(u8, 6), TypeSyntax.parse("uint8_t[2 * 3]"), "a constant is a fixed length");
        assertEquals(ArrayType.counted(u8, dev.structscope.model.c.Expressions.parse("(a - 1) * (b + 2)", "t")),
                TypeSyntax.parse("uint8_t[(a - 1) * (b + 2)]"));
        assertEquals("uint8_t[3][m * 2]", TypeSyntax.format(TypeSyntax.parse("uint8_t[3][m*2]")));
        for (String bad : new String[] {"uint8_t[-1]", "uint8_t[m", "uint8_t[m +]", "uint8_t[(m])"}) {
            assertThrows(TypeSyntax.SyntaxError.class, () -> TypeSyntax.parse(bad), bad);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sensor.json", "every-feature.json", "minimal.json"})
    void exampleDocumentsRoundTrip(String name) throws IOException, URISyntaxException {
        Path file = example(name);
        LayoutDocument doc = read(file);
        String json = LayoutDocuments.toJson(doc);
        assertEquals(doc, LayoutDocuments.parse(json, name));
        assertEquals(json, LayoutDocuments.toJson(LayoutDocuments.parse(json, name)));
    }

    @Test
    void unknownTopLevelPropertiesAreKeptInOrder() {
        String json = """
                {"format": "structscope-layout", "version": 1, "bookmarks": [{"offset": 16, "label": "hdr"}],
                 "types": [], "x-editor": {"zoom": 2.5}}
                """;
        LayoutDocument doc = LayoutDocuments.parse(json, "ext.json");
        assertEquals(List.of("bookmarks", "x-editor"), List.copyOf(doc.extensions().keySet()));
        assertEquals(2.5, doc.extensions().get("x-editor").get("zoom").doubleValue());
        LayoutDocument back = LayoutDocuments.parse(LayoutDocuments.toJson(doc), "ext.json");
        assertEquals(doc, back);
    }

    @Test
    void aLibraryBecomesADocumentInOneCall() {
        TypeLibrary lib = TypeLibrary.of(RecordType.struct("Hdr", List.of(Member.of("len", PrimitiveType.of(Prim.UINT32)))));
        String json = LayoutDocuments.toJson(lib);
        assertTrue(json.contains("\"type\": \"uint32_t\""), json);
        assertEquals(lib, LayoutDocuments.parse(json, "x").library());
        Map<String, com.fasterxml.jackson.databind.JsonNode> ext = new LinkedHashMap<>();
        ext.put("ui", JsonNodeFactory.instance.objectNode().put("selected", "Hdr"));
        assertNotNull(LayoutDocument.of(lib).withName("n"));
        assertEquals(ext, LayoutDocuments.parse(LayoutDocuments.toJson(
                new LayoutDocument(null, null, null, null, lib, ext)), "x").extensions());
    }

    @Test
    void changingAnExtensionTreeInPlaceChangesNoDocument() {
        TypeLibrary lib = TypeLibrary.of(RecordType.struct("Hdr", List.of(Member.of("len", PrimitiveType.of(Prim.UINT32)))));
        var given = JsonNodeFactory.instance.objectNode().put("selected", "Hdr");
        Map<String, com.fasterxml.jackson.databind.JsonNode> ext = new LinkedHashMap<>();
        ext.put("ui", given);
        LayoutDocument doc = new LayoutDocument(null, null, null, null, lib, ext);
        String before = LayoutDocuments.toJson(doc);
        LayoutDocument same = LayoutDocuments.parse(before, "x");
        given.put("selected", "Other");
        ((com.fasterxml.jackson.databind.node.ObjectNode) doc.extensions().get("ui")).put("zoom", 2);
        assertEquals(before, LayoutDocuments.toJson(doc));
        assertEquals(same, doc);
        assertEquals("Hdr", doc.extensions().get("ui").get("selected").asText());
    }

    @Test
    void theReadmeExampleIsTheTestedExample() throws IOException, URISyntaxException {
        String readme = Files.readString(Path.of("..", "docs", "user", "layout-document.md"));
        int start = readme.indexOf("```json\n") + "```json\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertEquals(read(example("sensor.json")), LayoutDocuments.parse(block, "layout-document.md"));
    }

    /** The document in {@code file}, as the engine's DocumentFiles reads it (the model parses bytes it is handed). */
    static LayoutDocument read(Path file) throws IOException {
        return LayoutDocuments.parse(Files.readAllBytes(file), file.toString());
    }

    static Path example(String name) throws URISyntaxException {
        return Path.of(LayoutDocumentRoundTripTest.class.getResource("/doc/examples/" + name).toURI());
    }

    static Stream<Path> examples() throws IOException, URISyntaxException {
        return Files.list(example("minimal.json").getParent()).sorted();
    }
}
