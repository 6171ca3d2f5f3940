#!/bin/sh
# AIS decode throughput: gpsdecode -j (gpsd-clients) against ./parley ais decode, same input, same
# core (taskset), same run. Not a test: prints sentences/s for both and the ratio.
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

# /usr/bin/time gives wall and CPU (user+sys) seconds; CPU is the fair figure when other jobs load
# the machine, wall clock is what a user waits. Both include process start (and JVM warm-up).
# Each decoder writes into a pipe whose lines bench/count-lines.py counts on another core: at 20M
# sentences each tool prints ~5.7 GB, and writing that to a file made the figures depend on the
# disk's writeback (the kernel throttles whichever process dirties pages fastest and bills it as
# system time). The counter enlarges the pipe to 1 MiB, so a writer of large blocks does not wait
# for the reader after every 64 KiB (wall time was 20% above CPU time with `wc -l`).
OTHER=$(( (CPU + 1) % $(nproc) ))
measure() { # name command...: runs the command pinned, its stdout counted in $WORK/name.count
  name=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$WORK/$name.time" taskset -c "$CPU" "$@" 2> "$WORK/$name.err" \
    | taskset -c "$OTHER" python3 "$HERE/bench/count-lines.py" > "$WORK/$name.count"
}
# Untimed: builds the jar if needed and lets the JVM write the launcher's class-data archive for
# `ais decode` (what every run after a user's first one finds).
"$HERE/parley" ais decode --stats "$DATA/ais/pyais_messages.ais" 2>/dev/null || true

measure gpsdecode sh -c "exec gpsdecode -j < '$INPUT'" || true
measure parley "$HERE/parley" ais decode "$INPUT"

report() { # name timefile objects
  awk -v n="$sentences" -v name="$1" -v objs="$3" '{ cpu = $2 + $3;
    printf "%-18s: %d objects, wall %.2f s = %.0f sentences/s, CPU %.2f s = %.0f sentences/CPU-s\n",
      name, objs, $1, n / $1, cpu, n / cpu }' "$2"
}
report "gpsdecode -j" "$WORK/gpsdecode.time" "$(cat "$WORK/gpsdecode.count")"
report "parley ais decode" "$WORK/parley.time" "$(cat "$WORK/parley.count")"
paste "$WORK/gpsdecode.time" "$WORK/parley.time" | awk '{ printf "ratio parley/gpsdecode: wall %.1fx, CPU %.1fx\n", $1 / $4, ($2 + $3) / ($5 + $6) }'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
