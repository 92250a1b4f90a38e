"""Raw socket peers for StructScope's framing tests.

usage: raw_peer.py MODE PORT [ARGS]
  u32be PORT N     connect, send N Points each behind a 4-byte big-endian length
  u16le PORT N     the same with a 2-byte little-endian length
  u32be-hold PORT N  as u32be, then keep the connection open until the other side closes it
  udp PORT N       send N Points as datagrams to 127.0.0.1:PORT
  huge PORT        connect, send a mp header claiming 3 GB, then wait
  cut PORT         connect, send a u32be header for 16 bytes and only 5 of them, then close
  stall PORT       connect, send a u32be header for 16 bytes and 5 of them, then sleep 30 s
  listen-u32be N   listen on 127.0.0.1:0, print the port, accept, send N framed Points, close
"""
import ctypes
import socket
import struct
import sys
import time


class Point(ctypes.Structure):
    _fields_ = [("x", ctypes.c_int32), ("y", ctypes.c_int32), ("z", ctypes.c_double)]


def connect(port):
    s = socket.create_connection(("127.0.0.1", port))
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


def main():
    mode = sys.argv[1]
    if mode == "listen-u32be":
        n = int(sys.argv[2])
        srv = socket.socket()
        srv.bind(("127.0.0.1", 0))
        srv.listen(1)
        print(srv.getsockname()[1], flush=True)
        c, _ = srv.accept()
        for i in range(n):
            p = Point(i, -i, i * 1.5)
            c.sendall(struct.pack(">I", ctypes.sizeof(p)) + bytes(p))
        c.close()
        return
    port = int(sys.argv[2])
    if mode in ("u32be", "u16le", "u32be-hold"):
        s = connect(port)
        fmt = "<H" if mode == "u16le" else ">I"
        for i in range(int(sys.argv[3])):
            p = Point(i, -i, i * 1.5)
            s.sendall(struct.pack(fmt, ctypes.sizeof(p)) + bytes(p))
        if mode == "u32be-hold":
            s.settimeout(30)
            try:
                while s.recv(4096):
                    pass
            except OSError:
                pass
        s.close()
    elif mode == "udp":
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        for i in range(int(sys.argv[3])):
            s.sendto(bytes(Point(i, -i, i * 1.5)), ("127.0.0.1", port))
            time.sleep(0.001)
    elif mode == "huge":
        s = connect(port)
        s.sendall(struct.pack(">i", -1) + struct.pack(">Q", 3_000_000_000))
        time.sleep(5)
    elif mode == "cut":
        s = connect(port)
        s.sendall(struct.pack(">I", 16) + b"\x01\x02\x03\x04\x05")
        s.close()
    elif mode == "stall":
        s = connect(port)
        s.sendall(struct.pack(">I", 16) + b"\x01\x02\x03\x04\x05")
        time.sleep(30)
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
