package dev.structscope.app.live.compose;

import dev.structscope.io.net.CaptureOptions;
import dev.structscope.io.net.Framing;
import dev.structscope.io.net.MpAuth;
import dev.structscope.io.net.PythonPeer;
import dev.structscope.io.net.StreamConnection;
import dev.structscope.io.net.TcpCapture;
import dev.structscope.model.abi.Abis;
import dev.structscope.model.c.HeaderImporter;
import dev.structscope.model.layout.LayoutEngine;
import dev.structscope.model.layout.RecordLayout;
import dev.structscope.samples.Samples;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end: the form of the sample {@code Tick} is filled, encoded and sent (once, then three
 * times) through a RecordSender over a real {@code multiprocessing.connection} link with an
 * authkey; the Python Listener unpacks each message with ctypes and prints its values.
 */
class ComposePythonPeerTest {
    @Test
    void aPythonListenerReceivesTheComposedTicks() throws Exception {
        assumeTrue(PythonPeer.available(), "python3 with multiprocessing is needed");
        String header;
        try (var in = Samples.open("ticks.h")) {
            header = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RecordLayout tick = LayoutEngine.layout("Tick", HeaderImporter.importText(header, "ticks.h",
                new HeaderImporter.Options(false, List.of(), w -> { })), Abis.X86_64_LINUX);
        ExecutorService background = Executors.newSingleThreadExecutor();
        LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
        try (PythonPeer py = new PythonPeer("compose_tick_peer.py", "s3cret", "4")) {
            int port = Integer.parseInt(py.line().strip());
            CaptureOptions opts = CaptureOptions.defaults().withIdleMillis(15_000);
            try (StreamConnection c = new StreamConnection(TcpCapture.open("127.0.0.1", port, 5000), new Framing.Mp(), opts)) {
                MpAuth.asClient(c, "s3cret".getBytes(StandardCharsets.UTF_8), 5000);
                ComposeViewModel vm = new ComposeViewModel(background, fx::add);
                vm.setRecord(tick, Abis.X86_64_LINUX, ByteOrder.LITTLE_ENDIAN);
                vm.sender.set((record, times) -> {
                    for (long i = 0; i < times; i++) {
                        c.send(record, 5000);
                    }
                });
                ComposeCtypesTest.fill(vm, Map.of("ts", "1700000000123456789", "id", "42", "price", "101.25",
                        "qty", "3.5", "flags", "0x3", "side", "SELL", "venue", "XNAS"));
                vm.send(1);
                drain(fx);
                ComposeCtypesTest.fill(vm, Map.of("id", "-7", "qty", "nan", "side", "BUY", "venue", "ARCX"));
                vm.times.set(3);
                vm.send();
                drain(fx);
                assertEquals("Sent 3 records", vm.outcome.get().text());
                assertEquals(2, vm.history.size());
            }
            assertEquals("1700000000123456789 42 101.25 3.5 3 1 XNAS", py.line());
            for (int i = 0; i < 3; i++) {
                assertEquals("1700000000123456789 -7 101.25 nan 3 0 ARCX", py.line());
            }
            py.finish();
        } finally {
            background.shutdownNow();
        }
    }

    /** Runs what the send posted back to the "FX thread". */
    private static void drain(LinkedBlockingQueue<Runnable> fx) throws InterruptedException {
        Runnable r = fx.poll(20, TimeUnit.SECONDS);
        assertNotNull(r, "the send finishes");
        r.run();
    }
}
