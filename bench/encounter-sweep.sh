#!/bin/sh
# Encounter sweep benchmark (issue 6). Results go to docs/benchmarks.md by hand.
#
#   bench/encounter-sweep.sh [SIZES [--no-brute]]
#       full sweeps over synthetic fleets (default 10000,100000,200000 ships) seeded from real AIS
#       positions at the density of the 10k fleet; the grid sweep against the O(n^2) all-pairs
#       sweep at the first size in the same run; wall and process CPU per sweep, the ratio and the
#       log-log scaling slope.
#   bench/encounter-sweep.sh jmh [JMH OPTIONS]
#       the same fleets under JMH (SweepJmh), e.g. `jmh -prof gc -p ships=10000,200000` for the
#       allocation per sweep.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
JAVA_HOME="$PARLEY_JAVA_HOME" ./mvnw -B -q -o -Pjmh -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true \
  -pl parley-encounter -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
CP="parley-encounter/target/test-classes:parley-encounter/target/classes:$(cat parley-encounter/target/bench.cp)"
DATA="${PARLEY_DATA:-$ROOT/../shared/data}"
if [ "${1:-}" = jmh ]; then
  shift
  exec "$PARLEY_JAVA_HOME/bin/java" -Dparley.data="$DATA" -cp "$CP" org.openjdk.jmh.Main SweepJmh \
    -jvmArgsAppend "-Dparley.data=$DATA" "$@"
fi
exec "$PARLEY_JAVA_HOME/bin/java" -Xmx3g -XX:+UseParallelGC -cp "$CP" org.parley.encounter.SweepBenchmark "$DATA" "$@"
