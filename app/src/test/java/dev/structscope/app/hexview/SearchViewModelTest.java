package dev.structscope.app.hexview;

import dev.structscope.app.common.TaskRunner;
import dev.structscope.io.source.DataSource;
import dev.structscope.io.source.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Find next/previous and Find All as a person uses them, checked against python's own search. */
class SearchViewModelTest {
    @TempDir
    Path dir;

    /** Runs the work at once, on the calling thread: results arrive before the call returns. */
    private static final TaskRunner NOW = new TaskRunner(Runnable::run, Runnable::run, Runnable::run);

    /** {@code f} open in a hex view model and searched through {@code runner}; closing closes the file. */
    private record Opened(DataSource source, HexViewModel hex, SearchViewModel search) implements AutoCloseable {
        @Override
        public void close() {
            source.close();
        }
    }

    private static Opened open(Path f, TaskRunner runner) {
        DataSource s = Sources.open(f);
        HexViewModel hex = new HexViewModel();
        hex.source.set(s);
        return new Opened(s, hex, new SearchViewModel(hex, runner));
    }

    @Test
    void findAllCountsEveryOverlappingMatchAsPythonDoesAndListsThem() throws Exception {
        Random r = new Random(11);
        byte[] data = new byte[2 * ByteSearch.WINDOW + 4099];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ('a' + r.nextInt(3));
        }
        Path f = dir.resolve("abc.bin");
        Files.write(f, data);
        // Every start of "aba", overlapping ones included ("ababa" has two), across window borders.
        List<String> py = Py.run(dir, """
                import re, sys
                d = open(sys.argv[1], 'rb').read()
                starts = [m.start() for m in re.finditer(b'(?=aba)', d)]
                print(len(starts))
                print(' '.join(map(str, starts[:50])))
                """, f.toString());
        try (Opened o = open(f, NOW)) {
            HexViewModel hex = o.hex();
            SearchViewModel vm = o.search();
            vm.text.set("aba");
            assertEquals(SearchQuery.Kind.ASCII, vm.kind.get(), "text is what people type first");
            vm.findAll();
            long count = Long.parseLong(py.get(0));
            assertEquals(count, vm.matchCount.get());
            assertEquals(Math.min(count, SearchViewModel.LISTED), vm.matches().size());
            List<Long> first = new ArrayList<>();
            for (String x : py.get(1).split(" ")) {
                first.add(Long.parseLong(x));
            }
            assertEquals(first, vm.matches().subList(0, first.size()));
            assertTrue(vm.status.message.get().startsWith(String.format(java.util.Locale.ROOT, "%,d matches", count)),
                    vm.status.message.get());

            // F3 after Find All says which match it is.
            hex.select(first.get(2), 3);
            vm.next();
            assertEquals((long) first.get(3), hex.selectionStart());
            assertTrue(vm.status.message.get().startsWith("match 4 of "), vm.status.message.get());
            vm.show(first.get(7));
            assertEquals((long) first.get(7), hex.selectionStart());
            assertEquals(3, hex.selectionLength());

            // Another query forgets the list: its places would be wrong, and so would its count.
            vm.text.set("abc");
            assertEquals(-1, vm.matchCount.get());
            assertTrue(vm.matches().isEmpty());
            assertEquals("", vm.status.message.get());

            // So does another file (or the same one reloaded): "N matches" was said of the old bytes.
            vm.text.set("aba");
            vm.findAll();
            assertTrue(vm.status.message.get().contains("matches"), vm.status.message.get());
            try (DataSource other = Sources.open(f)) {
                hex.source.set(other);
                assertEquals("", vm.status.message.get());
                assertTrue(vm.matches().isEmpty());
                assertEquals("aba", vm.text.get(), "the query stays, to be looked for in the new file");
                hex.source.set(o.source());
            }
        }
    }

    @Test
    void findAllStopsListingAtTheCapButCountsOn() throws Exception {
        Path f = dir.resolve("zeros.bin");
        Files.write(f, new byte[3 * SearchViewModel.LISTED]);
        try (Opened o = open(f, NOW)) {
            SearchViewModel vm = o.search();
            vm.kind.set(SearchQuery.Kind.HEX);
            vm.text.set("00 00");
            vm.findAll();
            assertEquals(3L * SearchViewModel.LISTED - 1, vm.matchCount.get());
            assertEquals(SearchViewModel.LISTED, vm.matches().size());
            assertTrue(vm.status.message.get().contains("the first 10,000 listed"), vm.status.message.get());
        }
    }

    @Test
    void nextWrapsPastTheEndAndSaysSo() throws Exception {
        Path f = dir.resolve("w.bin");
        Files.write(f, "xxNEEDLExxxxxxxx".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try (Opened o = open(f, NOW)) {
            HexViewModel hex = o.hex();
            SearchViewModel vm = o.search();
            vm.text.set("NEEDLE");
            hex.moveTo(10, false);
            vm.next();
            assertEquals(2, hex.selectionStart());
            assertTrue(vm.status.message.get().contains("wrapped past the end"), vm.status.message.get());
            vm.text.set("absent");
            vm.next();
            assertEquals("not found in the file", vm.status.message.get());
            assertFalse(vm.status.error.get());
            vm.kind.set(SearchQuery.Kind.HEX);
            vm.text.set("abc");
            vm.next();
            assertTrue(vm.status.error.get(), "odd hex digits are refused in place");
        }
    }

    @Test
    void cancellingAFindAllSaysSoAndKeepsNoHalfList() throws Exception {
        Path f = dir.resolve("big.bin");
        Files.write(f, new byte[4 * ByteSearch.WINDOW]);
        ConcurrentLinkedQueue<Runnable> later = new ConcurrentLinkedQueue<>();
        // Work held back until the test lets it run: cancel lands while the scan is "running".
        TaskRunner held = new TaskRunner(later::add, later::add, Runnable::run);
        try (Opened o = open(f, held)) {
            SearchViewModel vm = o.search();
            vm.kind.set(SearchQuery.Kind.HEX);
            vm.text.set("00");
            vm.findAll();
            assertTrue(vm.status.running.get());
            vm.cancel();
            assertFalse(vm.status.running.get());
            assertEquals("search cancelled", vm.status.message.get());
            later.forEach(Runnable::run);
            assertEquals(-1, vm.matchCount.get(), "a cancelled scan delivers nothing");
            assertTrue(vm.matches().isEmpty());
        }
    }
}
