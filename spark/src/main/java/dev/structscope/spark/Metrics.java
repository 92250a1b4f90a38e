package dev.structscope.spark;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * What a scan reports to Spark's SQL metrics (the query's plan in the UI, and
 * {@code BatchScanExec.metrics()}): the records read and the values decoded from them. The second
 * shows column pruning at work: a query that needs two columns decodes two values per record.
 *
 * <p>Spark instantiates the metric classes by name on the driver; they need a public no-argument
 * constructor. Immutable.
 */
final class Metrics {
    static final String RECORDS = "recordsRead";
    static final String VALUES = "valuesDecoded";

    private Metrics() {
    }

    static CustomMetric[] supported() {
        return new CustomMetric[] {new Records(), new Values()};
    }

    static CustomTaskMetric[] values(long records, long values) {
        return new CustomTaskMetric[] {new Task(RECORDS, records), new Task(VALUES, values)};
    }

    /** One task's value of a metric; the record's accessors are the interface's methods. */
    private record Task(String name, long value) implements CustomTaskMetric {
    }

    /** A summed metric that is only its name and description (the subclasses exist for Spark's by-name instantiation). */
    private abstract static class Named extends CustomSumMetric {
        private final String name;
        private final String description;

        Named(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** Records read. */
    public static final class Records extends Named {
        public Records() {
            super(RECORDS, "records read");
        }
    }

    /** Leaf values decoded (one per selected scalar, string or enum, array elements counted). */
    public static final class Values extends Named {
        public Values() {
            super(VALUES, "values decoded");
        }
    }
}
