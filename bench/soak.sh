#!/bin/sh
# Issue 20's soak: SoakIT under -Psoak. BLUE and RED run as two real node processes (SQLite, mutual
# TLS on loopback, link tests every 10 s) exchanging 50 envelopes/s (25 each way) for [minutes]
# (default 60). Every 30 s each process is read from outside (heap after a full GC via jcmd, open
# file descriptors, threads, RSS) with the delivery latency p50/p99 of that window; the CSV goes to
# parley-cli/target/soak/soak.csv (or $SOAK_CSV). Fails if anything is lost or duplicated or a
# growth bound in SoakIT is broken. Plot: python3 bench/soak-plot.py CSV docs/soak.svg
# Usage: bench/soak.sh [minutes]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
export JAVA_HOME="$PARLEY_JAVA_HOME"
MINUTES=${1:-60}
CSV=${SOAK_CSV:-$ROOT/parley-cli/target/soak/soak.csv}
echo "## Soak ($(date -u +%Y-%m-%dT%H:%MZ), $MINUTES min, $(nproc) cores, load average $(uptime | sed 's/.*load average: //'))"
LOG="$ROOT/parley-cli/target/soak/run.log"
mkdir -p "$(dirname "$LOG")" "$(dirname "$CSV")"
set +e
./mvnw -B -o -Psoak verify -pl parley-cli -am -Dredocly.skip=true -Djacoco.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SoakIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparley.soak.duration="PT${MINUTES}M" -Dparley.soak.csv="$CSV" >"$LOG" 2>&1
rc=$?
grep -E '^(SOAK |Tests run:|\[ERROR\] )' "$LOG" | grep -v '^SOAK [0-9]' || true
echo "CSV: $CSV"
[ "$rc" -eq 0 ] || echo "the soak failed (exit $rc); full log: $LOG"
exit "$rc"
