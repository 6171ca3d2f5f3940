#!/bin/sh
# Federation delivery benchmark (issue 8): FLASH end-to-end latency (sign, commit, send, verify,
# commit + signed receipt, verify receipt, commit) and sustained envelopes/s between two nodes on
# loopback over mutual TLS 1.3, each node on SQLite (WAL, synchronous=FULL) and on PostgreSQL.
# PostgreSQL from PARLEY_PG_URL/USER/PASSWORD (defaults: jdbc:postgresql://127.0.0.1:5432/parley,
# parley/parley); each run uses fresh schemas and drops them. Results go to docs/benchmarks.md
# by hand (section "Federation delivery").
# Usage: bench/federation-delivery.sh [warmup] [measured] [throughput-envelopes] [engines]
#   defaults: 200 1000 20000 sqlite,postgres
#   or:    bench/federation-delivery.sh flash-under-bulk [envelopes] [gap-ms] [engines]
#   defaults: 60000 100 sqlite,postgres (issue 20: a FLASH every gap-ms while the bulk transfer
#   saturates both cores; p50/p99 of time to stored at the peer; section "Safety lane" of the doc)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
MVN="./mvnw -B -q -o -Dspotless.check.skip=true -Djacoco.skip=true"
export JAVA_HOME="$PARLEY_JAVA_HOME"
# The federation module with the bench source, and the upstream modules from this tree (reactor
# build, so the upstream classes are this checkout's target/classes, not jars from ~/.m2; nothing is
# installed, which would replace the snapshots other checkouts resolve).
$MVN -Pjmh -pl parley-federation -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="parley-federation/target/test-classes:parley-federation/target/classes:$(cat parley-federation/target/bench.cp)"
echo "## Federation delivery ($(date -u +%Y-%m-%dT%H:%MZ), load average $(uptime | sed 's/.*load average: //'))"
# -XX:ThreadPriorityPolicy=1 -XX:+UseZGC: the lanes' thread priorities and the collector, as the parley
# launcher runs a node (issue 20). PARLEY_BENCH_JVM: more JVM options, later ones win (e.g.
# "-XX:ThreadPriorityPolicy=0 -XX:-UseZGC -XX:+UseG1GC" to compare with neither).
# shellcheck disable=SC2086
exec "$PARLEY_JAVA_HOME/bin/java" -Xms512m -Xmx1g -XX:ThreadPriorityPolicy=1 -XX:+UseZGC ${PARLEY_BENCH_JVM:-} --enable-native-access=ALL-UNNAMED -Dorg.slf4j.simpleLogger.defaultLogLevel=error \
  -cp "$CP" org.parley.federation.DeliveryBench "$@"
