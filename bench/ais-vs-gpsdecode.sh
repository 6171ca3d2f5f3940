#!/bin/sh
# AIS decode throughput: gpsdecode -j (gpsd-clients) against ./parley ais decode, same input, same
# core (taskset), same run. Not a test: prints sentences per CPU-second for both and the CPU ratio,
# with wall time as a secondary column.
#
# Usage: bench/ais-vs-gpsdecode.sh [min-sentences]   (default 20000000, about 2 minutes)
# The default measures throughput: Parley is a JVM started per run, and at 1M sentences its
# ~0.3-0.9 s of start-up and JIT compilation is a large share of the run (docs/benchmarks.md).
# Env:   PARLEY_JAR=path/to/parley.jar to run that jar (the launcher then skips its rebuild check);
#        PARLEY_DATA=shared data folder (default ../shared/data beside the repository);
#        BENCH_CPU=core number for taskset (default 0).
set -eu
HERE=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$HERE/../shared/data}
MIN=${1:-20000000}
CPU=${BENCH_CPU:-0}
WORK=${TMPDIR:-/tmp}/parley-ais-bench
mkdir -p "$WORK"
INPUT="$WORK/ais-corpus.nmea"

command -v gpsdecode >/dev/null || { echo "gpsdecode not found: apt-get install -y gpsd-clients" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 not found: apt-get install -y python3" >&2; exit 1; }

# Real sentences only: every corpus file of the developer set, concatenated until >= MIN sentences.
: > "$INPUT.one"
for f in "$DATA"/ais/*.txt "$DATA"/ais/*.log "$DATA"/ais/*.aivdm "$DATA"/ais/*.nmea "$DATA"/ais/*.ais "$DATA"/ais/pyais_ais_test_messages; do
  [ -f "$f" ] && cat "$f" >> "$INPUT.one" && echo >> "$INPUT.one"
done
per=$(grep -c 'VD[MO],' "$INPUT.one")
copies=$(( (MIN + per - 1) / per ))
: > "$INPUT"
i=0
while [ $i -lt $copies ]; do cat "$INPUT.one" >> "$INPUT"; i=$((i + 1)); done
sentences=$(grep -c 'VD[MO],' "$INPUT")
echo "input: $INPUT, $sentences sentences ($copies copies of the corpus), pinned to CPU $CPU"

# CPU time is the comparison (other jobs share this machine; wall time is a secondary column): each
# program's own process is read from /proc/<pid>/stat when it exits (bench/cpu-run.py: utime+stime in
# clock ticks, all threads; for Parley the whole JVM, start-up and JIT compilation included, and the
# launcher script before its `exec java`). Both include process start.
# Each decoder writes into a pipe whose lines bench/count-lines.py counts on another core: at 20M
# sentences each tool prints ~5.7 GB, and writing that to a file made the figures depend on the
# disk's writeback (the kernel throttles whichever process dirties pages fastest and bills it as
# system time). The counter enlarges the pipe to 1 MiB, so a writer of large blocks does not wait
# for the reader after every 64 KiB (wall time was 20% above CPU time with `wc -l`).
OTHER=$(( (CPU + 1) % $(nproc) ))
measure() { # name command...: runs the command pinned, its stdout counted in $WORK/name.count
  name=$1; shift
  python3 "$HERE/bench/cpu-run.py" "$WORK/$name.cpu" -- taskset -c "$CPU" "$@" 2> "$WORK/$name.err" \
    | taskset -c "$OTHER" python3 "$HERE/bench/count-lines.py" > "$WORK/$name.count"
}
# Untimed: builds the jar if needed and lets the JVM write the launcher's class-data archive for
# `ais decode` (what every run after a user's first one finds).
"$HERE/parley" ais decode --stats "$DATA/ais/pyais_messages.ais" 2>/dev/null || true

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
measure gpsdecode sh -c "exec gpsdecode -j < '$INPUT'" || true
measure parley "$HERE/parley" ais decode "$INPUT"

report() { # name cpufile objects
  awk -v n="$sentences" -v name="$1" -v objs="$3" '{ cpu = ($2 + $3) / $6; kids = ($4 + $5) / $6;
    printf "%-18s: %d objects, CPU %.2f s = %.0f sentences/CPU-s, wall %.2f s = %.0f sentences/s", name, objs, cpu, n / cpu, $1, n / $1;
    if (kids > 0) printf " (child processes: %.2f CPU s, not counted)", kids; printf "\n" }' "$2"
}
report "gpsdecode -j" "$WORK/gpsdecode.cpu" "$(cat "$WORK/gpsdecode.count")"
report "parley ais decode" "$WORK/parley.cpu" "$(cat "$WORK/parley.count")"
paste "$WORK/gpsdecode.cpu" "$WORK/parley.cpu" | awk '{ printf "ratio parley/gpsdecode: CPU %.2fx (sentences per CPU-second), wall %.2fx\n", (($2 + $3) / $6) / (($8 + $9) / $12), $1 / $7 }'
echo "load average at start: $LOAD_START; at end: $(cut -d' ' -f1-3 /proc/loadavg)"
