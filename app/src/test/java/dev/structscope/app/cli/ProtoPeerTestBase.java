package dev.structscope.app.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * What the tests of the {@code proto.h} protocol start from: a fresh folder per test and a
 * {@link ProtoPeer} in it (the test is skipped without python3). JUnit sets both before each test,
 * on the test's thread.
 */
abstract class ProtoPeerTestBase {
    @TempDir
    Path dir;
    ProtoPeer proto;

    @BeforeEach
    void startProtoPeer() {
        proto = new ProtoPeer(dir);
    }
}
