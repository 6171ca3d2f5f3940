#!/bin/sh
# Encounter sweep benchmark (issue 6): full sweeps over 10k, 100k and 200k synthetic ships seeded
# from real AIS positions, the grid sweep against the O(n^2) all-pairs sweep at 10k, their ratio
# and the log-log scaling slope. Results go to docs/benchmarks.md by hand.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
JAVA_HOME="$PARLEY_JAVA_HOME" ./mvnw -B -q -o -Pjmh -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -pl parley-encounter -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="parley-encounter/target/test-classes:parley-encounter/target/classes:$(cat parley-encounter/target/bench.cp)"
exec "$PARLEY_JAVA_HOME/bin/java" -Xmx3g -XX:+UseParallelGC -cp "$CP" org.parley.encounter.SweepBenchmark \
  "${PARLEY_DATA:-$ROOT/../shared/data}" "$@"
