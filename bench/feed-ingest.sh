#!/bin/sh
# AIS ingest through the watch's feed layer (issue 17: the watch must keep up with 150,000 position
# reports/s): LiveFeed reads an AIS recording over loopback TCP, decodes it into PositionReports
# and hands them to a counting sink. Prints lines/s, positions/s and positions per CPU-second.
# The sending servers run in the same JVM (they copy one buffer to the socket) and are counted in
# the CPU figure. No track table, no sweep: this is the feed layer's share only.
#
# Usage: bench/feed-ingest.sh [REPEATS] [FEEDS] [FILE]
#        (defaults: 100 copies of the AMSA network feed, 29,799 lines each, over 1 feed)
# Env:   PARLEY_DATA  shared data folder (default ../shared/data beside the repository)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$ROOT/../shared/data}
REPEATS=${1:-100}
FEEDS=${2:-1}
FILE=${3:-$DATA/ais/amsa_ais.part1.txt}
cd "$ROOT"
CP_FILE=$(mktemp /tmp/feed-ingest-cp.XXXXXX)
trap 'rm -f "$CP_FILE"' EXIT INT TERM
./mvnw -B -q -o -Dspotless.check.skip=true -Djacoco.skip=true -Dredocly.skip=true \
  test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test \
  -pl parley-track -am >/dev/null
CP="$ROOT/parley-track/target/classes:$ROOT/parley-track/target/test-classes:$(cat "$CP_FILE")"
echo "## feed-ingest $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
java -Xmx1g -cp "$CP" org.parley.track.feed.LiveFeedIngestBench "$FILE" "$REPEATS" "$FEEDS"
