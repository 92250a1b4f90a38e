package dev.structscope.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finding and running the outside tools of the export tests. */
final class ExportCommandTestTools {
    private ExportCommandTestTools() {
    }

    static String find(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return Path.of(d, tool).toString();
            }
        }
        return null;
    }

    static int run(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        if (p.exitValue() != 0) {
            System.err.println(out);
        }
        return p.exitValue();
    }

    /** KAITAI_NODE_PATH or the global npm root, when it holds the three npm packages; else null. */
    static String kaitaiModules() throws Exception {
        List<String> candidates = new ArrayList<>();
        if (System.getenv("KAITAI_NODE_PATH") != null) {
            candidates.add(System.getenv("KAITAI_NODE_PATH"));
        }
        String npm = find("npm");
        if (npm != null) {
            Process p = new ProcessBuilder(npm, "root", "-g").redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor(60, TimeUnit.SECONDS);
            if (!out.isEmpty()) {
                candidates.add(out.lines().reduce((a, b) -> b).orElse(out));
            }
        }
        for (String c : candidates) {
            if (Files.isDirectory(Path.of(c, "kaitai-struct-compiler")) && Files.isDirectory(Path.of(c, "kaitai-struct"))
                    && Files.isDirectory(Path.of(c, "js-yaml"))) {
                return c;
            }
        }
        return null;
    }
}
