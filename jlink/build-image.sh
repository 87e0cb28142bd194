#!/usr/bin/env bash
# Builds the runtime image from the explicit modules in target/modules (ours, the dependencies, and the
# dependencies given descriptors by moditect), writes bin/retrovue, and trains the AOT cache on real commands.
# Called by Maven in the package phase; JAVA_HOME is a JDK 25.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
image="$target/retrovue"
modules="$target/modules"
jvm_flags=(--enable-native-access=org.jline.terminal.ffm -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:NewRatio=1 -XX:-UsePerfData -Xss1m -Xlog:aot=off -Xlog:cds=off)
main=org.retrovue.launcher/org.retrovue.launcher.Main

# picocli ships Java 5 class files, which the AOT cache cannot hold: give them a modern class file format.
asm_cp=$(ls "$modules"/asm-[0-9]*.jar "$modules"/asm-commons-*.jar "$modules"/asm-tree-*.jar | tr '\n' ':')
"$JAVA_HOME/bin/java" -cp "$asm_cp" "$here/src/build/ClassFileUpgrade.java" "$(ls "$modules"/picocli-*.jar)"

rm -rf "$image"
"$JAVA_HOME/bin/jlink" \
  --module-path "$modules" \
  --add-modules org.retrovue.launcher,org.jline.terminal.ffm,org.retrovue.plugin.filesystem,org.retrovue.plugin.plex,org.retrovue.plugin.jellyfin,org.retrovue.plugin.ffprobe,flyway.database.postgresql,org.objectweb.asm,org.objectweb.asm.commons \
  --output "$image" \
  --strip-debug --no-header-files --no-man-pages

mkdir -p "$image/plugins"
cat > "$image/plugins/README.txt" <<'TXT'
Drop plugin jars here (modules that provide org.retrovue.spi.SourceKind or org.retrovue.spi.Enricher); no rebuild needed.
`retrovue source list-types` and `retrovue enricher list-types` list what was loaded and why any jar was not.
TXT

# bin/retrovue, from its template; the build id (a digest of the image's modules) tells a resident process of
# another build apart, which is then not used (docs/adr/0008).
build=$(cksum < "$image/lib/modules" | awk '{print $1 "-" $2}')
sed -e "s|@BUILD@|$build|g" -e "s|@JVM_FLAGS@|${jvm_flags[*]}|g" -e "s|@MAIN@|$main|g" "$here/src/launcher/retrovue.sh" > "$image/bin/retrovue"
chmod 755 "$image/bin/retrovue"

# Train the AOT caches against a throw-away embedded database, and stop that database whatever happens.
training="$target/aot-training"
rm -rf "$training"
mkdir -p "$training/media/movies" "$training/media/shows" "$training/media/movies2" "$training/media/shows2"
for i in $(seq 1 300); do : > "$training/media/movies2/Film $i.mkv"; : > "$training/media/shows/Episode $i.mp4"; done
cp "$here"/src/training/*.tsv "$training/"
export RETROVUE_DATA_DIR="$training/data"
unset RETROVUE_DATABASE_URL
trap '"$image/bin/retrovue" db stop >/dev/null 2>&1 || true' EXIT
run_script() { # CACHE-OUTPUT-OR-EMPTY SCRIPT
  local record=()
  if [ -n "$1" ]; then record=(-XX:AOTCacheOutput="$image/lib/$1"); fi
  "$image/bin/java" "${record[@]}" "${jvm_flags[@]}" -Dretrovue.command.script="$training/$2" -m "$main" \
    >> "$training/training.log" 2>&1 || { cat "$training/training.log" >&2; exit 1; }
}
run_script "" seed.tsv                           # migrates and adds sources, not recorded
run_script retrovue-read.aot reads.tsv           # the read-only commands
run_script retrovue.aot commands.tsv             # every command, writes included
echo "runtime image: $image ($(du -sh "$image" | cut -f1)), AOT caches: $(cd "$image/lib" && du -h ./*.aot | tr '\t\n' ' ')"
