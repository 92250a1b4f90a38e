package dev.structscope.io.file;

import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;

import dev.structscope.model.type.Decl;
import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM that saves a layout document, for {@link SaveFaultsTest}: run under a file-size
 * limit ({@code prlimit --fsize}) or without the capabilities that let root ignore permissions
 * ({@code setpriv}), its save meets a real failing file system. Prints "saved" (exit 0) or
 * "failed: message" (exit 3).
 */
public final class SaveMain {
    private SaveMain() {
    }

    /** A document of {@code records} structs named {@code prefix}0.. (about 150 bytes of JSON each). */
    static LayoutDocument doc(String prefix, int records) {
        List<Decl> decls = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            decls.add(RecordType.struct(prefix + i, List.of(Member.of("x", PrimitiveType.of(Prim.INT)),
                    Member.of("y", PrimitiveType.of(Prim.DOUBLE)))));
        }
        return LayoutDocument.of(new TypeLibrary(decls, Map.of()));
    }

    /** Saves a document as the app does: its JSON text through {@link AtomicFile}. */
    static void save(Path file, LayoutDocument doc) throws IOException {
        AtomicFile.writeText(file, LayoutDocuments.toJson(doc));
    }

    /** args: FILE PREFIX RECORDS. */
    public static void main(String[] args) {
        try {
            save(Path.of(args[0]), doc(args[1], Integer.parseInt(args[2])));
            System.out.println("saved");
        } catch (IOException e) {
            System.out.println("failed: " + e);
            System.exit(3);
        }
    }
}
