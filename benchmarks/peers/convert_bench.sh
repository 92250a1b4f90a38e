#!/bin/sh
# Whole-process timings of `structscope convert` beside `structscope stats` on one file of 32-byte
# records (page cache warm, median of 3), and the bounded-memory run: a 4 GiB file converted in a
# JVM with -Xmx256m, peak RSS from /usr/bin/time -v (which counts the mapped input's pages) and
# peak RssAnon (heap, Arrow's native buffers, everything but file pages) sampled from /proc. The figures in docs/user/bulk.md come from here.
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
median3() { # OUT CMD...: prints "wall cpu" (seconds, medians of 3 runs) of CMD; cpu = user + sys.
  # OUT (or -) is deleted before each run, untimed: replacing a 1 GB file makes the kernel free the
  # old one's page cache inside the timed rename (seconds of sys time on this VM, nothing to do with convert).
  out=$1; shift
  for i in 1 2 3; do
    [ "$out" = - ] || rm -f "$out"
    /usr/bin/time -f "%e %U %S" -o "$dir/t.txt" "$@" >/dev/null 2>&1
    awk '{printf "%s %.2f\n", $1, $2 + $3}' "$dir/t.txt"
  done > "$dir/runs.txt"
  echo "$(cut -d' ' -f1 "$dir/runs.txt" | sort -n | sed -n 2p) $(cut -d' ' -f2 "$dir/runs.txt" | sort -n | sed -n 2p)"
}
peak_anon() { # runs "$@" and prints its peak RssAnon and RssFile (KiB), sampled every 0.2 s
  "$@" >/dev/null 2>"$dir/err.txt" & pid=$!
  anon=0; file=0
  while kill -0 $pid 2>/dev/null; do
    j=$(pgrep -P $pid java || echo $pid)
    a=$(awk '/RssAnon/ {print $2}' /proc/$j/status 2>/dev/null || echo 0); f=$(awk '/RssFile/ {print $2}' /proc/$j/status 2>/dev/null || echo 0)
    [ "${a:-0}" -gt $anon ] && anon=$a; [ "${f:-0}" -gt $file ] && file=$f
    sleep 0.2
  done
  wait $pid || { cat "$dir/err.txt"; return 1; }
  echo "peak RssAnon ${anon} KiB, peak RssFile ${file} KiB"
}
data="$dir/tick-${mib}m.bin"
gen "$data" "$mib"
cat "$data" > /dev/null
"$root/structscope" stats "$dir/tick.h" --type Tick "$data" > /dev/null   # builds if needed, warms up
echo "file: $data ($(stat -c %s "$data") bytes), $(nproc) cores, $(date -u +%F), load $(cut -d' ' -f1-3 /proc/loadavg)"
for what in stats parquet arrow; do
  if [ "$what" = stats ]; then
    r=$(median3 - "$root/structscope" stats "$dir/tick.h" --type Tick "$data")
  else
    r=$(median3 "$dir/out.$what" "$root/structscope" convert "$dir/tick.h" --type Tick "$data" --to "$what" -o "$dir/out.$what")
  fi
  wall=${r% *}; cpu=${r#* }
  echo "$what: median wall ${wall} s ($(echo "scale=3; $(stat -c %s "$data") / $wall / 1000000000" | bc) GB/s), median cpu ${cpu} s; runs (wall cpu): $(tr '\n' ';' < "$dir/runs.txt")"
done
ls -l "$dir"/out.*
if [ "${BIG:-yes}" = yes ]; then
  big="$dir/tick-4096m.bin"
  gen "$big" 4096
  for to in parquet arrow; do
    JAVA_OPTS=-Xmx256m /usr/bin/time -v "$root/structscope" convert "$dir/tick.h" --type Tick "$big" --to $to \
      -o "$dir/big.$to" 2> "$dir/time-$to.txt" || { cat "$dir/time-$to.txt"; exit 1; }
    echo "4 GiB -> $to with -Xmx256m: $(grep -E 'Elapsed|Maximum resident' "$dir/time-$to.txt" | sed 's/^\s*//' | tr '\n' ';')"
    echo "  again, sampled: $(JAVA_OPTS=-Xmx256m peak_anon "$root/structscope" convert "$dir/tick.h" --type Tick "$big" --to $to -o "$dir/big.$to")"
  done
  rm -f "$dir"/big.*
fi
rm -f "$dir"/out.*
