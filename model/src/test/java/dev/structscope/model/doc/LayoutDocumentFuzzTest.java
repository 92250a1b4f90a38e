package dev.structscope.model.doc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.structscope.model.InputException;

import java.nio.charset.StandardCharsets;

/**
 * Jazzer fuzz target over the document reader: whatever the bytes, only a document or an
 * {@link InputException} may come out — no other exception, no stack overflow, no hang.
 * Under {@code ./mvnw test} Jazzer runs in regression mode over the seed inputs in
 * {@code src/test/resources/doc/fuzz/} (the model pom copies them where Jazzer looks);
 * {@code JAZZER_FUZZ=1} makes it fuzz for {@code maxDuration}.
 */
class LayoutDocumentFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void readerOnlyReturnsADocumentOrAnInputException(byte[] data) {
        String json = new String(data, StandardCharsets.UTF_8);
        try {
            LayoutDocument doc = LayoutDocuments.parse(json, "fuzz.json");
            // What was read must also write and read back to the same value.
            LayoutDocument back = LayoutDocuments.parse(LayoutDocuments.toJson(doc), "again.json");
            if (!back.equals(doc)) {
                throw new AssertionError("round trip changed the document:\n" + json);
            }
        } catch (InputException expected) {
            if (expected.where().isEmpty()) {
                throw new AssertionError("an InputException without a place: " + expected.getMessage());
            }
        }
    }
}
