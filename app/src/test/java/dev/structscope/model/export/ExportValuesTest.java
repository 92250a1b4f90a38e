package dev.structscope.model.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.structscope.io.decode.DecoderPlan;
import dev.structscope.io.decode.ScalarKind;
import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.ArrayLayout;
import dev.structscope.model.layout.EnumLayout;
import dev.structscope.model.layout.FieldLayout;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.PointerLayout;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.model.layout.ScalarLayout;
import dev.structscope.model.layout.TypeLayout;
import dev.structscope.model.layout.oracle.RandomHeader;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.net.URLClassLoader;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14's "every export loads and agrees": random records (the layout oracle's generator, on
 * every ABI) and the real Linux/glibc records of {@code /usr/include} (through {@code --cpp})
 * are exported to ctypes, Rust, Kaitai and Java, each export is loaded in its own tool chain —
 * CPython, rustc in debug and in release, the Kaitai compiler with its JavaScript runtime under
 * node, javac — and every scalar member (bit-fields, members of nested, anonymous and union
 * members, array elements) is read from random bytes and compared with what StructScope's
 * decoder ({@code decode}) gives for the same bytes. Each tool chain runs once for all records.
 */
class ExportValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS_PER_TYPE = 3;
    /** Real records and the headers that declare them (those present on this machine are used). */
    private static final String[][] REAL = {
        {"struct sigaction", "signal.h"}, {"ucontext_t", "ucontext.h"}, {"struct perf_event_attr", "linux/perf_event.h"},
        {"union bpf_attr", "linux/bpf.h"}, {"struct io_uring_sqe", "linux/io_uring.h"},
        {"struct input_event", "linux/input.h"}, {"struct stat", "sys/stat.h"}, {"struct statx", "sys/stat.h"},
    };

    @TempDir
    Path dir;

    /** One export (a library for an ABI, or one type of it) and the records read through it. */
    private record Case(int id, ExportModel model, List<Rec> recs) {
        String pkg() {
            return "c" + id;
        }
    }

    /** A record type, its random data ({@code RECORDS_PER_TYPE} records) and its scalar instances. */
    private record Rec(RecordLayout layout, String name, byte[] data, List<Inst> insts) {
    }

    /** One step of the path to a scalar: a member (of record {@code owner}), or an array element. */
    private sealed interface Seg permits Field, Index {
    }

    private record Field(String name, String owner, boolean anonymous, boolean bitField, TypeLayout type) implements Seg {
    }

    /** An array element: the indices per dimension, the row-major index, the element type. */
    private record Index(int[] idx, long flat, TypeLayout element) implements Seg {
    }

    /** A scalar instance: its path, its type, its bit-field width (0 if none), its byte offset, the decoder's values. */
    private record Inst(List<Seg> path, TypeLayout type, int bitWidth, long offset, long instance, List<Object> expected) {
    }

    @Test
    void randomAndRealRecordsReadTheSameValuesInEveryToolChainAsDecode() throws Exception {
        long t0 = System.nanoTime();
        List<Case> cases = new ArrayList<>();
        Random rnd = new Random(20261204L);
        int seeds = 3;
        for (Abi abi : Abis.ALL) {
            for (int i = 0; i < seeds; i++) {
                long seed = rnd.nextLong();
                RandomHeader.Generated g = RandomHeader.generate(seed, 4, false);
                cases.add(build(cases.size(), g.library(), ExportOptions.of(abi), g.records(), rnd));
            }
        }
        // Big-endian data (--byte-order big): ctypes, Java and Kaitai (Rust and C are native-endian).
        for (Abi abi : List.of(Abis.X86_64_LINUX, Abis.ARM_LINUX)) {
            RandomHeader.Generated g = RandomHeader.generate(rnd.nextLong(), 4, false);
            cases.add(build(cases.size(), g.library(), ExportOptions.of(abi).withByteOrder(ByteOrder.BIG_ENDIAN),
                    g.records(), rnd));
        }
        // Identifiers in UTF-8 (gcc and clang take them): each tool chain takes them as they are,
        // or (Kaitai) spelled in ASCII.
        String unicode = new String(ExportValuesTest.class.getResourceAsStream("/c/corpus/unicode_identifiers.h")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        TypeLibrary words = HeaderImporter.importText(unicode, "unicode_identifiers.h", HeaderImporter.Options.defaults());
        for (Abi abi : List.of(Abis.X86_64_LINUX, Abis.I386_LINUX)) {
            cases.add(build(cases.size(), words, ExportOptions.of(abi), List.of("struct Größe", "struct Κύκλος"), rnd));
        }
        TypeLibrary real = realHeaders();
        int realTypes = 0;
        if (real != null) {
            for (String[] t : REAL) {
                try {
                    LayoutEngine.layout(t[0], real, Abis.X86_64_LINUX);
                } catch (RuntimeException e) {
                    continue; // not declared by this machine's headers
                }
                cases.add(build(cases.size(), real, ExportOptions.of(Abis.X86_64_LINUX).withType(t[0]), List.of(t[0]), rnd));
                realTypes++;
            }
        }
        StringBuilder report = new StringBuilder();
        StringBuilder times = new StringBuilder(" cases " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        long t = System.nanoTime();
        int compared = 0;
        String py313 = Tools.python313();
        for (String tool : List.of("ctypes", "ctypes-3.13", "c", "rust-debug", "rust-release", "kaitai", "java")) {
            compared += switch (tool) {
                case "ctypes" -> ctypes(cases, report, Tools.require("python3", "python3"), false);
                case "ctypes-3.13" -> py313 == null ? 0 : ctypes(cases, report, py313, true);
                case "c" -> c(cases);
                case "rust-debug" -> rust(cases, false, report);
                case "rust-release" -> rust(cases, true, report);
                case "kaitai" -> kaitai(cases, report);
                default -> java(cases, report);
            };
            times.append(' ').append(tool).append(' ').append((System.nanoTime() - t) / 1_000_000).append(" ms");
            t = System.nanoTime();
        }
        if (!report.isEmpty() && System.getenv("KEEP_EXPORTS") != null) { // KEEP_EXPORTS=DIR keeps a failing run's files
            try (var w = Files.walk(dir)) {
                for (Path f : w.filter(Files::isRegularFile).toList()) {
                    Path to = Path.of(System.getenv("KEEP_EXPORTS")).resolve(dir.relativize(f));
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        assertTrue(report.isEmpty(), report::toString);
        assertTrue(compared > 1000, "only " + compared + " values compared");
        System.out.println("ExportValuesTest: " + cases.size() + " exports (" + realTypes + " real records), "
                + compared + " values compared;" + times);
    }

    // ---------------------------------------------------------------- cases

    private static TypeLibrary realHeaders() throws Exception {
        StringBuilder h = new StringBuilder("#define _GNU_SOURCE\n");
        for (String[] t : REAL) {
            if (Files.exists(Path.of("/usr/include", t[1])) || Files.exists(Path.of("/usr/include/x86_64-linux-gnu", t[1]))) {
                h.append("#include <").append(t[1]).append(">\n");
            }
        }
        if (Tools.find("cpp", "gcc") == null || !h.toString().contains("#include")) {
            return null;
        }
        Path f = Files.createTempFile("real", ".h");
        try {
            Files.writeString(f, h);
            return dev.structscope.io.headers.LocalHeaders.importFile(f, HeaderImporter.Options.defaults().withPreprocessor(true));
        } finally {
            Files.deleteIfExists(f);
        }
    }

    private static Case build(int id, TypeLibrary lib, ExportOptions options, List<String> types, Random rnd) {
        ExportModel model = new ExportModel(lib, options);
        List<Rec> recs = new ArrayList<>();
        for (String type : types) {
            RecordLayout rl = LayoutEngine.layout(type, lib, options.abi());
            if (rl.size() == 0) {
                continue;
            }
            List<Inst> insts = new ArrayList<>();
            walk(model, rl, List.of(), 0, 0, insts);
            byte[] data = new byte[(int) rl.size() * RECORDS_PER_TYPE];
            rnd.nextBytes(data);
            for (int k = 0; k < RECORDS_PER_TYPE; k++) {
                for (Inst in : insts) { // _Bool holds 0 or 1 (any other byte is not a value, in C or Rust)
                    if (in.type() instanceof ScalarLayout s && s.prim() == Prim.BOOL && in.bitWidth() == 0) {
                        data[(int) (k * rl.size() + in.offset())] = (byte) rnd.nextInt(2);
                    }
                }
            }
            expect(rl, options, data, insts);
            recs.add(new Rec(rl, model.nameOf(rl), data, insts));
        }
        return new Case(id, model, recs);
    }

    /** Every scalar the decoder shows, with its path through the export's members. */
    private static void walk(ExportModel model, RecordLayout r, List<Seg> path, long base, long instance, List<Inst> out) {
        String owner = model.nameOf(r);
        for (Slots.Slot s : Slots.of(r, "_bits_", "_pad")) {
            switch (s) {
                case Slots.Pad p -> {
                }
                case Slots.Bits b -> {
                    for (FieldLayout f : b.fields()) {
                        if (f.name() != null && f.bits().width() > 0 && readable(f.layout())) {
                            out.add(new Inst(plus(path, new Field(f.name(), owner, false, true, f.layout())), f.layout(),
                                    f.bits().width(), -1, instance, new ArrayList<>()));
                        }
                    }
                }
                case Slots.Whole w -> member(model, w.field().layout(),
                        plus(path, new Field(w.name(), owner, w.field().isAnonymousRecord(), false, w.field().layout())),
                        base + w.offset(), instance, out);
            }
        }
    }

    private static void member(ExportModel model, TypeLayout t, List<Seg> path, long base, long instance,
                               List<Inst> out) {
        switch (t) {
            case RecordLayout r -> walk(model, r, path, base, instance, out);
            case ArrayLayout a -> {
                List<Long> dims = new ArrayList<>();
                TypeLayout e = a;
                while (e instanceof ArrayLayout x) {
                    dims.add(x.flexible() ? 0 : x.length());
                    e = x.element();
                }
                if (e instanceof ScalarLayout s && s.prim() == Prim.CHAR && s.size() == 1) {
                    return; // a string to the decoder, not scalars
                }
                long n = dims.stream().reduce(1L, (x, y) -> x * y);
                // The first two elements and the last: enough to show strides, few enough to stay fast.
                for (long k : java.util.stream.LongStream.of(0, 1, n - 1).filter(x -> x >= 0 && x < n).distinct().toArray()) {
                    int[] idx = new int[dims.size()];
                    long rest = k;
                    for (int d = dims.size() - 1; d >= 0; d--) {
                        idx[d] = (int) (rest % dims.get(d));
                        rest /= dims.get(d);
                    }
                    member(model, e, plus(path, new Index(idx, k, e)), base + k * e.size(), instance * n + k, out);
                }
            }
            default -> {
                if (readable(t)) {
                    out.add(new Inst(path, t, 0, base, instance, new ArrayList<>()));
                }
            }
        }
    }

    /** Integers of 1-8 bytes, float and double: what every export reads as a number. */
    private static boolean readable(TypeLayout t) {
        return switch (t) {
            case ScalarLayout s -> s.prim().isFloating() ? s.size() == 4 || s.size() == 8
                    : s.size() == 1 || s.size() == 2 || s.size() == 4 || s.size() == 8;
            case EnumLayout e -> e.size() <= 8;
            case PointerLayout p -> true;
            default -> false;
        };
    }

    private static List<Seg> plus(List<Seg> path, Seg s) {
        List<Seg> p = new ArrayList<>(path);
        p.add(s);
        return p;
    }

    /** The decoder's values for every instance of every record of {@code data}, by the decoder's own paths. */
    private static void expect(RecordLayout rl, ExportOptions options, byte[] data, List<Inst> insts) {
        DecoderPlan plan = DecoderPlan.compile(rl, options.abi(), options.byteOrder());
        Map<String, DecoderPlan.Leaf> leaves = new HashMap<>();
        for (DecoderPlan.Leaf l : plan.leaves(1 << 20)) {
            leaves.put(l.path(), l);
        }
        MemorySegment seg = MemorySegment.ofArray(data);
        for (int k = 0; k < RECORDS_PER_TYPE; k++) {
            for (Inst in : insts) {
                String p = decodePath(in);
                DecoderPlan.Leaf leaf = leaves.get(p);
                assertTrue(leaf != null, () -> "no decoder leaf " + p + " in " + leaves.keySet());
                // The decoder lists a path's instances row-major through the arrays around it.
                long base = k * rl.size() + leaf.bases()[(int) in.instance()];
                var node = leaf.node();
                in.expected().add(switch (node.kind()) {
                    case FLOAT32, FLOAT64 -> node.readDouble(seg, base);
                    default -> {
                        long v = node.readLong(seg, base);
                        int bits = node.valueBits();
                        yield node.unsigned() || node.kind() == ScalarKind.BOOL
                                ? new BigInteger(Long.toUnsignedString(v)).and(mask(bits)) : BigInteger.valueOf(v);
                    }
                });
            }
        }
    }

    private static String decodePath(Inst in) {
        List<String> names = new ArrayList<>();
        for (Seg s : in.path()) {
            if (s instanceof Field f && !f.anonymous()) {
                names.add(f.name());
            }
        }
        return String.join(".", names);
    }

    private static BigInteger mask(int bits) {
        return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
    }

    // ---------------------------------------------------------------- comparison

    /** Compares one tool's value with the decoder's; {@code maskBits > 0}: only that many low bits. */
    private static void check(StringBuilder report, String tool, Case c, Rec r, int k, Inst in, Object got, int maskBits) {
        Object want = in.expected().get(k);
        boolean same;
        if (want instanceof Double d) {
            double g = got instanceof Number n ? n.doubleValue() : Double.NaN; // JSON has no NaN: null
            same = g == d || Double.isNaN(g) && Double.isNaN(d);
        } else {
            BigInteger w = (BigInteger) want;
            if (got instanceof Double g) {
                same = g == w.doubleValue();
            } else {
                BigInteger g = (BigInteger) got;
                same = maskBits > 0 ? g.and(mask(maskBits)).equals(w.and(mask(maskBits))) : g.equals(w);
            }
        }
        if (!same && report.length() < 20_000) {
            report.append(tool).append(": case ").append(c.id()).append(" (").append(c.model().abi().name()).append(") ")
                    .append(r.name()).append(" record ").append(k).append(' ').append(describe(in)).append(": got ")
                    .append(got).append(", decode gives ").append(want).append('\n');
        }
    }

    private static String describe(Inst in) {
        StringBuilder sb = new StringBuilder();
        for (Seg s : in.path()) {
            switch (s) {
                case Field f -> sb.append('.').append(f.name());
                case Index i -> sb.append(java.util.Arrays.toString(i.idx()));
            }
        }
        return sb.toString();
    }

    private static boolean signedInt(Inst in) {
        return switch (in.type()) {
            case ScalarLayout s -> s.signed() && s.prim() != Prim.BOOL;
            case EnumLayout e -> e.signed();
            default -> false;
        };
    }

    // ---------------------------------------------------------------- CPython ctypes

    /**
     * Loads every ctypes export in {@code py}, checks sizeof and alignment (C's, but where the
     * export says that this Python cannot give it without {@code _align_}), and compares values.
     */
    private int ctypes(List<Case> cases, StringBuilder report, String py, boolean honoursAlign) throws Exception {
        String tool = honoursAlign ? "ctypes (" + py + ")" : "ctypes";
        StringBuilder script = new StringBuilder("""
                import ctypes, importlib.util, json, struct, sys
                def load(name, path):
                    spec = importlib.util.spec_from_file_location(name, path)
                    m = importlib.util.module_from_spec(spec)
                    spec.loader.exec_module(m)
                    return m
                def f(v):
                    return struct.pack('<d', v).hex()
                out = {}
                """);
        List<List<List<Inst>>> used = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        for (Case c : cases) {
            ExportResult res = new CtypesExporter().export(c.model().library(), c.model().options());
            Files.writeString(dir.resolve(c.pkg() + ".py"), res.text());
            script.append("m = load('").append(c.pkg()).append("', '").append(dir.resolve(c.pkg() + ".py")).append("')\n");
            warnings.add(res.warnings());
            List<List<Inst>> perRec = new ArrayList<>();
            for (int ri = 0; ri < c.recs().size(); ri++) {
                Rec r = c.recs().get(ri);
                List<Inst> insts = r.insts().stream().filter(in -> !rawInCtypes(res, in)).toList();
                String cls = "m." + CtypesExporter.ident(r.name());
                script.append("out['a ").append(c.id()).append(' ').append(ri).append("'] = [ctypes.sizeof(").append(cls)
                        .append("), ctypes.alignment(").append(cls).append(")]\n");
                perRec.add(insts);
                script.append("data = bytes.fromhex('").append(HexFormat.of().formatHex(r.data())).append("')\n");
                script.append("for k in range(").append(RECORDS_PER_TYPE).append("):\n");
                script.append("    o = m.").append(CtypesExporter.ident(r.name())).append(".from_buffer_copy(data, k * ")
                        .append(r.layout().size()).append(")\n");
                script.append("    out['").append(c.id()).append(' ').append(ri).append(" ' + str(k)] = [");
                for (Inst in : insts) {
                    StringBuilder e = new StringBuilder("o");
                    for (Seg s : in.path()) {
                        switch (s) {
                            case Field fl -> {
                                if (!fl.anonymous()) {
                                    e.append('.').append(fl.name());
                                }
                            }
                            case Index i -> {
                                for (int x : i.idx()) {
                                    e.append('[').append(x).append(']');
                                }
                            }
                        }
                    }
                    script.append(in.type() instanceof ScalarLayout s && s.prim().isFloating() ? "f(" + e + ")"
                            : "str(int(" + e + "))").append(", ");
                }
                script.append("]\n");
            }
            used.add(perRec);
        }
        script.append("print(json.dumps(out))\n");
        Files.writeString(dir.resolve("read.py"), script);
        Tools.Run run = Tools.run(dir, py, "-W", "error::DeprecationWarning", "read.py");
        assertTrue(run.ok(), run.output());
        JsonNode out = JSON.readTree(run.output());
        int n = 0;
        for (Case c : cases) {
            for (int ri = 0; ri < c.recs().size(); ri++) {
                List<Inst> insts = used.get(c.id()).get(ri);
                Rec r = c.recs().get(ri);
                JsonNode sa = out.get("a " + c.id() + " " + ri);
                boolean alignWarned = warnings.get(c.id()).stream().anyMatch(w -> w.startsWith(r.name() + ": C aligns it to"));
                if (sa.get(0).asLong() != r.layout().size()
                        || (honoursAlign || !alignWarned) && sa.get(1).asLong() != r.layout().align()) {
                    report.append(tool).append(": case ").append(c.id()).append(' ').append(r.name()).append(" sizeof/alignment ")
                            .append(sa).append(", C: ").append(r.layout().size()).append('/').append(r.layout().align()).append('\n');
                }
                for (int k = 0; k < RECORDS_PER_TYPE; k++) {
                    JsonNode vals = out.get(c.id() + " " + ri + " " + k);
                    for (int i = 0; i < insts.size(); i++) {
                        Inst in = insts.get(i);
                        String v = vals.get(i).asText();
                        Object got = in.expected().get(k) instanceof Double
                                ? Double.longBitsToDouble(Long.reverseBytes(Long.parseUnsignedLong(v, 16)))
                                : new BigInteger(v);
                        check(report, tool, c, c.recs().get(ri), k, in, got, 0);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** A bit-field the ctypes export had to give as raw bytes (said in a warning). */
    private static boolean rawInCtypes(ExportResult res, Inst in) {
        if (!(in.path().getLast() instanceof Field f) || !f.bitField()) {
            return false;
        }
        return res.warnings().stream().anyMatch(w -> w.startsWith(f.owner() + ": bit-fields ")
                && w.matches("(?s).*\\b" + java.util.regex.Pattern.quote(f.name()) + "\\b.*"));
    }

    // ---------------------------------------------------------------- clang-16

    /** The C export of every case compiles with its own size, offset and alignment asserts, for its ABI. */
    private int c(List<Case> cases) throws Exception {
        String clang = Tools.require("clang-16", "clang-16");
        int n = 0;
        for (Case c : cases) {
            if (c.model().options().bigEndian()) {
                continue;
            }
            String text = new CExporter().export(c.model().library(), c.model().options()).text();
            Path h = dir.resolve(c.pkg() + ".h");
            Files.writeString(h, text);
            Tools.Run cc = Tools.run(dir, clang, "-target", c.model().abi().clangTarget(), "-ffreestanding", "-std=gnu11",
                    "-fsyntax-only", "-x", "c", h.toString());
            assertTrue(cc.ok(), () -> c.pkg() + ": " + cc.output());
            n += (int) text.lines().filter(l -> l.contains("_Static_assert")).count();
        }
        return n;
    }

    // ---------------------------------------------------------------- rustc

    private int rust(List<Case> cases, boolean release, StringBuilder report) throws Exception {
        String rustc = RustExportTest.rustc();
        StringBuilder main = new StringBuilder("#![allow(unused_unsafe, unused_parens, non_snake_case)]\n");
        List<List<List<Inst>>> used = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (Case c : cases) {
            ExportResult res = new RustExporter().export(c.model().library(), c.model().options());
            Files.writeString(dir.resolve(c.pkg() + ".rs"), res.text());
            main.append("#[path = \"").append(c.pkg()).append(".rs\"]\nmod ").append(c.pkg()).append(";\n");
            List<List<Inst>> perRec = new ArrayList<>();
            for (int ri = 0; ri < c.recs().size(); ri++) {
                Rec r = c.recs().get(ri);
                List<Inst> insts = c.model().options().bigEndian() ? List.<Inst>of()
                        : r.insts().stream().filter(in -> !bytesInRust(res, in)).toList();
                perRec.add(insts);
                String ty = c.pkg() + "::" + RustExporter.ident(r.name());
                // One function per record type: a debug build gives every local its own stack slot.
                String fn = "read_" + c.id() + "_" + ri;
                main.append("fn main_").append(fn).append("() {\n");
                body.append("    main_").append(fn).append("();\n");
                main.append("    {\n        let data: &[u8] = &[");
                for (byte b : r.data()) {
                    main.append(b & 0xFF).append(',');
                }
                main.append("];\n        for k in 0..").append(RECORDS_PER_TYPE).append(" {\n")
                        .append("            let s: ").append(ty).append(" = unsafe { core::ptr::read_unaligned(data.as_ptr().add(k * ")
                        .append(r.layout().size()).append(") as *const ").append(ty).append(") };\n")
                        .append("            let mut out: Vec<i128> = Vec::new();\n");
                for (int i = 0; i < insts.size(); i++) {
                    Inst in = insts.get(i);
                    main.append("            { let v0 = &s;");
                    int v = 0;
                    for (Seg s : in.path()) {
                        String next = switch (s) {
                            case Field fl when fl.bitField() -> "v" + v + "." + RustExporter.ident(fl.name()) + "()";
                            case Field fl -> "unsafe { v" + v + "." + RustExporter.ident(fl.name()) + " }";
                            case Index ix -> {
                                StringBuilder e = new StringBuilder("v" + v);
                                for (int x : ix.idx()) {
                                    e.append('[').append(x).append(']');
                                }
                                yield e.toString();
                            }
                        };
                        main.append(" let v").append(v + 1).append(" = ").append(next).append(';');
                        v++;
                    }
                    String out = in.type() instanceof ScalarLayout sc && sc.prim().isFloating()
                            ? "(v" + v + " as f64).to_bits() as i128" : "(v" + v + " as i128)";
                    main.append(" out.push(").append(out).append("); }\n");
                }
                main.append("            for (i, v) in out.iter().enumerate() { println!(\"").append(c.id()).append(' ')
                        .append(ri).append(" {} {} {}\", k, i, v); }\n");
                main.append("        }\n    }\n}\n");
            }
            used.add(perRec);
        }
        // Debug builds keep a stack slot per copied member: a large stack for large records.
        main.append("fn main() {\n    std::thread::Builder::new().stack_size(1 << 30).spawn(|| {\n").append(body)
                .append("    }).unwrap().join().unwrap();\n}\n");
        Files.writeString(dir.resolve("main.rs"), main);
        String exe = dir.resolve(release ? "main-release" : "main-debug").toString();
        Tools.Run cc = Tools.run(dir, rustc, "--edition", "2021", release ? "-O" : "-Cdebug-assertions=on", "-o", exe,
                "main.rs");
        assertTrue(cc.ok(), cc.output().length() > 20_000 ? cc.output().substring(0, 20_000) : cc.output());
        Tools.Run run = Tools.run(dir, exe);
        assertTrue(run.ok(), () -> "exit " + run.status() + ": " + String.join("\n", run.output().lines()
                .filter(l -> !l.matches("\\d+ \\d+ \\d+ \\d+ -?\\d+")).limit(20).toList()));
        int n = 0;
        for (String line : run.output().strip().split("\n")) {
            String[] p = line.split(" ");
            Case c = cases.get(Integer.parseInt(p[0]));
            int ri = Integer.parseInt(p[1]);
            int k = Integer.parseInt(p[2]);
            Inst in = used.get(c.id()).get(ri).get(Integer.parseInt(p[3]));
            BigInteger v = new BigInteger(p[4]);
            Object got = in.expected().get(k) instanceof Double ? (Object) Double.longBitsToDouble(v.longValue()) : v;
            check(report, release ? "rust release" : "rust debug", c, c.recs().get(ri), k, in, got, 0);
            n++;
        }
        return n;
    }

    /** A path through a member the Rust export holds as bytes (said in a warning). */
    private static boolean bytesInRust(ExportResult res, Inst in) {
        for (Seg s : in.path()) {
            if (s instanceof Field f && res.warnings().stream().anyMatch(w -> w.startsWith(f.owner() + "." + f.name()
                    + ": held as bytes"))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- Kaitai

    private int kaitai(List<Case> cases, StringBuilder report) throws Exception {
        List<ExportResult> exports = new ArrayList<>();
        List<ArrayNode> requests = new ArrayList<>();
        List<List<Inst>> used = new ArrayList<>();
        for (Case c : cases) {
            ExportResult res = new KaitaiExporter().export(c.model().library(), c.model().options());
            exports.add(res);
            ArrayNode req = JSON.createArrayNode();
            for (Rec r : c.recs()) {
                List<Inst> insts = r.insts().stream().filter(in -> !unreadableInKaitai(res, in)).toList();
                for (int k = 0; k < RECORDS_PER_TYPE; k++) {
                    ObjectNode o = req.addObject();
                    o.put("type", KaitaiExporter.typeId(r.name()));
                    int size = (int) r.layout().size();
                    o.put("hex", HexFormat.of().formatHex(r.data(), k * size, (k + 1) * size));
                    ArrayNode paths = o.putArray("paths");
                    for (Inst in : insts) {
                        ArrayNode p = paths.addArray();
                        for (Seg s : in.path()) {
                            switch (s) {
                                case Field f -> p.add(KaitaiExporter.id(f.name()));
                                case Index i -> p.add(String.valueOf(i.flat()));
                            }
                        }
                    }
                }
                used.add(insts);
            }
            requests.add(req);
        }
        List<JsonNode> out = KaitaiExportTest.run(dir, exports, requests);
        int n = 0;
        int u = 0;
        for (Case c : cases) {
            JsonNode results = out.get(c.id());
            int at = 0;
            for (Rec r : c.recs()) {
                List<Inst> insts = used.get(u++);
                for (int k = 0; k < RECORDS_PER_TYPE; k++) {
                    JsonNode res = results.get(at++);
                    assertEquals(r.layout().size(), res.get("consumed").asLong(), c.id() + " " + r.name() + " consumed");
                    for (Inst in : insts) {
                        String key = String.join(".", in.path().stream().map(s -> switch (s) {
                            case Field f -> KaitaiExporter.id(f.name());
                            case Index i -> String.valueOf(i.flat());
                        }).toList());
                        JsonNode v = res.get("values").get(key);
                        Object got = v == null || !v.isNumber() ? (Object) Double.NaN : (Object) v.asDouble();
                        check(report, "kaitai", c, r, k, in, got, 0);
                        n++;
                    }
                }
            }
        }
        return n;
    }

    /** A bit-field of a union the Kaitai export could not read as an integer (said in a warning). */
    private static boolean unreadableInKaitai(ExportResult res, Inst in) {
        return in.path().getLast() instanceof Field f && f.bitField() && res.warnings().stream()
                .anyMatch(w -> w.startsWith(f.owner() + ": bit-field storage") || w.startsWith(f.owner() + ": bit-fields in ")
                        && w.contains("exported as raw bytes"));
    }

    // ---------------------------------------------------------------- javac, java.lang.foreign

    private int java(List<Case> cases, StringBuilder report) throws Exception {
        List<ExportResult> exports = new ArrayList<>();
        for (Case c : cases) {
            exports.add(new JavaExporter().export(c.model().library(), c.model().options().withPackage("gen." + c.pkg())));
        }
        int n = 0;
        try (URLClassLoader loader = JavaExportTest.compile(dir.resolve("java"), exports)) {
            for (Case c : cases) {
                for (Rec r : c.recs()) {
                    Class<?> top = loader.loadClass("gen." + c.pkg() + "." + JavaExporter.ident(r.name()));
                    for (int k = 0; k < RECORDS_PER_TYPE; k++) {
                        MemorySegment rec = MemorySegment.ofArray(r.data()).asSlice(k * r.layout().size(), r.layout().size());
                        for (Inst in : r.insts()) {
                            Object got = javaValue(loader, c, top, rec, in);
                            int maskBits = in.bitWidth() == 0 ? (int) in.type().size() * 8
                                    : in.bitWidth() == 64 && !signedInt(in) ? 64 : 0;
                            check(report, "java", c, r, k, in, got, maskBits);
                            n++;
                        }
                    }
                }
            }
        }
        return n;
    }

    /** Follows the path through the generated accessors (anonymous members' accessors sit on their holder). */
    private static Object javaValue(URLClassLoader loader, Case c, Class<?> top, MemorySegment rec, Inst in)
            throws Exception {
        Class<?> cls = top;
        MemorySegment cur = rec;
        MemoryLayout arrayLayout = null;
        Object value = null;
        for (Seg s : in.path()) {
            switch (s) {
                case Field f when f.anonymous() -> {
                }
                case Field f -> {
                    String m = JavaExporter.ident(f.name());
                    value = cls.getMethod(m, MemorySegment.class).invoke(null, cur);
                    if (f.type() instanceof RecordLayout rl) {
                        cur = (MemorySegment) value;
                        cls = loader.loadClass("gen." + c.pkg() + "." + JavaExporter.ident(c.model().nameOf(rl)));
                    } else if (f.type() instanceof ArrayLayout) {
                        cur = (MemorySegment) value;
                        arrayLayout = (MemoryLayout) cls.getField(m + "$LAYOUT").get(null);
                    }
                }
                case Index i -> {
                    long size = i.element().size();
                    MemoryLayout el = arrayLayout;
                    while (el instanceof SequenceLayout sq) {
                        el = sq.elementLayout();
                    }
                    if (i.element() instanceof RecordLayout rl) {
                        cur = cur.asSlice(i.flat() * size, size);
                        cls = loader.loadClass("gen." + c.pkg() + "." + JavaExporter.ident(c.model().nameOf(rl)));
                    } else {
                        VarHandle vh = ((ValueLayout) el).varHandle();
                        value = vh.get(cur, i.flat() * size);
                    }
                }
            }
        }
        return switch (value) {
            case Boolean b -> BigInteger.valueOf(b ? 1 : 0);
            case Float f -> (double) f;
            case Double d -> d;
            case Number num -> BigInteger.valueOf(num.longValue());
            default -> throw new AssertionError("not a scalar: " + describe(in) + " = " + value);
        };
    }
}
