package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nesting as deep as {@code --max-depth} allows (2048) decodes, and deeper is exit 2 with one
 * short line — run as users run it, through {@code Main} in its own JVM with a default thread
 * stack: a chain of records linked by placed members 1,500 deep used to end in "internal error:
 * input nested too deeply for the stack" (exit 1) from about 500 levels on.
 */
class DeepNestingTest {
    private static final String HEADER = """
            #include <stdint.h>
            #pragma pack(push, 1)
            struct Node {
                uint32_t value;
                uint32_t next; /* the file offset of the next node; 0 ends the chain */
                [[structscope::at(next)]] struct Node more[next != 0];
            };
            #pragma pack(pop)
            """;

    @TempDir
    Path dir;

    /** A chain of {@code n} nodes, node i at byte 8 i holding value i. */
    private Path chain(int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putInt(i).putInt(i < n - 1 ? 8 * (i + 1) : 0);
        }
        return Files.write(dir.resolve("chain" + n + ".bin"), b.array());
    }

    private record Run(int status, String out, String err) {
    }

    private Run main(String... args) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.structscope.app.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not end");
        return new Run(p.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }

    @Test
    void nestingUpToMaxDepthDecodesAndDeeperIsOneShortLine() throws Exception {
        Path h = Files.writeString(dir.resolve("node.h"), HEADER);
        Run deep = main("decode", h.toString(), "--type", "Node", chain(1500).toString(), "--max-depth", "2048");
        assertEquals(0, deep.status(), deep.err());
        // Every node's value, in chain order (JSON parsers refuse 1,500 levels, so the text is read).
        Matcher m = Pattern.compile("\"value\": (\\d+)").matcher(deep.out());
        int expected = 0;
        while (m.find()) {
            assertEquals(expected++, Integer.parseInt(m.group(1)));
        }
        assertEquals(1500, expected);

        Run tooDeep = main("decode", h.toString(), "--type", "Node", chain(5000).toString(), "--max-depth", "2048");
        assertEquals(2, tooDeep.status(), tooDeep.err());
        assertEquals(1, tooDeep.err().strip().lines().count(), tooDeep.err());
        assertTrue(tooDeep.err().contains("Node.more[0]×2048: nesting deeper than --max-depth 2048"), tooDeep.err());
        assertTrue(tooDeep.err().length() < 300, "a short line: " + tooDeep.err().length() + " characters");
    }
}
