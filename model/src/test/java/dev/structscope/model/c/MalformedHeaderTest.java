package dev.structscope.model.c;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken headers end in an {@link InputException} naming file:line:col and what is wrong; inputs
 * built to exhaust the stack, time or memory end the same way, quickly.
 */
class MalformedHeaderTest {
    @TempDir
    Path tmp;

    private static InputException fail(String src) {
        return assertThrows(InputException.class,
                () -> HeaderImporter.importText(src.replace("\\n", "\n"), "bad.h", HeaderImporter.Options.defaults()));
    }

    /** The exception of importing the file {@code name} of the temporary folder, its includes read from there. */
    private InputException failFile(String name) {
        return assertThrows(InputException.class, () -> HeaderImporter.importFile(tmp.resolve(name),
                HeaderImporter.Options.defaults().withSource(TextHeaders.under(tmp))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            struct A { int x } ;                          | bad.h:1:18 | expected ';' after member declaration (found '}')
            struct A { uint31_t x; };                     | bad.h:1:12 | unknown type name 'uint31_t'
            struct A { int x; };\\nstruct A { int y; };   | bad.h:2:8  | redefinition of 'struct A'
            struct A { char c[1/0]; };                    | bad.h:1:20 | division by zero in constant expression
            struct A { char c[5 % (2-2)]; };              | bad.h:1:21 | remainder by zero in constant expression
            struct A { char c[-1]; };                     | bad.h:1:18 | array size is negative (-1)
            struct A { char c[0x7fffffffffffffff][16]; }; | bad.h:1:17 | array size overflows: 9223372036854775807 elements of 16 bytes
            typedef char C4 __attribute__((aligned(4)));\\nstruct A {\\n  int y;\\n  C4 v[2];\\n}; | bad.h:4:6 | size of array element of type 'C4' (1 bytes) isn't a multiple of its alignment (4 bytes)
            struct S { char c[3]; }; typedef struct S __attribute__((aligned(4))) A4;\\nstruct A { union { int i; A4 arr[2]; }; }; | bad.h:2:30 | size of array element of type 'A4' (3 bytes) isn't a multiple of its alignment (4 bytes)
            struct A { int x : 33; };                     | bad.h:1:20 | width of bit-field 'x' (33 bits) exceeds the width of its type (32 bits)
            struct A { _Bool b : 2; };                    | bad.h:1:22 | width of bit-field 'b' (2 bits) exceeds the width of its type (1 bit)
            struct A { int x : -1; };                     | bad.h:1:20 | bit-field 'x' has negative width (-1)
            struct A { int x : 0; };                      | bad.h:1:16 | named bit-field 'x' has zero width
            struct A { float f : 3; };                    | bad.h:1:18 | bit-field 'f' has non-integral type 'float'
            struct A { int x; int x; };                   | bad.h:1:23 | duplicate member 'x'
            struct A { int x; struct { int x; }; };       | bad.h:1:19 | duplicate member 'x'
            struct A { struct B b; };                     | bad.h:1:21 | field 'b' has incomplete type 'struct B'
            struct A { struct A self; };                  | bad.h:1:21 | field 'self' has incomplete type 'struct A'
            struct A { void v; };                         | bad.h:1:17 | field 'v' has incomplete type 'void'
            struct A { int a[]; int b; };                 | bad.h:1:16 | flexible array member 'a' is not at the end of the struct
            union U { int a; int b[]; };                  | bad.h:1:22 | flexible array member 'b' in a union is not allowed
            struct A { char c[2][]; };                    | bad.h:1:18 | array has incomplete element type 'char[]'
            #if 1\\nstruct A { int x; };                  | bad.h:1:2  | unterminated conditional directive
            #endif                                        | bad.h:1:2  | #endif without #if
            #if 1\\n#else\\n#else\\n#endif                | bad.h:3:2  | #else after #else
            #include "nope.h"                             | bad.h:1:10 | 'nope.h' file not found
            #error stop here                              | bad.h:1:2  | #error stop here
            #frobnicate                                   | bad.h:1:2  | invalid preprocessing directive '#frobnicate'
            struct A { int x;                             | bad.h:1:10 | expected '}' to match this '{'
            struct A { char c[sizeof(struct Z)]; };       | bad.h:1:19 | incomplete type 'struct Z': it is declared but never defined, or not declared at all
            enum E { A, B = A + , C };                    | bad.h:1:21 | expected an expression (found ',')
            enum E { A, A };                              | bad.h:1:13 | redefinition of enumerator 'A'
            enum E { };                                   | bad.h:1:8  | use of empty enum
            union U { int x; };\\nstruct U { int y; };    | bad.h:2:8  | use of 'U' with tag type that does not match previous declaration
            struct A { int x; } __attribute__((aligned(3))); | bad.h:1:36 | requested alignment is not a positive power of 2 (3)
            struct A { _Alignas(3) int x; };              | bad.h:1:12 | requested alignment is not a power of 2 (3)
            struct A { char c['ab]; };                    | bad.h:1:19 | missing terminating ' character
            struct A { char *s = "abc; };                 | bad.h:1:22 | missing terminating '"' character
            struct A { int x; } @;                        | bad.h:1:21 | stray '@' in program
            struct A { int x€; };                         | bad.h:1:17 | stray '€' (U+20AC) in program
            struct A { int x; }; struct B { char c[((struct A *)0)->x]; }; | bad.h:1:55 | a member access is not a constant (sizeof and & take one, as in sizeof(((struct S *)0)->m))
            struct A { int b : 3; }; struct B { char c[sizeof(((struct A *)0)->b)]; }; | bad.h:1:44 | invalid application of 'sizeof' to bit-field
            struct A { int b : 3; }; struct B { char c[(long) &((struct A *)0)->b]; }; | bad.h:1:51 | address of bit-field requested
            struct B { char c[&1]; };                     | bad.h:1:19 | cannot take an address in a constant expression (only of a member through a null pointer, as in &((struct S *)0)->m)
            struct A { int x; }; struct B { char c[offsetof(struct A, x[1])]; }; | bad.h:1:60 | subscripted value is not an array
            struct A { int x; }; struct B { char c[offsetof(struct A, y)]; }; | bad.h:1:59 | no member named 'y' in 'struct A'
            struct A { int x; }; struct B { char c[_Alignof(((struct A *)0)->x)]; }; | bad.h:1:40 | '_Alignof' of a member is not supported: name its type
            struct A { int *p; }; struct B { char c[sizeof(((struct A *)0)->p->q)]; }; | bad.h:1:66 | a member access through a member's pointer is not a constant
            struct A { int m; }; struct B { char c[sizeof(((struct A *)0)->m + 1)]; }; | bad.h:1:47 | a member access is not a constant (sizeof, & and typeof take one whole, as in sizeof(((struct S *)0)->m))
            struct T { char c; int (__attribute__((aligned(16))) x); }; | bad.h:1:25 | not supported: a layout attribute at the start of a declarator (write it after the declarator)
            struct B { typeof(1 + 2) x; };                | bad.h:1:12 | not supported: 'typeof' of an expression other than a member through a null pointer, as in typeof(((struct S *)0)->m)
            struct A { int b : 3; }; struct B { __typeof__(((struct A *)0)->b) x; }; | bad.h:1:37 | '__typeof__' applied to a bit-field
            struct B { char c[*(int *)0]; };              | bad.h:1:19 | an object through a pointer is not a constant (sizeof and & take one, as in sizeof(*(struct S *)0))
            struct B { char c[sizeof(*5)]; };             | bad.h:1:26 | indirection in a constant expression (only of a cast pointer, as in sizeof(*(struct S *)0))
            struct A { int\u00a0x; };                    | bad.h:1:15 | stray U+00A0 in program
            /* unterminated                               | bad.h:1:1  | unterminated /* comment
            #define F(x) x\\nint y = F(1;                 | bad.h:2:9  | unterminated argument list invoking macro 'F'
            #define F(x, y) x\\nint y = F(1);             | bad.h:2:9  | macro 'F' takes 2 arguments, but 1 were given
            #define X(a, a) a                             | bad.h:1:14 | duplicate macro parameter 'a'
            #define A(x) x ## ## x\\n#define B A(1 2)\\nint B; | bad.h:3:5 | pasting formed '1##', an invalid preprocessing token
            struct A { char c[1 << 64]; };                | bad.h:1:21 | shift count 64 is out of range for a 32-bit value
            struct A { char c[99999999999999999999999]; }; | bad.h:1:19 | integer constant '99999999999999999999999' is too large for any integer type
            struct A { char c['\\u00e9']; };              | bad.h:1:19 | character too large for enclosing character literal type ('\\u00e9' is 2 bytes in UTF-8; GCC and clang disagree on it)
            struct A { char c[u'\\U0001F600']; };         | bad.h:1:19 | character too large for enclosing character literal type (u'\\U0001F600' needs 2 code units)
            struct A { char c['\\x100']; };               | bad.h:1:19 | hex escape sequence out of range in character constant
            struct A { char c[sizeof("\\777")]; };        | bad.h:1:26 | octal escape sequence out of range in string literal
            struct A { char c[sizeof("\\u12")]; };        | bad.h:1:26 | incomplete universal character name in string literal
            struct A { char c[sizeof("\\ud800")]; };      | bad.h:1:26 | invalid universal character \\ud800 in string literal
            struct A { char c[sizeof(u"a" L"b")]; };      | bad.h:1:31 | unsupported non-standard concatenation of string literals
            struct A { char c[1.5]; };                    | bad.h:1:19 | expected an integer constant expression, not one of type 'double' (a cast makes it one, as in (int)(...))
            struct A { char c[(unsigned char)256.0]; };   | bad.h:1:19 | the value 256.0 does not fit 'unsigned char': the conversion is undefined, and no constant
            struct A { char c[(unsigned)-1.0]; };         | bad.h:1:19 | the value -1.0 does not fit 'unsigned int': the conversion is undefined, and no constant
            struct A { char c[(int)1e10]; };              | bad.h:1:19 | the value 1.0E10 does not fit 'int': the conversion is undefined, and no constant
            struct A { char c[(int)2.5L]; };              | bad.h:1:24 | not supported: long double arithmetic in a constant expression (on x86_64-linux it is wider than a double)
            struct A { char c[sizeof(long double) + (int)(long double)1]; }; | bad.h:1:46 | not supported: long double arithmetic in a constant expression (on x86_64-linux it is wider than a double)
            struct A { char c[(int)(2.5 % 2)]; };         | bad.h:1:29 | invalid operands to binary expression ('double' % 'int')
            struct A { char c[(int)(1 << 1.5)]; };        | bad.h:1:27 | invalid operands to binary expression ('int' << 'double')
            struct A { char c[~1.5]; };                   | bad.h:1:19 | invalid argument type 'double' to unary expression
            struct A { char c[(int)(char *)1.5]; };       | bad.h:1:24 | cannot cast a floating value to 'char *'
            struct A { char c[(int)1e999]; };             | bad.h:1:24 | magnitude of floating-point constant '1e999' too large for type 'double'
            struct A { char c[(int)1.5.2]; };             | bad.h:1:24 | invalid floating constant '1.5.2'
            struct A { char c[(int)(1.0 / 0 > 0)]; };     | bad.h:1:29 | floating division by zero in constant expression (GCC refuses it; clang makes it an infinity)
            struct A { char c[(int)(3e38f * 10.0f > 0)]; }; | bad.h:1:31 | floating point arithmetic overflows 'float' in constant expression (GCC refuses it; clang makes it an infinity)
            struct A { char c[1]; int b : 2.0; };         | bad.h:1:31 | expected an integer constant expression, not one of type 'double' (a cast makes it one, as in (int)(...))
            struct B { int a[4]; }; struct A { char c[__builtin_offsetof(struct B, a[1.5])]; }; | bad.h:1:74 | expected an integer constant expression, not one of type 'double' (a cast makes it one, as in (int)(...))
            #if 1.5\n#endif                              | bad.h:1:5  | floating constant in preprocessor expression
            struct A { char c[12ux]; };                   | bad.h:1:19 | invalid integer constant '12ux'
            typedef int T; typedef long T;                | bad.h:1:29 | typedef redefinition with different types ('long' vs 'int')
            struct A { int (*f)(int); int g(int); };      | bad.h:1:31 | field 'g' declared as a function
            int f(int x) { return x;                      | bad.h:1:14 | unbalanced '{': no matching '}'
            struct A { char c[UNDEFINED_MACRO]; };        | bad.h:1:19 | use of undeclared identifier 'UNDEFINED_MACRO'
            struct A { long long long x; };               | bad.h:1:12 | invalid combination of type specifiers 'long long long'
            struct A { unsigned double d; };              | bad.h:1:12 | invalid combination of type specifiers 'unsigned double'
            struct A { int struct B { int y; } x; };      | bad.h:1:16 | cannot combine 'struct' with a previous type specifier
            struct A { _BitInt(8) big; };                 | bad.h:1:12 | not supported: '_BitInt'
            struct A { int x __attribute__((frob)); };    | bad.h:1:33 | not supported: attribute 'frob' (unknown, it might change the layout)
            struct __attribute__((scalar_storage_order("big-endian"))) A { int x; }; | bad.h:1:23 | not supported: scalar_storage_order (members in another byte order)
            struct A { int x[]; };                        | bad.h:1:16 | flexible array member in a struct with no named members
            struct A { int __attribute__((mode(XF))) x; }; | bad.h:1:31 | not supported: mode 'XF'
            #if 1 +\\n#endif                              | bad.h:1:8  | expected an expression (found end of input)
            #if 1 2\\n#endif                              | bad.h:1:7  | extra tokens at end of #if expression (found '2')
            _Static_assert(sizeof(int) == 8, "int is 8"); | bad.h:1:1  | static assertion failed: "int is 8"
            @                                             | bad.h:1:1  | stray '@' in program
            struct                                        | bad.h:1:7  | declaration of anonymous struct must be a definition
            struct A { int x; } y                         | bad.h:1:22 | expected ';' after declaration (found end of file)
            """)
    void brokenInputNamesPlaceAndProblem(String src, String where, String message) {
        InputException e = fail(src);
        assertEquals(where + ": " + message, e.oneLine());
    }

    @Test
    void errorsInIncludedFilesNameThatFile() throws Exception {
        Files.writeString(tmp.resolve("inner.h"), "struct In {\n  int x\n};\n");
        Files.writeString(tmp.resolve("outer.h"), "#include \"inner.h\"\n");
        InputException e = failFile("outer.h");
        assertEquals(tmp.resolve("inner.h") + ":3:1", e.where());
        assertEquals("expected ';' after member declaration (found '}')", e.getMessage());
    }

    @Test
    void lineDirectiveMovesPositions() {
        InputException e = fail("#line 100 \"orig.h\"\nstruct A { int x };");
        assertEquals("orig.h:100:18", e.where());
    }

    @Test
    void errorInsideMacroExpansionPointsAtTheUse() {
        InputException e = fail("#define BAD (1/0)\nstruct A {\n  char c[BAD];\n};");
        assertEquals("bad.h:3:10", e.where());
        assertEquals("division by zero in constant expression", e.getMessage());
    }

    /** Nesting deep enough to exhaust the stack of a recursive parser: of expressions, unary chains, records, declarators. */
    @ParameterizedTest
    @MethodSource("deepNesting")
    void deepNestingIsAnErrorNotAStackOverflow(String src) {
        InputException e = fail(src);
        assertTrue(e.getMessage().startsWith("nesting too deep"), e.getMessage());
    }

    static Stream<Named<String>> deepNesting() {
        return Stream.of(
                Named.of("expression", "struct A { char c[" + "(".repeat(100_000) + "1" + ")".repeat(100_000) + "]; };"),
                Named.of("unary chain", "struct A { char c[" + "- ".repeat(50_000) + "1]; };"),
                Named.of("records", "struct A { ".repeat(1000) + "int x;" + " } a;".repeat(1000)),
                Named.of("declarator", "int " + "(".repeat(10_000) + "x" + ")".repeat(10_000) + ";"));
    }

    @Test
    void macroBombIsBounded() {
        StringBuilder sb = new StringBuilder("#define M0 x\n");
        for (int i = 1; i <= 40; i++) {
            sb.append("#define M").append(i).append(" M").append(i - 1).append(" M").append(i - 1).append('\n');
        }
        sb.append("M40\n");
        InputException e = fail(sb.toString());
        assertTrue(e.getMessage().startsWith("macro expansion too large"), e.getMessage());
    }

    @Test
    void selfIncludeWithoutGuardIsBounded() throws Exception {
        Files.writeString(tmp.resolve("loop.h"), "#include \"loop.h\"\n");
        InputException e = failFile("loop.h");
        assertTrue(e.getMessage().startsWith("#include nested too deeply"), e.getMessage());
    }

    @Test
    void recursiveMacrosStop() {
        // A macro is not expanded inside its own expansion: X stays X, an undeclared identifier.
        InputException e = fail("#define X (X + 1)\nstruct A { char c[X]; };");
        assertEquals("use of undeclared identifier 'X'", e.getMessage());
    }

    @Test
    void missingFileIsAnInputException() {
        InputException e = failFile("absent.h");
        assertTrue(e.getMessage().startsWith("cannot read"), e.getMessage());
    }
}
