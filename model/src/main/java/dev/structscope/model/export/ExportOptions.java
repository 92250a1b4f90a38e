package dev.structscope.model.export;

import dev.structscope.model.abi.Abi;
import dev.structscope.model.abi.Abis;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * What to export and how: the ABI whose layout the export reproduces, an optional single type
 * (with the types it uses), the byte order of the data and the Java package. Immutable.
 *
 * @param abi         the ABI the layout is resolved for
 * @param type        a struct or union name as {@code --type} takes it, or {@code null} for every one
 * @param byteOrder   the byte order of the data the export reads (defaults to the ABI's)
 * @param javaPackage the package of the Java export, or {@code ""} for the unnamed package
 */
public record ExportOptions(Abi abi, String type, ByteOrder byteOrder, String javaPackage) {
    public ExportOptions {
        Objects.requireNonNull(abi, "abi");
        if (byteOrder == null) {
            byteOrder = abi.byteOrder();
        }
        if (javaPackage == null) {
            javaPackage = "";
        }
    }

    public static ExportOptions of(Abi abi) {
        return new ExportOptions(abi, null, null, "");
    }

    public static ExportOptions defaults() {
        return of(Abis.X86_64_LINUX);
    }

    public boolean bigEndian() {
        return byteOrder == ByteOrder.BIG_ENDIAN;
    }

    public ExportOptions withType(String newType) {
        return new ExportOptions(abi, newType, byteOrder, javaPackage);
    }

    public ExportOptions withByteOrder(ByteOrder order) {
        return new ExportOptions(abi, type, order, javaPackage);
    }

    public ExportOptions withPackage(String pkg) {
        return new ExportOptions(abi, type, byteOrder, pkg);
    }
}
