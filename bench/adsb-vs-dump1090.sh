#!/bin/sh
# Feeds the same Beast stream (built from the shared captures) to dump1090-mutability's Beast input
# port and to `parley adsb decode`, in the same run, both pinned to one core, and prints frames per
# CPU-second for both and their ratio, with wall time as a secondary column.
#
# CPU, not wall time, is the comparison: dump1090's network loop sleeps between polls, so its wall
# time for a stream is mostly sleep. Its CPU is read from /proc/<pid>/stat (utime+stime, clock
# ticks) just before the stream is sent and just after dump1090 has read all of it; Parley's is the
# whole JVM process from start to exit (bench/cpu-run.py: utime+stime of the java pid, JVM start,
# class loading and JIT compilation included).
#
# Usage: bench/adsb-vs-dump1090.sh [FRAMES]        (default 5000000)
# Env:   PARLEY_DATA  shared data folder (default ../shared/data beside the repository)
#        PARLEY_CMD   how to run the CLI (default ./parley at the repository root; split on spaces)
#        DUMP1090     the peer binary (default dump1090-mutability; Debian package of that name)
#        BENCH_CPU    core both programs are pinned to (default 0); the sender runs on another
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${PARLEY_DATA:-$ROOT/../shared/data}
FRAMES=${1:-5000000}
CPU=${BENCH_CPU:-0}
OTHER=$(( (CPU + 1) % $(nproc) ))
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

taskset -c "$CPU" "$DUMP1090" --net-only --net-bind-address 127.0.0.1 --net-bi-port "$BI" --net-ri-port "$RI" \
  --net-ro-port "$RO" --net-sbs-port "$SBS" --net-bo-port "$BO" \
  --net-heartbeat 0 --no-fix --quiet --stats >"$WORK/dump1090.log" 2>&1 &
DUMP_PID=$!

# Send the stream (from another core), half-close, and wait until dump1090 has read everything and
# closed its end. dump1090's CPU ticks are read right before the first byte and right after the end.
taskset -c "$OTHER" python3 - "$BI" "$STREAM" "$DUMP_PID" >"$WORK/dump1090.cpu" <<'PY'
import os, socket, sys, time
port, path, pid = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def ticks():
    text = open(f"/proc/{pid}/stat").read()
    f = text[text.rindex(")") + 2:].split()
    return int(f[11]) + int(f[12])
data = open(path, "rb").read()
for _ in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", port)); break
    except OSError:
        time.sleep(0.1)
before = ticks()
start = time.monotonic()
s.sendall(data)
s.shutdown(socket.SHUT_WR)
while s.recv(65536):
    pass
wall = time.monotonic() - start
print(f"{wall:.3f} {ticks() - before} {os.sysconf('SC_CLK_TCK')}")
PY
kill -INT "$DUMP_PID" 2>/dev/null || true
wait "$DUMP_PID" 2>/dev/null || true
DUMP_PID=""
DUMP_ACCEPTED=$(grep -m1 "accepted with correct CRC" "$WORK/dump1090.log" | awk '{print $1}' || true)

# Untimed: builds the jar if needed and lets the launcher make its AOT cache for `adsb decode` from
# this file (what every run after a user's first file run finds; the launcher trains on files only).
# shellcheck disable=SC2086
$PARLEY_CMD adsb decode --format beast --quiet "$STREAM" >/dev/null 2>&1 || true

# Parley: the same stream on stdin, pinned to the same core (PARLEY_CMD is split on spaces on purpose).
# shellcheck disable=SC2086
python3 "$ROOT/bench/cpu-run.py" "$WORK/parley.cpu" --stdin "$STREAM" -- \
  taskset -c "$CPU" $PARLEY_CMD adsb decode --format beast --quiet --stats - 2>"$WORK/parley.log" || {
  echo "adsb-vs-dump1090: parley failed:" >&2; cat "$WORK/parley.log" >&2; exit 1
}
PARLEY_DECODED=$(awk '/^frames/ {gsub(",",""); print $4}' "$WORK/parley.log")

python3 - "$FRAMES" "$WORK/dump1090.cpu" "$WORK/parley.cpu" "$DUMP_ACCEPTED" "$PARLEY_DECODED" "$WORK/parley.log" <<'PY'
import sys
frames = int(sys.argv[1])
d_wall, d_ticks, hz = open(sys.argv[2]).read().split()
d_wall, d_cpu = float(d_wall), int(d_ticks) / int(hz)
p = open(sys.argv[3]).read().split()
p_wall, p_cpu, p_children = float(p[0]), (int(p[1]) + int(p[2])) / int(p[5]), (int(p[3]) + int(p[4])) / int(p[5])
dump_ok, parley_ok, log = sys.argv[4], sys.argv[5], open(sys.argv[6]).read()
def rate(n, s):
    return f"{n / s:>12,.0f}" if s > 0 else "           -"
print(f"{'':34} {'CPU s':>7} {'frames/CPU-s':>12} {'wall s':>7} {'frames/s wall':>13}  accepted")
print(f"{'dump1090-mutability (Beast port)':34} {d_cpu:7.2f} {rate(frames, d_cpu)} {d_wall:7.2f} {rate(frames, d_wall):>13}  {dump_ok or '?'}")
print(f"{'parley adsb decode (whole JVM)':34} {p_cpu:7.2f} {rate(frames, p_cpu)} {p_wall:7.2f} {rate(frames, p_wall):>13}  {parley_ok}")
inner = [l for l in log.splitlines() if l.startswith("frames")]
if inner:
    print("  parley --stats: " + inner[0])
if p_children > 0:
    print(f"  (the launcher's child processes, not counted above: {p_children:.2f} CPU s)")
if p_cpu > 0 and d_cpu > 0:
    print(f"ratio parley/dump1090: CPU {d_cpu / p_cpu:.2f}x (frames per CPU-second), wall {d_wall / p_wall:.2f}x")
PY
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
