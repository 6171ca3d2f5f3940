#!/bin/sh
# Start-up and warm-up techniques for `parley ais decode` on a short run (issue 22: >= 10x
# gpsdecode at 1M sentences), measured one by one by CPU time. Not a test.
#
# Usage: bench/ais-startup.sh [min-sentences] [rounds]   (defaults 1000000 and 3)
# Each round runs `gpsdecode -j` once and every variant below once, in turn (so that load drifts
# spread over all of them), pinned to one core, output counted in a pipe on the other core, CPU
# read from /proc by bench/cpu-run.py (utime + stime of the JVM process, start-up and JIT
# included). Prints every run and then, per variant, the median CPU seconds and the ratio against
# the median of gpsdecode. The input is the one bench/ais-vs-gpsdecode.sh builds (same corpus).
# Class-data archives and AOT caches are made (untimed) before the first round, each trained on
# the whole input file unless its name says otherwise (8mb: the file's first 8 MB, as the launcher
# trains `adsb decode`). appcds-c1-xmn16m-noperf is what `./parley ais decode FILE` runs for a file
# under 200 MB; appcds-c1 is what it ran before 2026-12-05 19:00.
# Env:   PARLEY_JAR=path/to/parley.jar (default parley-cli/target/parley.jar, built by ./parley);
#        PARLEY_DATA, BENCH_CPU as for bench/ais-vs-gpsdecode.sh; VARIANTS="name name ..." to run
#        some of them only.
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$HERE/../shared/data}
MIN=${1:-1000000}
ROUNDS=${2:-3}
CPU=${BENCH_CPU:-0}
OTHER=$(( (CPU + 1) % $(nproc) ))
WORK=${TMPDIR:-/tmp}/parley-ais-startup
mkdir -p "$WORK"
JAVA=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
JAR=${PARLEY_JAR:-$HERE/parley-cli/target/parley.jar}
MAIN=org.parley.cli.ais.AisDecodeMain
[ -f "$JAR" ] || "$HERE/parley" --version >/dev/null
command -v gpsdecode >/dev/null || { echo "gpsdecode not found: apt-get install -y gpsd-clients" >&2; exit 1; }

# The corpus, concatenated until >= MIN sentences (as bench/ais-vs-gpsdecode.sh makes it).
INPUT="$WORK/ais-$MIN.nmea"
if [ ! -f "$INPUT" ]; then
  : > "$INPUT.one"
  for f in "$DATA"/ais/*.txt "$DATA"/ais/*.log "$DATA"/ais/*.aivdm "$DATA"/ais/*.nmea "$DATA"/ais/*.ais "$DATA"/ais/pyais_ais_test_messages; do
    [ -f "$f" ] && cat "$f" >> "$INPUT.one" && echo >> "$INPUT.one"
  done
  per=$(grep -c 'VD[MO],' "$INPUT.one")
  copies=$(( (MIN + per - 1) / per ))
  : > "$INPUT.tmp"
  i=0
  while [ $i -lt $copies ]; do cat "$INPUT.one" >> "$INPUT.tmp"; i=$((i + 1)); done
  mv "$INPUT.tmp" "$INPUT"
fi
head -c 8000000 "$INPUT" > "$WORK/ais-8mb.nmea"
sentences=$(grep -c 'VD[MO],' "$INPUT")

C1="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
TIERED="-XX:+TieredCompilation -XX:FreqInlineSize=100 -XX:+UseSerialGC"
JSA="$WORK/appcds.jsa"
# name | flags of the timed run (the variants that need a cache or archive get it from train()).
variants() {
  cat <<EOF
xshare-off|-Xshare:off $C1
jdk-cds-c1|-Xshare:auto $C1
appcds-c1|-XX:SharedArchiveFile=$JSA -Xlog:cds*=off $C1
appcds-c1-cic1|-XX:SharedArchiveFile=$JSA -Xlog:cds*=off $C1 -XX:CICompilerCount=1
appcds-tiered|-XX:SharedArchiveFile=$JSA -Xlog:cds*=off $TIERED
aot-c1|-XX:AOTCache=$WORK/aot-c1.aot -Xlog:aot*=off,cds*=off $C1
aot-c1-8mb|-XX:AOTCache=$WORK/aot-c1-8mb.aot -Xlog:aot*=off,cds*=off $C1
aot-c1-xmn16m|-XX:AOTCache=$WORK/aot-c1.aot -Xlog:aot*=off,cds*=off $C1 -Xmn16m
aot-c1-xmn16m-noperf|-XX:AOTCache=$WORK/aot-c1.aot -Xlog:aot*=off,cds*=off $C1 -Xmn16m -XX:-UsePerfData
appcds-c1-xmn16m|-XX:SharedArchiveFile=$JSA -Xlog:cds*=off $C1 -Xmn16m
appcds-c1-xmn16m-noperf|-XX:SharedArchiveFile=$JSA -Xlog:cds*=off $C1 -Xmn16m -XX:-UsePerfData
aot-tiered|-XX:AOTCache=$WORK/aot-tiered.aot -Xlog:aot*=off,cds*=off $TIERED
aot-tiered-8mb|-XX:AOTCache=$WORK/aot-tiered-8mb.aot -Xlog:aot*=off,cds*=off $TIERED
EOF
}
wanted() { [ -z "${VARIANTS:-}" ] || echo " $VARIANTS " | grep -q " $1 "; }

train() { # untimed: the launcher's dynamic archive, and AOT caches (JEP 483/514/515) per JIT mode
  rm -f "$JSA" "$WORK"/*.aot
  # shellcheck disable=SC2086
  "$JAVA" -XX:ArchiveClassesAtExit="$JSA" -Xlog:cds*=off $C1 -cp "$JAR" "$MAIN" "$INPUT" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$JAVA" -XX:AOTCacheOutput="$WORK/aot-c1.aot" -Xlog:disable $C1 -cp "$JAR" "$MAIN" "$INPUT" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$JAVA" -XX:AOTCacheOutput="$WORK/aot-c1-8mb.aot" -Xlog:disable $C1 -cp "$JAR" "$MAIN" "$WORK/ais-8mb.nmea" \
    >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$JAVA" -XX:AOTCacheOutput="$WORK/aot-tiered.aot" -Xlog:disable $TIERED -cp "$JAR" "$MAIN" "$INPUT" >/dev/null 2>&1
  # shellcheck disable=SC2086
  "$JAVA" -XX:AOTCacheOutput="$WORK/aot-tiered-8mb.aot" -Xlog:disable $TIERED -cp "$JAR" "$MAIN" \
    "$WORK/ais-8mb.nmea" >/dev/null 2>&1
}

measure() { # name command...: pinned, stdout counted on the other core; appends "name cpu_s lines"
  name=$1; shift
  python3 "$HERE/bench/cpu-run.py" "$WORK/run.cpu" -- taskset -c "$CPU" "$@" 2> "$WORK/run.err" \
    | taskset -c "$OTHER" python3 "$HERE/bench/count-lines.py" > "$WORK/run.count"
  cpu=$(awk '{ printf "%.3f", ($2 + $3) / $6 }' "$WORK/run.cpu")
  echo "$name $cpu $(cat "$WORK/run.count")" | tee -a "$WORK/runs.txt"
}

echo "input: $INPUT, $sentences sentences; jar $JAR; pinned to CPU $CPU; load $(cut -d' ' -f1-3 /proc/loadavg)"
train
: > "$WORK/runs.txt"
r=1
while [ "$r" -le "$ROUNDS" ]; do
  measure gpsdecode sh -c "exec gpsdecode -j < '$INPUT'" || true
  variants | while IFS='|' read -r name flags; do
    wanted "$name" || continue
    # shellcheck disable=SC2086
    measure "$name" "$JAVA" $flags -cp "$JAR" "$MAIN" "$INPUT"
  done
  r=$((r + 1))
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "variant             median CPU-s  runs                  ratio vs gpsdecode (CPU)"
awk '{ cpu[$1] = cpu[$1] " " $2; n[$1]++ } END {
  for (k in cpu) { split(substr(cpu[k], 2), v, " "); m = n[k];
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    med[k] = (m % 2) ? v[(m + 1) / 2] : (v[m / 2] + v[m / 2 + 1]) / 2; runs[k] = cpu[k] }
  for (k in med) printf "%-20s %8.3f    %-22s %6.2fx\n", k, med[k], runs[k], med["gpsdecode"] / med[k] }' "$WORK/runs.txt" | sort
