package dev.structscope.io.decode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.MappedFileSource;
import dev.structscope.io.testing.JsonCompare;
import dev.structscope.io.testing.T;
import dev.structscope.io.testing.Tools;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Outside truth: a gcc-compiled program fills structs with every feature (all integer widths,
 * float/double/long double with NaN, infinities and denormals, bool, pointer, enum, char array,
 * 2-D array, nested struct and array of structs, union, anonymous struct, signed and unsigned
 * bit-fields, a packed struct with bit-fields), {@code fwrite}s them, and prints the JSON the
 * decoder must produce. Run for x86-64 (this kernel cannot execute {@code -m32} binaries, so i386 is not covered
 * here).
 */
class GccRoundTripTest {
    @TempDir
    Path dir;

    static final int COUNT = 64;

    @ParameterizedTest
    @CsvSource({"-m64, x86_64-linux"})
    void decodesExactlyWhatGccWrote(String flag, String abiName) throws Exception {
        for (String f : List.of("everything.h", "everything.c")) {
            try (InputStream in = getClass().getResourceAsStream("/dev/structscope/io/" + f)) {
                Files.write(dir.resolve(f), in.readAllBytes());
            }
        }
        Tools.run(dir, List.of("gcc", flag, "-O1", "-Wall", "-o", "ev", "everything.c", "-lm"));
        String printed = Tools.run(dir, List.of("./ev", "e.bin", "p.bin", Integer.toString(COUNT)));
        JsonNode expected = JsonCompare.parse(printed);
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = T.everything();

        check(lib, abi, "Everything", dir.resolve("e.bin"), expected.get("everything"), expected.get("sizes").get(0).asLong());
        check(lib, abi, "Packed", dir.resolve("p.bin"), expected.get("packed"), expected.get("sizes").get(1).asLong());
    }

    private static void check(TypeLibrary lib, Abi abi, String type, Path data, JsonNode expected, long size) {
        DecoderPlan plan = DecoderPlan.compile(LayoutEngine.layout(type, lib, abi), abi, ByteOrder.LITTLE_ENDIAN);
        assertEquals(size, plan.recordSize(), type + " size");
        try (DataSource src = MappedFileSource.open(data)) {
            assertEquals(COUNT * size, src.size());
            MemorySegment all = src.segment();
            for (int r = 0; r < COUNT; r++) {
                StringBuilder sb = new StringBuilder();
                JsonText.append(sb, plan.decode(all, r * size));
                List<String> diff = JsonCompare.diff(expected.get(r), JsonCompare.parse(sb.toString()),
                        Set.of("f"), Set.of("ld"));
                assertTrue(diff.isEmpty(), type + " record " + r + " (" + abi.name() + "):\n" + String.join("\n", diff)
                        + "\n" + sb);
            }
        }
    }

    static {
        // Referenced so the ABI table is loaded before parameter names resolve.
        Abis.ALL.size();
    }
}
