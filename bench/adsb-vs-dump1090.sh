#!/bin/sh
# Feeds the same Beast stream (built from the shared captures, >= 1M frames) to
# dump1090-mutability's Beast input port and to `parley adsb decode`, in the same run, and
# prints frames/s for both and the ratio.
#
# Usage: bench/adsb-vs-dump1090.sh [FRAMES]        (default 1000000)
# Env:   PARLEY_DATA  shared data folder (default ../shared/data beside the repository)
#        PARLEY_CMD   how to run the CLI (default ./parley at the repository root)
#        DUMP1090     the peer binary (default dump1090-mutability; Debian package of that name)
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$ROOT/../shared/data}
FRAMES=${1:-1000000}
PARLEY_CMD=${PARLEY_CMD:-$ROOT/parley}
DUMP1090=${DUMP1090:-dump1090-mutability}

command -v "$DUMP1090" >/dev/null 2>&1 || {
  echo "adsb-vs-dump1090: $DUMP1090 not found; install it with: apt-get install -y dump1090-mutability" >&2
  exit 1
}

WORK=$(mktemp -d /tmp/adsb-bench.XXXXXX)
DUMP_PID=""
cleanup() {
  if [ -n "$DUMP_PID" ]; then kill "$DUMP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

STREAM=$WORK/stream.beast
python3 "$ROOT/bench/adsb-make-beast.py" "$DATA" "$STREAM" "$FRAMES" >/dev/null
BYTES=$(wc -c <"$STREAM")
echo "stream: $FRAMES frames, $BYTES bytes (Beast, from shared/data/adsb captures)"

# Free ports for every dump1090 listener, so parallel runs and other services do not clash.
set -- $(python3 -c '
import socket
socks = [socket.socket() for _ in range(5)]
for s in socks: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()')
BI=$1; RI=$2; RO=$3; SBS=$4; BO=$5

"$DUMP1090" --net-only --net-bind-address 127.0.0.1 --net-bi-port "$BI" --net-ri-port "$RI" \
  --net-ro-port "$RO" --net-sbs-port "$SBS" --net-bo-port "$BO" \
  --net-heartbeat 0 --no-fix --quiet --stats >"$WORK/dump1090.log" 2>&1 &
DUMP_PID=$!

# Send the stream, half-close, and wait until dump1090 has read everything and closed its end:
# the elapsed time is its decode time for the whole stream.
DUMP_SECONDS=$(python3 - "$BI" "$STREAM" <<'PY'
import socket, sys, time
port, path = int(sys.argv[1]), sys.argv[2]
data = open(path, "rb").read()
for _ in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", port)); break
    except OSError:
        time.sleep(0.1)
start = time.monotonic()
s.sendall(data)
s.shutdown(socket.SHUT_WR)
while s.recv(65536):
    pass
print(f"{time.monotonic() - start:.3f}")
PY
)
# CPU seconds dump1090 used (it sleeps between network polls, so wall time is not all work).
DUMP_CPU=$(ps -o cputimes= -p "$DUMP_PID" | tr -d ' ' || echo "?")
kill -INT "$DUMP_PID" 2>/dev/null || true
wait "$DUMP_PID" 2>/dev/null || true
DUMP_PID=""
DUMP_ACCEPTED=$(grep -m1 "accepted with correct CRC" "$WORK/dump1090.log" | awk '{print $1}' || true)

# Parley: same stream on stdin (PARLEY_CMD is split on spaces on purpose); wall time includes JVM start, --stats reports the decode rate.
START=$(python3 -c 'import time; print(time.monotonic())')
/usr/bin/time -f "cpu %U %S" -o "$WORK/parley.time" \
  $PARLEY_CMD adsb decode --format beast --quiet --stats - <"$STREAM" 2>"$WORK/parley.log" || {
  echo "adsb-vs-dump1090: parley failed:" >&2; cat "$WORK/parley.log" >&2; exit 1
}
END=$(python3 -c 'import time; print(time.monotonic())')
PARLEY_DECODED=$(awk '/^frames/ {gsub(",",""); print $4}' "$WORK/parley.log")

PARLEY_CPU=$(awk '/^cpu/ {print $2 + $3}' "$WORK/parley.time")

python3 - "$FRAMES" "$DUMP_SECONDS" "$START" "$END" "$DUMP_ACCEPTED" "$PARLEY_DECODED" "$WORK/parley.log" \
  "$DUMP_CPU" "$PARLEY_CPU" <<'PY'
import sys
frames, dump_s, start, end = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
dump_ok, parley_ok, log = sys.argv[5], sys.argv[6], open(sys.argv[7]).read()
parley_s = end - start
inner = [l for l in log.splitlines() if l.startswith("frames")]
print(f"dump1090-mutability: {dump_s:.2f} s, {frames / dump_s:,.0f} frames/s (accepted: {dump_ok or '?'})")
print(f"parley adsb decode:  {parley_s:.2f} s, {frames / parley_s:,.0f} frames/s wall incl. JVM start (decoded: {parley_ok})")
if inner:
    print("  parley --stats:   " + inner[0])
print(f"ratio parley/dump1090 (wall): {dump_s / parley_s:.2f}x")
print(f"CPU seconds: dump1090 {sys.argv[8]}, parley {sys.argv[9]} (JVM start and JIT included)")
PY
