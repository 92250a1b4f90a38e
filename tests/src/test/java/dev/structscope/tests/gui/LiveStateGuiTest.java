package dev.structscope.tests.gui;

import dev.structscope.app.live.ConnectForm;
import dev.structscope.app.live.LiveViewModel;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.net.live.ConnState;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live pane's connection state in the tests' 1260-pixel window (narrower than the 1366 one
 * where it was seen), where the pane shares the designer's column: why a connection failed is
 * read in full (it was a badge cut to "cannot connect: Connect…"). No peer is needed: nothing
 * listens on the port, so every attempt is refused.
 */
class LiveStateGuiTest extends GuiTest {

    @Test
    void aRefusedConnectionSaysWhyInFullBesideABadgeThatIsNotCut() throws Exception {
        String why = connectToNothing();
        assertStateShownWhole(why);
        Label reason = lookup("#live-state-reason").queryAs(Label.class);
        assertTrue(why.contains("refused"), why);
        var monitor = window.live.view.localToScene(window.live.view.getLayoutBounds());
        var line = reason.localToScene(reason.getLayoutBounds());
        assertTrue(monitor.contains(line), "the reason lies inside the live pane: " + line + " in " + monitor);
        assertNotNull(lookup(".live-state-reason.trying").query(), "in the badge's colour while it retries");
        interact(() -> window.live.model.disconnect());
    }

    /**
     * At the smallest window the badge and the reason stay whole too, and the pane claims no more
     * of the width than its buttons need: a whole badge in the buttons' row had pushed the
     * designer's column wider and left the data pane about 220 px.
     */
    @Test
    void atTheSmallestWindowTheStateStaysWholeAndTheDataKeepsItsRoom() throws Exception {
        interact(() -> {
            stage.setWidth(800);
            stage.setHeight(560);
        });
        String why = connectToNothing();
        assertStateShownWhole(why);
        assertTrue(window.dataPane.getWidth() >= 300, "the data pane keeps its room: " + window.dataPane.getWidth());
        interact(() -> window.live.model.disconnect());
    }

    /** Connects the live pane to a loopback port nothing listens on; returns why it is refused. */
    private String connectToNothing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort(); // free now, and closed: connecting to it is refused
        }
        interact(() -> {
            var st = vm.document.state.get();
            RecordLayout tick = LayoutEngine.layout("Tick", st.library(), st.abi());
            var decoding = new LiveViewModel.Decoding("Tick", tick, st.abi(), DecoderPlan.compile(tick, st.abi(), st.byteOrder()));
            var in = new ConnectForm.Input(ConnectForm.Mode.TCP_CLIENT, "127.0.0.1", Integer.toString(port),
                    ConnectForm.FramingChoice.FIXED, "", "Tick");
            window.live.model.connect(ConnectForm.source(in, tick.size()), decoding);
        });
        String[] why = new String[1];
        await("a refused connection", () -> {
            if (window.live.model.state.get() instanceof ConnState.Reconnecting r && r.why().contains("cannot connect")) {
                why[0] = r.why();
                return true;
            }
            return false;
        });
        assertTrue(why[0].contains(Integer.toString(port)), why[0]);
        return why[0];
    }

    /**
     * While it retries the badge says so in a few words, whole, with the full state as its
     * tooltip; the reason stands beside it, whole too (wrapped where it must).
     */
    private void assertStateShownWhole(String why) {
        Label badge = lookup("#live-state").queryAs(Label.class);
        await("the state badge shown whole", () -> shownWhole(badge) && badge.getTooltip() != null
                && badge.getTooltip().getText().equals(window.live.model.state.get().text()));
        await("the reason beside the badge, whole", () -> lookup("#live-state-reason").queryAll().stream()
                .anyMatch(n -> n instanceof Label r && r.isVisible() && why.equals(r.getText()) && shownWhole(r)));
    }

    /** Whether {@code l} shows all of its text: its text node is not cut to an ellipsis. */
    private static boolean shownWhole(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text shown && c.isVisible()) {
                return l.getText().equals(shown.getText());
            }
        }
        return false;
    }
}
