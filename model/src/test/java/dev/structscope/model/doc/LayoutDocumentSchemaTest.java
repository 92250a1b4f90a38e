package dev.structscope.model.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.structscope.model.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code docs/user/layout-document.schema.json} is a valid draft 2020-12 schema, and it agrees with the
 * reader and writer: every document the writer emits and every example validates; documents
 * with undeclared properties or wrong values do not.
 */
class LayoutDocumentSchemaTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;
    private static JsonNode schemaJson;

    @BeforeAll
    static void loadSchema() throws IOException {
        // Tests run in the module directory; the schema lives in the repository's docs/user/.
        Path file = Path.of("..", "docs", "user", "layout-document.schema.json");
        schemaJson = MAPPER.readTree(Files.readString(file));
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        schema = factory.getSchema(schemaJson);
    }

    private static Set<ValidationMessage> validate(String json) throws IOException {
        return schema.validate(MAPPER.readTree(json));
    }

    @Test
    void theSchemaIsAValidDraft202012Schema() {
        JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertEquals(Set.of(), meta.validate(schemaJson));
        assertEquals("https://json-schema.org/draft/2020-12/schema", schemaJson.get("$schema").asText());
    }

    @Test
    void everyExampleValidates() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(LayoutDocumentRoundTripTest.example("minimal.json").getParent())) {
            for (Path p : files.toList()) {
                assertEquals(Set.of(), validate(Files.readString(p)), p.toString());
            }
        }
    }

    @Test
    void everythingTheWriterEmitsValidates() throws IOException {
        for (long seed = 0; seed < 200; seed++) {
            LayoutDocument doc = new LayoutDocument("n", "c", "x86_64-windows", java.nio.ByteOrder.LITTLE_ENDIAN,
                    new RandomLibraries(seed).library(), Map.of());
            String json = LayoutDocuments.toJson(doc);
            assertEquals(Set.of(), validate(json), json);
        }
    }

    /** Issue 13: a document with every dynamic-layout property (export/dynamic.h) validates; wrong shapes do not. */
    @Test
    void dynamicMemberPropertiesValidate() throws IOException {
        String header;
        try (var in = LayoutDocumentSchemaTest.class.getResourceAsStream("/export/dynamic.h")) {
            header = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        LayoutDocument doc = new LayoutDocument("dyn", "c", "x86_64-linux", java.nio.ByteOrder.LITTLE_ENDIAN,
                dev.structscope.model.c.HeaderImporter.importText(header, "dynamic.h",
                        dev.structscope.model.c.HeaderImporter.Options.defaults()), Map.of());
        String json = LayoutDocuments.toJson(doc);
        for (String key : List.of("\"count\"", "\"at\"", "\"switch\"", "\"when\"", "\"size\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertEquals(Set.of(), validate(json), json);
        String head = "{\"format\": \"structscope-layout\", \"version\": 1, \"types\": [{\"kind\": \"struct\", \"name\": \"A\", "
                + "\"members\": [{\"name\": \"n\", \"type\": \"int\"}, {\"name\": \"x\", \"type\": \"char[]\", ";
        for (String bad : List.of("\"count\": 3", "\"count\": \"\"", "\"when\": \"1\"", "\"at\": 8",
                "\"size\": [\"n\"]", "\"switch\": null")) {
            String text = head + bad + "}]}]}";
            assertFalse(validate(text).isEmpty(), text);
            try {
                LayoutDocuments.parse(text, "bad.json");
                throw new AssertionError("the reader accepted " + text);
            } catch (InputException expected) {
                assertTrue(expected.where().startsWith("bad.json:"), expected.oneLine());
            }
        }
    }

    /** A member counted in an inner dimension as the writer says it ({@code "uint8_t[][m]"}) validates. */
    @Test
    void innerCountedDimensionsValidate() throws IOException {
        LayoutDocument doc = new LayoutDocument("big", null, null, null, dev.structscope.model.c.HeaderImporter.importText(
                "#include <stdint.h>\nstruct Big { uint32_t n; uint32_t m; uint8_t a[n][m]; uint8_t b[3][m * 2]; };",
                "big.h", dev.structscope.model.c.HeaderImporter.Options.defaults()), Map.of());
        String json = LayoutDocuments.toJson(doc);
        assertTrue(json.contains("\"uint8_t[][m]\"") && json.contains("\"uint8_t[3][m * 2]\""), json);
        assertEquals(Set.of(), validate(json), json);
    }

    @Test
    void theSchemaRejectsWhatTheReaderRejects() throws IOException {
        String head = "{\"format\": \"structscope-layout\", \"version\": 1, \"types\": [";
        List<String> bad = List.of(
                "{\"format\": \"structscope-layout\", \"version\": 2}",
                "{\"format\": \"other\", \"version\": 1}",
                head + "{\"kind\": \"struct\", \"name\": \"A\", \"members\": [{\"name\": \"x\", \"type\": \"int\", \"bitz\": 3}]}]}",
                head + "{\"kind\": \"struct\", \"name\": \"A\", \"pack\": 3, \"members\": []}]}",
                head + "{\"kind\": \"struct\", \"name\": \"A\", \"aligned\": 12, \"members\": []}]}",
                head + "{\"kind\": \"struct\", \"name\": \"A\", \"members\": [{\"name\": \"x\", \"type\": \"int\", \"bits\": 65}]}]}",
                head + "{\"kind\": \"typedef\", \"name\": \"T\", \"type\": \"int (*)[3]\"}]}",
                head + "{\"kind\": \"class\", \"name\": \"A\"}]}");
        for (String json : bad) {
            assertFalse(validate(json).isEmpty(), json);
            try {
                LayoutDocuments.parse(json, "bad.json");
                throw new AssertionError("the reader accepted " + json);
            } catch (InputException expected) {
                assertTrue(expected.where().startsWith("bad.json:"));
            }
        }
    }
}
