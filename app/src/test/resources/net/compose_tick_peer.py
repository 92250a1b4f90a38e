"""A Python multiprocessing.connection Listener that receives ctypes Ticks (the sample's struct).

usage: compose_tick_peer.py AUTHKEY COUNT
Listens on 127.0.0.1:0, prints the port, accepts one Client, receives COUNT messages with
recv_bytes, unpacks each with ctypes and prints its values on one line:
  ts id price qty flags side venue
"""
import ctypes
import sys
import multiprocessing.connection as mpc


class Tick(ctypes.Structure):
    _fields_ = [("ts", ctypes.c_uint64), ("id", ctypes.c_int32), ("price", ctypes.c_float),
                ("qty", ctypes.c_double), ("flags", ctypes.c_int16), ("side", ctypes.c_int),
                ("venue", ctypes.c_char * 6)]


def main():
    key, count = sys.argv[1].encode(), int(sys.argv[2])
    with mpc.Listener(("127.0.0.1", 0), authkey=key) as listener:
        print(listener.address[1], flush=True)
        conn = listener.accept()
        for _ in range(count):
            data = conn.recv_bytes()
            if len(data) != ctypes.sizeof(Tick):
                print("BADSIZE", len(data), flush=True)
                continue
            t = Tick.from_buffer_copy(data)
            print(t.ts, t.id, repr(t.price), repr(t.qty), t.flags, t.side, t.venue.decode("latin-1"), flush=True)
        conn.close()


if __name__ == "__main__":
    main()
