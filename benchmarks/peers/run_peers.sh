#!/bin/sh
# Runs the three peers over the benchmark file that StatsBenchmark uses (generate it first by
# running the JMH benchmark once, or with RecordFileGenerator). Usage: sh run_peers.sh [FILE]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
file=${1:-/tmp/structscope-bench/bench32-1024m.bin}
cat "$file" > /dev/null   # page cache, as for the JMH run
gcc -O2 -o /tmp/structscope-bench/stats_mmap "$here/stats_mmap.c"
echo "== C mmap loop (gcc -O2, 1 thread)"; /tmp/structscope-bench/stats_mmap "$file" 5
echo "== numpy memmap"; /usr/bin/python3 "$here/stats_numpy.py" "$file" 3
echo "== ctypes readinto"; python3 "$here/stats_ctypes.py" "$file" 32
