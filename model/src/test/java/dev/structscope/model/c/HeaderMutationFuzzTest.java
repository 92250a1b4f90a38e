package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A seeded mutation fuzzer that runs in every {@code ./mvnw test} (Jazzer's regression mode only
 * replays its stored inputs): it mutates the headers of {@code c/fuzz/} and {@code c/corpus/}
 * with C-aware edits (tokens inserted, ranges deleted, duplicated or swapped between headers)
 * and checks {@link HeaderImporterFuzzTest#check}: a library or an InputException with a place.
 * A fixed number of cases keeps the time bounded; {@code -Dstructscope.fuzz.cases=N} runs more,
 * {@code -Dstructscope.fuzz.seed=S} another sequence.
 */
class HeaderMutationFuzzTest {
    private static final String[] DICTIONARY = {
        "struct", "union", "enum", "typedef", "{", "}", ";", ",", "(", ")", "[", "]", ":", "*", "=", "0", "1",
        "-1", "0x", "'", "\"", "/*", "*/", "//", "\\\n", "\n", "#", "#define X ", "#define F(a,b) a##b\n", "#if ",
        "#ifdef X\n", "#else\n", "#endif\n", "#elif 1\n", "#include \"x.h\"\n", "#include <stdint.h>\n",
        "#pragma pack(push, 1)\n", "#pragma pack(pop)\n", "#pragma pack(3)\n", "_Pragma(\"pack(2)\")",
        "__attribute__((packed))", "__attribute__((aligned(8)))", "__attribute__((aligned))", "_Alignas(16)",
        "sizeof", "sizeof(struct a)", "_Alignof(int)", "offsetof", "int", "char", "long long", "unsigned",
        "long double", "_Bool", "uint64_t", "size_t", "void", "const", "volatile", "static", "extern", "inline",
        "__extension__", "__asm__(\"x\")", "<<", ">>", "/", "%", "?", "!", "~", "&&", "||", "1 << 63", "99999999999",
        "((((", "))))", "...", "##", "a", "b", "x", ":0", ":64", "[0]", "[]", "[-1]", "\u00e9", "\0", "\t",
        "->", ".", "&", "typeof", "__typeof__(", "((struct a *)0)->", "*(struct a *)0", "(*(int *)0)", "\u6e29", "\u20ac",
        "\ud835\udc65", "\ud835",
        "2.5", "1e999", "0x1p-3", "1.5f", "2.5L", ".5e", "(float)", "(double)", "(int)", "(unsigned char)3e9", "0.0 / 0",
    };

    @Test
    void mutatedHeadersEndInALibraryOrAnInputException() throws IOException {
        List<String> seeds = new ArrayList<>();
        for (String dir : List.of("src/test/resources/c/fuzz", "src/test/resources/c/corpus")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.sorted().toList()) {
                    seeds.add(Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        assertFalse(seeds.isEmpty());
        long seed = Long.getLong("structscope.fuzz.seed", 4242L);
        int cases = Integer.getInteger("structscope.fuzz.cases", 2000);
        Random rnd = new Random(seed);
        for (int i = 0; i < cases; i++) {
            String text = seeds.get(rnd.nextInt(seeds.size()));
            int edits = 1 + rnd.nextInt(6);
            for (int e = 0; e < edits; e++) {
                text = mutate(text, seeds, rnd);
            }
            Abi abi = Abis.ALL.get(rnd.nextInt(Abis.ALL.size()));
            try {
                HeaderImporterFuzzTest.check(text, abi);
            } catch (AssertionError | RuntimeException | StackOverflowError | OutOfMemoryError err) {
                throw new AssertionError("case " + i + " (seed " + seed + ", " + abi.name() + ") failed on:\n" + text, err);
            }
        }
    }

    private static String mutate(String text, List<String> seeds, Random rnd) {
        int n = text.length();
        int at = n == 0 ? 0 : rnd.nextInt(n + 1);
        return switch (rnd.nextInt(6)) {
            case 0, 1 -> text.substring(0, at) + DICTIONARY[rnd.nextInt(DICTIONARY.length)] + text.substring(at);
            case 2 -> {
                int len = Math.min(n - at, 1 + rnd.nextInt(40));
                yield text.substring(0, at) + text.substring(at + len);
            }
            case 3 -> {
                int len = Math.min(n - at, 1 + rnd.nextInt(200));
                String piece = text.substring(at, at + len);
                yield text.substring(0, at) + piece + piece + text.substring(at + len);
            }
            case 4 -> {
                String other = seeds.get(rnd.nextInt(seeds.size()));
                int from = rnd.nextInt(other.length());
                int len = Math.min(other.length() - from, 1 + rnd.nextInt(300));
                yield text.substring(0, at) + other.substring(from, from + len) + text.substring(at);
            }
            default -> {
                if (n == 0) {
                    yield text;
                }
                int p = Math.min(at, n - 1);
                String interesting = "{}();:,*[]#'\"\\/0123456789";
                char c = (char) (rnd.nextInt(3) == 0 ? rnd.nextInt(0x80) : interesting.charAt(rnd.nextInt(interesting.length())));
                yield text.substring(0, p) + c + text.substring(p + 1);
            }
        };
    }
}
