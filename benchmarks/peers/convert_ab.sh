#!/bin/sh
# Before/after timings of `convert`, interleaved so that both see the same load: the app as built
# (after) against the same app with another columnar jar (before, e.g. one built from an older
# commit: `git archive OLD columnar/src/main | tar -x -C /tmp/old`, javac the sources against
# app/target/classpath.txt plus hadoop-client-api, jar them). Both run java directly with the
# launcher's flags and no AOT cache, so that the cache (made for one class path) favours neither.
# Prints the median wall and CPU (user + sys) of each, with every run and the load average.
# Usage: sh convert_ab.sh BEFORE_COLUMNAR_JAR DATA [ROUNDS]   (DATA: records of the Tick struct
# that convert_bench.sh writes; its tick.h must be beside DATA)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
before_jar=$1; data=$2; rounds=${3:-3}
dir=$(dirname "$data")
java="$(sed -n 2p "$root/target/launcher-jdk")/bin/java"
deps=$(cat "$root/app/target/classpath.txt")
after="$root/app/target/app-0.1.0-SNAPSHOT.jar:$deps"
before="$root/app/target/app-0.1.0-SNAPSHOT.jar:$(echo "$deps" | sed "s#$root/columnar/target/columnar-0.1.0-SNAPSHOT.jar#$before_jar#")"
flags="--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
runs="$dir/ab-runs.txt"
: > "$runs"
for r in $(seq "$rounds"); do
  for v in before after; do
    eval cp=\$$v
    for what in stats parquet arrow; do
      [ $v = before ] && [ $what = stats ] && continue
      rm -f "$dir/ab.out"
      if [ $what = stats ]; then set -- stats "$dir/tick.h" --type Tick "$data"
      else set -- convert "$dir/tick.h" --type Tick "$data" --to $what -o "$dir/ab.out"; fi
      # shellcheck disable=SC2086
      /usr/bin/time -f "%e %U %S" -o "$dir/ab-t.txt" "$java" ${JAVA_OPTS:-} $flags -cp "$cp" dev.structscope.app.Main "$@" \
        >/dev/null 2>"$dir/ab-err.txt" || { cat "$dir/ab-err.txt"; exit 1; }
      echo "$v $what $(awk '{printf "%s %.2f", $1, $2 + $3}' "$dir/ab-t.txt") $(cut -d' ' -f1 /proc/loadavg)" >> "$runs"
    done
  done
done
rm -f "$dir/ab.out"
python3 - "$runs" <<'P'
import sys, statistics as st, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    v, what, wall, cpu, load = line.split()
    rows[(v, what)].append((float(wall), float(cpu), load))
for k in [("after", "stats"), ("before", "parquet"), ("after", "parquet"), ("before", "arrow"), ("after", "arrow")]:
    r = rows.get(k)
    if r:
        print(f"{k[0]:6} {k[1]:7} median wall {st.median(x[0] for x in r):.2f} s, cpu {st.median(x[1] for x in r):.2f} s;"
              f" runs (wall cpu load): {'; '.join(f'{w} {c} {l}' for w, c, l in r)}")
P
