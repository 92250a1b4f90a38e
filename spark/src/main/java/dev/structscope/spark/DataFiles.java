package dev.structscope.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.structscope.model.InputException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The data files a {@code load(...)} names, listed on the driver: each path may be a file, a
 * directory (its files, not those of subdirectories; names starting with {@code _} or {@code .}
 * left out, as Spark's file sources do) or a glob. Empty files are left out: they hold no record.
 *
 * <p>Stateless; driver only.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** A data file: its qualified path, length, whether it is on the local file system, and where its blocks are. */
    record DataFile(Path path, long size, boolean local, BlockLocation[] blocks) {
        /** The file as messages name it: a local file by its path, as the CLI does; others by URI. */
        String name() {
            return local ? java.nio.file.Path.of(path.toUri()).toString() : path.toUri().toString();
        }

        /** The hosts that hold byte {@code offset}, for a task that starts reading there. */
        String[] hostsAt(long offset) {
            for (BlockLocation b : blocks) {
                if (offset >= b.getOffset() && offset < b.getOffset() + b.getLength()) {
                    try {
                        return b.getHosts();
                    } catch (IOException e) {
                        return new String[0];
                    }
                }
            }
            return new String[0];
        }
    }

    /** The paths of {@code load(path)} or {@code load(path, ...)}, as Spark passes them in the options. */
    static List<String> paths(CaseInsensitiveStringMap options) {
        List<String> paths = new ArrayList<>();
        String one = options.get("path");
        if (one != null) {
            paths.add(one);
        }
        String many = options.get("paths");
        if (many != null) {
            try {
                for (String p : new ObjectMapper().readValue(many, String[].class)) {
                    paths.add(p);
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("paths: " + e.getMessage(), e);
            }
        }
        if (paths.isEmpty()) {
            throw new InputException("", "no data files: give them to load(\"/data/ticks/*.bin\")");
        }
        return paths;
    }

    /** Every data file of {@code paths}, sorted by path. */
    static List<DataFile> list(List<String> paths, Configuration conf) {
        List<DataFile> files = new ArrayList<>();
        for (String p : paths) {
            Path path = new Path(p);
            try {
                FileSystem fs = path.getFileSystem(conf);
                FileStatus[] matched = fs.globStatus(path);
                if (matched == null || matched.length == 0) {
                    throw new InputException(p, path.toString().matches(".*[*?\\[{].*") ? "no file matches" : "no such file");
                }
                for (FileStatus st : matched) {
                    if (st.isDirectory()) {
                        for (FileStatus child : fs.listStatus(st.getPath())) {
                            String name = child.getPath().getName();
                            if (child.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                                add(fs, child, files);
                            }
                        }
                    } else {
                        add(fs, st, files);
                    }
                }
            } catch (IOException e) {
                throw new InputException(p, "cannot be listed: " + e.getMessage());
            }
        }
        files.sort(Comparator.comparing(f -> f.path().toString()));
        return files;
    }

    private static void add(FileSystem fs, FileStatus st, List<DataFile> out) throws IOException {
        if (st.getLen() == 0) {
            return;
        }
        boolean local = "file".equals(fs.getUri().getScheme());
        BlockLocation[] blocks = local ? null : fs.getFileBlockLocations(st, 0, st.getLen());
        out.add(new DataFile(st.getPath(), st.getLen(), local, blocks == null ? new BlockLocation[0] : blocks));
    }
}
