package dev.structscope.spark;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar {@code spark-submit --jars} takes (after {@code package}): StructScope's engine and
 * Jackson, relocated, and the data source's registration; no Spark, Scala, Hadoop or unrelocated
 * Jackson class that would clash with the cluster's own. And the jar alone on Spark's own class
 * path (Spark's Jackson included) reads records: a cluster needs nothing else.
 */
class ShadedJarIT {
    @TempDir
    Path dir;

    private static Path jar() {
        return Path.of(System.getProperty("structscope.sparkJar"));
    }

    @Test
    void holdsTheEngineAndRelocatedJacksonButNoSpark() throws IOException {
        Path jar = jar();
        assertTrue(Files.isRegularFile(jar), jar + " was not built");
        try (JarFile j = new JarFile(jar.toFile())) {
            List<String> names = j.stream().map(JarEntry::getName).toList();
            for (String banned : List.of("org/apache/spark/", "scala/", "org/apache/hadoop/", "com/fasterxml/")) {
                assertFalse(names.stream().anyMatch(n -> n.startsWith(banned)), "the jar holds " + banned);
            }
            for (String needed : List.of("dev/structscope/spark/StructScopeSource.class",
                    "dev/structscope/io/columns/ColumnSchema.class", "dev/structscope/model/layout/LayoutEngine.class",
                    "dev/structscope/spark/shaded/jackson/databind/ObjectMapper.class",
                    "dev/structscope/spark/shaded/jackson/core/JsonFactory.class")) {
                assertTrue(names.contains(needed), "the jar lacks " + needed);
            }
            String services = new String(j.getInputStream(j.getEntry(
                    "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister")).readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("dev.structscope.spark.StructScopeSource", services.strip());
        }
    }

    @Test
    void sparkReadsThroughTheJarAloneOnItsOwnClassPath() throws IOException, InterruptedException {
        Path header = dir.resolve("r.h");
        Files.writeString(header, "struct R { uint64_t id; int32_t n; char s[4]; };\n");
        long[] ids = {1, 1L << 62, -1L, Long.MIN_VALUE, 42};
        ByteBuffer b = ByteBuffer.allocate(16 * ids.length).order(ByteOrder.LITTLE_ENDIAN);
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < ids.length; i++) {
            b.putLong(ids[i]).putInt(i).put(new byte[] {'a', (byte) ('a' + i), 0, 0});
            sum = sum.add(new BigInteger(Long.toUnsignedString(ids[i])));
        }
        Path data = dir.resolve("r.bin");
        Files.write(data, b.array());

        // Spark's class path: this JVM's, without StructScope's classes and modules; then the jar.
        Path main = dir.resolve("main");
        Path cls = main.resolve("dev/structscope/spark/ShadedJarRead.class");
        Files.createDirectories(cls.getParent());
        try (var in = ShadedJarIT.class.getResourceAsStream("ShadedJarRead.class")) {
            Files.write(cls, in.readAllBytes());
        }
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(e).getFileName().toString();
            if (!e.contains("/dev/structscope/") && !e.endsWith("classes") && !name.startsWith("io-engine-")
                    && !name.startsWith("model-") && !name.startsWith("structscope-spark-") && !name.startsWith("junit")
                    && !name.startsWith("opentest4j") && !name.startsWith("surefire") && !name.startsWith("apiguardian")) {
                cp.add(e);
            }
        }
        cp.add(jar().toString());
        cp.add(main.toString());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(System.getProperty("structscope.sparkJvmArgs").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, cp), ShadedJarRead.class.getName(),
                header.toString(), "R", data.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the Spark program did not finish");
        assertEquals(0, p.exitValue(), out);
        String want = "RESULT " + ids.length + " " + sum + " ae";
        assertTrue(out.lines().anyMatch(want::equals), out);
    }
}
