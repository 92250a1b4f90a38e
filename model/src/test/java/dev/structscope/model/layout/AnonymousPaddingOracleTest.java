package dev.structscope.model.layout;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.GccProbe;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The padding of records with anonymous struct/union members against clang-16 on each ABI: the
 * bytes that belong to no member, as clang lays the members out. clang computes, at compile time
 * for the target ({@code -S}, so no target machine is needed), the {@code offsetof} and
 * {@code sizeof} of every member the contract lists (anonymous members' members in their place)
 * and, per bit-field, an object with just that bit-field set to all ones; the bytes no member
 * covers, as ranges, must be the engine's {@link RecordLayout#padding()}.
 */
class AnonymousPaddingOracleTest {
    private static final String HEADER = """
            struct AN { int x; union { int u1; char u2[6]; }; struct { char p; double q; }; char tail; };
            struct N1 { char a; union { struct { char b; int c; }; struct { short d; char e:3; unsigned f:9; }; }; char g; };
            union U1 { char k; struct { char m; double n; }; };
            struct B1 { char c; struct { int a:3; unsigned b:9; }; char z; };
            struct B2 { char c; union { unsigned a:3; struct { char :8; unsigned char b:2; }; }; int z; };
            struct P1 { char c; struct __attribute__((packed)) { char a; int b; }; struct __attribute__((aligned(16))) { char h; }; };
            struct D1 { struct { struct { char a; long long b; }; short c; }; char d; };
            struct E1 { long long a; union { char b; struct { char c; union { short d; char e[3]; }; }; }; };
            """;

    @BeforeAll
    static void needClang() {
        Compilers.assumeClang();
    }

    /** A member the contract lists: its C access path, and whether it is a bit-field. */
    private record Leaf(String path, boolean bitField) {
    }

    @ParameterizedTest
    @MethodSource("dev.structscope.model.abi.AbiNames#all")
    void paddingIsTheBytesNoMemberCoversAsClangLaysThemOut(String abiName) throws IOException {
        Abi abi = Abi.byName(abiName);
        TypeLibrary lib = HeaderImporter.importText(HEADER, "anon.h", HeaderImporter.Options.defaults());
        Map<String, RecordLayout> layouts = new LinkedHashMap<>();
        Map<String, List<Leaf>> leaves = new LinkedHashMap<>();
        for (RecordLayout rl : LayoutEngine.layoutAll(lib, abi)) {
            String spelling = rl.definition().kind().keyword() + " " + rl.name();
            layouts.put(spelling, rl);
            leaves.put(spelling, rl.visibleFields().stream().map(f -> new Leaf(f.name(), f.isBitField())).toList());
        }
        assertEquals(8, layouts.size());
        Map<String, String> clang = clangPadding(abi, leaves);
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (Map.Entry<String, RecordLayout> e : layouts.entrySet()) {
            expected.append(clang.get(e.getKey())).append('\n');
            actual.append(e.getKey()).append(" size=").append(e.getValue().size()).append(" padding=");
            for (Padding p : e.getValue().padding()) {
                actual.append('[').append(p.offset()).append(',').append(p.offset() + p.size()).append(')');
            }
            actual.append('\n');
        }
        assertEquals(expected.toString(), actual.toString(), "padding on " + abiName + " (clang first)");
    }

    /** clang's padding of each record: the byte ranges no leaf member covers, {@code [from,to)}. */
    private static Map<String, String> clangPadding(Abi abi, Map<String, List<Leaf>> leaves) throws IOException {
        Path dir = Files.createTempDirectory("structscope-anon");
        try {
            Files.writeString(dir.resolve("anon.h"), HEADER);
            StringBuilder c = new StringBuilder("#include <stddef.h>\n#include \"anon.h\"\n");
            StringBuilder vals = new StringBuilder("const unsigned int probe_vals[] = {\n");
            int bf = 0;
            for (Map.Entry<String, List<Leaf>> e : leaves.entrySet()) {
                String r = e.getKey();
                vals.append("  sizeof(").append(r).append("),\n");
                for (Leaf l : e.getValue()) {
                    if (l.bitField()) {
                        c.append("const union { ").append(r).append(" s; unsigned char b[sizeof(").append(r)
                                .append(")]; } probe_bf").append(bf++).append(" = { .s.").append(l.path())
                                .append(" = -1 };\n");
                    } else {
                        vals.append("  offsetof(").append(r).append(", ").append(l.path()).append("), sizeof(((")
                                .append(r).append(" *)0)->").append(l.path()).append("),\n");
                    }
                }
            }
            c.append(vals).append("  0 };\n");
            Path src = dir.resolve("probe.c");
            Files.writeString(src, c.toString());
            Compilers.Result res = Compilers.run(List.of(Compilers.CLANG.toString(), "-S", "-ffreestanding", "-w",
                    "-target", Compilers.clangTarget(abi), "-o", "-", src.toString()), dir);
            if (res.exit() != 0) {
                throw new AssertionError("clang rejected the probe for " + abi.name() + ":\n" + res.out());
            }
            Map<String, List<Long>> data = GccProbe.dataBytes(res.out());
            List<Long> v = data.get("probe_vals");
            Map<String, String> out = new LinkedHashMap<>();
            int vi = 0;
            bf = 0;
            for (Map.Entry<String, List<Leaf>> e : leaves.entrySet()) {
                int size = (int) GccProbe.word(v, vi++);
                boolean[] used = new boolean[size];
                for (Leaf l : e.getValue()) {
                    if (l.bitField()) {
                        List<Long> bytes = data.get("probe_bf" + bf++);
                        for (int b = 0; b < size; b++) {
                            used[b] |= bytes.get(b) != 0;
                        }
                    } else {
                        long off = GccProbe.word(v, vi++);
                        long len = GccProbe.word(v, vi++);
                        for (long b = off; b < off + len; b++) {
                            used[(int) b] = true;
                        }
                    }
                }
                StringBuilder sb = new StringBuilder(e.getKey() + " size=" + size + " padding=");
                for (int b = 0; b < size; b++) {
                    if (!used[b] && (b == 0 || used[b - 1])) {
                        int end = b;
                        while (end < size && !used[end]) {
                            end++;
                        }
                        sb.append('[').append(b).append(',').append(end).append(')');
                    }
                }
                out.put(e.getKey(), sb.toString());
            }
            return out;
        } finally {
            Compilers.deleteTree(dir);
        }
    }
}
