"""The Python side of StructScope's capture benchmark: a multiprocessing.connection Listener that
receives N messages with recv_bytes_into into a ctypes structure (the zero-copy idiom) and reads
every field, timing the loop. Fed by `structscope send --framing mp --repeat N`.

usage: python3 mp_recv_bytes.py N
"""
import ctypes
import sys
import time
from multiprocessing.connection import Listener


class Tick32(ctypes.Structure):
    _fields_ = [("ts", ctypes.c_uint64), ("id", ctypes.c_int32), ("price", ctypes.c_float),
                ("qty", ctypes.c_double), ("flags", ctypes.c_int16), ("side", ctypes.c_uint8)]


def main():
    n = int(sys.argv[1])
    with Listener(("127.0.0.1", 0)) as listener:
        print(listener.address[1], flush=True)
        conn = listener.accept()
        # recv_bytes_into a ctypes Structure fails on Python 3.11 ("invalid indexing of 0-dim
        # memory"), so receive into a bytearray and read it through a ctypes view of the same bytes.
        buf = bytearray(ctypes.sizeof(Tick32))
        t = Tick32.from_buffer(buf)
        total = 0.0
        t0 = time.perf_counter()
        for _ in range(n):
            conn.recv_bytes_into(buf)
            total += t.ts + t.id + t.price + t.qty + t.flags + t.side
        dt = time.perf_counter() - t0
        print(f"python recv_bytes_into: {n / dt / 1e6:.3f} M messages/s (checksum {total})", flush=True)


if __name__ == "__main__":
    main()
