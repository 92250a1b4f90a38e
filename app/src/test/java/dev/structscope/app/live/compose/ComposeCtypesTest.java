package dev.structscope.app.live.compose;

import dev.structscope.app.hexview.Py;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the compose form encodes, byte for byte against Python ctypes filling the same struct with
 * the same values (the outside truth): scalars of every width, unsigned 64-bit, hex, floats with
 * nan and inf, enums by name and number, bit-fields in both byte orders, nested structs, arrays
 * and a union's chosen member.
 */
class ComposeCtypesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void python() throws Exception {
        assumeTrue(new ProcessBuilder("python3", "-c", "import ctypes").start().waitFor() == 0, "python3 is needed");
    }

    static RecordLayout layout(String header, String type) {
        return LayoutEngine.layout(type, HeaderImporter.importText(header, "t.h",
                new HeaderImporter.Options(false, List.of(), w -> { })), Abis.X86_64_LINUX);
    }

    static ComposeViewModel vm(RecordLayout layout, ByteOrder order) {
        ComposeViewModel vm = new ComposeViewModel(Runnable::run, Runnable::run);
        vm.setRecord(layout, Abis.X86_64_LINUX, order);
        return vm;
    }

    /** Types into the rows named by path, as the editors would. */
    static void fill(ComposeViewModel vm, Map<String, String> values) {
        FormJson.walk(vm.form.get(), e -> {
            switch (e) {
                case ScalarEntry s when values.containsKey(s.path()) -> s.setText(values.get(s.path()));
                case StringEntry s when values.containsKey(s.path()) -> s.setText(values.get(s.path()));
                default -> { }
            }
        });
    }

    static String hex(ComposeViewModel vm) {
        assertEquals("", vm.validity.get().firstError());
        return HexFormat.of().formatHex(vm.encode().toArray(ValueLayout.JAVA_BYTE));
    }

    /** Runs a ctypes script whose last line prints {@code bytes(obj).hex()}. */
    static String ctypes(String script) throws Exception {
        List<String> out = Py.run(dir, "import ctypes, struct\n" + script);
        return out.getLast().strip();
    }

    @Test
    void theSampleTickMatchesCtypes() throws Exception {
        String header = """
                #include <stdint.h>
                enum Side { BUY = 0, SELL = 1 };
                struct Tick { uint64_t ts; int32_t id; float price; double qty; int16_t flags; enum Side side; char venue[6]; };
                """;
        ComposeViewModel vm = vm(layout(header, "Tick"), ByteOrder.LITTLE_ENDIAN);
        fill(vm, Map.of("ts", "18446744073709551615", "id", "-42", "price", "101.25", "qty", "-inf",
                "flags", "0x8003", "side", "SELL", "venue", "XNAS"));
        assertEquals(ctypes("""
                class Tick(ctypes.Structure):
                    _fields_ = [("ts", ctypes.c_uint64), ("id", ctypes.c_int32), ("price", ctypes.c_float),
                                ("qty", ctypes.c_double), ("flags", ctypes.c_int16), ("side", ctypes.c_int),
                                ("venue", ctypes.c_char * 6)]
                print(bytes(Tick(2**64 - 1, -42, 101.25, float("-inf"), -0x7FFD, 1, b"XNAS")).hex())
                """), hex(vm));
    }

    @Test
    void integersOfEveryWidthHexAndFloatsIncludingNan() throws Exception {
        String header = """
                #include <stdint.h>
                struct S { int8_t a; uint8_t b; int16_t c; uint16_t d; int32_t e; uint32_t f; int64_t g; uint64_t h;
                           float nanf; double nand; _Bool t; float tiny; };
                """;
        ComposeViewModel vm = vm(layout(header, "S"), ByteOrder.LITTLE_ENDIAN);
        fill(vm, Map.ofEntries(Map.entry("a", "0xFF"), Map.entry("b", "0xfe"), Map.entry("c", "-32768"),
                Map.entry("d", "65535"), Map.entry("e", "-0x10"), Map.entry("f", "0xDEADBEEF"),
                Map.entry("g", "-9223372036854775808"), Map.entry("h", "0x8000000000000001"),
                Map.entry("nanf", "nan"), Map.entry("nand", "NaN"), Map.entry("t", "true"), Map.entry("tiny", "1e-40")));
        assertEquals(ctypes("""
                class S(ctypes.Structure):
                    _fields_ = [("a", ctypes.c_int8), ("b", ctypes.c_uint8), ("c", ctypes.c_int16), ("d", ctypes.c_uint16),
                                ("e", ctypes.c_int32), ("f", ctypes.c_uint32), ("g", ctypes.c_int64), ("h", ctypes.c_uint64),
                                ("nanf", ctypes.c_float), ("nand", ctypes.c_double), ("t", ctypes.c_bool), ("tiny", ctypes.c_float)]
                print(bytes(S(-1, 0xFE, -32768, 65535, -16, 0xDEADBEEF, -2**63, 2**63 + 1,
                              float("nan"), float("nan"), True, 1e-40)).hex())
                """), hex(vm));
    }

    private static final String BITS = """
            struct Bits { unsigned a : 3; int b : 5; unsigned c : 12; unsigned d : 1; int e : 7; unsigned short s; };
            """;
    private static final Map<String, String> BIT_VALUES = Map.of("a", "5", "b", "-3", "c", "4000", "d", "1",
            "e", "-64", "s", "0x1234");

    @Test
    void bitFieldsLittleEndian() throws Exception {
        ComposeViewModel vm = vm(layout(BITS, "Bits"), ByteOrder.LITTLE_ENDIAN);
        fill(vm, BIT_VALUES);
        assertEquals(ctypes(bitsScript("ctypes.Structure")), hex(vm));
    }

    @Test
    void bitFieldsAndScalarsBigEndian() throws Exception {
        ComposeViewModel vm = vm(layout(BITS, "Bits"), ByteOrder.BIG_ENDIAN);
        fill(vm, BIT_VALUES);
        assertEquals(ctypes(bitsScript("ctypes.BigEndianStructure")), hex(vm));
    }

    private static String bitsScript(String base) {
        return """
                class Bits(%s):
                    _fields_ = [("a", ctypes.c_uint, 3), ("b", ctypes.c_int, 5), ("c", ctypes.c_uint, 12),
                                ("d", ctypes.c_uint, 1), ("e", ctypes.c_int, 7), ("s", ctypes.c_ushort)]
                print(bytes(Bits(5, -3, 4000, 1, -64, 0x1234)).hex())
                """.formatted(base);
    }

    @Test
    void nestedStructsArraysAUnionsChosenMemberAndEnumsBigEndian() throws Exception {
        String header = """
                #include <stdint.h>
                enum Mode { OFF = 0, ON = 7, AUTO = 300 };
                struct Inner { int16_t x; uint8_t y; };
                union Num { int32_t i; float f; uint8_t raw[4]; };
                struct Outer { struct Inner in; struct Inner pair[2]; int32_t arr[3]; union Num u; enum Mode m; enum Mode raw; double d; };
                """;
        ComposeViewModel vm = vm(layout(header, "Outer"), ByteOrder.BIG_ENDIAN);
        fill(vm, Map.ofEntries(Map.entry("in.x", "-2"), Map.entry("in.y", "200"), Map.entry("pair[0].x", "1"),
                Map.entry("pair[1].y", "9"), Map.entry("arr[0]", "7"), Map.entry("arr[2]", "-0x1"),
                Map.entry("u.i", "123456"), Map.entry("u.f", "1.5"), Map.entry("m", "AUTO"), Map.entry("raw", "5"),
                Map.entry("d", "2.5e-3")));
        GroupEntry union = (GroupEntry) vm.entry("u");
        union.select(1); // send f; the text typed for i is not sent
        assertEquals(ctypes("""
                class Inner(ctypes.BigEndianStructure):
                    _fields_ = [("x", ctypes.c_int16), ("y", ctypes.c_uint8)]
                # Python 3.11's BigEndianStructure cannot hold a union: the union's 4 bytes are
                # filled with struct.pack instead.
                class Outer(ctypes.BigEndianStructure):
                    _fields_ = [("inn", Inner), ("pair", Inner * 2), ("arr", ctypes.c_int32 * 3), ("u", ctypes.c_uint8 * 4),
                                ("m", ctypes.c_int), ("raw", ctypes.c_int), ("d", ctypes.c_double)]
                o = Outer()
                o.inn.x = -2; o.inn.y = 200; o.pair[0].x = 1; o.pair[1].y = 9; o.arr[0] = 7; o.arr[2] = -1
                o.u[:] = struct.pack(">f", 1.5); o.m = 300; o.raw = 5; o.d = 2.5e-3
                print(bytes(o).hex())
                """), hex(vm));
    }

    @Test
    void anAnonymousUnionEditsOneMemberInItsParentsPlace() throws Exception {
        String header = """
                #include <stdint.h>
                struct Msg { uint16_t tag; union { uint32_t code; float ratio; }; uint8_t last; };
                """;
        ComposeViewModel vm = vm(layout(header, "Msg"), ByteOrder.LITTLE_ENDIAN);
        GroupEntry anon = (GroupEntry) vm.form.get().children().get(1);
        assertEquals(true, anon.anonymous());
        assertEquals(GroupEntry.Kind.UNION, anon.kind());
        fill(vm, Map.of("tag", "3", "code", "0xFFFFFFFF", "ratio", "0.25", "last", "9"));
        anon.select(1);
        assertEquals(ctypes("""
                class U(ctypes.Union):
                    _fields_ = [("code", ctypes.c_uint32), ("ratio", ctypes.c_float)]
                class Msg(ctypes.Structure):
                    _anonymous_ = ("u",)
                    _fields_ = [("tag", ctypes.c_uint16), ("u", U), ("last", ctypes.c_uint8)]
                m = Msg(); m.tag = 3; m.ratio = 0.25; m.last = 9
                print(bytes(m).hex())
                """), hex(vm));
    }

    @Test
    void anAnonymousStructInsideAUnionIsOneChoiceWithAllItsMembers() throws Exception {
        String header = """
                #include <stdint.h>
                struct V { uint8_t kind; union { struct { int16_t lo; int16_t hi; }; int32_t whole; } val; };
                """;
        ComposeViewModel vm = vm(layout(header, "V"), ByteOrder.LITTLE_ENDIAN);
        GroupEntry val = (GroupEntry) vm.entry("val");
        assertEquals(2, val.children().size(), "the anonymous struct is one choice, whole the other");
        fill(vm, Map.of("kind", "1", "val.lo", "-2", "val.hi", "0x7000", "val.whole", "99"));
        val.select(0);
        assertEquals(ctypes("""
                class S(ctypes.Structure):
                    _fields_ = [("lo", ctypes.c_int16), ("hi", ctypes.c_int16)]
                class U(ctypes.Union):
                    _anonymous_ = ("s",)
                    _fields_ = [("s", S), ("whole", ctypes.c_int32)]
                class V(ctypes.Structure):
                    _fields_ = [("kind", ctypes.c_uint8), ("val", U)]
                v = V(); v.kind = 1; v.val.lo = -2; v.val.hi = 0x7000
                print(bytes(v).hex())
                """), hex(vm));
    }

    @Test
    void longDoubleAsX87AndPointersAsUnsignedAddresses() throws Exception {
        String header = "struct L { long double ld; void *p; unsigned char last; };";
        ComposeViewModel vm = vm(layout(header, "L"), ByteOrder.LITTLE_ENDIAN);
        fill(vm, Map.of("ld", "-1.25e300", "p", "0xFFFF800012345678", "last", "255"));
        String ours = hex(vm);
        String theirs = ctypes("""
                class L(ctypes.Structure):
                    _fields_ = [("ld", ctypes.c_longdouble), ("p", ctypes.c_void_p), ("last", ctypes.c_ubyte)]
                print(bytes(L(-1.25e300, 0xFFFF800012345678, 255)).hex())
                """);
        assertEquals(64, theirs.length());
        // The x87 value is its first 10 bytes; ctypes copies the 6 padding bytes from a stack
        // variable, so they are not compared.
        assertEquals(theirs.substring(0, 20), ours.substring(0, 20));
        assertEquals(theirs.substring(32), ours.substring(32));
    }
}
