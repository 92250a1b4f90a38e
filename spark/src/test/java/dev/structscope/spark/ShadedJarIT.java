package dev.structscope.spark;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shaded jar {@code spark-submit --jars} takes (after {@code package}): StructScope's engine and
 * Jackson, relocated, and the data source's registration; no Spark, Scala, Hadoop or unrelocated
 * Jackson class that would clash with the cluster's own.
 */
class ShadedJarIT {
    @Test
    void holdsTheEngineAndRelocatedJacksonButNoSpark() throws IOException {
        Path jar = Path.of(System.getProperty("structscope.sparkJar"));
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
}
