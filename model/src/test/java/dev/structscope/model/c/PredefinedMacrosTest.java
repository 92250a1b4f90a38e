package dev.structscope.model.c;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The macros the importer predefines for an ABI (used by {@code #if} without {@code --cpp}) are
 * the ones clang-16 predefines for that target, with the same values.
 */
class PredefinedMacrosTest {
    @TempDir
    Path tmp;

    @TestFactory
    List<DynamicTest> predefinedMacrosMatchClang() {
        Tools.assumeTool("clang-16");
        List<DynamicTest> tests = new ArrayList<>();
        for (Abi abi : Abis.ALL) {
            tests.add(DynamicTest.dynamicTest(abi.name(), () -> {
                Tools.Result r = Tools.run(List.of("clang-16", "--target=" + abi.clangTarget(), "-std=c17", "-dM", "-E",
                        "-x", "c", "/dev/null"), tmp);
                Map<String, String> clang = new HashMap<>();
                for (String line : r.out().split("\n")) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length >= 2 && parts[0].equals("#define")) {
                        clang.put(parts[1], parts.length == 3 ? parts[2] : "");
                    }
                }
                List<String> diffs = new ArrayList<>();
                for (String line : SystemHeaders.predefined(abi).split("\n")) {
                    String[] parts = line.split(" ", 3);
                    String name = parts[1];
                    String ours = parts[2];
                    String theirs = clang.get(name);
                    if (!ours.equals(theirs)) {
                        diffs.add(name + " ours=" + ours + " clang=" + theirs);
                    }
                }
                assertEquals(List.of(), diffs);
            }));
        }
        return tests;
    }
}
