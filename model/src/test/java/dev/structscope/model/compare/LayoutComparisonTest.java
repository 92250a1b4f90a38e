package dev.structscope.model.compare;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contract's change kinds of a member present on both sides: {@code retyped} is a change of
 * the type as written at the same offset and size; a member that moved or was resized is that.
 */
class LayoutComparisonTest {
    private static List<String> changes(String oldHeader, String newHeader) {
        RecordLayout o = LayoutEngine.layout("S", HeaderImporter.importText("#include <stdint.h>\n" + oldHeader, "old.h",
                HeaderImporter.Options.defaults()), Abis.X86_64_LINUX);
        RecordLayout n = LayoutEngine.layout("S", HeaderImporter.importText("#include <stdint.h>\n" + newHeader, "new.h",
                HeaderImporter.Options.defaults()), Abis.X86_64_LINUX);
        return LayoutComparison.compareRecord(o, Abis.X86_64_LINUX, n, Abis.X86_64_LINUX).changes().stream()
                .map(c -> c.member() + " " + c.kind().name().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    @Test
    void aMemberThatMovedAndGrewIsNotAlsoRetyped() {
        assertEquals(List.of("tag moved", "tag resized", "pad added"),
                changes("struct S { int a; int b; char tag[4]; };", "struct S { int a; int b; int pad; long tag[2]; };"));
    }

    @Test
    void aMemberResizedInPlaceIsResizedOnly() {
        assertEquals(List.of("b resized"), changes("struct S { int a; uint16_t b; };", "struct S { int a; uint8_t b; };"));
    }

    @Test
    void aMemberMovedWithTheSameSizeIsMovedOnly() {
        assertEquals(List.of("b moved", "x added"),
                changes("struct S { int a; int64_t b; };", "struct S { int a; int x[2]; long b; };"));
    }

    @Test
    void aTypeWrittenOtherwiseInPlaceIsRetyped() {
        assertEquals(List.of("b retyped"), changes("struct S { int a; int64_t b; };", "struct S { int a; long b; };"));
        assertEquals(List.of(), changes("struct S { _Bool b; };", "struct S { bool b; };"));
    }
}
