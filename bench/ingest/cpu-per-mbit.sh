#!/usr/bin/env bash
# Server CPU per ingested Mbit/s of RTMP with 1, 4 and 8 ffmpeg publishers (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
PUBLISHERS="${PUBLISHERS:-0 1 4 8}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
BITRATE="${BITRATE:-4M}"
HTTP_PORT=28190
RTMP_PORT=21990
PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/onair-bench.XXXXXX)
LAUNCHER=payara-config/target/onair/onair-launcher.jar
[ -f "$LAUNCHER" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed: apt-get install ffmpeg" >&2; exit 1; }

cleanup() {
  pkill -INT -f "ffmpeg .*rtmp://127.0.0.1:$RTMP_PORT" 2>/dev/null || true
  # SIGTERM, not SIGINT: a background job of a script starts with SIGINT ignored, and the JVM
  # then has no handler for it. SIGTERM runs the same shutdown hooks as Ctrl-C.
  [ -n "${LAUNCHER_PID:-}" ] && kill -TERM "$LAUNCHER_PID" 2>/dev/null && wait "$LAUNCHER_PID" 2>/dev/null || true
}
trap cleanup EXIT

echo "encoding the sample (40 s of 1280x720 at $BITRATE)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=1280x720:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 40 \
  -c:v libx264 -preset veryfast -b:v "$BITRATE" -maxrate "$BITRATE" -bufsize "$BITRATE" -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -f flv "$WORK/sample.flv"
SAMPLE_MBIT=$(ffprobe -v error -show_entries format=bit_rate -of csv=p=0 "$WORK/sample.flv" \
  | awk '{printf "%.3f", $1 / 1000000}')

echo "starting OnAir (data in $WORK/home)..." >&2
ONAIR_HOME="$WORK/home" ONAIR_HTTP_PORT=$HTTP_PORT ONAIR_RTMP_PORT=$RTMP_PORT \
  ONAIR_RTMPS_PORT=$((RTMP_PORT + 1)) ONAIR_BIND_ADDRESS=127.0.0.1 ONAIR_ADMIN_PASSWORD=$PASSWORD \
  java -jar "$LAUNCHER" > "$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 360); do grep -q 'OnAir is ready' "$WORK/launcher.log" && break; sleep 0.5; done
grep -q 'OnAir is ready' "$WORK/launcher.log" || { echo "OnAir did not start; see $WORK/launcher.log" >&2; exit 1; }
SERVER_PID=$(pgrep -f "payara-micro.jar .*--port $HTTP_PORT" | head -1)

api() { curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
MAX=$(echo "$PUBLISHERS" | tr ' ' '\n' | sort -n | tail -1)
KEYS=()
for i in $(seq 1 "$MAX"); do
  api -d "{\"name\":\"bench-$i\",\"title\":\"Bench $i\"}" "http://127.0.0.1:$HTTP_PORT/api/channels" >/dev/null
  KEYS+=("$(api -X POST "http://127.0.0.1:$HTTP_PORT/api/channels/bench-$i/keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')")
done

cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

for n in $PUBLISHERS; do
  PIDS=()
  for i in $(seq 1 "$n"); do
    ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$WORK/sample.flv" \
      -t $((SECONDS_PER_RUN + 10)) -c copy -f flv "rtmp://127.0.0.1:$RTMP_PORT/live/${KEYS[$((i - 1))]}" \
      > "$WORK/publisher-$n-$i.log" 2>&1 &
    PIDS+=($!)
  done
  sleep 5 # warm-up: handshakes, decisions, JIT
  before=$(cpu_ticks)
  sleep "$SECONDS_PER_RUN"
  after=$(cpu_ticks)
  live=$(api "http://127.0.0.1:$HTTP_PORT/api/channels" | { grep -o '"live":true' || true; } | wc -l)
  # Only the publishers: a bare wait would wait for the server too.
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  awk -v n="$n" -v mbit="$SAMPLE_MBIT" -v ticks=$((after - before)) -v hz="$TICKS_PER_SECOND" \
    -v secs="$SECONDS_PER_RUN" -v live="$live" 'BEGIN {
      ingest = n * mbit; cpu = 100 * ticks / hz / secs;
      printf "publishers=%d live=%d ingest_mbit_s=%.1f server_cpu_percent_of_one_core=%.1f cpu_percent_per_mbit_s=%s\n",
        n, live, ingest, cpu, (ingest > 0 ? sprintf("%.2f", cpu / ingest) : "-") }'
  sleep 3
done
