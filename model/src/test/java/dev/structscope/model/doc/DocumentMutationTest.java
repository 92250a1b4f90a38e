package dev.structscope.model.doc;

import dev.structscope.model.InputException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A deterministic mutation fuzzer over the seed corpus ({@code doc/fuzz/}) that runs everywhere,
 * also where Jazzer's native agent cannot: JSON-aware and byte-level mutations of every seed must
 * end in a document or an {@link InputException} with a place, never in anything else.
 */
class DocumentMutationTest {
    private static final String[] TOKENS = {"{", "}", "[", "]", ",", ":", "\"", "null", "true", "-1", "0", "1e400",
            "99999999999999999999", "\"kind\"", "\"struct\"", "\"union\"", "\"enum\"", "\"typedef\"", "\"members\"",
            "\"type\"", "\"bits\"", "\"pack\"", "\"aligned\"", "\"alignas\"", "\"name\"", "\"int[]\"", "\"char *\"",
            "\"struct A\"", "\"T\"", "\"version\"", "2", "\"\\u0000\"", "\uFFFF", "\\", "/*", "\n"};

    static List<byte[]> seeds() throws IOException, URISyntaxException {
        Path dir = Path.of(DocumentMutationTest.class.getResource("/doc/fuzz/minimal.json").toURI()).getParent();
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    @Test
    void mutatedSeedsEndInADocumentOrAnInputException() throws IOException, URISyntaxException {
        List<byte[]> seeds = seeds();
        assertTrue(seeds.size() >= 8, "the seed corpus is there");
        Random rnd = new Random(20261123);
        int documents = 0;
        int errors = 0;
        for (int i = 0; i < 6_000; i++) {
            byte[] input = mutate(seeds.get(rnd.nextInt(seeds.size())), seeds, rnd);
            String json = new String(input, StandardCharsets.UTF_8);
            try {
                LayoutDocument doc = LayoutDocuments.parse(json, "m.json");
                assertEquals(doc, LayoutDocuments.parse(LayoutDocuments.toJson(doc), "again.json"), json);
                documents++;
            } catch (InputException e) {
                assertFalse(e.where().isEmpty(), e::getMessage);
                assertTrue(e.where().startsWith("m.json"), e.where());
                errors++;
            }
        }
        // Both outcomes must be reached, or the mutations are too weak (or too strong) to mean much.
        assertTrue(documents > 150, "documents: " + documents);
        assertTrue(errors > 1500, "errors: " + errors);
    }

    private static byte[] mutate(byte[] seed, List<byte[]> seeds, Random rnd) {
        String s = new String(seed, StandardCharsets.UTF_8);
        int rounds = 1 + rnd.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            int at = s.isEmpty() ? 0 : rnd.nextInt(s.length());
            int len = Math.min(s.length() - at, rnd.nextInt(12));
            s = switch (rnd.nextInt(7)) {
                case 0 -> s.substring(0, at) + s.substring(at + len);                                   // delete
                case 1 -> s.substring(0, at) + TOKENS[rnd.nextInt(TOKENS.length)] + s.substring(at);      // insert token
                case 2 -> s.substring(0, at) + s.substring(at, at + len) + s.substring(at);              // duplicate
                case 3 -> s.substring(0, at);                                                            // truncate
                case 4 -> {                                                                              // splice
                    String o = new String(seeds.get(rnd.nextInt(seeds.size())), StandardCharsets.UTF_8);
                    int oat = o.isEmpty() ? 0 : rnd.nextInt(o.length());
                    yield s.substring(0, at) + o.substring(oat, Math.min(o.length(), oat + rnd.nextInt(80)));
                }
                case 5 -> replaceNumber(s, rnd);
                default -> {                                                                             // flip bits
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    yield new String(b, StandardCharsets.UTF_8);
                }
            };
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Swaps one number for an edge value: the semantic checks, not just the parser, get exercised. */
    private static String replaceNumber(String s, Random rnd) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[]{m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return s;
        }
        int[] sp = spans.get(rnd.nextInt(spans.size()));
        String[] edge = {"0", "-1", "3", "64", "65", "128", "4294967296", "9223372036854775807", "-9223372036854775808",
                "9223372036854775808", "1.5"};
        return s.substring(0, sp[0]) + edge[rnd.nextInt(edge.length)] + s.substring(sp[1]);
    }
}
