package dev.structscope.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The files of a long sweep against an outside reader (readelf, pahole), behind a flag: every
 * regular ELF file, up to 64 MiB, under the directory a system property names. Stateless.
 */
final class ElfSweep {
    private ElfSweep() {
    }

    /** The ELF files under {@code -Dproperty=DIR}, in path order; skips the test when it is not given. */
    static List<Path> files(String property) throws IOException {
        String root = System.getProperty(property);
        assumeTrue(root != null && !root.isBlank(), "-D" + property + "=DIR not given");
        try (var walk = Files.walk(Path.of(root))) {
            return walk.filter(f -> Files.isRegularFile(f) && !Files.isSymbolicLink(f) && elfClass(f) != 0).sorted().toList();
        }
    }

    /** 1 for ELF32, 2 for ELF64; 0 for anything else, a file over 64 MiB, or one that cannot be read. */
    static int elfClass(Path f) {
        byte[] head = new byte[5];
        try (InputStream in = Files.newInputStream(f)) {
            if (Files.size(f) > 64L << 20 || in.readNBytes(head, 0, 5) < 5 || head[0] != 0x7f || head[1] != 'E'
                    || head[2] != 'L' || head[3] != 'F' || (head[4] != 1 && head[4] != 2)) {
                return 0;
            }
            return head[4];
        } catch (IOException e) {
            return 0;
        }
    }
}
