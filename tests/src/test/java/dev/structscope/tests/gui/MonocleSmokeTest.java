package dev.structscope.tests.gui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(ApplicationExtension.class)
class MonocleSmokeTest {
    Button b;
    int clicks;

    @Start
    void start(Stage stage) {
        b = new Button("Click");
        b.setId("b");
        b.setOnAction(e -> clicks++);
        stage.setScene(new Scene(b, 200, 100));
        stage.show();
    }

    @Test
    void clickWorks(FxRobot robot) {
        robot.clickOn("#b");
        assertEquals(1, clicks);
    }
}
