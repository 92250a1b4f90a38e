#!/bin/sh
# Builds StructScope's Linux packages (run by the dist module: ./mvnw -B -Pdist -DskipTests package):
#   TARGET/runtime                    a Java runtime trimmed by jlink to the JDK modules the app uses
#   TARGET/image/structscope          jpackage's app image: that runtime, the app's jars, two native
#                                     launchers (bin/structscope: CLI and GUI as ./structscope, a
#                                     script; bin/structscope-gui: the desktop entry's, jpackage's)
#                                     and their AOT caches
#   TARGET/structscope_VERSION_amd64.deb   the image under /opt/structscope, `structscope` on the
#                                     PATH (/usr/bin), a desktop entry, the icon and the MIME type
# The AOT caches are made here by training runs with the packaged runtime itself (a cache is only
# good for the JVM and class path it was made with). See docs/user/install.md.
# Needs a JDK 25 (JAVA_HOME, or found in /usr/lib/jvm like ./structscope does), dpkg-deb, and
# xvfb-run for the GUI's training run (without it the GUI starts without a cache).
# Usage: sh package.sh TARGET VERSION
set -eu
target=$1 version=$2
src=$(cd "$(dirname "$0")/.." && pwd)
linux=$src/linux

jdk=
for d in ${JAVA_HOME:-} /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
  [ -x "$d/bin/jpackage" ] && [ -f "$d/release" ] || continue
  v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$d/release")
  if [ -n "$v" ] && [ "$v" -ge 25 ]; then jdk=$d; break; fi
done
[ -n "$jdk" ] || { echo "package.sh: no JDK 25 with jpackage found (set JAVA_HOME)" >&2; exit 1; }
echo "package.sh: JDK $jdk"

# The JDK modules the app and its libraries use, found with
#   jdeps --ignore-missing-deps --multi-release 25 --list-deps JAR   (over every jar of app-jars)
# java.desktop: JavaFX's Swing bridge and ImageIO (PNG export); java.sql: Arrow's and Jackson's
# date types; java.management, jdk.jfr: Arrow's memory accounting; java.prefs: the window and recent
# files preferences; java.logging, java.xml: JavaFX and its controls; jdk.unsupported: JavaFX and
# Arrow (sun.misc.Unsafe). Kept as a list, not computed on each build: jdeps takes two minutes
# over the 40 jars, and a module missing here fails the training runs below, not a user.
modules=java.base,java.desktop,java.logging,java.management,java.prefs,java.sql,java.xml,jdk.unsupported,jdk.jfr

# jpackage's input: the jars copy-dependencies left in app-jars, in a fresh folder (jpackage takes
# every file of it into the image).
rm -rf "$target/runtime" "$target/image" "$target/deb" "$target"/structscope_*.deb "$target/launchers" "$target/input"
mkdir -p "$target/input"
cp -p "$target/app-jars"/*.jar "$target/input/"
# Jars compiled for Java 5 (picocli's) replaced by copies raised to a class-file version the AOT
# cache can hold linked, as ./structscope does (app/src/build/java/LinkableJars.java).
rm -rf "$target/linkable-jars"
ls "$target/input"/*.jar | paste -sd: - >"$target/input-classpath.txt"
"$jdk/bin/java" "$src/../../../app/src/build/java/LinkableJars.java" "$target/input-classpath.txt" "$target/linkable-jars"
for j in "$target/linkable-jars"/*.jar; do
  [ ! -f "$j" ] || cp -p "$j" "$target/input/"
done
jars=$target/input
main_jar=$(cd "$jars" && ls app-*.jar)

echo "package.sh: jlink ($modules)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=zip-6 --output "$target/runtime"

# JavaFX loads its native libraries from the folder of its jars when they are there, and only
# otherwise extracts its own copies into ~/.openjfx/cache on the first start: put them there.
for j in "$jars"/javafx-*-linux.jar; do
  libs=$("$jdk/bin/jar" tf "$j" | grep '\.so$' || :)
  # (jar xf with no names would extract the whole jar)
  # shellcheck disable=SC2086
  [ -z "$libs" ] || (cd "$jars" && "$jdk/bin/jar" xf "$j" $libs)
done

# The JVM options of both launchers: the Arrow flags of ./structscope, and the AOT cache. The JVM
# checks a cache against its class path and runtime, and starts without it (no error) when it does
# not match; -Xlog:aot=off and -Xlog:cds=off keep the JVM's note about that off the output, and
# `structscope --verbose` says it instead (structscope.aot names the cache for it).
common='--enable-native-access=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Xlog:aot=off -Xlog:cds=off'
# CLI commands' JIT thresholds, as ./structscope sets them (see the comment there).
loops='dev.structscope.io.stats.RecordLoop*::run'
cli_jit="-XX:CompileThresholdScaling=3 -XX:CompileCommand=quiet -XX:CompileCommand=CompileThresholdScaling,$loops,0.1"
cli_jit="$cli_jit -XX:CompileCommand=BackgroundCompilation,$loops,false"
mkdir -p "$target/launchers"
cat >"$target/launchers/structscope-gui.properties" <<EOF
main-class=dev.structscope.app.DesktopMain
java-options=$common -XX:AOTCache=\$APPDIR/structscope-gui.aot -Dstructscope.aot=\$APPDIR/structscope-gui.aot
EOF

echo "package.sh: jpackage (app image)"
# shellcheck disable=SC2086
"$jdk/bin/jpackage" --type app-image --name structscope --dest "$target/image" \
  --input "$jars" --main-jar "$main_jar" --main-class dev.structscope.app.Main \
  --runtime-image "$target/runtime" --app-version "$version" --icon "$linux/structscope.png" \
  --description "Design C struct layouts and read bytes through them" --vendor StructScope \
  --java-options "$common" \
  --java-options '-XX:AOTCache=$APPDIR/structscope-cli.aot' \
  --java-options '-Dstructscope.aot=$APPDIR/structscope-cli.aot' \
  --add-launcher structscope-gui="$target/launchers/structscope-gui.properties"
image=$target/image/structscope
appdir=$image/lib/app

# bin/structscope, the command on the PATH, is a shell script in place of jpackage's native
# launcher: that launcher spends about 100 ms before the JVM starts (measured: 300 ms against
# 190 ms for the same `layout` started directly), as long as a whole `layout` with the AOT cache.
# The script starts the image's runtime at once, with the same options and class path as the
# .cfg, picks the GUI's cache for a GUI start (no arguments, or open) as ./structscope does, and
# passes JAVA_OPTS like it. bin/structscope-gui (the desktop entry's) stays jpackage's.
cpline=$(sed -n 's/^app\.classpath=//p' "$appdir/structscope.cfg" | sed 's|\$APPDIR|$app|g' | paste -sd: -)
cat >"$image/bin/structscope" <<EOF
#!/bin/sh
# StructScope's command (CLI and GUI: no arguments or open FILE starts the GUI, any other command
# runs the CLI). Written by dist/src/main/sh/package.sh; see docs/user/install.md.
set -eu
self=\$(readlink -f "\$0")
app=\${self%/bin/*}/lib/app
case \${1:-} in
  --verbose) first=\${2:-} ;;
  *) first=\${1:-} ;;
esac
kind=cli
if [ -z "\$first" ] || [ "\$first" = open ]; then kind=gui; fi
aot=\$app/structscope-\$kind.aot
# CLI commands: the serial collector (as ./structscope; the cache was trained with it), unless
# JAVA_OPTS names a collector, no hsperfdata file, and ./structscope's JIT thresholds (raised for
# everything, lowered for the generated record loops of stats and convert).
cli_opts=
if [ "\$kind" = cli ]; then
  cli_opts="-XX:-UsePerfData $cli_jit"
  case " \${JAVA_OPTS:-} " in
    *-XX:+Use*GC*) ;;
    *) cli_opts="-XX:+UseSerialGC \$cli_opts" ;;
  esac
fi
# No file name expansion of the unquoted options (the JIT pattern holds a *).
set -f
# shellcheck disable=SC2086
exec "\$app/../runtime/bin/java" \$cli_opts \${JAVA_OPTS:-} $common -XX:AOTCache="\$aot" -Dstructscope.aot="\$aot" \\
  -cp "$cpline" dev.structscope.app.Main "\$@"
EOF
chmod 755 "$image/bin/structscope"

# The training runs, with the image's runtime, options and class path (the one its .cfg names).
cp=$(sed -n 's/^app\.classpath=//p' "$appdir/structscope.cfg" | sed "s|\\\$APPDIR|$appdir|g" | paste -sd: -)
home=$(mktemp -d "${TMPDIR:-/tmp}/structscope-training.XXXXXX")
train() { # KIND [WRAPPER...]: makes $appdir/structscope-KIND.aot
  kind=$1
  shift
  gc=
  [ "$kind" = cli ] && gc="-XX:+UseSerialGC $cli_jit"
  set -f # the JIT pattern holds a *
  # shellcheck disable=SC2086
  timeout 300 "$@" "$image/lib/runtime/bin/java" $gc $common -XX:AOTCacheOutput="$appdir/structscope-$kind.aot" \
    -Duser.home="$home" -cp "$cp" dev.structscope.app.StartupTraining "$kind" >"$home/$kind.log" 2>&1 \
    && [ -f "$appdir/structscope-$kind.aot" ] \
    || { cat "$home/$kind.log" >&2; echo "package.sh: the $kind training run failed" >&2; exit 1; }
  set +f
}
echo "package.sh: AOT cache training run (CLI commands)"
train cli
if command -v xvfb-run >/dev/null 2>&1; then
  echo "package.sh: AOT cache training run (the GUI's first window, on a virtual display)"
  train gui xvfb-run -a
else
  echo "package.sh: no xvfb-run: the GUI's AOT cache is not made (the GUI starts without one)"
fi
rm -rf "$home"

echo "package.sh: Debian package"
root=$target/deb/root
# /opt/structscope, jpackage's own place for it: its launcher takes an image under /usr/lib for
# the split /usr layout (runtime and app apart) and does not find its runtime there.
mkdir -p "$root/opt" "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/mime/packages" \
  "$root/usr/share/icons/hicolor/256x256/apps" "$root/DEBIAN"
cp -a "$image" "$root/opt/structscope"
ln -s ../../opt/structscope/bin/structscope "$root/usr/bin/structscope"
cp "$linux/structscope.desktop" "$root/usr/share/applications/structscope.desktop"
cp "$linux/structscope-layout.xml" "$root/usr/share/mime/packages/structscope.xml"
cp "$linux/structscope.png" "$root/usr/share/icons/hicolor/256x256/apps/structscope.png"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
# The CLI needs nothing beyond the C library; the GUI needs GTK 3 and OpenGL (JavaFX draws in
# software without it), which apt installs as recommendations. The desktop database, MIME database
# and icon cache are updated by their own packages' dpkg triggers on these folders.
# Maintainer: the project, not a person; it has no mail address yet, and .invalid (RFC 2606) says
# so rather than naming a host that might exist. Replace it when the project has one.
cat >"$root/DEBIAN/control" <<EOF
Package: structscope
Version: $version
Section: devel
Priority: optional
Architecture: amd64
Installed-Size: $size
Depends: libc6
Recommends: libgtk-3-0t64 | libgtk-3-0, libgl1, libxtst6
Maintainer: StructScope developers <developers@structscope.invalid>
Description: design C struct layouts and read bytes through them
 StructScope lays out C structs and unions for five ABIs (like pahole, without a
 compiled binary), decodes and edits binary files and live messages through them,
 and compares and exports layouts. The package carries its own trimmed Java
 runtime and AOT caches for a quick start, so it needs no Java on the machine.
EOF
deb=$target/structscope_${version}_amd64.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "package.sh: $deb: $(du -k "$deb" | cut -f1) kB, installed $size kB"
