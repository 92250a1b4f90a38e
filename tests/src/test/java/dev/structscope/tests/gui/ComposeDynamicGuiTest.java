package dev.structscope.tests.gui;

import dev.structscope.app.live.compose.GroupEntry;
import javafx.geometry.Bounds;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Composing a message of the sample protocol ({@code proto.h}, a dynamic record) with mouse and
 * keyboard: choosing the body, adding quote levels with "+", typing values, and the derived
 * counts, type and length shown read-only; what is sent is what Python's {@code struct} packs.
 * Headless (Monocle).
 */
class ComposeDynamicGuiTest extends ComposeGuiBase {
    /** The sample protocol's {@code Msg}, connected. */
    private void show() throws Exception {
        show(layout(sample("proto.h"), "Msg"), ByteOrder.LITTLE_ENDIAN);
        connect();
    }

    private Button action(String path, String text) {
        for (Node n : lookup(".compose-action").queryAll()) {
            if (n.getUserData() instanceof GroupEntry g && g.path().equals(path) && ((Button) n).getText().equals(text)) {
                return (Button) n;
            }
        }
        throw new AssertionError("no " + text + " button for " + path);
    }

    /** Scrolls the form with the mouse wheel, as a person would, until the node is in view. */
    private <T extends Node> T reveal(T node) {
        ScrollPane scroll = lookup(".compose-scroll").queryAs(ScrollPane.class);
        Bounds view = scroll.localToScreen(scroll.getLayoutBounds());
        for (int i = 0; i < 60; i++) {
            Bounds b = node.localToScreen(node.getLayoutBounds());
            double below = b.getMaxY() - view.getMaxY();
            double above = view.getMinY() - b.getMinY();
            if (below <= 0.5 && above <= 0.5) {
                break;
            }
            moveTo(scroll);
            // Monocle scrolls about a pixel a notch: as many notches as the distance, at most 40.
            int notches = (int) Math.clamp(Math.ceil(Math.max(below, above)), 1, 40);
            // TestFX's UP turns the wheel so that the content moves up (what a person calls down).
            scroll(notches, below > 0 ? VerticalDirection.UP : VerticalDirection.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        return node;
    }

    private void type(String path, String text) {
        clickOn(reveal(editor(path)));
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String path) {
        return ((TextField) editor(path)).getText();
    }

    @Test
    void aQuoteIsComposedWithTheMouseAndKeyboardAndSentAsPythonPacksIt() throws Exception {
        show();
        // The first body with a type value is chosen to start with; the type follows the choice.
        assertEquals("hello", ((ChoiceBox<?>) editor("body")).getValue());
        assertEquals("1", text("type"));
        clickOn(editor("body"));
        clickOn("quote");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3", text("type"));

        clickOn(reveal(action("body.quote.bids", "+")));
        WaitForAsyncUtils.waitForFxEvents();
        // The form was rebuilt; focus stays on "+", so Space adds the next element.
        assertTrue(action("body.quote.bids", "+").isFocused());
        push(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(reveal(action("body.quote.asks", "+")));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2", text("body.quote.nbids"));
        assertEquals("1", text("body.quote.nasks"));
        TextField length = (TextField) editor("length");
        assertFalse(length.isEditable(), "the length is derived");
        assertEquals("" + (12 + 6 + 3 * 12), length.getText());

        type("magic", "0x5353");
        type("seq", "9");
        type("body.quote.instrument", "424242");
        type("body.quote.bids[0].price_e4", "1012500");
        type("body.quote.bids[0].qty", "100");
        type("body.quote.bids[1].price_e4", "1012400");
        type("body.quote.bids[1].qty", "250");
        type("body.quote.asks[0].price_e4", "1012600");
        type("body.quote.asks[0].qty", "75");
        clickOn(lookup("#compose-send").queryAs(Button.class));
        String expected = ComposeGuiTest.Ctypes.hex("""
                body = struct.pack('<IBB', 424242, 2, 1)
                for p, q in [(1012500, 100), (1012400, 250), (1012600, 75)]:
                    body += struct.pack('<qI', p, q)
                print((struct.pack('<HBBII', 0x5353, 3, 0, 12 + len(body), 9) + body).hex())
                """);
        assertEquals("1:" + expected, sent.poll(10, TimeUnit.SECONDS));
    }

    @Test
    void textAndATradeCorrectionAreTypedAndTheirDerivedMembersFollow() throws Exception {
        show();
        clickOn(editor("body"));
        clickOn("text");
        WaitForAsyncUtils.waitForFxEvents();
        type("body.text.text", "hello, world");
        assertEquals("12", text("body.text.len"));
        assertEquals("" + (12 + 2 + 12), text("length"));
        assertTrue(lookup("#compose-status").queryAs(Label.class).getText().isEmpty()
                || !lookup("#compose-status").queryAs(Label.class).getText().contains("invalid"));

        clickOn(editor("body"));
        clickOn("trade");
        WaitForAsyncUtils.waitForFxEvents();
        // A trade correction shares the trade body: its type is typed; Enter applies it.
        type("type", "6");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trade", ((ChoiceBox<?>) editor("body")).getValue());
        type("body.trade.price", "99.5");
        type("body.trade.side", "2");
        clickOn(lookup("#compose-send").queryAs(Button.class));
        String expected = ComposeGuiTest.Ctypes.hex("""
                body = struct.pack('<QIdIB', 0, 0, 99.5, 0, 2)
                print((struct.pack('<HBBII', 0, 6, 0, 12 + len(body), 0) + body).hex())
                """);
        assertEquals("1:" + expected, sent.poll(10, TimeUnit.SECONDS));
    }
}
