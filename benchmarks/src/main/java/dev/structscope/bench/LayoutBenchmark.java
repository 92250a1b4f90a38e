package dev.structscope.bench;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.type.ArrayType;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * How long the layout engine takes to lay out again a 1,000-member struct in which about half the
 * members are bit-fields (of every integer type, unnamed and zero-width ones included), the rest
 * scalars and small arrays: what the designer does on every edit. Goal: under 1 ms. Run it as
 * {@code docs/dev/benchmarks.md} says. JMH state is per thread; the engine itself is pure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LayoutBenchmark {
    private static final Prim[] BIT_TYPES = {Prim.CHAR, Prim.UNSIGNED_CHAR, Prim.SHORT, Prim.UNSIGNED_SHORT,
        Prim.INT, Prim.UNSIGNED_INT, Prim.LONG_LONG, Prim.UINT64, Prim.BOOL, Prim.UINT8, Prim.INT32};
    private static final Prim[] PLAIN_TYPES = {Prim.CHAR, Prim.SHORT, Prim.INT, Prim.DOUBLE, Prim.LONG,
        Prim.FLOAT, Prim.UINT64, Prim.LONG_DOUBLE};

    @Param({"x86_64-linux", "x86_64-windows"})
    public String abiName;

    private Abi abi;
    private RecordType record;

    @Setup
    public void setUp() {
        abi = Abi.byName(abiName);
        record = bigStruct(1000, 42);
    }

    /** A deterministic struct of {@code n} members, about half of them bit-fields. */
    static RecordType bigStruct(int n, long seed) {
        Random rnd = new Random(seed);
        List<Member> members = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (rnd.nextBoolean()) {
                Prim p = BIT_TYPES[rnd.nextInt(BIT_TYPES.length)];
                int bits = switch (p) {
                    case BOOL -> 1;
                    case CHAR, UNSIGNED_CHAR, UINT8 -> 8;
                    case SHORT, UNSIGNED_SHORT -> 16;
                    case LONG_LONG, UINT64 -> 64;
                    default -> 32;
                };
                int width = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(bits);
                members.add(Member.bitField(width == 0 || rnd.nextInt(8) == 0 ? null : "b" + i, PrimitiveType.of(p), width));
            } else if (rnd.nextInt(6) == 0) {
                members.add(Member.of("a" + i, new ArrayType(PrimitiveType.of(PLAIN_TYPES[rnd.nextInt(PLAIN_TYPES.length)]),
                        1 + rnd.nextInt(5))));
            } else {
                members.add(Member.of("m" + i, PrimitiveType.of(PLAIN_TYPES[rnd.nextInt(PLAIN_TYPES.length)])));
            }
        }
        return RecordType.struct("Big", members);
    }

    @Benchmark
    public RecordLayout layout1000Members() {
        return LayoutEngine.layout(record, TypeLibrary.EMPTY, abi);
    }

    @Benchmark
    public int visibleFields1000Members() {
        return LayoutEngine.layout(record, TypeLibrary.EMPTY, abi).visibleFields().size();
    }
}
