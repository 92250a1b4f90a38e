package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad documents end in an InputException naming file:line:col and what is wrong. */
class LayoutDocumentErrorsTest {

    /** A document whose line 3 is {@code types}; {@code %s} is replaced by the declarations. */
    private static String doc(String types) {
        return "{\n\"format\": \"structscope-layout\", \"version\": 1,\n\"types\": [" + types + "]}";
    }

    private static InputException fail(String json) {
        return assertThrows(InputException.class, () -> LayoutDocuments.parse(json, "bad.json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown typedef | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": ^"Nope"}]} | unknown type name 'Nope'
            by-value undefined | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": ^"struct B"}]} | incomplete type 'struct B'
            wrong tag kind | {"kind": "union", "name": "B", "members": []}, {"kind": "struct", "name": "A", "members": [{"name": "x", "type": ^"struct B *"}]} | 'B' is union, not struct
            duplicate tag | {"kind": "struct", "name": "A", "members": []}, ^{"kind": "enum", "name": "A", "enumerators": []} | 'A' is defined twice
            duplicate typedef | {"kind": "typedef", "name": "T", "type": "int"}, {"kind": "typedef", "name": ^"T", "type": "char"} | duplicate typedef 'T'
            duplicate member | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": "int"}, ^{"name": "x", "type": "int"}]} | duplicate member 'x'
            duplicate enumerator | {"kind": "enum", "name": "E", "enumerators": [{"name": "Q", "value": 1}, {"name": ^"Q", "value": 2}]} | duplicate enumerator 'Q'
            pack not pow2 | {"kind": "struct", "name": "A", "pack": ^3, "members": []} | "pack" must be 1, 2, 4, 8 or 16
            pack too big | {"kind": "struct", "name": "A", "pack": ^32, "members": []} | "pack" must be between 0 and 16
            aligned not pow2 | {"kind": "struct", "name": "A", "aligned": ^12, "members": []} | "aligned" must be a power of two
            alignas zero | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": "int", "alignas": ^0}]} | "alignas" must be between 1
            bits too wide | {"kind": "struct", "name": "A", "members": [^{"name": "x", "type": "uint8_t", "bits": 9}]} | 9 bits wide, wider than its type 'uint8_t'
            bits over 64 | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": "long", "bits": ^65}]} | "bits" must be between 0 and 64
            negative bits | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": "int", "bits": ^-1}]} | "bits" must be between 0 and 64
            float bit-field | {"kind": "struct", "name": "A", "members": [^{"name": "x", "type": "float", "bits": 3}]} | non-integer type 'float'
            named zero width | {"kind": "struct", "name": "A", "members": [^{"name": "x", "type": "int", "bits": 0}]} | zero width
            flexible not last | {"kind": "struct", "name": "A", "members": [^{"name": "x", "type": "int[]"}, {"name": "y", "type": "int"}]} | must be the last member
            typedef cycle | {"kind": "typedef", "name": ^"T", "type": "U[2]"}, {"kind": "typedef", "name": "U", "type": "T"} | refers to itself
            bad type syntax | {"kind": "typedef", "name": "T", "type": "int[^-1]"} | array length must be a non-negative integer
            bad type char | {"kind": "typedef", "name": "T", "type": "int ^(*)[3]"} | unexpected character '('
            type wrong json type | {"kind": "typedef", "name": "T", "type": ^42} | a type must be a string
            unknown property | {"kind": "struct", "name": "A", "members": [{"name": "x", "type": "int", ^"bitz": 3}]} | unknown property "bitz" in a member
            unknown kind | {"kind": ^"class", "name": "A"} | unknown declaration kind "class"
            missing members | ^{"kind": "struct", "name": "A"} | missing "members"
            empty name | {"kind": "struct", "name": ^" ", "members": []} | "name" must not be empty
            unnamed plain member | {"kind": "struct", "name": "A", "members": [^{"type": "int"}]} | must be a bit-field or an anonymous struct
            bad underlying | {"kind": "enum", "name": "E", "underlying": ^"float", "enumerators": []} | "underlying" must be an integer type
            enum value range | {"kind": "enum", "name": "E", "enumerators": [{"name": "Q", "value": ^9223372036854775808}]} | "value" must be between
            members not array | {"kind": "struct", "name": "A", "members": ^{}} | "members" must be an array
            """)
    void semanticErrorsPointAtTheValue(String what, String marked, String message) {
        // '^' marks the character the error must point at; it is removed before parsing.
        String json = doc(marked);
        int at = json.indexOf('^');
        json = json.substring(0, at) + json.substring(at + 1);
        int line = 1 + (int) json.substring(0, at).chars().filter(c -> c == '\n').count();
        int col = at - json.lastIndexOf('\n', at - 1);
        InputException e = fail(json);
        assertEquals("bad.json:" + line + ":" + col, e.where(), () -> what + ": " + e.oneLine());
        assertTrue(e.getMessage().contains(message), () -> what + ": " + e.getMessage());
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        InputException e = fail("{\n  \"format\": \"structscope-layout\",\n  \"version\": 1,\n  \"types\": [ } ]\n}");
        assertEquals("bad.json:4:14", e.where());
        assertTrue(e.getMessage().startsWith("malformed JSON"), e.getMessage());
        assertTrue(fail("{").where().startsWith("bad.json:1:"));
        assertTrue(fail("").getMessage().contains("empty document"));
        assertTrue(fail("{} {}").getMessage().contains("after the end"));
        assertTrue(fail("{\"a\": 1, \"a\": 2}").getMessage().contains("duplicate property \"a\""));
    }

    @Test
    void versionsAreChecked() {
        InputException newer = fail("{\"format\": \"structscope-layout\",\n \"version\": 2, \"types\": []}");
        assertEquals("bad.json:2:13", newer.where());
        assertTrue(newer.getMessage().contains("unsupported document version 2"), newer.getMessage());
        assertTrue(newer.getMessage().contains("newer StructScope"), newer.getMessage());
        assertTrue(fail("{\"format\": \"structscope-layout\", \"types\": []}").getMessage().contains("missing \"version\""));
        assertTrue(fail("{\"format\": \"structscope-layout\", \"version\": \"1\"}").getMessage().contains("must be an integer"));
        assertTrue(fail("{\"format\": \"structscope-layout\", \"version\": 1.5}").getMessage().contains("must be an integer"));
        assertTrue(fail("{\"format\": \"other\", \"version\": 1}").getMessage().contains("not a StructScope layout document"));
        assertTrue(fail("[1, 2]").getMessage().contains("must be an object"));
        assertTrue(fail("{\"format\": \"structscope-layout\", \"version\": 1, \"abi\": \"pdp11\"}")
                .getMessage().contains("unknown ABI 'pdp11'"));
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        InputException e = fail(deep);
        assertTrue(e.getMessage().contains("nest"), e.getMessage());
        assertTrue(e.where().startsWith("bad.json:1:"), e.where());
        String deepObjects = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertTrue(fail(deepObjects).getMessage().contains("nest"));
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedAndAByteOrderMarkIsAllowed() {
        byte[] latin1 = "{\"format\": \"structscope-layout\", \"version\": 1, \"name\": \"caf\u00e9\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(InputException.class, () -> LayoutDocuments.parse(latin1, "latin1.json"))
                .getMessage().contains("UTF-8"));
        byte[] bom = "\uFEFF{\"format\": \"structscope-layout\", \"version\": 1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, LayoutDocuments.parse(bom, "bom.json").library().decls().size());
    }
}
