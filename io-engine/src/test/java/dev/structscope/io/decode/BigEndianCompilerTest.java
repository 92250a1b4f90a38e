package dev.structscope.io.decode;

import dev.structscope.io.source.InMemorySource;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.structscope.io.testing.T.bf;
import static dev.structscope.io.testing.T.m;
import static dev.structscope.io.testing.T.p;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Outside truth for big-endian bit-fields: clang-16 compiles an initialised struct for a
 * big-endian target (32-bit PowerPC Linux, whose member sizes and offsets for this struct are the
 * same as x86-64's), llvm-objcopy extracts the bytes of {@code .data}, and decoding them as
 * big-endian must give the initialiser's values.
 */
class BigEndianCompilerTest {
    @TempDir
    Path dir;

    @Test
    void bitFieldsAndScalarsMatchABigEndianCompiler() throws Exception {
        Files.writeString(dir.resolve("be.c"), """
                #include <stdint.h>
                struct B { uint32_t a:3; int32_t b:5; uint32_t c:20; int32_t d:4; uint16_t h1:9; int16_t h2:7;
                           uint64_t q1:33; int64_t q2:31; int16_t s; uint32_t u; double x; uint8_t t:1; int8_t v:7; };
                struct B data = {5, -7, 0xABCDE, -3, 300, -20, 0x1DEADBEEFull, -123456789, -2, 0xCAFEF00Du, -1.25, 1, -50};
                """);
        Tools.run(dir, List.of("clang-16", "-target", "powerpc-linux-gnu", "-O0", "-c", "be.c", "-o", "be.o"));
        Tools.run(dir, List.of("llvm-objcopy", "-O", "binary", "--only-section=.data", "be.o", "be.data"));
        byte[] bytes = Files.readAllBytes(dir.resolve("be.data"));

        RecordType b = RecordType.struct("B", List.of(bf("a", p(Prim.UINT32), 3), bf("b", p(Prim.INT32), 5),
                bf("c", p(Prim.UINT32), 20), bf("d", p(Prim.INT32), 4), bf("h1", p(Prim.UINT16), 9),
                bf("h2", p(Prim.INT16), 7), bf("q1", p(Prim.UINT64), 33), bf("q2", p(Prim.INT64), 31),
                m("s", Prim.INT16), m("u", Prim.UINT32), m("x", Prim.DOUBLE), bf("t", p(Prim.UINT8), 1),
                bf("v", p(Prim.INT8), 7)));
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(b, TypeLibrary.of(b), Abis.X86_64_LINUX),
                Abis.X86_64_LINUX, ByteOrder.BIG_ENDIAN);
        assertEquals(bytes.length, plan.recordSize());
        try (InMemorySource src = new InMemorySource("be.data", bytes)) {
            StringBuilder sb = new StringBuilder();
            JsonText.append(sb, plan.decode(src.segment(), 0));
            assertEquals("{\"a\": 5, \"b\": -7, \"c\": 703710, \"d\": -3, \"h1\": 300, \"h2\": -20, \"q1\": 8030895855,"
                    + " \"q2\": -123456789, \"s\": -2, \"u\": 3405705229, \"x\": -1.25, \"t\": 1, \"v\": -50}", sb.toString());
        }
    }
}
