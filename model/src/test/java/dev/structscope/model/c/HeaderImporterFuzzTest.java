package dev.structscope.model.c;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.type.TypeLibrary;

import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jazzer over the importer: for any text the only outcomes are a {@link TypeLibrary} (whose
 * records the layout engine can lay out, or reject with an InputException) or an InputException
 * that names a place. Under {@code ./mvnw test} Jazzer runs in regression mode (the inputs under
 * {@code HeaderImporterFuzzTestInputs/}); with {@code JAZZER_FUZZ=1} it fuzzes for maxDuration.
 */
class HeaderImporterFuzzTest {
    static final Pattern WHERE = Pattern.compile("^.+:\\d+:\\d+$");

    @FuzzTest(maxDuration = "30s")
    void importEndsInALibraryOrAnInputException(FuzzedDataProvider data) {
        Abi abi = Abis.ALL.get(data.consumeInt(0, Abis.ALL.size() - 1));
        String text = data.consumeRemainingAsString();
        check(text, abi);
    }

    /** The property, shared with {@link HeaderMutationFuzzTest}. */
    static void check(String text, Abi abi) {
        TypeLibrary lib;
        try {
            lib = HeaderImporter.importText(text, "fuzz.h", HeaderImporter.Options.defaults().withAbi(abi));
        } catch (InputException e) {
            assertTrue(WHERE.matcher(e.where()).matches() || e.where().equals("fuzz.h"),
                    "no file:line:col in '" + e.where() + "' for: " + e.getMessage());
            return;
        }
        try {
            LayoutEngine.layoutAll(lib, abi);
        } catch (InputException e) {
            // A library can hold legal C the engine refuses for an ABI (e.g. a struct that only
            // has a forward-declared member type through a typedef); that is still an InputException.
        }
    }
}
