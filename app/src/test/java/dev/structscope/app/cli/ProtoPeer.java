package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.io.net.PythonPeer;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The mixed-message protocol of the bundled {@code proto.h} and its Python peer
 * {@code proto_peer.py}, copied into a test's folder, with a random seed that picks the messages
 * the peer makes (tests name it in their messages, so a failure can be repeated). Skips the test
 * where python3 is missing. One per test; the test's thread.
 */
final class ProtoPeer {
    final Path dir;
    final Path header;
    final Path script;
    final long seed = new Random().nextInt(1_000_000);

    ProtoPeer(Path dir) {
        assumeTrue(PythonPeer.available(), "python3 is needed");
        this.dir = dir;
        header = DynamicCli.bundled(dir, "proto.h");
        script = DynamicCli.bundled(dir, "proto_peer.py");
    }

    /** The peer's {@code messages} messages of the seed, back to back, written to {@code stream.bin} in the folder. */
    Path stream(int messages) {
        Path stream = dir.resolve("stream.bin");
        DynamicCli.tool(dir, "python3", script.toString(), "stream", "" + seed, "" + messages, stream.toString());
        return stream;
    }

    /** The same messages as the peer says it made them: one JSON object a line. */
    String expect(long seed, int messages) {
        return DynamicCli.tool(dir, "python3", script.toString(), "expect", "" + seed, "" + messages);
    }

    /** {@link #expect} of this seed, parsed. */
    List<JsonNode> expected(int messages) {
        return DynamicCli.jsonLines(expect(seed, messages));
    }
}
