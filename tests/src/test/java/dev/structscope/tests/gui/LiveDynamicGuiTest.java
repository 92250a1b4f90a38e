package dev.structscope.tests.gui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.app.live.ConnectDialog;
import dev.structscope.app.live.ConnectForm;
import dev.structscope.app.live.MessageColumns;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.io.net.live.LiveMessage;
import dev.structscope.samples.Samples;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live monitor on a protocol of self-delimiting messages: the bundled proto.h (a header with a
 * length, a body chosen by type) and its Python peer, which streams a mix of every message type
 * and unknown ones over TCP cut at random places. With the record framing chosen in the connect
 * dialog, every message arrives whole, its Type column names the alternative the peer sent, and
 * its header members are summary columns.
 */
class LiveDynamicGuiTest extends LiveGuiBase {
    private static final int MESSAGES = 40;

    @TempDir
    Path dir;

    static Path bundled(Path dir, String name) throws IOException {
        try (InputStream in = Samples.open(name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    @Test
    void aMixedProtocolArrivesWholeWithEachMessagesTypeNamed() throws Exception {
        Assumptions.assumeTrue(LivePeer.available(), "python3 is needed");
        Path header = bundled(dir, "proto.h");
        Path peer = bundled(dir, "proto_peer.py");
        interact(() -> vm.open(header, "Msg", null)); // as File › Open does: read on the runner
        settle();

        clickOn(window.designer.table);
        push(KeyCode.CONTROL, KeyCode.L);
        WaitForAsyncUtils.waitForFxEvents();
        ConnectDialog d = window.live.dialog();
        interact(() -> {
            d.modeBox.setValue(ConnectForm.Mode.TCP_SERVER);
            d.framingBox.setValue(ConnectForm.FramingChoice.RECORD);
            d.typeBox.setValue("Msg");
        });
        clickOn(d.portField);
        push(KeyCode.CONTROL, KeyCode.A);
        write("0");
        clickOn(d.connectButton());
        awaitFx("listening", () -> !d.isShowing() && live().state.get() instanceof ConnState.Listening);
        int port = live().session.get().boundPort();

        Path expect = dir.resolve("expect.jsonl");
        Process py = new ProcessBuilder("python3", peer.toString(), "connect", Integer.toString(port), "7",
                Integer.toString(MESSAGES), expect.toString()).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                last = line;
            }
        }
        assertTrue(py.waitFor(30, TimeUnit.SECONDS));
        assertTrue(last != null && last.startsWith("SENT " + MESSAGES + " "), "the peer sent: " + last);
        awaitFx(MESSAGES + " messages", () -> liveTable().getItems().size() == MESSAGES);

        List<JsonNode> sent = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(expect)) {
            sent.add(json.readTree(line));
        }
        assertEquals(MESSAGES, sent.size());
        var decoding = live().decoding.get();
        boolean[] typeColumn = new boolean[1];
        interact(() -> typeColumn[0] = liveTable().getColumns().stream().anyMatch(c -> "live-col-type".equals(c.getId())));
        assertTrue(typeColumn[0], "a dynamic record's list has a Type column");
        for (int i = 0; i < MESSAGES; i++) {
            LiveMessage m = liveTable().getItems().get(i);
            JsonNode body = sent.get(i).get("body");
            String want = body.isNull() ? "unknown" : body.fieldNames().next();
            assertEquals(want, MessageColumns.typeOf(decoding.reader(), m), "message " + i);
            assertEquals(sent.get(i).get("length").asLong(), m.length(), "message " + i + " arrived whole");
        }
        interact(() -> live().disconnect());
    }
}
