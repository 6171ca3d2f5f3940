#!/bin/sh
# The kill -9 suite run repeatedly with FLASH-heavy traffic (issue 20): ExactlyOnceIT on SQLite, RUNS
# rounds of ENVELOPES envelopes (3 of 4 FLASH) in one Maven run, both node processes SIGKILLed at
# random; prints how many delivery stalls the watchdog reported ("has not come round") and where.
# Usage: bench/kill-loop.sh [runs] [envelopes]   defaults: 20 1000
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
parley_find_jdk || { parley_no_jdk_message; exit 1; }
export JAVA_HOME="$PARLEY_JAVA_HOME"
RUNS=${1:-20}
ENVELOPES=${2:-1000}
LOG=$(mktemp /tmp/parley-kill-loop.XXXXXX)
echo "## kill -9 loop ($(date -u +%Y-%m-%dT%H:%MZ), load average $(uptime | sed 's/.*load average: //'))"
set +e
./mvnw -B -o -Dspotless.check.skip=true -Djacoco.skip=true -Dredocly.skip=true -pl parley-cli -am verify \
  -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ExactlyOnceIT#sendWhileKilling_sqlite*' -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparley.exactlyOnce.runs="$RUNS" -Dparley.exactlyOnce.envelopes="$ENVELOPES" \
  -Dparley.exactlyOnce.precedences=FLASH,FLASH,FLASH,ROUTINE >"$LOG" 2>&1
STATUS=$?
set -e
echo "rounds: $RUNS x $ENVELOPES envelopes; Maven exit $STATUS; log $LOG"
echo "rounds passed: $(grep -c 'ExactlyOnceIT: round .* passed' "$LOG" || true)"
echo "stalls reported: $(grep -c 'reported a stuck delivery loop' "$LOG" || true)"
grep -A8 'reported a stuck delivery loop' "$LOG" | head -60 || true
echo "load average at the end: $(uptime | sed 's/.*load average: //')"
exit $STATUS
