package dev.structscope.io.net;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Writing on a live capture's connection from another thread while the capture thread waits in
 * {@code receive}, and stopping a capture from outside: what the GUI's live monitor does. The
 * peer is a plain blocking socket that echoes every u32be frame back with its bytes reversed.
 */
class ConcurrentSendTest {
    @Test
    void sendsWhileTheCaptureThreadReadsAndStopsOnRequest() throws Exception {
        // Own threads: the common pool may have a single worker on a small machine, and both tasks block.
        try (ServerSocket peer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool()) {
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try (Socket s = peer.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    while (true) {
                        int n = in.readInt();
                        byte[] b = in.readNBytes(n);
                        for (int i = 0; i < n / 2; i++) {
                            byte t = b[i];
                            b[i] = b[n - 1 - i];
                            b[n - 1 - i] = t;
                        }
                        out.writeInt(n);
                        out.write(b);
                        out.flush();
                    }
                } catch (java.io.EOFException e) {
                    // we stopped
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, pool);
            List<byte[]> got = new CopyOnWriteArrayList<>();
            CompletableFuture<StreamConnection> ready = new CompletableFuture<>();
            TcpCapture capture = new TcpCapture(new Framing.LengthPrefixed(4, ByteOrder.BIG_ENDIAN), null,
                    CaptureOptions.defaults(), 0, m -> got.add(m.bytes().toArray(ValueLayout.JAVA_BYTE)))
                    .withListener(new TcpCapture.ConnectionListener() {
                        @Override
                        public void ready(StreamConnection c) {
                            ready.complete(c);
                        }
                    });
            java.util.concurrent.atomic.AtomicReference<Thread> captureThread = new java.util.concurrent.atomic.AtomicReference<>();
            CompletableFuture<CaptureResult> run = CompletableFuture.supplyAsync(() -> {
                captureThread.set(Thread.currentThread());
                try {
                    return capture.connect("127.0.0.1", peer.getLocalPort());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, pool);
            StreamConnection c = ready.get(10, TimeUnit.SECONDS);
            awaitWaitingInReceive(captureThread.get());
            c.sendConcurrently(MemorySegment.ofArray(new byte[] {1, 2, 3}), 2, 5_000);
            c.sendConcurrently(MemorySegment.ofArray(new byte[] {9, 8}), 1, 5_000);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (got.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(3, got.size());
            assertArrayEquals(new byte[] {3, 2, 1}, got.get(0));
            assertArrayEquals(new byte[] {3, 2, 1}, got.get(1));
            assertArrayEquals(new byte[] {8, 9}, got.get(2));
            capture.stop();
            CaptureResult r = run.get(10, TimeUnit.SECONDS);
            assertEquals(3, r.messages());
            echo.get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Waits until {@code t} is blocked in a selector inside {@link StreamConnection#receive} — the
     * premise of the test — and fails it if that never happens. A thread in {@code select} is
     * RUNNABLE to the JVM, so its stack is what shows where it waits.
     */
    private static void awaitWaitingInReceive(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            StackTraceElement[] stack = t.getStackTrace();
            boolean inReceive = false;
            boolean inSelect = false;
            for (StackTraceElement e : stack) {
                inReceive |= e.getClassName().equals(StreamConnection.class.getName()) && e.getMethodName().equals("receive");
                inSelect |= e.getClassName().startsWith("sun.nio.ch.") && e.getMethodName().startsWith("doSelect");
            }
            if (inReceive && inSelect) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the capture thread never waited in receive: " + java.util.Arrays.toString(stack));
            }
            Thread.sleep(5);
        }
    }
}
