package dev.structscope.app.fields;

import dev.structscope.app.hexview.DemoTypes;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.LayoutEngine;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldItemTest {
    /** A million-element array: opening it makes 1000 range items, and finding one element ~2000 items. */
    @Test
    void millionElementArrayIsChunkedAndBuiltOnlyAlongThePath() {
        var layout = LayoutEngine.layout("Big", DemoTypes.library(), Abis.X86_64_LINUX);
        DecoderPlan plan = DecoderPlan.compile(layout, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.allocate((int) plan.recordSize() + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(8, 1_000_000);
        b.putShort(8 + 4 + 2 * 765_432, (short) 4242);
        try (DataSource s = Sources.of("big", b.array())) {
            FieldItem root = FieldItem.root(plan.root(), s.segment(), 8);
            assertEquals(0, root.builtDescendants(), "nothing is built before it is asked for");
            assertEquals(2, root.getChildren().size());
            FieldItem values = (FieldItem) root.getChildren().get(1);
            assertFalse(values.isLeaf());
            assertEquals(2, root.builtDescendants(), "the array's children are not built yet");
            assertEquals(FieldItem.CHUNK, values.getChildren().size());
            TreeItem<FieldRow> firstRange = values.getChildren().get(0);
            assertEquals("[0 … 999]", firstRange.getValue().name());
            FieldItem hit = root.deepest(8 + 4 + 2 * 765_432 + 1);
            assertEquals("[765432]", hit.getValue().name());
            assertEquals("4242", hit.getValue().value());
            assertTrue(root.builtDescendants() <= 2 + 2 * FieldItem.CHUNK, "built " + root.builtDescendants());
        }
    }
}
