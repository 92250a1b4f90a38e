package dev.structscope.app.compare;

import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Portability view's one-line verdict, for the three ways a record can differ across ABIs. */
class PortabilityVerdictTest {
    private static String verdict(String header, String record) {
        TypeLibrary lib = HeaderImporter.importText(header, "t.h", HeaderImporter.Options.defaults());
        return PortabilityVerdict.of(PortabilityTable.of(lib.findRecord(record).orElseThrow(), lib, Limits.DEFAULT));
    }

    /** Each case: what it shows, a header, its record, and the verdict the view must give for it. */
    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("fixed-width members are the same everywhere",
                        "struct F { unsigned int a; unsigned short b; unsigned char c[2]; };", "F",
                        "same on all five ABIs: F can go over the wire between them as is"),
                Arguments.of("long and pointers name the data models", "struct W { char c; long n; void *p; };", "W",
                        "differs: long is 4 bytes on ILP32 and LLP64, 8 bytes on LP64; void * is 4 bytes on ILP32, "
                                + "8 bytes on LP64 and LLP64; sizeof W is 12 on ILP32, 16 on LLP64, 24 on LP64"),
                Arguments.of("only the alignment differs for a double on i386", "struct D { double d; };", "D",
                        "differs: _Alignof D is 4 on i386-linux, 8 on LP64, LLP64 and arm-linux"),
                Arguments.of("a typedef of an anonymous struct goes by its typedef name",
                        "typedef struct { double d; } T;", "T",
                        "differs: _Alignof T is 4 on i386-linux, 8 on LP64, LLP64 and arm-linux"),
                Arguments.of("a member that only moves is named", "struct M { int a; double b; };", "M",
                        "differs: b (double) is at 4 on i386-linux, 8 on LP64, LLP64 and arm-linux; "
                                + "sizeof M is 12 on i386-linux, 16 on LP64, LLP64 and arm-linux"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void theVerdictSaysWhatDiffers(String what, String header, String record, String expected) {
        assertEquals(expected, verdict(header, record));
    }

    @Test
    void dataModelsComeFromTheAbiDescriptions() {
        assertEquals("LP64", PortabilityVerdict.model(Abis.X86_64_LINUX));
        assertEquals("ILP32", PortabilityVerdict.model(Abis.ARM_LINUX));
        assertEquals("LLP64", PortabilityVerdict.model(Abis.X86_64_WINDOWS));
    }
}
