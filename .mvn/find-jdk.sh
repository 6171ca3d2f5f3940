# shellcheck shell=sh
# Finds the newest JDK >= 21 on this machine; sourced by ./parley and ./mvnw.
#
# Order: $JAVA_HOME (if it is a JDK >= 21), then the JDKs under the search
# path (PARLEY_JDK_SEARCH_PATH, colon separated; default /usr/lib/jvm,
# /usr/local/lib/jvm, /opt/java, /opt), then `javac` on PATH. The newest
# major version wins among the installed JDKs, because the build must run
# on the newest JDK while targeting --release 21.
#
# On success sets PARLEY_JAVA_HOME and returns 0; otherwise returns 1.

parley_jdk_major() {
  # Prints the major version of the JDK at $1, or nothing when $1 is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  if [ -r "$1/release" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9]*\).*/\1/p' | head -n 1)
  fi
  [ -n "$v" ] || return 1
  printf '%s\n' "$v"
}

parley_find_jdk() {
  PARLEY_JAVA_HOME=
  if [ -n "${JAVA_HOME-}" ]; then
    m=$(parley_jdk_major "$JAVA_HOME" || true)
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then
      PARLEY_JAVA_HOME=$JAVA_HOME
      return 0
    fi
  fi
  best=
  best_major=0
  # The caller may run with `set -f` (mvnw does); globbing is needed here.
  case $- in *f*) had_noglob=1 ;; *) had_noglob=0 ;; esac
  set +f
  old_ifs=$IFS
  IFS=:
  for root in ${PARLEY_JDK_SEARCH_PATH:-/usr/lib/jvm:/usr/local/lib/jvm:/opt/java:/opt}; do
    [ -d "$root" ] || continue
    for dir in "$root"/*; do
      [ -d "$dir" ] || continue
      m=$(parley_jdk_major "$dir" || true)
      if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then
        best=$dir
        best_major=$m
      fi
    done
  done
  IFS=$old_ifs
  [ "$had_noglob" = 0 ] || set -f
  if [ -z "$best" ] && [ -z "${PARLEY_JDK_SEARCH_PATH-}" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    m=$(parley_jdk_major "$dir" || true)
    if [ -n "$m" ] && [ "$m" -ge 21 ]; then best=$dir; fi
  fi
  [ -n "$best" ] || return 1
  PARLEY_JAVA_HOME=$best
  return 0
}

parley_no_jdk_message() {
  cat >&2 <<'MSG'
parley: no JDK 21 or newer was found.
  Looked at: $JAVA_HOME, the JDKs under /usr/lib/jvm, /usr/local/lib/jvm, /opt/java, /opt, and javac on PATH.
  Install one, then run the command again, for example:
    sudo apt-get install -y openjdk-21-jdk-headless     (Debian 13 / Ubuntu 24.04)
    or a Temurin 21+ JDK from https://adoptium.net, unpacked under /opt/java
  or point JAVA_HOME at an installed JDK 21+.
MSG
}
