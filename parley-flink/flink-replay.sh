#!/bin/sh
# `parley flink replay FILE... [--parties YAML] [--rules YAML] [--json] [--parallelism N]`:
# the encounter watch as the Flink job in a local MiniCluster, straight from the files; prints the
# lines `parley encounters replay` prints. Builds parley-flink (-Pflink) when its jar is missing or
# older than the sources. The launcher hands over to this script (see docs/scale-out.md).
set -eu

PARLEY_HOME=$(cd "$(dirname "$0")/.." && pwd)
. "$PARLEY_HOME/.mvn/find-jdk.sh"
if ! parley_find_jdk; then
  parley_no_jdk_message
  exit 1
fi
JAVA="$PARLEY_JAVA_HOME/bin/java"
TARGET="$PARLEY_HOME/parley-flink/target"
JAR="$TARGET/parley-flink-0.1.0-SNAPSHOT.jar"
CLASSPATH_FILE="$TARGET/runtime.classpath"

stale() {
  [ -f "$JAR" ] && [ -f "$CLASSPATH_FILE" ] || return 0
  changed=$(cd "$PARLEY_HOME" && find . -path ./.git -prune -o -path '*/target' -prune -o \
    \( -name pom.xml -o -path '*/src/main/*' \) -type f -newer "$JAR" -print | head -n 1)
  [ -n "$changed" ]
}

if stale; then
  mkdir -p "$PARLEY_HOME/target"
  log="$PARLEY_HOME/target/parley-flink-build.log"
  echo "parley: building parley-flink (first run or sources changed; log in target/parley-flink-build.log)" >&2
  # The last module of the reactor (parley-flink) writes the classpath file last. -DskipTests, not
  # maven.test.skip: parley-flink resolves the scenario scripts from parley-encounter's test jar.
  if ! (cd "$PARLEY_HOME" && JAVA_HOME="$PARLEY_JAVA_HOME" ./mvnw -B -q -Pflink -DskipTests \
      -Dspotless.check.skip=true -Djacoco.skip=true -pl parley-flink -am package dependency:build-classpath \
      -Dmdep.includeScope=runtime -Dmdep.outputFile="$CLASSPATH_FILE") >"$log" 2>&1; then
    rm -f "$CLASSPATH_FILE" # a failed reactor leaves an upstream module's classpath in it
    echo "parley: the build failed; the last lines of $log:" >&2
    tail -n 30 "$log" >&2
    exit 1
  fi
fi

OPENS=$(sed -n 's:.*<flink.opens>\(.*\)</flink.opens>.*:\1:p' "$PARLEY_HOME/parley-flink/pom.xml")
# shellcheck disable=SC2086 # the --add-opens flags are words on purpose
exec "$JAVA" $OPENS -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$JAR:$(cat "$CLASSPATH_FILE")" \
  org.parley.flink.FlinkReplay "$@"
