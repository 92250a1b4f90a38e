package dev.structscope.tests.gui;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.app.live.compose.ComposeView;
import dev.structscope.app.live.compose.FormEntry;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.samples.Samples;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Base of the compose pane's GUI tests: a {@link ComposeView} of its own in a stage at the
 * screen's origin (headless, Monocle), the editors found by their member path, and what the view
 * sends collected as {@code times:hex} in {@link #sent}. The view belongs to the FX thread.
 */
abstract class ComposeGuiBase extends FxRobot {
    protected ComposeView view;
    /** What the sender was handed, one {@code times:hex} entry a call. */
    protected final LinkedBlockingQueue<String> sent = new LinkedBlockingQueue<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** {@code type} of {@code header} laid out for x86-64 Linux. */
    static RecordLayout layout(String header, String type) {
        return LayoutEngine.layout(type, HeaderImporter.importText(header, "t.h",
                new HeaderImporter.Options(false, List.of(), w -> { })), Abis.X86_64_LINUX);
    }

    /** The text of the bundled sample file {@code name}. */
    static String sample(String name) throws IOException {
        try (var in = Samples.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Shows a new compose view of {@code layout} (none: the empty state) in {@code order}, not yet connected. */
    protected void show(RecordLayout layout, ByteOrder order) throws Exception {
        FxToolkit.setupStage(s -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            view = new ComposeView(TaskRunner.forApp());
            view.setRecord(layout, order);
            s.setScene(new Scene(view, 900, 760));
            s.setX(0);
            s.setY(0);
            s.show();
            s.toFront();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Gives the view a sender that adds what it is handed to {@link #sent}. */
    protected void connect() {
        interact(() -> view.setSender((record, times) ->
                sent.add(times + ":" + HexFormat.of().formatHex(record.toArray(ValueLayout.JAVA_BYTE)))));
    }

    /** The visible editor of the member at {@code path} (e.g. {@code body.quote.bids[0].qty}). */
    protected Control editor(String path) {
        for (Node n : lookup(".compose-editor").queryAll()) {
            if (n.getUserData() instanceof FormEntry e && e.path().equals(path) && n.isVisible()) {
                return (Control) n;
            }
        }
        throw new AssertionError("no editor for " + path);
    }
}
