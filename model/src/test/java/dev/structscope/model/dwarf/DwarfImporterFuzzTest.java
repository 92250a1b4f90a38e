package dev.structscope.model.dwarf;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;

import java.lang.foreign.MemorySegment;

/**
 * Jazzer fuzz target over the DWARF reader: whatever the bytes, only a type library (whose
 * records the layout engine lays out or refuses with an InputException) or an
 * {@link InputException} that names a place may come out — no other exception, no stack
 * overflow, no hang, no allocation beyond the section limit. Under {@code ./mvnw test} Jazzer runs
 * in regression mode over the seed objects in {@code src/test/resources/dwarf/fuzz/} (gcc and
 * clang, DWARF 4 and 5, 32 and 64 bit, one with zlib-compressed sections; the model pom copies
 * them where Jazzer looks); {@code JAZZER_FUZZ=1} makes it fuzz for {@code maxDuration}.
 */
class DwarfImporterFuzzTest {
    /** Small, so that a mutated size field cannot make a fuzzing run allocate much. */
    private static final long MAX_SECTION = 1 << 20;

    @FuzzTest(maxDuration = "30s")
    void readerOnlyReturnsALibraryOrAnInputException(byte[] data) {
        MemorySegment file = MemorySegment.ofArray(data);
        TypeLibrary lib;
        try {
            var abi = DwarfImporter.isElf(file) ? DwarfImporter.defaultAbi(file, "fuzz.o", w -> { }) : Abis.X86_64_LINUX;
            lib = DwarfImporter.read(file, "fuzz.o", new DwarfImporter.Options(abi, w -> { }, Limits.DEFAULT, MAX_SECTION));
        } catch (InputException e) {
            if (!e.where().startsWith("fuzz.o")) {
                throw new AssertionError("an InputException that does not name the file: " + e.oneLine());
            }
            return;
        }
        try {
            LayoutEngine.layoutAll(lib, Abis.X86_64_LINUX);
        } catch (InputException e) {
            // a library can hold records the engine refuses (a by-value cycle the DWARF declared)
        }
    }
}
