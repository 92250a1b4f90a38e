package dev.structscope.model.dynamic;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.DynamicOffsets;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.Expr;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dynamic-layout syntax of the contract in C headers: counted arrays, {@code counted_by},
 * arrays to the end and the {@code structscope::} attributes, as the importer reads them, as the
 * layout engine lays them out (static prefix exact, the rest marked), and as documents keep them.
 */
class DynamicHeaderTest {
    static final String HEADER = """
            #include <stdint.h>
            enum Kind { LOGIN = 1, TICK = 2, TEXT = 3 };
            #define HDR 4
            struct Name { uint8_t name_len; char name[name_len]; uint32_t after; };
            struct Hdr { uint32_t magic; uint16_t count; uint16_t off; };
            struct __attribute__((packed)) Rec { uint16_t len; uint8_t body[len - sizeof(uint16_t)]; };
            struct File { struct Hdr hdr; struct Rec recs[hdr.count]; uint8_t tail[]; };
            struct __attribute__((packed)) Msg {
              uint16_t type;
              uint16_t len;
              [[structscope::switch(type), structscope::size(len - HDR)]] union {
                [[structscope::when(LOGIN)]] struct { uint32_t user; } login;
                [[structscope::when(TICK, TEXT)]] struct { double px; } tick;
                uint8_t raw[len - HDR];
              } body;
            };
            struct Bits { uint8_t n; uint8_t data[n]; uint32_t f : 3; uint32_t g : 5; uint8_t z; };
            struct Placed { uint32_t off; uint32_t n; [[structscope::at(off)]] uint16_t vals[n]; char c; };
            struct CB { int n; int data[] __attribute__((counted_by(n))); };
            struct Chunk { char id[4]; uint32_t size;
              [[structscope::switch(id), structscope::size(size)]] union {
                [[structscope::when("fmt ")]] struct { uint16_t tag; } fmt;
              } body; };
            """;

    static TypeLibrary lib() {
        return HeaderImporter.importText(HEADER, "dyn.h", HeaderImporter.Options.defaults());
    }

    static RecordLayout layout(String name) {
        return LayoutEngine.layout(name, lib(), Abis.X86_64_LINUX);
    }

    static Member member(String record, String name) {
        RecordType r = lib().findRecord(record).orElseThrow().record();
        return r.members().stream().filter(m -> name.equals(m.name())).findFirst().orElseThrow();
    }

    @Nested
    class TheImporter {
        @Test
        void readsACountedArrayAsAnExpressionOverAnEarlierMember() {
            ArrayType a = (ArrayType) member("Name", "name").type();
            assertEquals(new Expr.Ref(List.of("name_len")), a.count());
            assertEquals("char[name_len]", a.spelling());
        }

        @Test
        void foldsWhatIsConstantAndKeepsWhatDataDecides() {
            ArrayType a = (ArrayType) member("Rec", "body").type();
            assertEquals("len - 2", a.count().text());
            assertEquals("hdr.count", ((ArrayType) member("File", "recs").type()).count().text());
        }

        @Test
        void readsSwitchSizeAndWhenWithEnumConstantsKeptByName() {
            Member body = member("Msg", "body");
            assertEquals("type", body.dynamic().switchOn().text());
            assertEquals("len - 4", body.dynamic().size().text(), "a macro is gone before the parser sees it");
            RecordType u = (RecordType) body.type();
            assertEquals(List.of(new Expr.Const(1, "LOGIN")), u.members().get(0).dynamic().when());
            assertEquals(List.of(new Expr.Const(2, "TICK"), new Expr.Const(3, "TEXT")), u.members().get(1).dynamic().when());
            assertEquals("TICK", u.members().get(1).dynamic().when().getFirst().text());
            assertTrue(u.members().get(2).dynamic().when().isEmpty(), "the default alternative");
        }

        /**
         * Only a constant the library keeps is kept by name (an export must declare what it
         * names): a tagged enum's or a typedef'd one's, standing alone; an anonymous enum's, or
         * one folded with others, is its number.
         */
        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "enum K { A = 7 };|A|A",
                "typedef enum { A = 7 } K;|A|A",
                "enum { A = 7 };|A|7",
                "enum K { A = 7 };|A + 1|8",
                "enum K { A = 7, B = 8 };|A, B|A, B",
                "enum K { A = 7 };|(A)|A"})
        void anEnumConstantKeepsItsNameWhereTheLibraryDeclaresIt(String enumDecl, String when, String shown) {
            String header = enumDecl + " struct S { int t; [[structscope::switch(t)]] union { [[structscope::when("
                    + when + ")]] int a; } u; };";
            TypeLibrary l = HeaderImporter.importText(header, "k.h", HeaderImporter.Options.defaults());
            RecordType u = (RecordType) l.findRecord("S").orElseThrow().record().members().get(1).type();
            assertEquals(shown, String.join(", ", u.members().getFirst().dynamic().when().stream().map(Expr::text).toList()));
        }

        @Test
        void readsStringWhenValuesForCharArrayDiscriminators() {
            RecordType u = (RecordType) member("Chunk", "body").type();
            assertEquals(List.of(new Expr.Str("fmt ")), u.members().getFirst().dynamic().when());
        }

        @Test
        void readsCountedByAsACountedArray() {
            assertEquals("n", ((ArrayType) member("CB", "data").type()).count().text());
        }

        @Test
        void readsAPlacementThatDoesNotEndTheRecord() {
            assertEquals("off", member("Placed", "vals").dynamic().at().text());
        }
    }

    @Nested
    class BadHeaders {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
            "struct A { int n; char s[m]; };|dyn.h:1:26|use of undeclared identifier 'm'",
            "struct A { int length; char s[lenght]; };|dyn.h:1:31|use of undeclared identifier 'lenght' (did you mean 'length'?)",
            "struct A { int n; [[structscope::switch(n)]] int x; };|dyn.h|switch needs a member of union type",
            "struct A { int n; [[structscope::bogus(n)]] int x; };|dyn.h:1:34|unknown attribute 'structscope::bogus'",
            "struct A { int n; [[structscope::at(n), structscope::at(n)]] int x; };|dyn.h:1:54|structscope::at is given twice",
            "struct A { int n; int x __attribute__((counted_by(n))); };|dyn.h:1:23|counted_by applies only to a flexible array",
            "struct A { int n; union { [[structscope::when(n)]] int a; } u; };|dyn.h:1:47|a when value must be a constant",
            "struct A { int n; [[structscope::at(n)]] int b : 3; };|dyn.h|a bit-field cannot be placed",
            "struct A { int n; char s[f(n)]; };|dyn.h:1:26|function call",
        })
        void endWithOneMessageAndAPlace(String header, String where, String message) {
            InputException e = assertThrows(InputException.class, () -> {
                TypeLibrary l = HeaderImporter.importText(header, "dyn.h", HeaderImporter.Options.defaults());
                LayoutEngine.layoutAll(l, Abis.X86_64_LINUX);
            });
            assertTrue(e.oneLine().startsWith(where), e.oneLine());
            assertTrue(e.getMessage().contains(message), e.oneLine());
        }

        @Test
        void structscopeAttributesOutsideARecordAreRefused() {
            InputException e = assertThrows(InputException.class, () -> HeaderImporter.importText(
                    "[[structscope::at(4)]] int x;", "dyn.h", HeaderImporter.Options.defaults()));
            assertTrue(e.getMessage().contains("only on a member"), e.oneLine());
        }
    }

    @Nested
    class TheLayoutEngine {
        @Test
        void keepsTheStaticPrefixAndMarksWhatFollowsACountedArray() {
            RecordLayout r = layout("Name");
            assertTrue(r.dynamic());
            List<FieldLayout> f = r.visibleFields();
            assertEquals(0, f.get(0).offset());
            assertFalse(f.get(0).dynamic());
            assertEquals(1, f.get(1).offset());
            assertFalse(f.get(1).dynamic(), "the counted array itself starts at a known offset");
            assertTrue(f.get(2).dynamic());
            assertEquals(List.of("0", "1", "align(1 + name_len, 4)"), DynamicOffsets.of(r));
            assertEquals(8, r.size(), "the smallest the record can be");
        }

        /**
         * Bit-fields after a counted array go where the bits before them end (C packs them into
         * the unit the array ends in), so the listing says that rather than an aligned offset.
         */
        @Test
        void bitFieldsAfterACountedArrayFollowItsBits() {
            RecordLayout r = layout("Bits");
            assertEquals(List.of("0", "1", "bits after 1 + n", "bits after end of f", "end of g"), DynamicOffsets.of(r));
            assertTrue(r.visibleFields().get(2).dynamic());
        }

        @Test
        void placedMembersDoNotMoveWhatFollows() {
            RecordLayout r = layout("Placed");
            FieldLayout c = r.visibleFields().get(3);
            assertEquals("c", c.name());
            assertEquals(8, c.offset());
            assertFalse(c.dynamic());
            assertTrue(r.visibleFields().get(2).dynamic());
            assertEquals("at(off)", DynamicOffsets.of(r).get(2));
        }

        @Test
        void aRecordOfFixedMembersStaysFixed() {
            assertFalse(layout("Hdr").dynamic());
            assertTrue(layout("File").dynamic(), "an array of dynamic records makes its holder dynamic");
            assertTrue(((ArrayLayout) layout("CB").visibleFields().get(1).layout()).count() != null);
        }

        @Test
        void aFlexibleArrayAtTheEndKeepsCsPadding() {
            TypeLibrary l = HeaderImporter.importText("struct F { int a; char c; int d[]; };", "f.h",
                    HeaderImporter.Options.defaults());
            RecordLayout r = LayoutEngine.layout("F", l, Abis.X86_64_LINUX);
            assertEquals(8, r.size());
            assertEquals(1, r.padding().size());
            assertEquals(5, r.padding().getFirst().offset());
        }
    }

    @Nested
    class Documents {
        @Test
        void roundTripEveryDynamicFeature() {
            TypeLibrary l = lib();
            String json = LayoutDocuments.toJson(l);
            assertTrue(json.contains("\"count\": \"name_len\""), json);
            assertTrue(json.contains("\"switch\": \"type\""), json);
            assertTrue(json.contains("\"when\": [\"\\\"fmt \\\"\"]"), json);
            assertTrue(json.contains("\"when\": [\"TICK\", \"TEXT\"]"), json);
            TypeLibrary back = LayoutDocuments.parse(json, "doc.json").library();
            for (String name : List.of("Name", "Rec", "File", "Msg", "Placed", "CB", "Chunk")) {
                assertEquals(l.findRecord(name).orElseThrow().record(), back.findRecord(name).orElseThrow().record(),
                        name);
            }
            assertEquals(LayoutDocuments.toJson(back), json, "a second round trip writes the same text");
        }

        /** Parses a document d.json of one struct A with {@code int n} and member {@code s} as given; it must be refused with its place. */
        private InputException refusedWithItsPlace(String memberS) {
            String json = """
                    {"format": "structscope-layout", "version": 1, "types": [
                      {"kind": "struct", "name": "A", "members": [
                        {"name": "n", "type": "int"},
                        %s]}]}
                    """.formatted(memberS);
            InputException e = assertThrows(InputException.class, () -> LayoutDocuments.parse(json, "d.json"));
            assertTrue(e.oneLine().startsWith("d.json:"), e.oneLine());
            return e;
        }

        @Test
        void aWhenNamingNoConstantOfTheDocumentIsRefusedWithItsPlace() {
            InputException e = refusedWithItsPlace("""
                    {"name": "s", "type": "int", "when": ["NOPE"]}""");
            assertTrue(e.getMessage().contains("a when value must be a constant (a number, a string or a constant of an enum"
                    + " of this document), not \"NOPE\""), e.oneLine());
        }

        @Test
        void anExpressionMayNameAConstantOfAnEnumDeclaredLaterInTheDocument() {
            String json = """
                    {"format": "structscope-layout", "version": 1, "types": [
                      {"kind": "struct", "name": "A", "members": [
                        {"name": "t", "type": "int"},
                        {"name": "u", "switch": "t", "type": {"kind": "union", "members": [
                          {"name": "a", "type": "int", "when": ["LATER"]}]}}]},
                      {"kind": "enum", "name": "E", "enumerators": [{"name": "LATER", "value": 5}]}]}
                    """;
            RecordType a = LayoutDocuments.parse(json, "d.json").library().findRecord("A").orElseThrow().record();
            RecordType u = (RecordType) a.members().get(1).type();
            assertEquals(List.of(new Expr.Const(5, "LATER")), u.members().getFirst().dynamic().when());
        }

        @Test
        void aCountOnAnArrayThatIsNotFlexibleIsRefusedWithItsPlace() {
            InputException e = refusedWithItsPlace("""
                    {"name": "s", "type": "char[4]", "count": "n"}""");
            assertTrue(e.getMessage().contains("flexible array"), e.oneLine());
        }

        @Test
        void aBadExpressionIsRefusedWithItsPlace() {
            refusedWithItsPlace("""
                    {"name": "s", "type": "char[]", "count": "n +"}""");
        }
    }

    @Test
    void expressionsPrintAsCWithTheParenthesesTheyNeed() {
        Expr e = new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Binary(Expr.BinaryOp.SUB, new Expr.Ref(List.of("a")),
                new Expr.Const(1)), new Expr.Ref(List.of("b", "c")));
        assertEquals("(a - 1) * b.c", e.text());
        assertEquals(5L, e.evaluate(p -> p.size() == 1 ? 6L : 1L));
        assertNull(null);
        Expr a = new Expr.Ref(List.of("a"));
        Expr b = new Expr.Ref(List.of("b"));
        Expr sub = new Expr.Binary(Expr.BinaryOp.SUB, a, b);
        assertEquals("a - b - a", new Expr.Binary(Expr.BinaryOp.SUB, sub, a).text());
        assertEquals("a - (a - b)", new Expr.Binary(Expr.BinaryOp.SUB, a, sub).text(), "left-associative");
        assertEquals("-(a - b)", new Expr.Unary(Expr.UnaryOp.NEG, sub).text());
        assertEquals("- -a", new Expr.Unary(Expr.UnaryOp.NEG, new Expr.Unary(Expr.UnaryOp.NEG, a)).text());
        assertEquals("a && b ? a : b", new Expr.Cond(new Expr.Binary(Expr.BinaryOp.LAND, a, b), a, b).text());
        assertEquals("(a || b) ? a : b", new Expr.Cond(new Expr.Binary(Expr.BinaryOp.LOR, a, b), a, b).text());
        assertEquals("a + (b ? a : b)", new Expr.Binary(Expr.BinaryOp.ADD, a, new Expr.Cond(b, a, b)).text());
    }

    /**
     * An unsigned 64-bit value of 2^63 or more is unsigned in an expression, as in C: it compares,
     * divides and shifts as unsigned (it was a negative long: n > 10 was false, n >> 60 was -1).
     */
    @Test
    void unsigned64BitValuesAreNotNegative() {
        Expr.Env env = p -> new Expr.Unsigned(0xF000000000000000L);
        Expr.Ref n = new Expr.Ref(List.of("n"));
        assertEquals(1L, new Expr.Binary(Expr.BinaryOp.GT, n, new Expr.Const(10)).evaluate(env));
        assertEquals(0L, new Expr.Binary(Expr.BinaryOp.LT, n, new Expr.Const(0)).evaluate(env));
        assertEquals(new Expr.Unsigned(15), new Expr.Binary(Expr.BinaryOp.SHR, n, new Expr.Const(60)).evaluate(env));
        assertEquals(15L, new Expr.Binary(Expr.BinaryOp.DIV, n, new Expr.Const(0x1000000000000000L)).evaluateLong(env));
        assertEquals(new Expr.Unsigned(Long.remainderUnsigned(0xF000000000000000L, 7)),
                new Expr.Binary(Expr.BinaryOp.MOD, n, new Expr.Const(7)).evaluate(env));
        assertEquals("17293822569102704640", n.evaluate(env).toString());
        // -1 meets an unsigned operand as C's ULLONG_MAX.
        assertEquals(1L, new Expr.Binary(Expr.BinaryOp.LT, n, new Expr.Const(-1)).evaluate(env));
        // Signed values stay signed.
        assertEquals(-1L, new Expr.Binary(Expr.BinaryOp.SHR, new Expr.Const(-16), new Expr.Const(4)).evaluate(p -> 0L));
        assertEquals(1L, new Expr.Binary(Expr.BinaryOp.LT, new Expr.Const(-1), new Expr.Const(0)).evaluate(p -> 0L));
    }
}
