package dev.structscope.tests.compare;

import dev.structscope.tests.compare.HeaderPairs.Mem;
import dev.structscope.tests.compare.HeaderPairs.Rec;
import dev.structscope.tests.compare.HeaderPairs.Version;
import dev.structscope.tests.gui.ClangLayouts;
import dev.structscope.tests.hexview.Gcc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: the compilers' numbers for many header versions at once. Each version is written
 * with its own name prefix into one C file; gcc ({@code -m64}, {@code -m32}) prints sizeof,
 * _Alignof and every member's offsetof and sizeof, and clang-16's record dumps give the same for
 * the other ABIs (a member's size through a probe struct holding {@code char[sizeof member]}).
 *
 * <p>Answers are keyed {@code prefix+record} → {size, align} and {@code prefix+record.member} →
 * {offset, size}.
 */
final class LayoutOracle {
    private LayoutOracle() {
    }

    static Map<String, long[]> gcc(Path dir, Map<String, Version> versions, boolean m32) throws Exception {
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stddef.h>\n").append(HeaderPairs.TYPEDEFS);
        StringBuilder main = new StringBuilder("int main(void) {\n");
        for (var e : versions.entrySet()) {
            c.append(e.getValue().text(e.getKey()));
            for (Rec r : e.getValue().records()) {
                String s = "struct " + e.getKey() + r.name();
                main.append("  printf(\"%s %zu %zu\\n\", \"").append(e.getKey()).append(r.name()).append("\", sizeof(")
                        .append(s).append("), _Alignof(").append(s).append("));\n");
                for (Mem m : r.members()) {
                    main.append("  printf(\"%s %zu %zu\\n\", \"").append(e.getKey()).append(r.name()).append('.')
                            .append(m.name()).append("\", offsetof(").append(s).append(", ").append(m.name())
                            .append("), sizeof(((").append(s).append(" *)0)->").append(m.name()).append("));\n");
                }
            }
        }
        c.append(main).append("  return 0;\n}\n");
        return Gcc.numbers(dir, m32 ? "m32" : "m64", m32, c);
    }

    static Map<String, long[]> clang(Map<String, Version> versions, String target) throws Exception {
        StringBuilder c = new StringBuilder(HeaderPairs.TYPEDEFS);
        List<String> force = new ArrayList<>();
        for (var e : versions.entrySet()) {
            c.append(e.getValue().text(e.getKey()));
            for (Rec r : e.getValue().records()) {
                String s = "struct " + e.getKey() + r.name();
                force.add(s);
                for (Mem m : r.members()) {
                    String probe = "struct SZ_" + e.getKey() + r.name() + "__" + m.name();
                    c.append(probe).append(" { char c[sizeof(((").append(s).append(" *)0)->").append(m.name())
                            .append(")]; };\n");
                    force.add(probe);
                }
            }
        }
        Map<String, ClangLayouts.Rec> dump = ClangLayouts.layouts(c.toString(), target, force);
        Map<String, long[]> out = new HashMap<>();
        for (var e : versions.entrySet()) {
            for (Rec r : e.getValue().records()) {
                String key = e.getKey() + r.name();
                ClangLayouts.Rec rec = dump.get("struct " + key);
                if (rec == null) {
                    throw new AssertionError("clang dumped no " + key + " for " + target + "; dumped: " + dump.keySet());
                }
                out.put(key, new long[] {rec.size(), rec.align()});
                for (int i = 0; i < r.members().size(); i++) {
                    Mem m = r.members().get(i);
                    long size = dump.get("struct SZ_" + key + "__" + m.name()).size();
                    out.put(key + "." + m.name(), new long[] {rec.fieldBitOffsets().get(i) / 8, size});
                }
            }
        }
        return out;
    }
}
