#!/bin/sh
# Checks the Debian package the dist module built, the way a machine with no Java would run it:
#  1. unpacked with dpkg-deb -x into a temporary root, its usr/bin/structscope is run with an empty
#     environment (no JAVA_HOME, PATH=/usr/bin:/bin, so no JDK): `layout --json` and `stats` and
#     `decode` print what the reference command (the checkout's ./structscope) prints, with nothing on
#     stderr; `--verbose` says that the AOT cache is in use (the cache was made in the build tree,
#     so this is also the check that it survives being moved);
#  2. a stale cache (made for other JVM options: JAVA_OPTS with a module option), a damaged one
#     (truncated) and a missing one: the same output, still nothing on stderr, and `--verbose`
#     says the cache was not used;
#  3. its desktop entry passes desktop-file-validate (when installed: Debian desktop-file-utils);
#  4. with --install (as root, CI): dpkg -i, the same runs of /usr/bin/structscope, dpkg -r.
# No timings are asserted. Exit status 0 when all hold; each failure is one line.
# Usage: sh check-package.sh DEB REFERENCE [--install]
#   REFERENCE  the command to compare with, e.g. ./structscope
set -eu
deb=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
ref=$2
install=${3:-}
repo=$(cd "$(dirname "$0")/../../../.." && pwd)
samples=$repo/sample-files/src/main/resources/dev/structscope/samples
work=$(mktemp -d "${TMPDIR:-/tmp}/structscope-check.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }

# The commands compared, one per line (arguments separated by spaces; the sample paths have none).
cat >"$work/commands" <<EOF
layout $samples/point.h --json
layout $samples/ticks.h
stats --type Tick $samples/ticks.h $samples/ticks.bin
decode --type POINT $samples/point.h $samples/point.bin --all
EOF
n=0
while IFS= read -r c; do
  n=$((n + 1))
  # shellcheck disable=SC2086
  $ref $c >"$work/expected.$n" 2>/dev/null || fail "the reference $ref $c failed"
done <"$work/commands"

# run LABEL STRUCTSCOPE VERBOSE_EXPECTED [VAR=VALUE]: the commands with an empty environment (but
# for VAR), compared.
run() {
  label=$1 cmd=$2 expect=$3 extra=${4:-}
  n=0
  while IFS= read -r c; do
    n=$((n + 1))
    # shellcheck disable=SC2086
    if env -i PATH=/usr/bin:/bin HOME="$work/home" $extra "$cmd" $c >"$work/out" 2>"$work/err"; then :; else
      fail "$label: structscope $c exited $?"; cat "$work/err"; continue
    fi
    cmp -s "$work/out" "$work/expected.$n" || { fail "$label: structscope $c differs from $ref's output"; continue; }
    [ ! -s "$work/err" ] || { fail "$label: structscope $c wrote on stderr:"; cat "$work/err"; continue; }
  done <"$work/commands"
  # shellcheck disable=SC2086
  env -i PATH=/usr/bin:/bin HOME="$work/home" $extra "$cmd" --verbose layout "$samples/point.h" >/dev/null 2>"$work/verbose" || :
  if grep -q "AOT cache: .*$expect" "$work/verbose"; then
    ok "$label: same output as $ref, nothing on stderr; --verbose: $(grep 'AOT cache' "$work/verbose")"
  else
    fail "$label: --verbose did not say '$expect':"; cat "$work/verbose"
  fi
}

mkdir -p "$work/home"
if env -i PATH=/usr/bin:/bin sh -c 'command -v java' >/dev/null 2>&1; then
  echo "note: a java is on PATH=/usr/bin:/bin here; the package does not use it (it runs its own runtime)"
fi
dpkg-deb -x "$deb" "$work/root"
bin=$work/root/usr/bin/structscope
appdir=$work/root/opt/structscope/lib/app
run "unpacked" "$bin" "in use"

cp -a "$appdir/structscope-cli.aot" "$work/cli.aot"
# (JDK 25 does not notice a touched jar whose classes the cache holds linked — every jar's, since
# picocli's are raised to a linkable version — so a stale cache here is one made for other JVM
# options, which it does notice.)
run "stale cache (other JVM options)" "$bin" "does not match" JAVA_OPTS=--add-modules=java.sql
head -c 1000000 "$work/cli.aot" >"$appdir/structscope-cli.aot"
run "damaged cache (truncated)" "$bin" "does not match"
rm -f "$appdir/structscope-cli.aot"
run "missing cache" "$bin" "is missing"

if command -v desktop-file-validate >/dev/null 2>&1; then
  if desktop-file-validate "$work/root/usr/share/applications/structscope.desktop"; then
    ok "desktop-file-validate"
  else
    fail "desktop-file-validate"
  fi
else
  echo "skipped: desktop-file-validate (Debian package desktop-file-utils) is not installed"
fi

if [ "$install" = --install ]; then
  dpkg -i "$deb" >/dev/null
  run "installed (dpkg -i)" /usr/bin/structscope "in use"
  dpkg -r structscope >/dev/null
fi

[ "$failures" -eq 0 ] && echo "check-package: all checks hold" || echo "check-package: $failures failure(s)"
[ "$failures" -eq 0 ]
