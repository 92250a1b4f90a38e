package dev.structscope.model.layout;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.fuzz.Choices;
import dev.structscope.model.fuzz.SeededCases;
import dev.structscope.model.fuzz.TypeTrees;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout engine over random type trees, valid and pathological ({@link TypeTrees} with
 * {@code wild}): the only allowed outcomes are a layout that keeps C's invariants (every member
 * inside the record, size a multiple of the alignment, padding inside the record) or an
 * {@link InputException} with a message. Never a StackOverflowError, an overflowed size, another
 * exception or a hang. Whether valid layouts are the right ones is the clang oracle's job
 * ({@link ClangOracleTest}); this target is about surviving anything.
 *
 * <p>Jazzer: regression mode over {@code LayoutEngineFuzzTestInputs/} under {@code ./mvnw test};
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration}. The seeded test runs
 * {@code structscope.fuzz.cases} trees (default 1000) in every build.
 */
class LayoutEngineFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void layoutEndsInALayoutOrAnInputException(FuzzedDataProvider data) {
        check(Choices.of(data));
    }

    @Test
    void seededRandomTreesEndInALayoutOrAnInputException() {
        SeededCases.Counts<Boolean> n = SeededCases.run(1000, 0x1A7005L, LayoutEngineFuzzTest::check);
        int laidOut = n.of(true);
        int refused = n.of(false);
        // Both outcomes must be common, or the generator has stopped exploring one side.
        assertTrue(laidOut > n.cases() / 4, "laid out " + laidOut);
        assertTrue(refused > n.cases() / 20, "refused " + refused);
    }

    /** True when the tree was laid out, false when refused with an InputException. */
    static boolean check(Choices c) {
        TypeTrees.Laid laid = TypeTrees.layOut(c, true);
        if (laid.refused() != null) {
            String message = laid.refused().getMessage();
            assertFalse(message == null || message.isBlank(), "an InputException without a message");
            return false;
        }
        Abi abi = laid.abi();
        TypeTrees.Tree tree = laid.tree();
        RecordLayout layout = laid.layout();
        invariants(layout);
        // (Microsoft gives a record of only zero-length arrays size 4 whatever its alignment: clang-16
        // says sizeof 4, _Alignof 8 for union { ptrdiff_t a[2][0]; } on x86_64-windows-msvc.)
        if (abi.bitfields() != Abi.BitfieldRules.MSVC) {
            assertEquals(0, layout.size() % layout.align(), () -> "size is a multiple of the alignment on " + abi.name() + ": " + layout.size() + "/" + layout.align() + " " + tree);
        }
        // What lays out must also lay out as part of the whole library and reorder.
        try {
            LayoutEngine.layoutAll(tree.library(), abi);
        } catch (InputException e) {
            assertFalse(e.getMessage().isBlank());
        }
        Reordering r = LayoutEngine.minimisePadding(tree.root(), tree.library(), abi);
        assertTrue(r.sizeAfter() <= r.sizeBefore() && r.sizeBefore() == layout.size(), r.toString());
        return true;
    }

    static void invariants(RecordLayout l) {
        assertTrue(l.size() >= 0 && l.align() > 0 && Long.bitCount(l.align()) == 1, "size/align " + l.size() + "/" + l.align());
        // (not checked for members: a typedef's aligned attribute may lower a record's alignment,
        // and then its size need not be a multiple of it, as with GCC)
        for (FieldLayout f : l.fields()) {
            if (f.isBitField()) {
                assertTrue(f.bits().end() <= l.size() * 8,
                        "bit-field " + f.name() + " inside the record");
            } else {
                assertTrue(f.offset() >= 0 && f.offset() + f.size() <= l.size(), "member " + f.name() + " at "
                        + f.offset() + "+" + f.size() + " inside " + l.size());
                if (f.layout() instanceof RecordLayout inner) {
                    invariants(inner);
                }
            }
        }
        for (Padding p : l.padding()) {
            assertTrue(p.offset() >= 0 && p.size() > 0 && p.offset() + p.size() <= l.size(), "padding " + p);
        }
    }
}
