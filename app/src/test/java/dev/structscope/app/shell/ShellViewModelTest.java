package dev.structscope.app.shell;

import dev.structscope.model.abi.Abis;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellViewModelTest {
    @TempDir
    Path dir;
    ShellViewModel vm;

    @BeforeEach
    void synchronous() {
        vm = new ShellViewModel(DocumentIo.STANDARD, Runnable::run, Runnable::run, RecentFiles.inMemory());
    }

    private Path header(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Nested
    class StartingWithArguments {
        @Test
        void noneShowsTheDefaultSampleWithItsLayoutAndData() {
            vm.openDefaultSample(dir);
            assertEquals("Tick", vm.document.state.get().selected());
            assertEquals(40, vm.designer.layout.get().size()); // ticks.h says 40 bytes a record on x86-64
            assertEquals(dir.resolve("ticks.bin"), vm.dataFile.get());
            assertFalse(vm.document.dirty.get());
            assertEquals("StructScope — ticks.bin · ticks.h", vm.title.get());
        }

        @Test
        void aFileOpenedWhileTheSampleIsPreparedIsNotReplacedByIt() throws Exception {
            java.util.List<Runnable> pending = new java.util.ArrayList<>();
            ShellViewModel slow = new ShellViewModel(DocumentIo.STANDARD, pending::add, Runnable::run,
                    RecentFiles.inMemory());
            slow.openDefaultSample(dir);
            Path h = header("mine.h", "struct Mine { int a; };\n");
            Path data = Files.write(dir.resolve("mine.bin"), new byte[64]);
            slow.open(h, null, null);
            slow.setDataFile(data);
            while (!pending.isEmpty()) { // extraction, the user's reads, then whatever the sample would do
                pending.removeFirst().run();
            }
            assertEquals("Mine", slow.document.state.get().selected());
            assertEquals(data, slow.dataFile.get());
            assertTrue(Files.exists(dir.resolve("ticks.bin")), "the sample was prepared, just not shown");

            // Without a choice in between, the same slow start shows the sample.
            pending.clear();
            ShellViewModel idle = new ShellViewModel(DocumentIo.STANDARD, pending::add, Runnable::run,
                    RecentFiles.inMemory());
            idle.openDefaultSample(dir.resolve("again"));
            while (!pending.isEmpty()) {
                pending.removeFirst().run();
            }
            assertEquals(dir.resolve("again").resolve("ticks.bin"), idle.dataFile.get());
        }

        @Test
        @Tag("dynamic")
        void theElfSampleOpensWithItsWholeFileLayout() {
            vm.openSample(dev.structscope.samples.Samples.ELF, dir);
            assertEquals("ElfFile", vm.document.state.get().selected(), vm.status.get());
            assertEquals(dir.resolve("hello.elf"), vm.dataFile.get());
            // A dynamic record's size is its smallest: the 64-byte file header (the tables are placed).
            assertEquals(64, vm.designer.layout.get().size());
            assertFalse(vm.document.dirty.get());
        }

        @Test
        void theOwnSampleHasAStructWorthPacking() {
            vm.openSample();
            assertEquals("Tick", vm.document.state.get().selected());
            assertTrue(vm.document.state.get().library().findRecord("Order").isPresent());
            assertTrue(vm.title.get().contains("ticks.h (sample)"), vm.title.get());
        }

        @Test
        void openWithLayoutAndTypeSelectsThatType() throws Exception {
            Path h = header("w.h", "struct A { int a; };\nstruct B { char c; double d; };\n");
            Path data = Files.write(dir.resolve("w.bin"), new byte[64]);
            StructScopeApp.show(vm, dev.structscope.app.cli.StructScopeCli.openArgs(new String[]{"open", data.toString(), "--layout",
                    h.toString(), "--type", "B"}));
            assertEquals("B", vm.document.state.get().selected());
            assertEquals(16, vm.designer.layout.get().size());
            assertEquals(data, vm.dataFile.get());
            assertTrue(vm.title.get().startsWith("StructScope — w.bin · w.h"), vm.title.get());
        }

        @Test
        void aHeaderThatCannotBeReadStaysSaidThoughItsDataFileOpens() throws Exception {
            Path h = header("bad.h", "struct Bad {\n int a;\n char b\n double c;\n};\n");
            Path data = Files.write(dir.resolve("short.bin"), new byte[16]);
            StructScopeApp.show(vm, dev.structscope.app.cli.StructScopeCli.openArgs(new String[]{"open", data.toString(),
                    "--layout", h.toString(), "--type", "Bad"}));
            assertEquals(data, vm.dataFile.get());
            ShellViewModel.OpenFailure f = vm.openFailure.get();
            assertEquals(h, f.file());
            assertTrue(f.message().startsWith(h + ":4:2: expected ';'"), f.message());
            vm.dismissOpenFailure();
            assertNull(vm.openFailure.get());
            vm.open(header("good.h", "struct G { int g; };\n"), null, null);
            assertNull(vm.openFailure.get());
            assertEquals("G", vm.document.state.get().selected());
        }

        @Test
        void anUnknownTypeIsSaidInTheStatusBar() throws Exception {
            Path h = header("w.h", "struct A { int a; };\n");
            StructScopeApp.show(vm, dev.structscope.app.cli.StructScopeCli.openArgs(new String[]{"open", h.toString(), "--type", "Nope"}));
            assertEquals("A", vm.document.state.get().selected());
            assertTrue(vm.status.get().contains("--type Nope"), vm.status.get());
        }
    }

    @Nested
    class DroppingFiles {
        @Test
        void headersOpenAsLayoutsAndOtherFilesAsData() throws Exception {
            Path h = header("d.h", "union U { int a; double b; };\n");
            Path data = Files.write(dir.resolve("d.bin"), new byte[8]);
            vm.openDropped(List.of(h, data));
            assertEquals("U", vm.document.state.get().selected());
            assertEquals(data, vm.dataFile.get());
            assertEquals(List.of(data.toAbsolutePath(), h.toAbsolutePath()), vm.recent.files);
        }
    }

    @Nested
    class AddingDeclarations {
        @Test
        void givesFreshNamesSelectsThemAndIsUndoable() {
            vm.openSample();
            vm.addDecl("struct");
            vm.addDecl("struct");
            assertEquals("NewStruct2", vm.document.state.get().selected());
            vm.designer.undo();
            assertEquals("NewStruct", vm.document.state.get().selected());
            // The status says what happened last: the undo, not the edit undone (it stayed).
            assertEquals("Undone · Ctrl+Shift+Z redoes", vm.status.get());
            vm.renameDecl(vm.document.state.get().library().findRecord("NewStruct").orElseThrow().record(), "Renamed");
            assertTrue(vm.status.get().startsWith("Renamed"), vm.status.get());
            vm.designer.undo();
            assertEquals("Undone · Ctrl+Shift+Z redoes", vm.status.get(), "said again after another message");
            vm.designer.redo();
            assertEquals("Redone · Ctrl+Z undoes", vm.status.get());
            vm.designer.undo();
            vm.addDecl("union");
            assertEquals(4, vm.designer.layout.get().size());
        }
    }

    @Nested
    class CancellingAnOpen {
        @Test
        void ignoresItsResultAndKeepsTheDocument() throws Exception {
            java.util.List<Runnable> pending = new java.util.ArrayList<>();
            ShellViewModel slow = new ShellViewModel(DocumentIo.STANDARD, pending::add, Runnable::run,
                    RecentFiles.inMemory());
            slow.openSample();
            Path h = header("c.h", "struct C { int c; };\n");
            slow.open(h, null, null);
            assertTrue(slow.busy.get());
            slow.cancel();
            assertFalse(slow.busy.get());
            pending.forEach(Runnable::run); // the read finishes after the cancel
            assertEquals("Tick", slow.document.state.get().selected());
            assertTrue(slow.status.get().startsWith("Cancelled"), slow.status.get());
        }
    }

    @Nested
    class Saving {
        @Test
        void writesTheAbiIntoTheDocumentAndClearsTheDirtyMarker() throws Exception {
            vm.openSample();
            vm.designer.setAbi(Abis.ARM_LINUX);
            assertTrue(vm.title.get().endsWith("•"));
            Path f = dir.resolve("s.json");
            vm.saveAs(f, null);
            assertFalse(vm.title.get().endsWith("•"));
            assertTrue(Files.readString(f).contains("arm-linux"));
            vm.newDocument();
            assertNull(vm.document.file.get());
        }

        /**
         * A bookmark is saved with the document, so adding one marks it unsaved (the title's
         * dot, and quitting asks) until it is saved; reopening restores it. (Bookmarks were lost
         * on quit with no question.)
         */
        @Test
        void aBookmarkIsAnUnsavedChangeUntilSaved() throws Exception {
            dev.structscope.app.hexview.BookmarksModel marks = new dev.structscope.app.hexview.BookmarksModel();
            vm.attachBookmarks(marks);
            vm.openSample();
            assertFalse(vm.unsaved());
            marks.setFile("ticks.bin");
            marks.add("first tick", 0, 40);
            assertTrue(vm.unsaved());
            assertTrue(vm.title.get().endsWith("•"), vm.title.get());
            Path f = dir.resolve("marked.json");
            vm.saveAs(f, null);
            assertFalse(vm.unsaved());
            assertFalse(vm.title.get().endsWith("•"), vm.title.get());
            marks.rename(marks.items.getFirst(), "renamed");
            assertTrue(vm.unsaved());
            vm.open(f, null, null);
            assertFalse(vm.unsaved(), "reopened as saved");
            assertEquals(List.of("first tick"), marks.items.stream().map(dev.structscope.app.hexview.Bookmark::name).toList());
        }

        /**
         * A save over a hand-written C header writes it anew without its comments and the enum
         * names its expressions use, so the window asks first; a header as StructScope wrote it
         * (for any ABI), a .json document and a header after it has been saved once need no
         * question. (Save used to drop them with no word.)
         */
        @Test
        void aHandWrittenHeaderIsKnownToLoseTextWhenSavedOver() throws Exception {
            Path own = header("proto.h", """
                    /* Trade messages, v2. */
                    #include <stdint.h>
                    enum { MSG_HELLO = 1, MSG_TRADE = 2 };
                    union Body {
                        [[structscope::when(MSG_HELLO)]] uint32_t hello;
                        [[structscope::when(MSG_TRADE)]] double trade;
                    };
                    struct Msg {
                        uint8_t type;
                        [[structscope::switch(type)]] union Body body;
                    };
                    """);
            vm.open(own, null, null);
            assertTrue(vm.document.state.get().library().findRecord("Msg").isPresent(), vm.status.get());
            assertTrue(vm.saveLosesText(own));
            assertFalse(vm.saveLosesText(dir.resolve("other.h")), "only the header it was read from");
            vm.saveAs(own, null);
            String written = Files.readString(own);
            assertFalse(written.contains("v2"), "the comment is gone: what the question warns of");
            assertFalse(vm.saveLosesText(own), "now as StructScope writes it");
            vm.open(own, null, null);
            assertFalse(vm.saveLosesText(own), "reopened: StructScope's own header");

            vm.designer.setAbi(Abis.I386_LINUX);
            Path i386 = dir.resolve("i386.h");
            vm.saveAs(i386, null);
            vm.designer.setAbi(Abis.X86_64_LINUX);
            vm.open(i386, null, null);
            // Read for the ABI it was written for: its static assertions hold there only.
            assertEquals(Abis.I386_LINUX, vm.document.state.get().abi(), vm.status.get());
            assertFalse(vm.saveLosesText(i386), "StructScope's header for another ABI");
            Files.writeString(i386, Files.readString(i386).replace("struct Msg {", "struct Msg { /* edited */"));
            vm.open(i386, null, null);
            assertTrue(vm.saveLosesText(i386), "edited by hand since StructScope wrote it");

            Path json = dir.resolve("proto.json");
            vm.saveAs(json, null);
            vm.open(json, null, null);
            assertFalse(vm.saveLosesText(json));
        }
    }
}
