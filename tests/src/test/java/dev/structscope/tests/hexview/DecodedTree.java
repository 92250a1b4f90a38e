package dev.structscope.tests.hexview;

import dev.structscope.app.fields.FieldsView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** Test helper: waits for the decoded tree, whose dynamic records are decoded on the task runner. */
public final class DecodedTree {
    private DecodedTree() {
    }

    /**
     * Waits until {@code fields} shows the record last asked for (after a choice, an edit, a
     * selected row or a caret move, a dynamic record's tree arrives from the task runner; the
     * tree before stays meanwhile). Polls the condition, at most 10 s.
     */
    public static void await(FxRobot robot, FieldsView fields) {
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < 400 && fields.viewModel.decoding.get(); i++) {
            robot.sleep(25);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertFalse(fields.viewModel.decoding.get(), "the record was decoded");
    }
}
