package dev.structscope.tests.compare;

import dev.structscope.app.compare.PortabilityTable;
import dev.structscope.model.Limits;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.type.TypeLibrary;
import dev.structscope.tests.compare.HeaderPairs.Mem;
import dev.structscope.tests.compare.HeaderPairs.Rec;
import dev.structscope.tests.compare.HeaderPairs.Version;
import dev.structscope.tests.gui.ClangLayouts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Portability view's table against clang-16: a struct with {@code long}s and pointers (ILP32,
 * LP64 and LLP64 disagree) and one of fixed-width members only (the same everywhere); every cell
 * is clang's offset and size on that ABI, and a row is marked exactly where clang's numbers differ.
 */
class PortabilityTableTest {

    @Test
    void cellsAndMarksAreClangs() throws Exception {
        assumeTrue(ClangLayouts.available(), "clang-16 is not installed");
        Version v = new Version(List.of(
                new Rec("Wire", 0, List.of(new Mem("kind", "char", 0), new Mem("count", "long", 0),
                        new Mem("next", "void *", 0), new Mem("stamp", "long long", 0), new Mem("tag", "short", 3),
                        new Mem("id", "u32", 0))),
                new Rec("Fixed", 0, List.of(new Mem("a", "u32", 0), new Mem("b", "u8", 4), new Mem("c", "unsigned short", 0))),
                new Rec("Packed", 1, List.of(new Mem("a", "u8", 0), new Mem("b", "i64", 0), new Mem("c", "long", 0)))));
        String header = HeaderPairs.TYPEDEFS + v.text("");
        TypeLibrary library = HeaderImporter.importText(header, "wire.h", HeaderImporter.Options.defaults());
        Set<String> portable = new HashSet<>();
        for (Rec rec : v.records()) {
            PortabilityTable t = PortabilityTable.of(library.findRecord(rec.name()).orElseThrow(), library,
                    Limits.DEFAULT);
            assertEquals(rec.name(), t.record());
            List<Map<String, long[]>> truth = new ArrayList<>();
            for (Abi abi : t.abis()) {
                truth.add(LayoutOracle.clang(Map.of("", new Version(List.of(rec))), abi.clangTarget()));
            }
            assertEquals(rec.members().size(), t.rows().size());
            checkRow(t.size(), truth, rec.name(), true);
            for (int i = 0; i < rec.members().size(); i++) {
                PortabilityTable.Row row = t.rows().get(i);
                assertEquals(rec.members().get(i).name(), row.label());
                checkRow(row, truth, rec.name() + "." + row.label(), false);
            }
            if (t.portable()) {
                portable.add(rec.name());
            }
        }
        // 32-bit and narrower members are laid out alike everywhere; long, pointers and long long are not
        // (Packed differs through the size of long).
        assertEquals(Set.of("Fixed"), portable);
    }

    /** Each cell is clang's {offset, size} (the size row: {align, size}); marks follow clang's numbers. */
    private static void checkRow(PortabilityTable.Row row, List<Map<String, long[]>> truth, String key, boolean sizeRow) {
        boolean anyDiffers = false;
        long[] ref = truth.getFirst().get(key);
        for (int a = 0; a < truth.size(); a++) {
            long[] fact = truth.get(a).get(key);
            long first = sizeRow ? fact[1] : fact[0];
            long second = sizeRow ? fact[0] : fact[1];
            // The oracle gives records {size, align}; the table's size row holds {align, size}.
            PortabilityTable.Cell cell = row.cells().get(a);
            assertEquals(sizeRow ? second : first, sizeRow ? cell.size() : cell.offset(), key + " on ABI " + a);
            assertEquals(sizeRow ? first : second, sizeRow ? cell.offset() : cell.size(), key + " on ABI " + a);
            boolean differsFromFirst = fact[0] != ref[0] || fact[1] != ref[1];
            assertEquals(differsFromFirst, cell.differs(), key + " on ABI " + a);
            anyDiffers |= differsFromFirst;
        }
        assertEquals(anyDiffers, row.differs(), key);
        if (!anyDiffers) {
            assertFalse(row.cells().stream().anyMatch(PortabilityTable.Cell::differs));
        } else {
            assertTrue(row.cells().stream().anyMatch(PortabilityTable.Cell::differs));
        }
    }
}
