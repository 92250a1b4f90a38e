package dev.structscope.tests.gui;

import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compose pane as a person uses it: typing into the editors of the sample {@code Tick},
 * invalid input marked and blocking Send, choosing an enumerator, sending once and N times
 * (what the RecordSender receives is compared with the bytes Python ctypes makes for the same
 * values), the history loading a record back, and a union's member choice. Headless (Monocle).
 */
class ComposeGuiTest extends ComposeGuiBase {
    private void type(String path, String text) {
        Control c = editor(path);
        Node target = c instanceof ComboBox<?> combo ? combo.getEditor() : c;
        clickOn(target);
        push(KeyCode.CONTROL, KeyCode.A);
        if (text.isEmpty()) {
            push(KeyCode.BACK_SPACE);
        } else {
            write(text);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Types {@code text} over the send count, as a person would; returns the count's spinner. */
    private Spinner<?> typeTimes(String text) {
        Spinner<?> times = lookup("#compose-times").queryAs(Spinner.class);
        clickOn(times.getEditor());
        push(KeyCode.CONTROL, KeyCode.A);
        write(text);
        return times;
    }

    private static boolean invalid(Node n) {
        return n.getPseudoClassStates().contains(PseudoClass.getPseudoClass("invalid"));
    }

    private Button button(String id) {
        return lookup("#" + id).queryAs(Button.class);
    }

    private String status() {
        return lookup("#compose-status").queryAs(Label.class).getText();
    }

    @Test
    void fillTheSampleTickAndSendItOnceAndThreeTimes() throws Exception {
        show(layout(sample("ticks.h"), "Tick"), ByteOrder.LITTLE_ENDIAN);
        assertTrue(button("compose-send").isDisabled());
        assertTrue(status().startsWith("Not connected"), status());
        connect();
        assertFalse(button("compose-send").isDisabled());

        type("ts", "1700000000123456789");
        type("id", "-42");
        type("price", "101.25");
        type("qty", "3.5");
        type("flags", "99999");
        assertTrue(invalid(editor("flags")));
        assertEquals("99999 does not fit int16_t (-32768 to 32767)", editor("flags").getTooltip().getText());
        assertTrue(button("compose-send").isDisabled());
        assertTrue(status().contains("flags: 99999 does not fit"), status());
        type("flags", "0x8003");
        assertFalse(invalid(editor("flags")));
        assertFalse(button("compose-send").isDisabled());
        clickOn(editor("side").lookup(".arrow-button"));
        clickOn("SELL");
        assertEquals("SELL", ((ComboBox<?>) editor("side")).getEditor().getText());
        type("venue", "XNAS");

        clickOn(button("compose-send"));
        String once = sent.poll(10, TimeUnit.SECONDS);
        String expected = Ctypes.hex("""
                class Tick(ctypes.Structure):
                    _fields_ = [("ts", ctypes.c_uint64), ("id", ctypes.c_int32), ("price", ctypes.c_float),
                                ("qty", ctypes.c_double), ("flags", ctypes.c_int16), ("side", ctypes.c_int),
                                ("venue", ctypes.c_char * 6)]
                print(bytes(Tick(1700000000123456789, -42, 101.25, 3.5, -0x7FFD, 1, b"XNAS")).hex())
                """);
        assertEquals("1:" + expected, once);

        // Copy as Hex: the same ctypes bytes on the clipboard, as the hex view pastes them (Ctrl+V).
        clickOn(button("compose-copy"));
        String[] clip = new String[1];
        interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertEquals(expected, clip[0].replace(" ", ""));
        assertTrue(status().startsWith("Copied 40 bytes as hex"), status());

        type("id", "7");
        type("side", "BUY");
        typeTimes("3");
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Send ×3", button("compose-send-n").getText());
        clickOn(button("compose-send-n"));
        String three = sent.poll(10, TimeUnit.SECONDS);
        assertNotNull(three);
        assertTrue(three.startsWith("3:"), three);
        assertEquals(0, sent.size(), "one call, the sender repeats");
        settle();
        assertEquals("Sent 3 records", status());

        @SuppressWarnings("unchecked")
        ListView<Object> history = lookup("#compose-history").queryAs(ListView.class);
        assertEquals(2, history.getItems().size());
        // The older record (id -42) goes back into the form.
        clickOn(lookup("#compose-history .list-cell").nth(1).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("-42", ((TextField) editor("id")).getText());
        assertEquals("0x8003", ((TextField) editor("flags")).getText());
        ComboBox<?> side = (ComboBox<?>) editor("side");
        assertEquals("SELL", side.getEditor().getText());
        assertEquals("SELL", side.getValue());
    }

    @Test
    void aUnionEditsTheChosenMemberAndBoolsAreCheckBoxes() throws Exception {
        show(layout("""
                #include <stdint.h>
                struct Hdr { uint8_t version : 4; uint8_t ihl : 4; _Bool urgent; };
                union Px { uint32_t rgba; float gray; };
                struct Frame { struct Hdr hdr; union Px px; int16_t samples[3]; };
                """, "Frame"), ByteOrder.BIG_ENDIAN);
        connect();
        type("hdr.version", "16");
        assertTrue(invalid(editor("hdr.version")), "a 4-bit field holds 0 to 15");
        type("hdr.version", "4");
        type("hdr.ihl", "5");
        clickOn(editor("hdr.urgent"));
        assertTrue(((CheckBox) editor("hdr.urgent")).isSelected());
        type("px.rgba", "zzz");
        assertTrue(button("compose-send").isDisabled());
        ChoiceBox<?> pick = (ChoiceBox<?>) editor("px");
        interact(() -> pick.getSelectionModel().select(1));
        // The invalid text of the member not chosen neither blocks nor is sent.
        assertFalse(button("compose-send").isDisabled());
        type("px.gray", "0.5");
        type("samples[0]", "-2");
        type("samples[2]", "0x7fff");
        Spinner<?> times = typeTimes("x");
        assertEquals("1", times.getEditor().getText(), "the count takes digits only");
        push(KeyCode.BACK_SPACE);
        push(KeyCode.ENTER);
        assertEquals(1, times.getValue(), "an empty count keeps its value");
        clickOn(editor("samples[2]"));
        push(KeyCode.CONTROL, KeyCode.ENTER); // Send once
        String got = sent.poll(10, TimeUnit.SECONDS);
        assertEquals("1:" + Ctypes.hex("""
                # Python 3.11's big-endian structures take neither c_bool nor unions: the bool is
                # its one byte, the union its four bytes filled with struct.pack.
                class Hdr(ctypes.BigEndianStructure):
                    _fields_ = [("version", ctypes.c_uint8, 4), ("ihl", ctypes.c_uint8, 4), ("urgent", ctypes.c_uint8)]
                class Frame(ctypes.BigEndianStructure):
                    _fields_ = [("hdr", Hdr), ("_pad", ctypes.c_uint8 * 2), ("px", ctypes.c_uint8 * 4),
                                ("samples", ctypes.c_int16 * 3), ("_tail", ctypes.c_uint8 * 2)]
                f = Frame(); f.hdr.version = 4; f.hdr.ihl = 5; f.hdr.urgent = 1
                f.px[:] = struct.pack(">f", 0.5); f.samples[0] = -2; f.samples[2] = 0x7fff
                print(bytes(f).hex())
                """), got);
    }

    @Test
    void withoutARecordTypeTheEmptyStateSaysWhatToDo() throws Exception {
        show(null, ByteOrder.LITTLE_ENDIAN);
        Label empty = lookup(".empty-state").queryAs(Label.class);
        assertTrue(empty.getText().startsWith("Nothing to compose"), empty.getText());
        assertTrue(button("compose-send").isDisabled());
    }

    /** Waits until the send has finished; fails the test if it is still sending after 30 s. */
    private void settle() {
        try {
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return !status().startsWith("Sending");
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("still sending after 30 s: " + status());
        }
    }

    /** Python ctypes, the outside truth for the bytes. */
    static final class Ctypes {
        static String hex(String script) throws Exception {
            Process p = new ProcessBuilder("python3", "-c", "import ctypes, struct\n" + script).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            return out.strip();
        }
    }
}
