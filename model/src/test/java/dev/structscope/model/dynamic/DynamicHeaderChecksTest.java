package dev.structscope.model.dynamic;

import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.doc.LayoutDocuments;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.MemberRules;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Dynamic-layout attributes that cannot mean anything are refused when the layout is read, with
 * the place they are written: a discriminator, count or size no data can give a meaning (a float,
 * a struct, a string where a number is needed), {@code when} where no switch chooses, {@code when}
 * values of the wrong kind, too long, or given twice, two defaults. They used to be accepted, and
 * failed (or silently never matched) only when data was decoded. Headers and layout documents are
 * refused for the same reasons; a misspelt {@code structscope::} namespace is a warning.
 */
class DynamicHeaderChecksTest {
    private static final String U12 = "union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(2)]] uint16_t b; };\n";

    /**
     * Imports {@code marked} (with {@code <stdint.h>} first, and {@code \n} for new lines) as
     * dyn.h and lays it out; it must be refused at the character after '^' (removed before reading).
     */
    private static InputException refusedAtMark(String marked) {
        String text = "#include <stdint.h>\n" + marked.replace("\\n", "\n").replace("U12;", U12);
        int at = text.indexOf('^');
        text = text.substring(0, at) + text.substring(at + 1);
        int line = 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
        int col = at - text.lastIndexOf('\n', at - 1);
        String src = text;
        InputException e = assertThrows(InputException.class, () -> LayoutEngine.layoutAll(
                HeaderImporter.importText(src, "dyn.h", HeaderImporter.Options.defaults()), Abis.X86_64_LINUX));
        assertEquals("dyn.h:" + line + ":" + col, e.where(), e.oneLine());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            switch on a float  | U12;struct A { float t; [[structscope::switch(^t)]] union U u; };                 | switch(t): 't' is float; a switch needs an integer, enum or char array member
            switch on a struct | struct P { int x; };\\nU12;struct A { struct P p; [[structscope::switch(^p)]] union U u; }; | switch(p): 'p' is struct P; a switch needs an integer, enum or char array member
            count from double  | struct A {\\n    double s;\\n    uint8_t a[^s];\\n};                                  | count s: 's' is double; a count needs an integer or enum member
            size from double   | struct A { double s; [[structscope::size(^s)]] uint32_t a; };                      | size(s): 's' is double; a size needs an integer or enum member
            at from a float    | struct A { float s; [[structscope::at(^s * 2)]] uint32_t a; };                     | at(s * 2): 's' is float; expressions read only integer, enum and char array members
            count from a string | struct A { char id[4]; uint8_t a[^id]; };                                        | count id: 'id' is char[4], a string; a count needs an integer or enum member
            arithmetic on a string | struct A { char id[4]; uint8_t a[^id + 1]; };                                | count id + 1: 'id' is char[4], a string; '+' needs numbers
            string never equals a number | struct A { char id[4]; uint8_t a[^id == 1]; };                         | count id == 1: 'id == 1' compares a string with a number, which are never equal
            float in an enclosing record | struct H { double n; };\\nstruct O0 { struct H hdr; };\\nstruct In { uint8_t d[^hdr.n]; };\\nstruct O { struct H hdr; struct In in; }; | count hdr.n: 'hdr.n' is double
            when without switch | U12;struct A { uint8_t t; union U ^u; };                                             | 'u' is union U, whose alternatives have when, but it has no switch to choose one
            array of alternatives without switch | U12;struct A { uint8_t t; union U ^u[2]; };                         | 'u' is union U[2], whose alternatives have when
            when in a struct   | struct A { uint8_t t; [[structscope::when(^1)]] uint32_t a; };                     | when on 'a', a member of a struct: when marks an alternative of a union chosen by switch
            string when for a number | union U { [[structscope::when(^"ab")]] uint32_t a; uint16_t b; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | when("ab"): switch(t) is a number ('t' is uint8_t); a string never equals it
            number when for a string | union U { [[structscope::when(^1)]] uint32_t a; uint16_t b; };\\nstruct A { char t[4]; [[structscope::switch(t)]] union U u; }; | when(1): switch(t) is a string ('t' is char[4]); a number never equals it
            string longer than the array | union U { [[structscope::when(^"abcdef")]] uint32_t a; uint16_t b; };\\nstruct A { char t[4]; [[structscope::switch(t)]] union U u; }; | when("abcdef"): switch(t) has at most 4 characters ('t' is char[4]), so "abcdef" (6) never equals it
            value in two alternatives | union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(^1)]] uint16_t b; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | when(1): 1 is also a when value of 'a', which is chosen first
            value twice in one alternative | union U { [[structscope::when(1, ^1)]] uint32_t a; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | when(1): 1 is given twice for 'a'
            two defaults       | union U { uint32_t a; uint16_t ^b; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | switch(t): 'a' and 'b' both have no when; a tagged union has at most one default alternative
            two defaults inline | struct A { uint8_t t; [[structscope::switch(t)]] union { [[structscope::when(1)]] int x; int a; int ^b; } u; }; | switch(t): 'a' and 'b' both have no when
            when value past a uint8_t | union U { [[structscope::when(1)]] uint32_t a; [[structscope::when(^300)]] uint16_t b; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | when(300): switch(t) holds 0 to 255 ('t' is uint8_t), so 300 never equals it
            negative when for an unsigned | struct A { uint32_t t; [[structscope::switch(t)]] union { [[structscope::when(^-1)]] uint32_t a; uint16_t b; } u; }; | when(-1): switch(t) holds 0 to 4294967295 ('t' is uint32_t), so -1 never equals it
            when value past a signed type | struct A { int16_t t; [[structscope::switch(t)]] union { [[structscope::when(1, ^40000)]] uint32_t a; } u; }; | when(40000): switch(t) holds -32768 to 32767 ('t' is int16_t), so 40000 never equals it
            when value past a bit-field | struct A { uint8_t t : 3; [[structscope::switch(t)]] union { [[structscope::when(^8)]] uint32_t a; } u; }; | when(8): switch(t) holds 0 to 7 ('t' is uint8_t : 3), so 8 never equals it
            when value past a signed bit-field | struct A { int t : 4; [[structscope::switch(t)]] union { [[structscope::when(^-9)]] uint32_t a; } u; }; | when(-9): switch(t) holds -8 to 7 ('t' is int : 4), so -9 never equals it
            when value past a _Bool | struct A { _Bool t; [[structscope::switch(t)]] union { [[structscope::when(0)]] int a; [[structscope::when(^2)]] int b; } u; }; | when(2): switch(t) holds 0 to 1 ('t' is _Bool)
            when value past a char on every ABI | struct A { char t; [[structscope::switch(t)]] union { [[structscope::when(^256)]] int a; } u; }; | when(256): switch(t) holds -128 to 255 ('t' is char)
            when value past an enum's fixed type | enum K : uint8_t { X = 1 };\\nstruct A { enum K k; [[structscope::switch(k)]] union { [[structscope::when(^X + 255)]] int a; } u; }; | when(256): switch(k) holds 0 to 255 ('k' is enum K)
            when value past a nested discriminator | struct H { uint8_t kind; };\\nstruct A { struct H h; [[structscope::switch(h.kind)]] union { [[structscope::when(^0x100)]] int a; } u; }; | when(256): switch(h.kind) holds 0 to 255 ('h.kind' is uint8_t)
            misspelt name | struct B { uint8_t lne; };\\nstruct A { uint8_t len; uint8_t d[^lne]; }; | count lne: no member 'lne' is decoded before it in struct A (did you mean 'len'?)
            misspelt name in arithmetic | struct B { uint8_t lne; };\\nstruct A { uint8_t len; uint8_t d[len + ^lne]; }; | count len + lne: no member 'lne' is decoded before it in struct A (did you mean 'len'?)
            misspelt dotted name | struct H { uint16_t count; uint16_t name; };\\nstruct A { struct H hdr; uint8_t d[^hdr.nmae]; }; | count hdr.nmae: 'hdr' (struct H) has no member 'nmae' (did you mean 'name'?)
            dotted name into a number | struct A { uint8_t n; uint8_t d[^n.x]; }; | count n.x: 'n' is uint8_t, which has no members
            dotted name into an array | struct R { uint8_t count; };\\nstruct A { uint8_t n; struct R recs[n]; [[structscope::size(^recs.count)]] uint32_t d; }; | size(recs.count): 'recs' is struct R[n], which has no members
            name of a later member | struct Z { uint8_t n; };\\nstruct A { uint8_t d[^n]; uint8_t n; }; | count n: no member 'n' is decoded before it in struct A
            misspelt discriminator | U12;struct Z { uint8_t tag; };\\nstruct A { uint8_t tga; [[structscope::switch(^tag)]] union U u; }; | switch(tag): no member 'tag' is decoded before it in struct A (did you mean 'tga'?)
            misspelt placement | struct Z { uint32_t off; };\\nstruct A { uint32_t ofs; [[structscope::at(^off)]] uint32_t v; }; | at(off): no member 'off' is decoded before it in struct A (did you mean 'ofs'?)
            name the holder lacks | struct O0 { uint8_t n; };\\nstruct In { uint8_t d[^n]; };\\nstruct P { uint8_t k; struct In in[k]; }; | count n: no member 'n' is decoded before it in struct In, nor in struct P around it
            name of another alternative | struct Z { uint8_t n; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union { [[structscope::when(1)]] uint8_t n; [[structscope::when(2)]] struct { uint8_t d[^n]; } s; } u; }; | count n: no member 'n' is decoded before it in struct A
            division by zero in a when value | union U { [[structscope::when(1 ^/ 0)]] uint32_t a; uint16_t b; };\\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; }; | division by zero in '1 / 0'
            division by zero in a size | struct A { uint8_t n; [[structscope::size(n + 4 ^% 0)]] uint32_t a; }; | division by zero in '4 % 0'
            """)
    void headersThatCannotMeanAnythingAreRefusedWhereTheyAreWritten(String what, String marked, String message) {
        InputException e = refusedAtMark(marked);
        assertEquals(true, e.getMessage().startsWith(message), () -> what + ": " + e.oneLine());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // Numbers of every kind the decoder reads: enums, bit-fields, booleans, chars, pointers.
        "enum K { X = 1, Y = 2 };\nunion U { [[structscope::when(X)]] int a; [[structscope::when(Y, 'c')]] int b; int other; };\n"
                + "struct A { enum K k; uint8_t f : 4; _Bool b; char c; void *p; [[structscope::switch(k)]] union U u;"
                + " uint8_t d[f + b + c]; [[structscope::switch(f | 1)]] union U v; };",
        // A string padded with NULs matches what a char array holds before its first NUL.
        "union U { [[structscope::when(\"ab\\0\\0\")]] int a; [[structscope::when(\"abcd\")]] int b; };\n"
                + "struct A { char t[4]; [[structscope::switch(t)]] union U u; uint8_t n[t == \"ab\" ? 2 : 0]; };",
        // Every value its type can hold on some ABI: char is unsigned on ARM; an enum is int on
        // Windows; a 64-bit discriminator's when values compare by their 64 bits (-1 is all ones, as
        // C converts a case value to the discriminator's type); a computed discriminator is not judged.
        "enum K { X = 1, Y = 2 };\n"
                + "struct A { uint8_t t; int8_t s; char c; uint8_t f : 3; enum K k; uint64_t w;\n"
                + "  [[structscope::switch(t)]] union { [[structscope::when(0, 255)]] int a; } u1;\n"
                + "  [[structscope::switch(s)]] union { [[structscope::when(-128, 127)]] int a; } u2;\n"
                + "  [[structscope::switch(c)]] union { [[structscope::when(-128, 255)]] int a; } u3;\n"
                + "  [[structscope::switch(f)]] union { [[structscope::when(0, 7)]] int a; } u4;\n"
                + "  [[structscope::switch(k)]] union { [[structscope::when(-1, 0xFFFFFFFF)]] int a; } u5;\n"
                + "  [[structscope::switch(w)]] union { [[structscope::when(-1, 0x7FFFFFFFFFFFFFFF)]] int a; } u6;\n"
                + "  [[structscope::switch(t + 1)]] union { [[structscope::when(256, -1)]] int a; } u7; };",
        // A union with when is a type of its own until a member uses it; one default is fine.
        "union U { [[structscope::when(1)]] int a; int rest; };",
        "union U { [[structscope::when(1)]] int a; int rest; };\nstruct A { uint8_t t; [[structscope::switch(t)]] union U u; };",
        // A name only the enclosing record supplies at decode time is the decoder's to look up.
        "struct H { uint16_t n; };\nstruct Z { struct H hdr; };\nstruct In { uint8_t d[hdr.n]; };\n"
                + "struct O { struct H hdr; struct In in[hdr.n]; };",
        // Names dotted into nested records, a tagged union's alternatives and through anonymous
        // members, of this record and the records around it.
        "struct H { uint8_t kind; uint8_t n; };\n"
                + "struct A { struct H hdr; [[structscope::switch(hdr.kind)]] union {\n"
                + "  [[structscope::when(1)]] struct { uint8_t m; } one; [[structscope::when(2)]] struct { uint8_t k; } two; } body;\n"
                + "  uint8_t d[body.one.m]; struct { uint8_t inner; }; uint8_t f[inner + hdr.n];\n"
                + "  struct { uint8_t g[hdr.n + body.two.k]; } nested[2]; };",
        // A linked structure: a record placed inside itself is checked once.
        "struct L { uint32_t next; uint8_t n; uint8_t d[n]; [[structscope::at(next)]] struct L more[next != 0]; };",
        // Other tools' attributes are not ours to judge.
        "struct A { uint8_t n; [[foo::size(n), gnu::aligned(4), clang::annotate(\"x\")]] uint32_t a; };",
    })
    void meaningfulHeadersStayAccepted(String header) {
        assertDoesNotThrow(() -> LayoutEngine.layoutAll(HeaderImporter.importText("#include <stdint.h>\n" + header,
                "ok.h", HeaderImporter.Options.defaults()), Abis.X86_64_LINUX));
    }

    /**
     * What a discriminator can hold (and a bit-field of a document may be) is taken from the widest
     * each integer type is on any supported ABI, written down once without an ABI: it must stay so.
     */
    @Test
    void theWidestBitsOfEachIntegerTypeAreTheWidestOfTheAbis() {
        for (Prim p : Prim.values()) {
            if (p.isInteger() && p != Prim.BOOL) {
                long widest = Abi.all().stream().filter(a -> a.has(p)).mapToLong(a -> a.scalar(p).size() * 8L).max()
                        .orElseThrow();
                assertEquals(widest, MemberRules.widestBits(p), p.cName());
            }
        }
    }

    @Test
    void theMeaningfulHeaderOfTheDynamicTestsStaysAccepted() {
        assertDoesNotThrow(DynamicHeaderTest::lib);
    }

    /**
     * A compiler ignores attributes it does not know, and so does the importer, but a namespace two
     * edits or fewer from structscope is a typo that would drop a count or a switch silently: one
     * warning line with its place.
     */
    @Test
    void aMisspeltNamespaceIsAWarningWithItsPlace() {
        List<String> warnings = new ArrayList<>();
        TypeLibrary l = HeaderImporter.importText("""
                #include <stdint.h>
                struct A {
                    uint8_t n;
                    [[structscop::size(n)]] uint32_t a;
                    [[StructScope::at(n), other::size(n)]] uint32_t b;
                };
                """, "ns.h", new HeaderImporter.Options(false, List.of(), warnings::add));
        assertEquals(List.of(
                "ns.h:4:7: unknown attribute 'structscop::size' ignored (did you mean 'structscope::size'?)",
                "ns.h:5:7: unknown attribute 'StructScope::at' ignored (did you mean 'structscope::at'?)"), warnings);
        assertEquals(false, l.findRecord("A").orElseThrow().record().members().get(1).isDynamic());
    }

    /** A document of {@code types} (JSON declarations); it must be refused at the character after '^'. */
    private static InputException documentRefusedAtMark(String types) {
        String json = "{\"format\": \"structscope-layout\", \"version\": 1, \"types\": [\n" + types + "]}";
        int at = json.indexOf('^');
        String src = json.substring(0, at) + json.substring(at + 1);
        int line = 1 + (int) src.substring(0, at).chars().filter(c -> c == '\n').count();
        int col = at - src.lastIndexOf('\n', at - 1);
        InputException e = assertThrows(InputException.class, () -> LayoutDocuments.parse(src, "d.json"));
        assertEquals("d.json:" + line + ":" + col, e.where(), e.oneLine());
        return e;
    }

    private static final String DOC_U12 = """
            {"kind": "union", "name": "U", "members": [{"name": "a", "type": "uint32_t", "when": ["1"]},
                {"name": "b", "type": "uint16_t", "when": ["2"]}]},
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            switch on a float | U12 {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "float"}, ^{"name": "u", "type": "union U", "switch": "t"}]} | switch(t): 't' is float; a switch needs an integer, enum or char array member
            count from double | {"kind": "struct", "name": "A", "members": [{"name": "s", "type": "double"}, ^{"name": "a", "type": "uint8_t[]", "count": "s"}]} | count s: 's' is double
            size from double | {"kind": "struct", "name": "A", "members": [{"name": "s", "type": "double"}, ^{"name": "a", "type": "uint32_t", "size": "s"}]} | size(s): 's' is double
            when without switch | U12 {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, ^{"name": "u", "type": "union U"}]} | 'u' is union U, whose alternatives have when, but it has no switch
            when in a struct | {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, ^{"name": "a", "type": "int", "when": ["1"]}]} | when on 'a', a member of a struct
            string when for a number | {"kind": "union", "name": "U", "members": [^{"name": "a", "type": "int", "when": ["\\"ab\\""]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, {"name": "u", "type": "union U", "switch": "t"}]} | when("ab"): switch(t) is a number
            number when for a string | {"kind": "union", "name": "U", "members": [^{"name": "a", "type": "int", "when": ["1"]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "char[4]"}, {"name": "u", "type": "union U", "switch": "t"}]} | when(1): switch(t) is a string
            string longer than the array | {"kind": "union", "name": "U", "members": [^{"name": "a", "type": "int", "when": ["\\"abcdef\\""]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "char[4]"}, {"name": "u", "type": "union U", "switch": "t"}]} | has at most 4 characters
            value in two alternatives | {"kind": "union", "name": "U", "members": [{"name": "a", "type": "int", "when": ["1"]}, ^{"name": "b", "type": "int", "when": ["1"]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, {"name": "u", "type": "union U", "switch": "t"}]} | 1 is also a when value of 'a'
            two defaults | {"kind": "union", "name": "U", "members": [{"name": "a", "type": "int"}, ^{"name": "b", "type": "int"}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, {"name": "u", "type": "union U", "switch": "t"}]} | 'a' and 'b' both have no when
            when value past a uint8_t | {"kind": "union", "name": "U", "members": [{"name": "a", "type": "int", "when": ["1"]}, ^{"name": "b", "type": "int", "when": ["2", "300"]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint8_t"}, {"name": "u", "type": "union U", "switch": "t"}]} | when(300): switch(t) holds 0 to 255 ('t' is uint8_t), so 300 never equals it
            negative when for an unsigned | {"kind": "union", "name": "U", "members": [^{"name": "a", "type": "int", "when": ["-1"]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "uint16_t"}, {"name": "u", "type": "union U", "switch": "t"}]} | when(-1): switch(t) holds 0 to 65535 ('t' is uint16_t)
            when value past a bit-field | {"kind": "union", "name": "U", "members": [^{"name": "a", "type": "int", "when": ["16"]}]}, {"kind": "struct", "name": "A", "members": [{"name": "t", "type": "unsigned int", "bits": 4}, {"name": "u", "type": "union U", "switch": "t"}]} | when(16): switch(t) holds 0 to 15 ('t' is unsigned int : 4)
            misspelt name | {"kind": "struct", "name": "A", "members": [{"name": "len", "type": "uint8_t"}, ^{"name": "d", "type": "uint8_t[]", "count": "lne"}]} | count lne: no member 'lne' is decoded before it in struct A (did you mean 'len'?)
            misspelt dotted name | {"kind": "struct", "name": "H", "members": [{"name": "count", "type": "uint16_t"}, {"name": "name", "type": "uint16_t"}]}, {"kind": "struct", "name": "A", "members": [{"name": "hdr", "type": "struct H"}, ^{"name": "d", "type": "uint8_t", "at": "hdr.nmae"}]} | at(hdr.nmae): 'hdr' (struct H) has no member 'nmae' (did you mean 'name'?)
            division by zero | {"kind": "union", "name": "U", "members": [{"name": "a", "type": "int", "when": [^"1 / 0"]}]} | division by zero in '1 / 0'
            """)
    void documentsAreRefusedForTheSameReasons(String what, String marked, String message) {
        InputException e = documentRefusedAtMark(marked.replace("U12 ", DOC_U12));
        assertEquals(true, e.getMessage().contains(message), () -> what + ": " + e.oneLine());
    }
}
