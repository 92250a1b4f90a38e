package dev.structscope.app.live.compose;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.samples.Samples;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A standalone window with the compose pane, for looking at it without a connection:
 * {@code ComposeDemo [header.h type [big]]}, by default the sample {@code struct Tick}. Its sender
 * only counts what it is given (there is no socket); {@code -Dstructscope.theme=dark} for the
 * dark theme; started through {@link dev.structscope.app.DemoMain}. FX thread.
 */
public final class ComposeDemo extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        var args = getParameters().getRaw();
        String header;
        String type = args.size() > 1 ? args.get(1) : "Tick";
        if (args.isEmpty()) {
            try (InputStream in = Samples.open("ticks.h")) {
                header = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } else {
            header = Files.readString(Path.of(args.get(0)));
        }
        RecordLayout layout = LayoutEngine.layout(type, HeaderImporter.importText(header, "demo.h",
                new HeaderImporter.Options(false, List.of(), w -> { })), Abis.X86_64_LINUX);
        boolean dark = "dark".equals(System.getProperty("structscope.theme"));
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ComposeView view = new ComposeView(dev.structscope.app.common.TaskRunner.forApp());
        view.setRecord(layout, Abis.X86_64_LINUX, args.size() > 2 && args.get(2).equals("big")
                ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        view.setSender((record, times) -> { });
        Scene scene = new Scene(view, 820, 640);
        scene.getStylesheets().add(ComposeDemo.class.getResource("/dev/structscope/app/structscope.css").toExternalForm());
        stage.setTitle("StructScope — compose — " + type);
        stage.setScene(scene);
        stage.show();
    }
}
