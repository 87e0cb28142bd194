#!/usr/bin/env bash
# RetroVue launcher (written into the image as bin/retrovue by jlink/build-image.sh).
# 1. The commands the resident process serves (reads, ingest: docs/adr/0008) go to it over two loopback
#    connections: stdout comes back raw, stderr and the exit code as lines. No JVM starts for them.
# 2. Anything else, or when no resident process answers or it refuses the request, runs in a JVM of its own with
#    an AOT cache: the lean one for commands that never start the persistence unit (docs/adr/0005).
# RETROVUE_RESIDENT=off: never use the resident process; =only: a served command fails rather than run here.
# Find the image from $0 with shell built-ins (readlink and dirname cost ~9 ms of every command).
self=$0
if [ -L "$self" ]; then self=$(readlink -f "$self"); fi
case $self in */*) ;; *) self=$(command -v -- "$self") ;; esac
home=$(cd "${self%/*}/.." && pwd)
build=@BUILD@
cache=retrovue.aot
served=
case "$1 ${2:-}" in
  "source list"|"source show"|"source collections"|"source list-types"|"source assets"|"source ingest"|"db status"|"--version ")
    cache=retrovue-read.aot; served=1 ;;
esac

if [ -n "$served" ] && [ "${RETROVUE_RESIDENT:-}" != off ]; then
  data=${RETROVUE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/retrovue}
  case $data in /*) ;; *) data=$PWD/$data ;; esac
  port= secret= owner= pid= refused=
  if [ -r "$data/resident/state" ]; then read -r port secret owner pid _ < "$data/resident/state"; fi
  if [ -n "$owner" ] && [ "$owner" != "$build" ]; then refused="it is of another build"; fi
  # Only to a live process of ours: a state file left by one that was killed names a port anyone may take now,
  # and the request carries the database password.
  if [ -n "$port" ] && { [ -z "$pid" ] || [ ! -O "/proc/$pid" ]; }; then port= refused="it is not running"; fi
  if [ -n "$port" ] && [ "$owner" = "$build" ] \
      && { exec 3<>"/dev/tcp/127.0.0.1/$port" 4<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    id="$$.$RANDOM$RANDOM"
    interactive=0
    if [ -t 0 ] && [ -t 1 ]; then interactive=1; fi
    printf '%s\0' RV1 "$secret" "$id" err >&4
    printf '%s\0' RV1 "$secret" "$id" run "$build" "$data" "$interactive" \
      "${RETROVUE_DATABASE_URL:-}" "${RETROVUE_DATABASE_USER:-}" "${RETROVUE_DATABASE_PASSWORD:-}" \
      "${RETROVUE_PLUGIN_PATH:-}" "${RETROVUE_JAVA_OPTS:-}" "$#" "$@" >&3
    answer=
    IFS= read -r -t 30 answer <&4   # a process that does not even start the command within 30 s is not used
    refused=${answer#R}
    [ -n "$answer" ] || refused="it did not answer"
    if [ "$answer" = S ]; then
      # Ctrl-C once: the resident process interrupts the command, whose last words still come back; twice: leave.
      interrupted=
      trap 'if [ -n "$interrupted" ]; then exit 130; fi; interrupted=1; printf x >&4 2>/dev/null' INT
      trap 'exit 143' TERM
      cat <&3 4<&- &
      copier=$!
      exec 3<&-   # cat alone holds stdout's connection: if it dies (a closed pipe), the resident process sees it
      code=
      while :; do
        IFS= read -r line <&4
        status=$?
        if [ "$status" -eq 0 ]; then
          case $line in
            E*) printf '%b' "${line#E}" >&2 ;;
            X*) code=${line#X}; break ;;
          esac
        elif [ "$status" -le 128 ]; then
          break   # the connection ended
        fi        # else a read cut short by Ctrl-C: go on reading
      done
      wait "$copier"
      if [ -z "$code" ]; then
        echo "error: the resident RetroVue process ended during the command; run it again (RETROVUE_RESIDENT=off runs commands without it)" >&2
        exit 1
      fi
      if [ -n "$interrupted" ] && [ "$code" != 0 ]; then exit 130; fi
      exit "$code"
    fi
    exec 3<&- 4<&-   # refused (another environment, changed plugins, ...): run it here
  fi
  if [ "${RETROVUE_RESIDENT:-}" = only ]; then
    echo "error: no resident RetroVue process served this command (${refused:-none is running for $data}); run it without RETROVUE_RESIDENT=only" >&2
    exit 1
  fi
fi

if [ -f "$home/lib/$cache" ]; then
  exec "$home/bin/java" "-XX:AOTCache=$home/lib/$cache" @JVM_FLAGS@ -Dretrovue.home="$home" -Dretrovue.build=$build ${RETROVUE_JAVA_OPTS:-} -m @MAIN@ "$@"
fi
exec "$home/bin/java" @JVM_FLAGS@ -Dretrovue.home="$home" -Dretrovue.build=$build ${RETROVUE_JAVA_OPTS:-} -m @MAIN@ "$@"
