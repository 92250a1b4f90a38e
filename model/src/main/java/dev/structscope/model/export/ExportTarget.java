package dev.structscope.model.export;

import dev.structscope.model.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The languages {@code structscope export --to} writes, by their contract names. */
public enum ExportTarget {
    C("c"), JAVA("java"), CTYPES("ctypes"), RUST("rust"), KSY("ksy"), JSON("json"), WIRESHARK("wireshark");

    private final String cliName;

    ExportTarget(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static ExportTarget byName(String name) {
        for (ExportTarget t : values()) {
            if (t.cliName.equals(name == null ? "" : name.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new InputException("--to", "unknown export target '" + name + "'; known: "
                + Arrays.stream(values()).map(ExportTarget::cliName).collect(Collectors.joining(", ")));
    }
}
