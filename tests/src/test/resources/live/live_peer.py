"""Python peers for StructScope's live-monitor tests: real ctypes structs over real sockets.

usage: live_peer.py MODE ARGS
  mp-listen KEY COUNT PAUSE   Listener on 127.0.0.1:0 (prints the port), accepts one Client, sends
                              COUNT Points (x=i, y=-i, z=i*1.5) with send_bytes, PAUSE seconds
                              apart, prints SENT; then receives one message, prints GOT x y z (or
                              EOF) and waits for the other side to close
  mp-listen-go KEY COUNT PAUSE  as mp-listen, but waits for one message (any) before sending,
                              and prints GO when it came
  mp-client PORT KEY COUNT    Client to 127.0.0.1:PORT, sends COUNT Points, prints SENT, closes
  mp-unix-listen KEY COUNT    as mp-listen-go with a pause of 0, on a Unix domain socket at the
                              address multiprocessing picks itself (Listener(family='AF_UNIX'));
                              prints that path instead of a port
  udp PORT COUNT              sends COUNT Points as datagrams to 127.0.0.1:PORT, prints SENT
  udp-reply PORT COUNT        as udp, then waits for one datagram back and prints GOT x y z
  stream KEY                  Listener (prints the port) that streams Ticks of the sample header
                              at about 50 a second until the connection closes
"""
import ctypes
import math
import multiprocessing.connection as mpc
import socket
import sys
import time


class Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32), ("z", ctypes.c_double)]


class Tick(ctypes.Structure):
    # struct Tick of the sample ticks.h (x86_64-linux, 40 bytes)
    _fields_ = [("ts", ctypes.c_uint64), ("id", ctypes.c_int32), ("price", ctypes.c_float),
                ("qty", ctypes.c_double), ("flags", ctypes.c_int16), ("side", ctypes.c_int32),
                ("venue", ctypes.c_char * 6)]


def accept_one(key, unix=False):
    """Listens on 127.0.0.1:0 (or, with unix, on a Unix domain socket at the address multiprocessing
    picks itself), prints the port (or that path) and accepts one Client. Returns its connection,
    or None after printing AUTHFAIL when the Client's authkey did not match."""
    if unix:
        listener = mpc.Listener(family="AF_UNIX", authkey=key)
    else:
        listener = mpc.Listener(("127.0.0.1", 0), authkey=key)
    with listener:
        print(listener.address if unix else listener.address[1], flush=True)
        try:
            return listener.accept()
        except mpc.AuthenticationError as e:
            print("AUTHFAIL", e, flush=True)
            return None


def got(data):
    p = Point.from_buffer_copy(data)
    print("GOT", p.x, p.y, p.z, flush=True)


def main():
    mode = sys.argv[1]
    if mode in ("mp-listen", "mp-listen-go", "mp-unix-listen"):
        unix = mode == "mp-unix-listen"
        key, count = sys.argv[2].encode(), int(sys.argv[3])
        pause = 0.0 if unix else float(sys.argv[4])
        conn = accept_one(key, unix)
        if conn is None:
            return
        if mode in ("mp-listen-go", "mp-unix-listen"):
            conn.recv_bytes()
            print("GO", flush=True)
        for i in range(count):
            conn.send_bytes(Point(i, -i, i * 1.5))
            if pause:
                time.sleep(pause)
        print("SENT", count, flush=True)
        try:
            got(conn.recv_bytes())
            conn.recv_bytes()  # until StructScope disconnects
        except (EOFError, OSError):
            print("EOF", flush=True)
    elif mode == "mp-client":
        port, key, count = int(sys.argv[2]), sys.argv[3].encode(), int(sys.argv[4])
        conn = mpc.Client(("127.0.0.1", port), authkey=key)
        for i in range(count):
            conn.send_bytes(Point(i, -i, i * 1.5))
        print("SENT", count, flush=True)
        time.sleep(0.5)
        conn.close()
    elif mode in ("udp", "udp-reply"):
        port, count = int(sys.argv[2]), int(sys.argv[3])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        for i in range(count):
            s.sendto(bytes(Point(i, -i, i * 1.5)), ("127.0.0.1", port))
            time.sleep(0.002)
        print("SENT", count, flush=True)
        if mode == "udp-reply":
            s.settimeout(20)
            data, _ = s.recvfrom(65536)
            got(data)
    elif mode == "stream":
        conn = accept_one(sys.argv[2].encode())
        if conn is None:
            return
        i = 0
        t0 = time.time()
        try:
            while True:
                t = Tick()
                t.ts = int((t0 + i * 0.02) * 1e9)
                t.id = 7 + i // 40
                t.price = round(101.25 + math.sin(i / 25) * 3, 2)
                t.qty = (i % 7) * 0.5 + 1
                t.flags = 4 if i % 10 == 0 else 1
                t.side = i // 3 % 2
                t.venue = [b"XNAS", b"XNYS", b"XLON"][i // 5 % 3]
                conn.send_bytes(t)
                i += 1
                time.sleep(0.02)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass


if __name__ == "__main__":
    main()
