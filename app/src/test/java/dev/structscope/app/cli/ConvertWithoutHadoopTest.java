package dev.structscope.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code convert --to parquet|arrow} as the launcher runs it: its own JVM with the launcher's flags,
 * a small heap, and the app's class path without any Hadoop jar (the tests' class path has one,
 * for parquet-java's reader). It must succeed with nothing on stderr: no missing class, no logging
 * or Unsafe warnings; and a Ctrl-C (SIGINT) in the middle must leave no file behind.
 */
class ConvertWithoutHadoopTest {
    @TempDir
    Path dir;

    /** The java command of the launcher, on the tests' class path less Hadoop, running {@code args}. */
    private static List<String> launcher(String... args) {
        String full = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> entries = Arrays.stream(full.split(File.pathSeparator))
                .filter(e -> !e.replace(File.separatorChar, '/').contains("/org/apache/hadoop/")).toList();
        assertTrue(entries.size() < full.split(File.pathSeparator).length, "the tests' class path has Hadoop");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-cp", String.join(File.pathSeparator, entries),
                "dev.structscope.app.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void parquetAndArrowAreWrittenWithNoHadoopOnTheClassPathAndNothingOnStderr() throws Exception {
        Path h = Files.writeString(dir.resolve("t.h"), "#include <stdint.h>\nstruct P { uint64_t id; float v[2]; char s[4]; };");
        ByteBuffer b = ByteBuffer.allocate(24 * 1000).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 1000; i++) {
            b.putLong(-1L - i).putFloat(i).putFloat(-i).put("ab\0\0".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        }
        Path data = Files.write(dir.resolve("p.bin"), b.array());
        for (String to : List.of("parquet", "arrow")) {
            Path out = dir.resolve("p." + to);
            List<String> cmd = launcher("convert", h.toString(), "--type", "P", data.toString(), "--to", to,
                    "-o", out.toString());
            Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out.txt").toFile())
                    .redirectError(dir.resolve("err.txt").toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "convert did not end");
            String err = Files.readString(dir.resolve("err.txt"));
            assertEquals(0, p.exitValue(), err);
            assertEquals("", err);
            assertFalse(Files.size(out) == 0);
            List<java.util.Map<String, Object>> rows = ColumnarReaders.read(to, out);
            assertEquals(1000, rows.size());
            assertEquals(new java.math.BigInteger("18446744073709551615"), rows.getFirst().get("id"));
            assertEquals(List.of(999.0, -999.0), rows.getLast().get("v"));
            assertEquals("ab", rows.getLast().get("s"));
        }
    }

    @Test
    void ctrlCInTheMiddleLeavesNeitherOutNorAPartFile() throws Exception {
        Path h = Files.writeString(dir.resolve("t.h"), "#include <stdint.h>\nstruct Q { int64_t a; double b; int32_t c[4]; };");
        Path data = dir.resolve("q.bin");
        try (var f = new java.io.RandomAccessFile(data.toFile(), "rw")) {
            f.setLength(1L << 30); // sparse: a GiB of zero records, long enough to be interrupted
        }
        Path out = dir.resolve("q.parquet");
        Process p = new ProcessBuilder(launcher("convert", h.toString(), "--type", "Q", data.toString(),
                "--to", "parquet", "-o", out.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path part = dir.resolve(".q.parquet." + p.pid() + ".part");
        for (int i = 0; i < 600 && !Files.exists(part) && p.isAlive(); i++) {
            Thread.sleep(50);
        }
        assertTrue(Files.exists(part) && p.isAlive(), "no part file while converting: " + Files.readString(dir.resolve("log.txt")));
        Thread.sleep(300);
        assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "convert did not stop on SIGINT");
        assertTrue(p.exitValue() != 0, "exit status after SIGINT");
        assertFalse(Files.exists(out), "OUT after Ctrl-C");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
        }
    }
}
