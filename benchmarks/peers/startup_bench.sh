#!/bin/sh
# Start-up as whole processes: `structscope layout HEADER --json` and `structscope stats` over a
# small file (200 kB, so the time is start-up), paired with the python3 ctypes one-liner that asks
# `layout`'s question (sizeof and an offset). The commands run interleaved, round after round, so
# that load from other work on a shared machine falls on all of them alike. Times come from
# /usr/bin/time around each process (Debian package: time): wall clock, and CPU time (user+sys,
# which load disturbs less); prints the machine, date and load average, every round, and the
# medians per command.
# With an X display in DISPLAY (for example Xvfb :95 -screen 0 1366x768x24), each launcher's GUI
# is also started (no arguments: the window on the bundled sample) and timed from the moment the
# script starts it to the first frame drawn in its window, which the app prints when
# -Dstructscope.firstWindow=exit is in JAVA_OPTS (and then exits); with a fresh user.home, so the
# user's window preferences are neither read nor written.
# Usage: sh startup_bench.sh ROUNDS LAUNCHER [LAUNCHER...]
#   LAUNCHER  a structscope command: ./structscope, /usr/bin/structscope, or
#             "env STRUCTSCOPE_AOT=off ./structscope" to see the start without the AOT cache.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
samples=$(cd "$here/../../sample-files/src/main/resources/dev/structscope/samples" && pwd)
rounds=$1
shift
work=${TMPDIR:-/tmp}/structscope-startup.$$
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

cmds=$work/commands
cat >"$cmds" <<'EOF'
python3 ctypes one-liner|python3 -c "import ctypes; P = type('POINT', (ctypes.Structure,), {'_fields_': [('x', ctypes.c_int), ('y', ctypes.c_int)]}); print(ctypes.sizeof(P), P.y.offset)"
EOF
for l in "$@"; do
  printf '%s\n' "layout --json: $l|$l layout $samples/point.h --json" >>"$cmds"
  printf '%s\n' "stats (200 kB): $l|$l stats --type Tick $samples/ticks.h $samples/ticks.bin" >>"$cmds"
  [ -z "${DISPLAY:-}" ] || printf '%s\n' "GUI first window: $l|$l" >>"$cmds"
done
key() { printf '%s' "$1" | tr -c 'A-Za-z0-9' _; }
mkdir -p "$work/home"
gui_opts="${JAVA_OPTS:-} -Dstructscope.firstWindow=exit -Duser.home=$work/home"
is_gui() { case $1 in "GUI first window: "*) return 0 ;; *) return 1 ;; esac; }
run() {
  if is_gui "$1"; then
    # (the first start of a launcher may make the GUI's AOT cache: a training run of its own)
    JAVA_OPTS=$gui_opts timeout 600 sh -c "${1#*|}" </dev/null >/dev/null 2>"$work/err"
  else
    sh -c "${1#*|}" </dev/null >/dev/null 2>"$work/err"
  fi
}
# window C: the milliseconds from starting GUI command C to its first drawn frame (from its stderr).
window() {
  start=$(date +%s%3N)
  JAVA_OPTS=$gui_opts timeout 120 sh -c "${1#*|}" </dev/null >/dev/null 2>"$work/err" || :
  drawn=$(sed -n 's/^structscope: first window drawn at \([0-9]*\) ms.*/\1/p' "$work/err")
  [ -n "$drawn" ] || { echo "no first window from: ${1%%|*}" >&2; cat "$work/err" >&2; exit 1; }
  echo $((drawn - start))
}

echo "machine: $(uname -srm), $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# A first run of each, not counted: page cache, and any build a launcher does.
while IFS= read -r c; do run "$c" || { echo "failed: ${c%%|*}"; cat "$work/err"; exit 1; }; done <"$cmds"
r=1
while [ "$r" -le "$rounds" ]; do
  line="round $r (load $(cut -d' ' -f1 /proc/loadavg)):"
  while IFS= read -r c; do
    if is_gui "$c"; then
      ms=$(window "$c" </dev/null) && [ -n "$ms" ] || exit 1
      line="$line $ms"
      echo "$ms" >>"$work/$(key "${c%%|*}").wall"
      continue
    fi
    /usr/bin/time -f '%e %U %S' -o "$work/t" sh -c "${c#*|}" </dev/null >/dev/null 2>"$work/err"
    read -r wall user sys <"$work/t"
    ms=$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
    line="$line $ms/$cpu"
    echo "$ms" >>"$work/$(key "${c%%|*}").wall"
    echo "$cpu" >>"$work/$(key "${c%%|*}").cpu"
  done <"$cmds"
  echo "$line (wall/CPU ms; the GUI's: to the first frame)"
  r=$((r + 1))
done
median() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2)}'; }
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $rounds (whole process: wall clock, and CPU time user+sys, which load disturbs less):"
while IFS= read -r c; do
  k="$work/$(key "${c%%|*}")"
  if is_gui "$c"; then
    echo "  ${c%%|*}: $(median "$k.wall") ms to the first frame"
  else
    echo "  ${c%%|*}: $(median "$k.wall") ms, CPU $(median "$k.cpu") ms"
  fi
done <"$cmds"
