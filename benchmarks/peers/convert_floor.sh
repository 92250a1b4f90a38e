#!/bin/sh
# The floor `convert` is measured against: how long this machine takes to copy the input file to
# the output's file system (`cp`), and to write files the size of the Parquet and Arrow outputs
# from the page cache (`dd bs=1M` of the first bytes of the input), as whole processes beside
# `structscope stats` and `convert --to parquet|arrow` on the same file. "Near memory speed"
# (../shared/spec/cli-contract.md) means near these. The commands run interleaved, round after
# round, so that load from other work on a shared machine falls on all of them alike; every
# output is deleted before its run, outside the timing (freeing an old file's page cache inside
# the timed run costs seconds of system time here). Java is started directly with the launcher's
# flags and no AOT cache, as convert_ab.sh does. Prints machine, date, the load average of every
# run, every run (wall, CPU user + sys) and the medians.
# Needs /usr/bin/time (Debian: time) and a build (./mvnw -pl app -am package -DskipTests).
# Usage: sh convert_floor.sh DATA [ROUNDS] [OUTDIR]
#   DATA    records of the Tick struct, as convert_bench.sh writes them; its tick.h beside DATA
#   OUTDIR  where outputs go (default: DATA's directory)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
data=$1; rounds=${2:-3}
dir=$(dirname "$data"); out=${3:-$dir}
java="$(sed -n 2p "$root/target/launcher-jdk")/bin/java"
cp="$root/app/target/app-0.1.0-SNAPSHOT.jar:$(cat "$root/app/target/classpath.txt")"
flags="--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
runs="$out/floor-runs.txt"
app() { # the app's CLI, as the launcher starts it
  # shellcheck disable=SC2086
  "$java" ${JAVA_OPTS:-} $flags -cp "$cp" dev.structscope.app.Main "$@"
}
cat "$data" >/dev/null
# The outputs' sizes, for the dd runs (one untimed conversion each; also warms any cache).
for to in parquet arrow; do
  app convert "$dir/tick.h" --type Tick "$data" --to $to -o "$out/floor.$to" >/dev/null
done
pq_mib=$(( ($(stat -c %s "$out/floor.parquet") + 1048575) / 1048576 ))
ar_mib=$(( ($(stat -c %s "$out/floor.arrow") + 1048575) / 1048576 ))
rm -f "$out"/floor.*
echo "machine: $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -r)"
echo "date: $(date -u '+%F %H:%M UTC'); data: $data ($(stat -c %s "$data") bytes); outputs in $out ($(df -T "$out" | awk 'NR == 2 {print $2}'))"
echo "Parquet output ${pq_mib} MiB, Arrow output ${ar_mib} MiB"
: > "$runs"
for r in $(seq "$rounds"); do
  for what in cp dd-parquet dd-arrow stats parquet arrow; do
    rm -f "$out/floor.out"
    case $what in
      cp) set -- cp "$data" "$out/floor.out" ;;
      dd-parquet) set -- dd if="$data" of="$out/floor.out" bs=1M count=$pq_mib status=none ;;
      dd-arrow) set -- dd if="$data" of="$out/floor.out" bs=1M count=$ar_mib status=none ;;
      stats) set -- app stats "$dir/tick.h" --type Tick "$data" ;;
      *) set -- app convert "$dir/tick.h" --type Tick "$data" --to $what -o "$out/floor.out" ;;
    esac
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ "$1" = app ]; then
      shift
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S" -o "$out/floor-t.txt" "$java" ${JAVA_OPTS:-} $flags -cp "$cp" \
        dev.structscope.app.Main "$@" >/dev/null 2>"$out/floor-err.txt" || { cat "$out/floor-err.txt"; exit 1; }
    else
      /usr/bin/time -f "%e %U %S" -o "$out/floor-t.txt" "$@"
    fi
    echo "$what $(awk '{printf "%s %.2f", $1, $2 + $3}' "$out/floor-t.txt") $load" >> "$runs"
  done
done
rm -f "$out"/floor.out "$out"/floor-t.txt "$out"/floor-err.txt
python3 - "$runs" "$(stat -c %s "$data")" <<'P'
import sys, statistics as st, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    what, wall, cpu, load = line.split()
    rows[what].append((float(wall), float(cpu), load))
size = int(sys.argv[2])
for what, r in rows.items():
    wall = st.median(x[0] for x in r)
    print(f"{what:10} median wall {wall:.2f} s ({size / wall / 1e9:.2f} GB/s of input), cpu {st.median(x[1] for x in r):.2f} s;"
          f" runs (wall cpu load): {'; '.join(f'{w} {c} {l}' for w, c, l in r)}")
P
