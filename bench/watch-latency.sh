#!/bin/sh
# The live encounter watch measured (issue 17.6), two modes of org.parley.cli.bench.WatchBench:
#   latency PAIRS   two nodes on loopback; BLUE's watch reads AIS over TCP (real background from
#                   the shared corpus, looped at ~2,000 lines/s, plus PAIRS bow crossings 2 s apart);
#                   prints the time from the report that confirms HOTLINE arriving at BLUE to the
#                   FLASH stored at RED (p50, p90, p99). Goal p99 < 1 s, p50 < 300 ms.
#   ingest SHIPS SECONDS   one watch fed a fleet of SHIPS moving ships as fast as loopback TCP goes;
#                   prints reports applied per second and the worst feed lag. Goal >= 150,000/s
#                   with 200,000 tracks and lag < 2 s.
# Usage: bench/watch-latency.sh [latency [PAIRS] | ingest [SHIPS] [SECONDS]]
#   defaults: latency 30; ingest 200000 30
# Env: PARLEY_DATA shared data folder (default ../shared/data beside the repository)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$ROOT/../shared/data}
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
export JAVA_HOME="$PARLEY_JAVA_HOME"
CP_FILE=$(mktemp /tmp/watch-bench-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT INT TERM
./mvnw -B -q -o -Dspotless.check.skip=true -Djacoco.skip=true -Dredocly.skip=true \
  test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test \
  -pl parley-cli -am >/dev/null
CP="$ROOT/parley-cli/target/test-classes:$ROOT/parley-cli/target/classes:$(cat "$CP_FILE")"
MODE=${1:-latency}
echo "## watch $MODE $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
case "$MODE" in
  latency) ARGS="latency ${2:-30} $DATA/ais/gpsd_sample.aivdm" ;;
  ingest)  ARGS="ingest ${2:-200000} ${3:-30}" ;;
  *) echo "usage: bench/watch-latency.sh [latency [PAIRS] | ingest [SHIPS] [SECONDS]]" >&2; exit 2 ;;
esac
exec "$PARLEY_JAVA_HOME/bin/java" -Xms1g -Xmx4g --enable-native-access=ALL-UNNAMED \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" org.parley.cli.bench.WatchBench $ARGS
