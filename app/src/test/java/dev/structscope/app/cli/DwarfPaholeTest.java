package dev.structscope.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.structscope.model.layout.oracle.Compilers;
import dev.structscope.model.layout.oracle.RandomHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A second reader of the same objects: pahole (Debian {@code dwarves}) prints each record's
 * members with their offsets (bit-fields as byte and bit) and the record's size, and
 * {@code layout OBJ --json} must say the same for every member pahole names.
 */
class DwarfPaholeTest {
    private static final Path PAHOLE = Path.of("/usr/bin/pahole");
    /** A member line: {@code type name[:bits]...;  /* offset[:bit] size *}{@code /}. */
    private static final Pattern MEMBER = Pattern.compile(
            "\\s(\\w+)(?::\\d+)?(?:\\[\\d*\\])*(?: __attribute__\\(\\(.*\\)\\))?;\\s+/\\*\\s+(\\d+)(?::\\s*(\\d+))?\\s+(\\d+)\\s+\\*/");
    private static final Pattern SIZE = Pattern.compile("/\\* size: (\\d+),");

    @ParameterizedTest
    @ValueSource(strings = {"-gdwarf-5", "-m32 -gdwarf-4"})
    void paholeAgrees(String flags) throws IOException {
        Path dir = folder("", flags);
        List<String> failures = new ArrayList<>();
        int members = 0;
        for (long seed : new long[] {5, 77}) {
            RandomHeader.Generated g = RandomHeader.generate(seed, 30, false);
            Files.writeString(dir.resolve("r.h"), g.header());
            Path c = dir.resolve("r" + seed + ".c");
            Files.writeString(c, "#include \"r.h\"\n");
            Path o = dir.resolve("r" + seed + ".o");
            Compilers.Result built = gcc(flags, c, o, dir);
            assertEquals(0, built.exit(), built::out);
            members += compare(o, dir, g.records().stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList(),
                    seed + " ", failures);
        }
        assertAgreed(flags, failures, members, 100);
    }

    /**
     * A record named by a typedef opens and closes as pahole writes it, {@code typedef struct {}
     * and {@code } T;}, and a tagged one as {@code struct S {}: "struct T {" named a struct that
     * does not exist.
     */
    @org.junit.jupiter.api.Test
    void aRecordNamedByATypedefIsWrittenAsPaholeWritesIt() throws IOException {
        Path dir = folder("typedef-", "-gdwarf-5");
        Path c = dir.resolve("t.c");
        Files.writeString(c, """
                typedef struct { int a; char b; } T;
                struct S { long x; };
                T t; struct S s;
                """);
        Path o = dir.resolve("t.o");
        Compilers.Result built = gcc("-gdwarf-5", c, o, dir);
        assertEquals(0, built.exit(), built::out);
        // (pahole 1.24 writes a typedef'd union without a tag as "typedef union  U;", not its members.)
        for (String name : List.of("T", "S")) {
            Compilers.Result pahole = Compilers.run(List.of(PAHOLE.toString(), "-C", name, o.toString()), dir);
            assertEquals(0, pahole.exit(), pahole::out);
            List<String> theirs = pahole.out().strip().lines().toList();
            CliRun run = CliRun.run("layout", o.toString(), "--type", name);
            assertEquals(0, run.status(), run.err::toString);
            List<String> ours = run.out.toString().strip().lines().toList();
            assertEquals(List.of(theirs.getFirst(), theirs.getLast()), List.of(ours.getFirst(), ours.getLast()), name);
        }
    }

    /**
     * Two units that define {@code struct Local} differently, which C allows: the record of the
     * second that holds a Local by value holds the second's, 8 bytes, as pahole says. It was laid
     * out with the first's 4-byte Local and a hole that is not there (and glibc's libc debug
     * information, whose {@code _IO_lock_t} is void in one unit and a struct in another, was
     * refused whole).
     */
    @org.junit.jupiter.api.Test
    void aRecordHoldsItsOwnUnitsDefinitionOfANameUnitsDefineDifferently() throws IOException {
        Path dir = folder("units-", "-gdwarf-5");
        Path a = Files.writeString(dir.resolve("a.c"), "struct Local { int v; } l0;\nint main(void) { return 0; }\n");
        Path b = Files.writeString(dir.resolve("b.c"), """
                struct Local { double v; };
                struct Outer { struct Local l; int after; } o;
                struct Same { struct Local l; } s;
                """);
        Path ao = dir.resolve("a.o");
        Path bo = dir.resolve("b.o");
        assertEquals(0, gcc("-gdwarf-5", a, ao, dir).exit());
        assertEquals(0, gcc("-gdwarf-5", b, bo, dir).exit());
        Path exe = dir.resolve("ab");
        Compilers.Result linked = Compilers.run(List.of(Compilers.GCC, "-o", exe.toString(), ao.toString(), bo.toString()), dir);
        assertEquals(0, linked.exit(), linked::out);
        Compilers.Result pahole = Compilers.run(List.of(PAHOLE.toString(), exe.toString()), dir);
        assertEquals(0, pahole.exit(), pahole::out);
        CliRun run = CliRun.run("layout", exe.toString(), "--json");
        assertEquals(0, run.status(), run.err::toString);
        CliRun.assertContainsAll(run.err.toString(),
                "struct Local is defined differently in two places", "this definition is named Local_2");
        Map<String, JsonNode> ours = DwarfLayoutTest.byName(run.out.toString());
        List<String> failures = new ArrayList<>();
        int members = agree(records(pahole.out()), ours, List.of("Outer", "Same"), "", failures);
        assertAgreed("two units' struct Local", failures, members, 2);
        assertEquals("struct Local_2", ours.get("Outer").get("fields").get(0).get("type").asText());
        assertEquals(4, ours.get("Local").get("size").asInt(), "the first unit's Local keeps its name");
    }

    /**
     * Long, so behind a flag: every ELF file with debug information under
     * {@code -Dstructscope.dwarf.sweep=DIR} (for example {@code /usr/lib/debug}, where libc6-dbg
     * puts glibc's), up to 64 MiB each, compared with pahole record by record. A name that units
     * define differently is left out: pahole prints each definition under the same name.
     */
    @org.junit.jupiter.api.Test
    void everyDebugFileUnderTheSweepDirectoryAgreesWithPahole() throws IOException {
        List<Path> files = ElfSweep.files("structscope.dwarf.sweep");
        assumeTrue(Files.isExecutable(PAHOLE), "pahole (Debian dwarves) is not installed");
        Path dir = Files.createDirectories(Path.of("target", "dwarf-pahole", "sweep").toAbsolutePath());
        Pattern twice = Pattern.compile("(?:struct|union|enum|typedef) (\\w+) is defined differently");
        List<String> failures = new ArrayList<>();
        int read = 0;
        int members = 0;
        for (Path f : files) {
            Compilers.Result pahole = Compilers.run(List.of(PAHOLE.toString(), f.toString()), dir);
            Map<String, String> bodies = records(pahole.out());
            if (pahole.exit() != 0 || bodies.isEmpty()) {
                continue; // no debug information pahole reads
            }
            CliRun run = CliRun.run("layout", f.toString(), "--json");
            if (run.status() != 0) {
                failures.add(f + ": " + run.err.toString().strip());
                continue;
            }
            java.util.Set<String> ambiguous = new java.util.HashSet<>();
            twice.matcher(run.err.toString()).results().forEach(r -> ambiguous.add(r.group(1)));
            Map<String, JsonNode> ours = DwarfLayoutTest.byName(run.out.toString());
            List<String> names = ours.keySet().stream().filter(n -> !ambiguous.contains(n)).toList();
            members += agree(bodies, ours, names, f + " ", failures);
            read++;
        }
        assertAgreed("sweep of " + System.getProperty("structscope.dwarf.sweep") + " (" + read + " files)", failures, members, 0);
    }

    /**
     * The lines of a pahole record body that are its own members: those of an anonymous nested
     * struct or union (its members are the record's), but not those inside a named one, whose
     * closing line ({@code \} _ext;}) is the member ({@code __res_state} has an {@code nscount}
     * of its own and one in {@code _u._ext}).
     */
    private static String ownMembers(String body) {
        java.util.ArrayDeque<StringBuilder> open = new java.util.ArrayDeque<>();
        open.push(new StringBuilder());
        for (String line : body.split("\n")) {
            String t = line.strip();
            if (t.endsWith("{")) {
                open.push(new StringBuilder());
            } else if (t.startsWith("}") && open.size() > 1) {
                StringBuilder inner = open.pop();
                boolean anonymous = t.matches("}\\s*;.*");
                open.peek().append(anonymous ? inner : "").append(line).append('\n');
            } else {
                open.peek().append(line).append('\n');
            }
        }
        while (open.size() > 1) {
            StringBuilder inner = open.pop();
            open.peek().append(inner);
        }
        return open.peek().toString();
    }

    /** The folder of one test's files for gcc {@code flags}; skips the test without pahole or such a gcc. */
    private static Path folder(String prefix, String flags) throws IOException {
        assumeTrue(Files.isExecutable(PAHOLE), "pahole (Debian dwarves) is not installed");
        assumeTrue(Compilers.gccCompiles(flags.contains("-m32")), "gcc " + flags + " is not installed");
        return Files.createDirectories(Path.of("target", "dwarf-pahole", prefix + flags.replaceAll("[^A-Za-z0-9]+", "_"))
                .toAbsolutePath());
    }

    /** gcc {@code flags} compiles {@code c} to the object {@code o}, with every type's debug information and no warnings. */
    private static Compilers.Result gcc(String flags, Path c, Path o, Path dir) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Compilers.GCC));
        cmd.addAll(List.of(flags.split(" ")));
        cmd.addAll(List.of("-g", "-fno-eliminate-unused-debug-types", "-w", "-c", "-o", o.toString(), c.toString()));
        return Compilers.run(cmd, dir);
    }

    /** No difference was found, over more than {@code least} members. */
    private static void assertAgreed(String what, List<String> failures, int members, int least) {
        if (!failures.isEmpty()) {
            fail(failures.size() + " differences:\n" + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        }
        assertTrue(members > least, "too few members compared: " + members);
        System.out.println("DwarfPaholeTest " + what + ": " + members + " members agree with pahole");
    }

    /** Compares pahole's account of the named records of {@code o} with {@code layout o --json}; returns the members compared. */
    private static int compare(Path o, Path dir, List<String> names, String tag, List<String> failures) throws IOException {
        Compilers.Result pahole = Compilers.run(List.of(PAHOLE.toString(), o.toString()), dir);
        assertEquals(0, pahole.exit(), pahole::out);
        Map<String, String> bodies = records(pahole.out());
        CliRun run = CliRun.run("layout", o.toString(), "--json");
        assertEquals(0, run.status(), run.err::toString);
        assertEquals("", run.err.toString(), "no record the fitter could not reproduce");
        return agree(bodies, DwarfLayoutTest.byName(run.out.toString()), names, tag, failures);
    }

    /** Compares pahole's records ({@code bodies}) with ours by name; returns the members compared. */
    private static int agree(Map<String, String> bodies, Map<String, JsonNode> ours, List<String> names, String tag,
                             List<String> failures) {
        int members = 0;
        for (String name : names == null ? List.copyOf(ours.keySet()) : names) {
            String body = bodies.get(name);
            JsonNode record = ours.get(name);
            if (body == null || record == null) {
                continue; // a typedef'd anonymous record: pahole prints it under the typedef
            }
            Matcher size = SIZE.matcher(body); // pahole leaves it out for some unions
            if (size.find() && Long.parseLong(size.group(1)) != record.get("size").asLong()) {
                failures.add(tag + name + ": pahole size " + size.group(1) + ", ours " + record.get("size"));
            }
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            record.get("fields").forEach(f -> fields.put(f.get("name").asText(), f));
            Matcher m = MEMBER.matcher(ownMembers(body));
            while (m.find()) {
                JsonNode f = fields.get(m.group(1));
                if (f == null) {
                    continue; // a member of a named nested record: not a field of this one
                }
                members++;
                long offset = Long.parseLong(m.group(2));
                String where = tag + name + "." + m.group(1) + ": pahole " + m.group(0).strip() + ", ours " + f;
                if (m.group(3) != null) {
                    if (offset * 8 + Long.parseLong(m.group(3)) != f.get("bitOffset").asLong()) {
                        failures.add(where);
                    }
                } else if (offset != f.get("offset").asLong() || Long.parseLong(m.group(4)) != f.get("size").asLong()) {
                    failures.add(where);
                }
            }
        }
        return members;
    }

    /** Real headers: the C library's, the kernel's input and ELF structures, sockets, threads, terminals. */
    @ParameterizedTest
    @ValueSource(strings = {"-gdwarf-4", "-m32 -gdwarf-5"})
    void systemHeadersAgree(String flags) throws IOException {
        Path dir = folder("system", flags);
        Path c = dir.resolve("sys.c");
        Files.writeString(c, """
                #include <stdio.h>
                #include <sys/socket.h>
                #include <netinet/in.h>
                #include <netinet/ip.h>
                #include <netinet/tcp.h>
                #include <linux/input.h>
                #include <elf.h>
                #include <signal.h>
                #include <pthread.h>
                #include <sys/stat.h>
                #include <termios.h>
                #include <sys/epoll.h>
                int main(void) { return 0; }
                """);
        Path o = dir.resolve("sys.o");
        Compilers.Result built = gcc(flags, c, o, dir);
        assumeTrue(built.exit() == 0, () -> "the system headers do not compile here: " + built.out());
        List<String> failures = new ArrayList<>();
        int members = compare(o, dir, null, "", failures);
        assertAgreed("system headers " + flags, failures, members, 300);
    }

    /** pahole's text of each top-level {@code struct NAME} and {@code union NAME}, by name. */
    private static Map<String, String> records(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher head = Pattern.compile("(?m)^(?:struct|union) (\\w+) \\{$").matcher(text);
        while (head.find()) {
            int end = text.indexOf("\n}", head.end());
            out.putIfAbsent(head.group(1), text.substring(head.end(), end < 0 ? text.length() : end));
        }
        return out;
    }
}
