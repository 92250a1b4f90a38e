#!/bin/sh
# Whole-process wall-clock times of `structscope stats` beside its peers (the C mmap loop and
# numpy, each run once per process, so start-up counts for all of them), over a file of struct
# Bench32 records kept in the page cache. The commands run interleaved, round after round, so
# that load from other work on a shared machine falls on all of them alike; prints every run
# (wall clock, and CPU time user+sys, which load disturbs less), the load average, and the
# medians per command.
# Needs gcc, /usr/bin/time (Debian: time) and python3 with numpy.
# Usage: sh whole_process.sh FILE ROUNDS LAUNCHER [LAUNCHER...]
#   FILE      records of struct Bench32 (make one with RecordFileGenerator FILE 4g bench32)
#   LAUNCHER  a structscope launcher script, e.g. ./structscope (several to compare builds)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
file=$1 rounds=$2
shift 2
work=${TMPDIR:-/tmp}/structscope-whole.$$
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
cat >"$work/bench32.h" <<'EOF'
#include <stdint.h>
struct Bench32 { int64_t ts; int32_t id; float price; double qty; int32_t flags; uint32_t side; };
EOF
gcc -O2 -o "$work/stats_mmap" "$here/stats_mmap.c"
py=python3
"$py" -c 'import numpy' 2>/dev/null || py=/usr/bin/python3
cat "$file" >/dev/null

cmds=$work/commands
printf '%s\n' "C loop (gcc -O2, 1 thread)|$work/stats_mmap $file 1" "numpy memmap|$py $here/stats_numpy.py $file 1" >"$cmds"
for l in "$@"; do printf '%s\n' "stats $l|$l stats --type Bench32 $work/bench32.h $file" >>"$cmds"; done
key() { printf '%s' "$1" | tr -c 'A-Za-z0-9' _; }
# A first run of each, not counted: page cache, and any build a launcher does.
while IFS= read -r c; do sh -c "${c#*|}" </dev/null >/dev/null; done <"$cmds"
r=1
while [ "$r" -le "$rounds" ]; do
  echo "round $r, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  while IFS= read -r c; do
    /usr/bin/time -f '%e %U %S' -o "$work/t" sh -c "${c#*|}" </dev/null >/dev/null
    read -r wall user sys <"$work/t"
    ms=$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
    echo "  ${c%%|*}: $ms ms, CPU $cpu ms"
    echo "$ms" >>"$work/$(key "${c%%|*}").wall"
    echo "$cpu" >>"$work/$(key "${c%%|*}").cpu"
  done <"$cmds"
  r=$((r + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
echo "medians of $rounds:"
while IFS= read -r c; do
  k="$work/$(key "${c%%|*}")"
  echo "  ${c%%|*}: $(median "$k.wall") ms, CPU $(median "$k.cpu") ms"
done <"$cmds"
