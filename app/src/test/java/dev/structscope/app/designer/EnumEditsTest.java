package dev.structscope.app.designer;

import dev.structscope.model.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An enumerator's value typed in the enum editor reads as C spells integer constants — the C
 * importer's own reading ({@code Literals.unsigned}) with a sign, suffixes and digit separators.
 */
class EnumEditsTest {
    @ParameterizedTest
    @CsvSource({"7,7", "-1,-1", "+3,3", "0x1F,31", "0X1f,31", "0b101,5", "017,15", "0,0", "10u,10", "0xFFul,255",
            "1'000,1000", "-0x8000000000000000,-9223372036854775808", "' 42 ',42"})
    void readsCIntegers(String text, long value) {
        assertEquals(value, EnumEdits.parseValue(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "0x", "0b2", "08", "1.5", "--5", "-+5", "0x-1", "0x8000000000000000", "1e3"})
    void refusesWhatIsNoCInteger(String text) {
        assertThrows(InputException.class, () -> EnumEdits.parseValue(text));
    }
}
