import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer for `structscope convert --to parquet`: DuckDB's own Parquet writer (C++, Snappy, its
 * default row groups) writing the same rows. The rows are first loaded into an in-memory DuckDB
 * table from a Parquet file that `convert` made of the binary file (outside the timing), so the
 * peer's figure is the writer alone, starting from columns already in memory: no process start,
 * no decoding of row-major C structs, which `convert`'s whole-process figure includes.
 *
 * Run as a JDK 25 source-file program with the DuckDB JDBC jar the tests use:
 *   java --enable-native-access=ALL-UNNAMED -cp ~/.m2/repository/org/duckdb/duckdb_jdbc/VERSION/duckdb_jdbc-VERSION.jar \
 *        benchmarks/peers/DuckDbParquetPeer.java IN.parquet OUT.parquet [THREADS] [ROUNDS]
 * Prints each round's time and the median.
 */
public final class DuckDbParquetPeer {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: DuckDbParquetPeer IN.parquet OUT.parquet [THREADS] [ROUNDS]");
            System.exit(2);
        }
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("CREATE TABLE t AS SELECT * FROM read_parquet('" + args[0].replace("'", "''") + "')");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                long t0 = System.nanoTime();
                s.execute("COPY t TO '" + args[1].replace("'", "''") + "' (FORMAT parquet, COMPRESSION snappy)");
                double t = (System.nanoTime() - t0) / 1e9;
                times.add(t);
                System.out.printf("round %d: %.2f s%n", i + 1, t);
            }
            times.sort(null);
            System.out.printf("DuckDB %s, %d threads: COPY to Parquet (Snappy), median of %d: %.2f s%n",
                    c.getMetaData().getDatabaseProductVersion(), threads, rounds, times.get(rounds / 2));
        }
    }
}
