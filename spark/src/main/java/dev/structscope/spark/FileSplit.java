package dev.structscope.spark;

import org.apache.spark.sql.connector.read.InputPartition;

import java.io.Serial;

/**
 * One task's share of the data: a range of whole fixed-size records of one file, or a whole file
 * of dynamic records (whose boundaries only reading finds).
 *
 * @param path   the file, as a Hadoop path string
 * @param size   its length in bytes, as listed on the driver
 * @param local  whether it is on the local file system (mapped) rather than read through Hadoop
 * @param first  the first record's number (0 for a dynamic file)
 * @param count  how many records, or -1 for every record of a dynamic file
 * @param hosts  where its bytes are stored, for Spark's placement (empty when unknown)
 */
record FileSplit(String path, long size, boolean local, long first, long count, String[] hosts)
        implements InputPartition {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String[] preferredLocations() {
        return hosts.clone();
    }
}
