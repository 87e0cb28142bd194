# Sourced by ./mvnw, ./retrovue and .ci/run: makes sure JAVA_HOME is a JDK 25 or newer.
# Without JAVA_HOME, the java on PATH is used when it is new enough, else a JDK 25 in the usual places.
# An explicit JAVA_HOME that is too old fails at once with one line.
rv_java_major() {
  rv_release="$1/release"
  if [ -f "$rv_release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rv_release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}
if [ -z "${JAVA_HOME:-}" ]; then
  rv_path_java=$(command -v java 2>/dev/null || true)
  if [ -n "$rv_path_java" ]; then
    rv_home=$(dirname "$(dirname "$(readlink -f "$rv_path_java")")")
    rv_major=$(rv_java_major "$rv_home")
    if [ "${rv_major:-0}" -ge 25 ] 2>/dev/null; then JAVA_HOME=$rv_home; fi
  fi
  if [ -z "${JAVA_HOME:-}" ]; then
    case $- in *f*) rv_noglob=1; set +f ;; *) rv_noglob= ;; esac
    for rv_candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
      rv_major=$(rv_java_major "$rv_candidate")
      if [ "${rv_major:-0}" -ge 25 ] 2>/dev/null; then JAVA_HOME=$rv_candidate; break; fi
    done
    if [ -n "$rv_noglob" ]; then set -f; fi
  fi
  if [ -z "${JAVA_HOME:-}" ]; then
    echo "error: RetroVue needs JDK 25 to build and run; install one and set JAVA_HOME to it" >&2
    exit 1
  fi
  export JAVA_HOME
fi
rv_major=$(rv_java_major "$JAVA_HOME")
if ! [ "${rv_major:-0}" -ge 25 ] 2>/dev/null; then
  echo "error: RetroVue needs JDK 25 to build and run, but JAVA_HOME=$JAVA_HOME is Java ${rv_major:-unknown}; set JAVA_HOME to a JDK 25" >&2
  exit 1
fi
