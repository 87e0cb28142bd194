# Sourced by the benchmarks: builds the image if needed, and gives them a throw-away data directory holding an
# embedded database with N filesystem sources, stopped and removed on exit.
#   . bench/sources.sh; seed_sources 100
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/.mvn/jdk25.sh"
image="$root/jlink/target/retrovue"
modules="$root/jlink/target/modules"
if [ ! -x "$image/bin/retrovue" ] || [ ! -d "$modules" ]; then
  echo "building the runtime image first..." >&2
  (cd "$root" && ./mvnw -q -DskipTests package) >&2
fi
work=$(mktemp -d /tmp/retrovue-bench.XXXXXX)
export RETROVUE_DATA_DIR="$work/data"
unset RETROVUE_DATABASE_URL
cleanup() { "$image/bin/retrovue" db stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT

# Adds N filesystem sources in one JVM (this also starts the embedded database and migrates it).
seed_sources() {
  local n=$1 script="$work/seed.tsv" i count
  for i in $(seq -w 1 "$n"); do
    mkdir -p "$work/media/library-$i"
    printf 'source\tadd\t--type\tfilesystem\t--name\tLibrary %s\t--base-path\t%s\n' "$i" "$work/media/library-$i" >> "$script"
  done
  "$image/bin/java" -Dretrovue.command.script="$script" -m org.retrovue.launcher/org.retrovue.launcher.Main >&2
  count=$("$image/bin/retrovue" source list --json | grep -c '"external_id"')
  [ "$count" -eq "$n" ] || { echo "expected $n sources, found $count" >&2; exit 1; }
}

# Waits for the resident process (docs/adr/0008) that a served command started; stops the bench if none came.
await_resident() {
  local state="$RETROVUE_DATA_DIR/resident/state"
  for _ in $(seq 1 50); do [ -s "$state" ] && return 0; sleep 0.1; done
  echo "the resident process did not start; see $RETROVUE_DATA_DIR/resident/log" >&2
  exit 1
}

ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
