#!/bin/sh
# Hotline core benchmarks (issue 7): Ed25519 envelope sign/verify per second, and durable
# inserts/s with p50/p99 commit latency on SQLite (WAL, synchronous=FULL) and PostgreSQL,
# one envelope per transaction and grouped. PostgreSQL from PARLEY_PG_URL/USER/PASSWORD
# (defaults: jdbc:postgresql://127.0.0.1:5432/parley, parley/parley).
# Usage: bench/hotline-core.sh [sign-operations] [store-envelopes]
set -eu
cd "$(dirname "$0")/.."
SIGN_OPS=${1:-20000}
STORE_ENVELOPES=${2:-2000}
MVN="./mvnw -B -q -o -Dspotless.check.skip=true -Djacoco.skip=true"
# Upstream modules as jars (main code only), then the two benchmark modules' test classes.
$MVN install -pl parley-testing,parley-wire,parley-crypto,parley-ledger -Dmaven.test.skip=true
$MVN test-compile -pl parley-crypto,parley-store
echo "## Ed25519 ($(date -u +%Y-%m-%dT%H:%MZ))"
$MVN exec:java -pl parley-crypto -Dexec.mainClass=org.parley.crypto.SigningBench \
  -Dexec.classpathScope=test -Dexec.args="$SIGN_OPS" 2>/dev/null
echo "## Store"
$MVN exec:java -pl parley-store -Dexec.mainClass=org.parley.store.StoreBench \
  -Dexec.classpathScope=test -Dexec.args="$STORE_ENVELOPES" 2>/dev/null
