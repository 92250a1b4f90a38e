package dev.structscope.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The program {@link ShadedJarIT} runs in a JVM whose class path is Spark's and the shaded jar
 * only (as on a cluster after {@code --jars}): reads LAYOUT's TYPE from DATA and prints
 * {@code count sum(id) max(s)}. Uses no other class of the tests.
 */
public final class ShadedJarRead {
    private ShadedJarRead() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ShadedJarRead")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "localhost")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            Row r = spark.read().format("structscope").option("layout", args[0]).option("type", args[1]).load(args[2])
                    .selectExpr("count(*)", "sum(id)", "max(s)").first();
            System.out.println("RESULT " + r.get(0) + " " + r.get(1) + " " + r.get(2));
        } finally {
            spark.stop();
        }
    }
}
