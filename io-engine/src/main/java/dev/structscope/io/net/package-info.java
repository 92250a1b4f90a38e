/**
 * Live sources: TCP, UDP, Unix domain sockets, serial lines and standard input cut into messages
 * by a {@link dev.structscope.io.net.Framing}, recordings and their replay, and sending.
 *
 * <p>Zero copy: {@link dev.structscope.io.net.StreamConnection} reads with {@code
 * channel.read(segment.asByteBuffer())} into a native buffer and hands each message over as a view
 * of it; {@link dev.structscope.io.net.UdpCapture} receives datagrams into a ring of native 64 KiB
 * slots; standard input and serial lines go through a {@code FileChannel} on the descriptor into
 * the same buffer. {@link dev.structscope.io.net.SerialLine} sets the line up with the C library's
 * termios calls through {@code java.lang.foreign}: a serial library such as jSerialComm would read
 * into {@code byte[]} and unpack a native library at run time, while on Linux a serial port is a
 * file plus one {@code tcsetattr}. {@link dev.structscope.io.net.MpAuth} is Python's
 * {@code multiprocessing.connection} handshake, both forms. {@link
 * dev.structscope.io.net.PcapngWriter} records and {@link dev.structscope.io.net.PcapngReader}
 * reads recordings; {@link dev.structscope.io.net.Replayer} plays one into a {@link
 * dev.structscope.io.net.MessageSink} with the recorded gaps scaled by a speed, and pause, step,
 * cancel and speed changes from other threads (waits never exceed 250 ms without looking at them).
 *
 * <p>Threads: a capture runs on the thread that calls it (the CLI's main thread, a live session's
 * capture thread); UDP has a receiver thread of its own, TCP listeners a virtual thread per peer.
 */
package dev.structscope.io.net;
