package dev.structscope.io.file;

import dev.structscope.model.doc.LayoutDocument;
import dev.structscope.model.doc.LayoutDocuments;

import dev.structscope.model.type.Member;
import dev.structscope.model.type.Prim;
import dev.structscope.model.type.PrimitiveType;
import dev.structscope.model.type.RecordType;
import dev.structscope.model.type.TypeLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving replaces the file in one step: the old contents survive any failure, and no temp files linger. */
class AtomicSaveTest {
    @TempDir
    Path dir;

    private static LayoutDocument doc(String field) {
        return LayoutDocument.of(TypeLibrary.of(RecordType.struct("S", List.of(Member.of(field, PrimitiveType.of(Prim.INT))))));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /**
     * A replaced file keeps its permissions, and a new one gets a new file's (the umask's): the
     * temporary file's 0600 made a 0644 header readable by its owner only after a save.
     */
    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = Files.writeString(dir.resolve("shared.h"), "struct A { int a; };\n");
        var shared = java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, shared);
        AtomicFile.writeText(file, "struct A { int a, b; };\n");
        assertEquals(shared, Files.getPosixFilePermissions(file));
        var group = java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(file, group);
        AtomicFile.writeText(file, "struct A { int c; };\n");
        assertEquals(group, Files.getPosixFilePermissions(file));
        Path fresh = dir.resolve("fresh.h");
        AtomicFile.writeText(fresh, "struct B { int b; };\n");
        Path plain = Files.createFile(dir.resolve("plain.h"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(fresh));
    }

    @Test
    void saveThenReadGivesTheSameDocument() throws IOException {
        Path file = dir.resolve("a.json");
        SaveMain.save(file, doc("x"));
        assertEquals(doc("x"), DocumentFiles.read(file));
        SaveMain.save(file, doc("y"));
        assertEquals(doc("y"), DocumentFiles.read(file));
        assertEquals(List.of(file), files(), "no temporary files left behind");
    }

    @Test
    void aFailureBeforeTheRenameLeavesTheOldFileAndNoTempFile() throws IOException {
        Path file = dir.resolve("a.json");
        SaveMain.save(file, doc("old"));
        byte[] before = Files.readAllBytes(file);
        Path[] seen = new Path[1];
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(file,
                LayoutDocuments.toJson(doc("new")).getBytes(), tmp -> {
                    seen[0] = tmp;
                    assertTrue(Files.size(tmp) > 0, "the new text is written to the temporary file first");
                    assertEquals(dir, tmp.getParent(), "in the same directory, so the rename is atomic");
                    throw new IOException("disk full (simulated)");
                }));
        assertEquals("disk full (simulated)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertTrue(Files.notExists(seen[0]));
        assertEquals(List.of(file), files());
    }

    @Test
    void aRenameThatCannotHappenLeavesNoTempFile() throws IOException {
        // The target is a non-empty directory: the rename fails after the temp file is complete.
        Path target = dir.resolve("taken.json");
        Files.createDirectory(target);
        Files.writeString(target.resolve("keep"), "keep");
        assertThrows(IOException.class, () -> SaveMain.save(target, doc("x")));
        assertEquals(List.of(target), files());
        assertEquals("keep", Files.readString(target.resolve("keep")));
    }

    @Test
    void aMissingDirectoryFailsWithoutCreatingAnything() {
        assertThrows(IOException.class, () -> SaveMain.save(dir.resolve("no/such/dir/a.json"), doc("x")));
        assertTrue(Files.notExists(dir.resolve("no")));
    }

    @Test
    void aReadOnlyDirectoryKeepsTheOldFile() throws IOException {
        Path sub = Files.createDirectory(dir.resolve("ro"));
        Path file = sub.resolve("a.json");
        SaveMain.save(file, doc("old"));
        byte[] before = Files.readAllBytes(file);
        assertTrue(sub.toFile().setWritable(false, false));
        try {
            // root may write anyway; then the save must simply have succeeded atomically.
            try {
                SaveMain.save(file, doc("new"));
                assertEquals(doc("new"), DocumentFiles.read(file));
            } catch (IOException expected) {
                assertArrayEquals(before, Files.readAllBytes(file));
            }
            try (Stream<Path> s = Files.list(sub)) {
                assertEquals(List.of(file), s.toList());
            }
        } finally {
            sub.toFile().setWritable(true, false);
        }
    }
}
