package dev.structscope.tests.hexview;

import dev.structscope.app.hexview.DemoTypes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outside truth of the hex explorer tests: gcc compiles {@link DemoTypes#HEADER} with a
 * program that writes ticks to a file and prints what one of them holds, member by member, with
 * its offset, plus the column figures of the whole file.
 */
public final class Gcc {
    private Gcc() {
    }

    static final String PROGRAM = """
            #include <stdio.h>
            #include <stddef.h>
            #include <string.h>
            #include <stdlib.h>
            %s
            static void fill(struct Tick *t, int i) {
                memset(t, 0, sizeof *t);
                t->ts = 1700000000000ULL + (unsigned long long) i * 1000;
                t->id = i * 3 - 100;
                t->price = 0.5f + i * 0.25f;
                t->qty = i / 3.0;
                t->flags = (short) -i;
                snprintf(t->sym, sizeof t->sym, "S%%03d", i %% 1000);
                t->side = i %% 2 ? SELL : BUY;
                t->kind = i %% 8;
                t->level = (i * 7) %% 32;
                for (int k = 0; k < 4; k++) t->samples[k] = i * 100 + k;
            }
            int main(int argc, char **argv) {
                int n = atoi(argv[2]), show = atoi(argv[3]);
                FILE *f = fopen(argv[1], "wb");
                long long minId = 1LL << 40, maxId = -(1LL << 40); double sumQty = 0;
                for (int i = 0; i < n; i++) {
                    struct Tick t; fill(&t, i); fwrite(&t, sizeof t, 1, f);
                    if (t.id < minId) minId = t.id;
                    if (t.id > maxId) maxId = t.id;
                    sumQty += t.qty;
                }
                fclose(f);
                struct Tick t; fill(&t, show);
                printf("sizeof %%zu\\n", sizeof t);
                printf("ts %%zu %%llu\\n", offsetof(struct Tick, ts), (unsigned long long) t.ts);
                printf("id %%zu %%d\\n", offsetof(struct Tick, id), t.id);
                printf("price %%zu %%.9g\\n", offsetof(struct Tick, price), (double) t.price);
                printf("qty %%zu %%.17g\\n", offsetof(struct Tick, qty), t.qty);
                printf("flags %%zu %%d\\n", offsetof(struct Tick, flags), t.flags);
                printf("sym %%zu %%s\\n", offsetof(struct Tick, sym), t.sym);
                printf("side %%zu %%d\\n", offsetof(struct Tick, side), (int) t.side);
                printf("kind 36 %%u\\n", t.kind);
                printf("level 36 %%u\\n", t.level);
                printf("samples %%zu %%d\\n", offsetof(struct Tick, samples), t.samples[2]);
                printf("minId 0 %%lld\\nmaxId 0 %%lld\\nmeanQty 0 %%.17g\\n", minId, maxId, sumQty / n);
                return 0;
            }
            """;

    /** Writes {@code n} ticks to {@code out} and returns member → [offset, value] of tick {@code show}. */
    static Map<String, String[]> ticks(Path dir, Path out, int n, int show) throws IOException, InterruptedException {
        Path c = dir.resolve("ticks.c");
        Files.writeString(c, PROGRAM.formatted(DemoTypes.HEADER));
        Path exe = dir.resolve("ticks");
        run(dir, List.of("gcc", "-O1", "-o", exe.toString(), c.toString()));
        String text = run(dir, List.of(exe.toString(), out.toString(), Integer.toString(n), Integer.toString(show)));
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            String[] p = line.split(" ", 3);
            m.put(p[0], p.length == 3 ? new String[]{p[1], p[2]} : new String[]{p[1]});
        }
        return m;
    }

    /**
     * Compiles {@code program} with gcc as {@code tag} ({@code -m32} or {@code -m64}) in {@code dir},
     * runs it, and reads each line it prints, {@code key n…}, as key → its numbers.
     */
    public static Map<String, long[]> numbers(Path dir, String tag, boolean m32, CharSequence program)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve(tag + ".c"), program);
        run(dir, List.of("gcc", m32 ? "-m32" : "-m64", "-o", tag, tag + ".c"));
        Map<String, long[]> out = new HashMap<>();
        // A 32-bit program runs under qemu-i386 where the kernel cannot run it (Compilers.runner).
        for (String line : run(dir, dev.structscope.model.layout.oracle.Compilers.command(m32, "./" + tag)).lines().toList()) {
            String[] p = line.split(" ");
            out.put(p[0], Arrays.stream(p, 1, p.length).mapToLong(Long::parseLong).toArray());
        }
        return out;
    }

    public static String run(Path dir, List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        assertEquals(0, p.exitValue(), cmd + ": " + out);
        return out;
    }
}
