"""The numpy peer of StatsBenchmark: np.memmap with a structured dtype, vectorised
min/max/mean per field. Run with the Debian python that has numpy:
/usr/bin/python3 stats_numpy.py FILE [repeats]  (prints the best time)"""
import sys
import time

import numpy as np

dt = np.dtype([("ts", "<i8"), ("id", "<i4"), ("price", "<f4"), ("qty", "<f8"), ("flags", "<i4"), ("side", "<u4")])
assert dt.itemsize == 32
arr = np.memmap(sys.argv[1], dtype=dt, mode="r")
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
best = 1e9
for k in range(repeats):
    t0 = time.perf_counter()
    out = {}
    for name in dt.names:
        col = arr[name]
        # mean in float64, as StructScope reports it
        out[name] = (col.min(), col.max(), col.mean(dtype=np.float64))
    best = min(best, time.perf_counter() - t0)
print("records", len(arr))
for name, (lo, hi, mean) in out.items():
    print(name, lo, hi, repr(float(mean)))
print("best %.1f ms" % (best * 1000))
