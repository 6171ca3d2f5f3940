#!/usr/bin/env bash
# The Flink encounter job's throughput on this machine: a seeded fleet (decoded reports, no
# broker) through the job in a local MiniCluster at parallelism 1 and 2, best of two runs each,
# and the scaling slope (reports/s at 2 over reports/s at 1). Figures go into docs/scale-out.md.
#
#   bench/flink-watch.sh [UNITS [SECONDS [SPREAD]]]   (default 1000 units over 60 s of traffic)
#
# SPREAD widens every cluster of the fleet (1: the dense clusters of the ITs, where nearly every
# report takes part in an encounter; 10: a hundred times the area, closer to open-sea traffic).
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=${1:-1000}
SECONDS_OF_TRAFFIC=${2:-60}
SPREAD=${3:-1}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"

# One reactor build (nothing is installed in ~/.m2): the siblings resolve to their target/classes;
# parley-flink, last in the reactor, writes the classpath file last.
nice -n 10 ./mvnw -B -q -Pflink -pl parley-flink -am test-compile dependency:build-classpath \
    -Dspotless.check.skip -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/parley-flink/target/bench.classpath"
CP="parley-flink/target/classes:parley-flink/target/test-classes:$(cat parley-flink/target/bench.classpath)"
OPENS=$(sed -n 's:.*<flink.opens>\(.*\)</flink.opens>.*:\1:p' parley-flink/pom.xml)

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
nice -n 10 "$JAVA" -Xmx2g $OPENS -Dspread="$SPREAD" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    org.parley.flink.FlinkBench "$UNITS" "$SECONDS_OF_TRAFFIC" 1 2 | tee /tmp/flink-watch.out
P1=$(sed -n 's/^RESULT parallelism 1: \([0-9]*\).*/\1/p' /tmp/flink-watch.out)
P2=$(sed -n 's/^RESULT parallelism 2: \([0-9]*\).*/\1/p' /tmp/flink-watch.out)
echo "machine after: load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$P1" -v b="$P2" 'BEGIN { printf "scaling slope p1 -> p2: %.2fx (%d -> %d reports/s)\n", b / a, a, b }'
