"""The ctypes peer of StatsBenchmark: read records with f.readinto() into a ctypes Structure and
update min/max/sum per field in Python. Pure Python is slow, so by default it reads only the
first LIMIT_MIB MiB and reports the time scaled to the whole file (stated on the output).
python3 stats_ctypes.py FILE [LIMIT_MIB]"""
import ctypes as C
import os
import sys
import time


class Bench32(C.Structure):
    _fields_ = [("ts", C.c_int64), ("id", C.c_int32), ("price", C.c_float), ("qty", C.c_double),
                ("flags", C.c_int32), ("side", C.c_uint32)]


path = sys.argv[1]
limit = (int(sys.argv[2]) if len(sys.argv) > 2 else 64) << 20
size = os.path.getsize(path)
n = min(size, limit) // C.sizeof(Bench32)
names = [f[0] for f in Bench32._fields_]
mins = {k: None for k in names}
maxs = {k: None for k in names}
sums = {k: 0 for k in names}
rec = Bench32()
t0 = time.perf_counter()
with open(path, "rb", buffering=1 << 20) as f:
    for _ in range(n):
        f.readinto(rec)
        for k in names:
            v = getattr(rec, k)
            if mins[k] is None or v < mins[k]:
                mins[k] = v
            if maxs[k] is None or v > maxs[k]:
                maxs[k] = v
            sums[k] += v
t = time.perf_counter() - t0
print("records read", n, "of", size // C.sizeof(Bench32))
for k in names:
    print(k, mins[k], maxs[k], sums[k] / n)
print("measured %.1f ms for %d MiB; scaled to the whole file: %.1f ms" % (t * 1000, (n * 32) >> 20, t * 1000 * size / (n * 32)))
