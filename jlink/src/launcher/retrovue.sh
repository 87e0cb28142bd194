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
case $self in /*) ;; *) self=$PWD/$self ;; esac
self=${self//\/.\//\/}
home=${self%/*}   # bin/
case ${home##*/} in
  .|..|'') home=$(cd "$home/.." && pwd) ;;   # invoked through ./ or ../: let cd resolve it
  *) home=${home%/*}; home=${home:-/} ;;     # the usual case, without a subshell (a fork: 2-4 ms on these VMs)
esac
build=@BUILD@
cache=retrovue.aot
served=
case "$1 ${2:-}" in
  "source list"|"source show"|"source collections"|"source status"|"source list-types"|"source assets"|"source ingest"|"db status"|"completion --names"|"--version ")
    cache=retrovue-read.aot; served=1 ;;
esac
case " $* " in *" --debug "*) served= ;; esac # the resident process shows no log lines, which --debug asks for

# Sets inode to that of the socket listening on 127.0.0.1:$port when it is ours (state 0A, uid, inode in the table).
# A JVM listens on an IPv6 socket where it can (127.0.0.1 as ::ffff:127.0.0.1, in tcp6), else in tcp. In the C
# locale: glibc's regex is several times faster on these tables (tens of kB) without multibyte characters.
listening_inode() {
  local LC_ALL=C hex table tcp listening
  printf -v hex %04X "$port"
  listening=": (0000000000000000FFFF0000)?0100007F:$hex [0-9A-F]+:0000 0A [0-9A-F]+:[0-9A-F]+ [0-9A-F]+:[0-9A-F]+ [0-9A-F]+ +([0-9]+) +[0-9]+ +([0-9]+) "
  for table in /proc/net/tcp6 /proc/net/tcp; do
    tcp=
    if [ -r "$table" ]; then read -r -d '' tcp < "$table"; fi
    if [[ $tcp =~ $listening ]]; then
      if [ "${BASH_REMATCH[2]}" = "$EUID" ]; then inode=${BASH_REMATCH[3]}; fi
      return
    fi
  done
}

case ${RETROVUE_RESIDENT:-} in
  ""|on|off|only) ;;
  *) echo "error: RETROVUE_RESIDENT must be on, off or only (it is '${RETROVUE_RESIDENT//[^[:print:]]/?}'); unset it for the default (on)" >&2; exit 2 ;;
esac
if [ -n "$served" ] && [ "${RETROVUE_RESIDENT:-}" != off ]; then
  data=${RETROVUE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/retrovue}
  case $data in /*) ;; *) data=$PWD/$data ;; esac
  dir=$data/resident
  port= secret= owner= pid= fd= digest= refused=
  # The state file counts only when it and its folder are ours, not links, and no one else can write them (checked
  # below with the socket): a data directory may be another user's, who could plant a file naming a listener of theirs.
  if [ -f "$dir/state" ]; then
    if [ ! -L "$dir" ] && [ ! -L "$dir/state" ] && [ -O "$dir" ] && [ -O "$dir/state" ]; then
      read -r port secret owner pid fd digest _ < "$dir/state"
      case $port.$pid.$fd in *[!0-9.]*|.*|*..*|*.) port= refused="its state file is not valid" ;; esac
    else
      refused="its state file is not yours alone ($dir/state)"
    fi
  fi
  if [ -n "$port" ] && [ "$owner" != "$build" ]; then port= refused="it is of another build"; fi
  # Only to a live process of ours that holds the port's listening socket itself: a state file left by one killed
  # with -9 names a port anyone may listen on by now, and its pid may be another process's. The socket listening on
  # 127.0.0.1:PORT (state 0A in /proc/net/tcp6 or tcp) must be ours and be /proc/PID/fd/FD; the folder must be ours and
  # closed to others (700), the file ours and writable by us alone (one stat for the three).
  if [ -n "$port" ]; then
    refused="it is not running"
    if [ -O "/proc/$pid" ]; then
      refused="its process does not hold its port"
      inode=
      listening_inode
      if [ -n "$inode" ]; then
        modes=$(stat -L -c '%u %a %i' -- "$dir" "$dir/state" "/proc/$pid/fd/$fd" 2>/dev/null)
        read -r -d '' duid dmode _ suid smode _ _ _ sinode <<< "$modes"
        if [ "$sinode" != "$inode" ]; then
          :
        elif [ "$duid.$suid" != "$EUID.$EUID" ] || (( (8#${dmode:-777} & 8#077) != 0 || (8#${smode:-777} & 8#022) != 0 )); then
          refused="its state file is not yours alone ($dir/state)"
        else
          refused=
        fi
      fi
    fi
    [ -z "$refused" ] || port=
  fi
  # The environment it serves (database, plugins, JVM options, key of stored secrets, the enrichers' tools) must be ours: compared here through a digest salted
  # with its secret (EnvironmentDigest), so that no request carries the database password. "-" when all are unset.
  if [ -n "$port" ]; then
    mine=-
    if [ -n "${RETROVUE_DATABASE_URL:-}${RETROVUE_DATABASE_USER:-}${RETROVUE_DATABASE_PASSWORD:-}${RETROVUE_PLUGIN_PATH:-}${RETROVUE_JAVA_OPTS:-}${RETROVUE_SECRET_KEY:-}${RETROVUE_FFPROBE:-}${RETROVUE_FFMPEG:-}" ]; then
      mine=$secret
      for value in "${RETROVUE_DATABASE_URL:-}" "${RETROVUE_DATABASE_USER:-}" "${RETROVUE_DATABASE_PASSWORD:-}" \
          "${RETROVUE_PLUGIN_PATH:-}" "${RETROVUE_JAVA_OPTS:-}" "${RETROVUE_SECRET_KEY:-}" "${RETROVUE_FFPROBE:-}" "${RETROVUE_FFMPEG:-}"; do
        value=${value//\\/\\\\}; mine+=$'\n'${value//$'\n'/\\n}
      done
      mine=$(sha256sum <<< "$mine"); mine=${mine%% *}
    fi
    [ "$mine" = "$digest" ] || { port= refused="another environment"; }
  fi
  if [ -n "$port" ] && { exec 3<>"/dev/tcp/127.0.0.1/$port" 4<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    id="$$.$RANDOM$RANDOM"
    interactive=0
    if [ -t 0 ] && [ -t 1 ]; then interactive=1; fi
    printf '%s\0' RV2 "$secret" "$id" err >&4
    printf '%s\0' RV2 "$secret" "$id" run "$build" "$data" "$interactive" "$#" "$@" >&3
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
