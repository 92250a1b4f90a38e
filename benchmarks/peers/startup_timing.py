#!/usr/bin/env python3
"""Start-up as whole processes, timed to the tenth of a millisecond.

The same commands as startup_bench.sh -- the python3 ctypes one-liner that asks `layout`'s
question (sizeof and an offset of POINT), `structscope layout point.h --json`, and `structscope
stats` over the 200 kB ticks.bin (so that `stats` is start-up) -- but with the wall clock taken by
time.perf_counter around each process instead of /usr/bin/time, whose 10 ms steps are too coarse
once a command takes 100-150 ms; CPU time (user+sys) from getrusage of the children. Commands run
interleaved, round after round, so that load falls on all of them alike. Prints the date, the
load average and, per command, the median wall clock with its quartiles and the median CPU time.

Usage: python3 startup_timing.py ROUNDS LAUNCHER [LAUNCHER...]
  LAUNCHER  a structscope command: ./structscope, dist/target/image/structscope/bin/structscope,
            or another checkout's launcher (to compare before and after)
"""
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "../../sample-files/src/main/resources/dev/structscope/samples"))
PEER = ["python3", "-c", "import ctypes; P = type('POINT', (ctypes.Structure,), "
        "{'_fields_': [('x', ctypes.c_int), ('y', ctypes.c_int)]}); print(ctypes.sizeof(P), P.y.offset)"]


def commands(launchers):
    cmds = {"python3 ctypes one-liner": PEER}
    for l in launchers:
        cmds["layout --json: " + l] = [l, "layout", os.path.join(SAMPLES, "point.h"), "--json"]
        cmds["stats (200 kB): " + l] = [l, "stats", "--type", "Tick", os.path.join(SAMPLES, "ticks.h"),
                                        os.path.join(SAMPLES, "ticks.bin")]
    return cmds


def run(cmd):
    """Wall seconds and CPU seconds (user+sys) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    cmds = commands(sys.argv[2:])
    for cmd in cmds.values():  # once each first: a launcher may build or make its AOT cache
        run(cmd)
    wall = {k: [] for k in cmds}
    cpu = {k: [] for k in cmds}
    print(time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()), "load", " ".join("%.2f" % x for x in os.getloadavg()))
    for _ in range(rounds):
        for k, cmd in cmds.items():
            w, c = run(cmd)
            wall[k].append(w)
            cpu[k].append(c)
    print("after %d rounds, load %s" % (rounds, " ".join("%.2f" % x for x in os.getloadavg())))
    for k in cmds:
        q = statistics.quantiles(wall[k], n=4)
        print("  %s: wall %.1f ms (quartiles %.1f-%.1f), CPU %.0f ms" % (
            k, statistics.median(wall[k]) * 1000, q[0] * 1000, q[2] * 1000, statistics.median(cpu[k]) * 1000))


if __name__ == "__main__":
    main()
