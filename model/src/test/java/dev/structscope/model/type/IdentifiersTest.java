package dev.structscope.model.type;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one identifier rule. Which spellings gcc and clang take is checked against clang itself in
 * {@code ClangCorpusTest} (corpus/unicode_identifiers.h, every ABI); here the edges the JDK's classes
 * and the pattern must agree on.
 */
class IdentifiersTest {
    @ParameterizedTest
    @ValueSource(strings = {"x", "_", "$x", "a1", "größe", "Größe_t", "温度", "Δt", "π", "ñ", "x\u0301", "𝑥"})
    void identifiers(String s) {
        assertTrue(Identifiers.is(s), s);
        assertTrue(Identifiers.isStart(s.codePointAt(0)), s);
        assertTrue(s.codePoints().skip(1).allMatch(Identifiers::isPart), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1x", "a-b", "a b", "a\u00a0b", "a\u200bb", "a\u0085b", "€", "x€", "\u0301x", "a.b"})
    void notIdentifiers(String s) {
        assertFalse(Identifiers.is(s), s);
        boolean byCodePoints = !s.isEmpty() && Identifiers.isStart(s.codePointAt(0))
                && s.codePoints().skip(1).allMatch(Identifiers::isPart);
        assertFalse(byCodePoints, "the pattern and the code point rules agree on " + s);
    }

    @ParameterizedTest
    @CsvSource({"höhe, h_u00f6he", "plain, plain", "温度, _u6e29_u5ea6", "𝑥, _u1d465"})
    void asciiSpellings(String name, String ascii) {
        assertEquals(ascii, Identifiers.ascii(name));
    }
}
