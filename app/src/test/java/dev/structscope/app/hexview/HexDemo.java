package dev.structscope.app.hexview;

import dev.structscope.model.abi.Abis;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A standalone window with the hex explorer, for looking at it without the main window:
 * {@code HexDemo [file] [type] [base]}. Without a file it writes a small file of demo ticks
 * ({@link DemoTypes}) to a temporary file and opens that. Lives with the tests (run it from the
 * test class path, through {@link dev.structscope.app.DemoMain}). FX thread.
 */
public final class HexDemo extends Application {
    @Override
    public void start(Stage stage) throws IOException {
        var args = getParameters().getRaw();
        Path file = args.isEmpty() ? writeTicks(Files.createTempFile("ticks", ".bin"), 100_000) : Path.of(args.get(0));
        HexPane pane = new HexPane();
        pane.setLibrary(DemoTypes.library(), Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        pane.file.open(file, () -> pane.overlayBar.choose(args.size() > 1 ? args.get(1) : "Tick",
                args.size() > 2 ? args.get(2) : "0x38", false));
        pane.bookmarks.add("tick #2 header", 0x70, 8);
        stage.setTitle("StructScope — hex explorer — " + file.getFileName());
        stage.setScene(new Scene(pane, 1560, 960));
        stage.setOnHidden(e -> pane.dispose());
        stage.show();
        pane.hexView.requestFocus();
    }

    /** {@code n} ticks as x86_64 gcc lays out {@code struct Tick} (56 bytes each). */
    static Path writeTicks(Path path, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(56 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int at = i * 56;
            b.putLong(at, 1_700_000_000_123L + i);
            b.putInt(at + 8, i);
            b.putFloat(at + 12, 101.25f + i % 7);
            b.putDouble(at + 16, 3.5 * (i % 11));
            b.putShort(at + 24, (short) (i & 3));
            byte[] sym = ("SYM" + (i % 100)).getBytes(StandardCharsets.US_ASCII);
            b.put(at + 26, sym, 0, Math.min(6, sym.length));
            b.putInt(at + 32, 1 + i % 2);
            b.put(at + 36, (byte) ((i % 8) | ((i % 32) << 3)));
            for (int k = 0; k < 4; k++) {
                b.putInt(at + 40 + 4 * k, i * 10 + k);
            }
        }
        Files.write(path, b.array());
        return path;
    }
}
