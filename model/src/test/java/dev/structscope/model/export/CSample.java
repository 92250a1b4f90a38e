package dev.structscope.model.export;

import dev.structscope.model.abi.Abis;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample bytes from gcc itself (x86_64 Linux): a C program that includes the C export, assigns a
 * distinct value to every integer member and bit-field reachable without arrays (through nested
 * and anonymous records), and prints the object's bytes. The values are what a reader of the
 * bytes (Java accessors, ctypes, a Kaitai parser) must give back.
 */
final class CSample {
    /** A record's bytes and the value assigned to each member, by C access path. */
    record Sample(byte[] bytes, Map<String, Long> values) {
    }

    private CSample() {
    }

    static Sample of(TypeLibrary lib, String type, Path dir) throws IOException {
        String gcc = Tools.require("gcc", "gcc");
        RecordLayout rl = LayoutEngine.layout(type, lib, Abis.X86_64_LINUX);
        Map<String, Long> values = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>();
        leaves(rl, "", paths, values, 0);
        ExportResult h = new CExporter().export(lib, ExportOptions.of(Abis.X86_64_LINUX));
        Files.writeString(dir.resolve("sample.h"), h.text());
        String cName = lib.findRecord(type).orElseThrow().record().tag() != null
                ? rl.definition().kind().keyword() + " " + type : type;
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <string.h>\n#include \"sample.h\"\n");
        c.append("int main(void) {\n  static ").append(cName).append(" s;\n  memset(&s, 0, sizeof s);\n");
        for (Map.Entry<String, Long> e : values.entrySet()) {
            c.append("  s.").append(e.getKey()).append(" = ").append(e.getValue()).append("LL;\n");
        }
        c.append("  const unsigned char *p = (const unsigned char *) &s;\n")
                .append("  for (size_t i = 0; i < sizeof s; i++) printf(\"%02x\", p[i]);\n  printf(\"\\n\");\n  return 0;\n}\n");
        Files.writeString(dir.resolve("sample.c"), c);
        Tools.Run cc = Tools.run(dir, gcc, "-std=gnu11", "-o", "sample", "sample.c");
        assertTrue(cc.ok(), cc.output());
        Tools.Run run = Tools.run(dir, dir.resolve("sample").toString());
        assertTrue(run.ok(), run.output());
        return new Sample(HexFormat.of().parseHex(run.output().strip()), values);
    }

    private static void leaves(RecordLayout r, String prefix, List<String> paths, Map<String, Long> values, int depth) {
        boolean union = r.definition().kind() == dev.structscope.model.type.RecordKind.UNION;
        // In a union only the first member is assigned: later ones would overwrite it.
        for (FieldLayout f : union ? r.fields().subList(0, Math.min(1, r.fields().size())) : r.fields()) {
            if (f.isAnonymousRecord() && f.layout() instanceof RecordLayout inner) {
                leaves(inner, prefix, paths, values, depth + 1);
                continue;
            }
            if (f.name() == null || f.layout() instanceof ArrayLayout) {
                continue;
            }
            String path = prefix + f.name();
            if (f.layout() instanceof RecordLayout inner) {
                leaves(inner, path + ".", paths, values, depth + 1);
                continue;
            }
            boolean signed;
            long bits;
            if (f.layout() instanceof ScalarLayout s && s.prim().isInteger()) {
                signed = s.signed();
                bits = s.size() * 8;
            } else if (f.layout() instanceof EnumLayout e) {
                signed = e.signed();
                bits = e.size() * 8;
            } else {
                continue;
            }
            if (f.isBitField()) {
                bits = f.bits().width();
            }
            if (f.layout() instanceof ScalarLayout s && s.prim() == dev.structscope.model.type.Prim.BOOL) {
                values.put(path, 1L);
                continue;
            }
            int k = values.size() + 1;
            // A value with high bits set (negative when signed) so that sign extension and masks show.
            long v = bits >= 63 ? 0x5A5A5A5A5A5A5A5AL + k : ((0xA5A5A5A5A5A5A5A5L + k) & ((1L << bits) - 1));
            if (signed && bits < 64 && (v & (1L << (bits - 1))) != 0) {
                v -= 1L << bits;
            }
            if (!signed && bits == 64) {
                v = 0x5A5A5A5A5A5A5A5AL + k;
            }
            values.put(path, v);
        }
    }
}
