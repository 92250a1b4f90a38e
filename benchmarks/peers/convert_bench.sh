#!/bin/sh
# Whole-process timings of `structscope convert` beside `structscope stats` on one file of 32-byte
# records (page cache warm, median of 3), and the bounded-memory run: a 4 GiB file converted in a
# JVM with -Xmx256m, peak RSS from /usr/bin/time -v. The figures in docs/readme-bulk.md come from here.
# Usage: sh convert_bench.sh [DIR] [MiB]   (default /tmp/structscope-bench, 1024)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dir=${1:-/tmp/structscope-bench}
mib=${2:-1024}
mkdir -p "$dir"
cat > "$dir/tick.h" <<'H'
#include <stdint.h>
struct Tick { int64_t ts; int32_t id; float price; double qty; int32_t flags; uint32_t side; };
H
gen() { # FILE MiB: random records, written in 64 MiB chunks
  [ -f "$1" ] && [ "$(stat -c %s "$1")" -eq $(($2 * 1048576)) ] && return 0
  python3 - "$1" "$2" <<'P'
import sys, numpy as np
dt = np.dtype([("ts", "<i8"), ("id", "<i4"), ("price", "<f4"), ("qty", "<f8"), ("flags", "<i4"), ("side", "<u4")])
path, mib = sys.argv[1], int(sys.argv[2]); n = mib * 1048576 // 32; chunk = 2 * 1048576
rng = np.random.default_rng(1)
with open(path, "wb") as f:
    for start in range(0, n, chunk):
        k = min(chunk, n - start); r = np.zeros(k, dt)
        r["ts"] = np.arange(start, start + k) * 1000; r["id"] = rng.integers(0, 5000, k)
        r["price"] = rng.random(k, dtype=np.float32) * 100; r["qty"] = rng.random(k) * 1e4
        r["flags"] = rng.integers(0, 16, k); r["side"] = rng.integers(0, 2, k)
        r.tofile(f)
P
}
median3() { # prints the median wall time in seconds of 3 runs of "$@"
  for i in 1 2 3; do
    s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc
  done | sort -n | sed -n 2p
}
data="$dir/tick-${mib}m.bin"
gen "$data" "$mib"
cat "$data" > /dev/null
"$root/structscope" stats "$dir/tick.h" --type Tick "$data" > /dev/null   # builds if needed, warms up
echo "file: $data ($(stat -c %s "$data") bytes), $(nproc) cores, $(date -u +%F)"
for what in stats parquet arrow; do
  if [ "$what" = stats ]; then
    t=$(median3 "$root/structscope" stats "$dir/tick.h" --type Tick "$data")
  else
    t=$(median3 "$root/structscope" convert "$dir/tick.h" --type Tick "$data" --to "$what" -o "$dir/out.$what")
  fi
  echo "$what: median ${t} s, $(echo "scale=3; $(stat -c %s "$data") / $t / 1000000000" | bc) GB/s"
done
ls -l "$dir"/out.*
if [ "${BIG:-yes}" = yes ]; then
  big="$dir/tick-4096m.bin"
  gen "$big" 4096
  for to in parquet arrow; do
    JAVA_OPTS=-Xmx256m /usr/bin/time -v "$root/structscope" convert "$dir/tick.h" --type Tick "$big" --to $to \
      -o "$dir/big.$to" 2> "$dir/time-$to.txt" || { cat "$dir/time-$to.txt"; exit 1; }
    echo "4 GiB -> $to with -Xmx256m: $(grep -E 'Elapsed|Maximum resident' "$dir/time-$to.txt" | sed 's/^\s*//' | tr '\n' ';')"
  done
  rm -f "$dir"/big.*
fi
rm -f "$dir"/out.*
