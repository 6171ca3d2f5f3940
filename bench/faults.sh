#!/bin/sh
# Issue 20: the fault suite at full length (NetworkFaultsIT, StoreFaultsIT and ClockFaultsIT under
# -Pfaults): a 5-minute full partition and the same asymmetric, 2 minutes of 30 % loss + 500 +- 200 ms
# delay + 64 kbit/s, stalled first endpoints for 2 minutes each, a full disk under the SQLite store for
# 2 minutes, the store's ext4 filesystem gone read-only for 2 minutes, PostgreSQL stopped for 10 s
# and cut off from both nodes for 60 s (both only with PARLEY_PG_URL set), and RED's clock 1 hour
# ahead and then behind for 2 minutes each;
# about 40 minutes in all. Both nodes run as real
# processes in their own network namespaces, so this needs root (ip netns, nft, tc); without it the
# suite is skipped with the reason. Prints one table row per fault ("FAULTS | ...") and the whole
# table at the end; the table is also appended to parley-cli/target/faults/table.md, and goes to
# docs/reliability.md by hand, with the date and load it was printed with.
# Usage: bench/faults.sh [scenarios]   e.g. bench/faults.sh partition,degraded   (default: all)
# Scenarios: partition asymmetric degraded stalled diskfull readonly pgrestart pgdown clockstep
# pgrestart stops and starts the machine's PostgreSQL cluster (pg_ctlcluster 15 main): every other
# client of that server loses its connections for the outage. pgdown leaves the server running and
# kills the relays the nodes reach it through, so other clients of the server do not notice.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
# The tools the process and storage faults use; each scenario skips with the reason when its tool is
# missing, so this only helps (as root, with Debian's apt).
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  missing=""
  [ -e /usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1 ] || missing="$missing libfaketime"
  command -v mkfs.ext4 >/dev/null || missing="$missing e2fsprogs"
  [ -z "$missing" ] || apt-get install -y -q $missing >/dev/null || echo "could not install$missing"
fi
parley_find_jdk || { parley_no_jdk_message; exit 1; }
export JAVA_HOME="$PARLEY_JAVA_HOME"
echo "## Fault suite ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $(uptime | sed 's/.*load average: //'))"
LOG="$ROOT/parley-cli/target/faults/run.log"
mkdir -p "$(dirname "$LOG")"
set +e
./mvnw -B -o -Pfaults verify -pl parley-cli -am -Dredocly.skip=true -Djacoco.skip=true \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=NetworkFaultsIT,StoreFaultsIT,ClockFaultsIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dparley.faults.scenarios="${1:-all}" >"$LOG" 2>&1
rc=$?
grep -E '^(FAULTS |\| |Fault suite|Tests run:|\[ERROR\] +[a-zA-Z]+.*(IT|Test)\.)' "$LOG"
[ "$rc" -eq 0 ] || echo "the fault suite failed (exit $rc); full log: $LOG"
exit "$rc"
