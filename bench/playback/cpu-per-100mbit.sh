#!/usr/bin/env bash
# Server CPU per 100 Mbit/s of RTMP playback with 100 players (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAYERS="${PLAYERS:-0 100}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
BITRATE="${BITRATE:-900k}"
HTTP_PORT=28290
RTMP_PORT=22090
PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/onair-bench.XXXXXX)
LAUNCHER=payara-config/target/onair/onair-launcher.jar
[ -f "$LAUNCHER" ] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
command -v ffmpeg >/dev/null || { echo "ffmpeg is needed: apt-get install ffmpeg" >&2; exit 1; }

cleanup() {
  pkill -INT -f "ffmpeg .*rtmp://127.0.0.1:$RTMP_PORT" 2>/dev/null || true
  # SIGTERM, not SIGINT: a background job of a script starts with SIGINT ignored.
  [ -n "${LAUNCHER_PID:-}" ] && kill -TERM "$LAUNCHER_PID" 2>/dev/null && wait "$LAUNCHER_PID" 2>/dev/null || true
}
trap cleanup EXIT

echo "encoding the sample (40 s of 854x480 at $BITRATE)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=854x480:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 40 \
  -c:v libx264 -preset veryfast -b:v "$BITRATE" -maxrate "$BITRATE" -bufsize "$BITRATE" -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 96k -f flv "$WORK/sample.flv"

echo "starting OnAir (data in $WORK/home)..." >&2
ONAIR_HOME="$WORK/home" ONAIR_HTTP_PORT=$HTTP_PORT ONAIR_RTMP_PORT=$RTMP_PORT \
  ONAIR_RTMPS_PORT=$((RTMP_PORT + 1)) ONAIR_BIND_ADDRESS=127.0.0.1 ONAIR_ADMIN_PASSWORD=$PASSWORD \
  java -jar "$LAUNCHER" > "$WORK/launcher.log" 2>&1 &
LAUNCHER_PID=$!
for _ in $(seq 1 360); do grep -q 'OnAir is ready' "$WORK/launcher.log" && break; sleep 0.5; done
grep -q 'OnAir is ready' "$WORK/launcher.log" || { echo "OnAir did not start; see $WORK/launcher.log" >&2; exit 1; }
SERVER_PID=$(pgrep -f "payara-micro.jar .*--port $HTTP_PORT" | head -1)

api() { curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
api -d '{"name":"bench","title":"Bench"}' "http://127.0.0.1:$HTTP_PORT/api/channels" >/dev/null
KEY=$(api -X POST "http://127.0.0.1:$HTTP_PORT/api/channels/bench/keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')
TOKEN=$(api -X POST "http://127.0.0.1:$HTTP_PORT/api/viewer-tokens" | sed 's/.*"token":"\([^"]*\)".*/\1/')

TOTAL=$(( $(echo "$PLAYERS" | wc -w) * (SECONDS_PER_RUN + 10) + 20 ))
ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$WORK/sample.flv" -t "$TOTAL" \
  -c copy -f flv "rtmp://127.0.0.1:$RTMP_PORT/live/$KEY" > "$WORK/publisher.log" 2>&1 &
sleep 5 # the publisher is live, the JIT warm

for n in $PLAYERS; do
  line=$(java bench/playback/PlaybackLoad.java 127.0.0.1 $RTMP_PORT live "bench?token=$TOKEN" \
    "$n" "$SECONDS_PER_RUN" "$SERVER_PID" "$(getconf CLK_TCK)")
  echo "$line" | awk '{
      for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
      per = v["received_mbit_s"] > 0 ? sprintf("%.1f", 100 * v["server_cpu_percent_of_one_core"] / v["received_mbit_s"]) : "-"
      print $0 " cpu_percent_per_100_mbit_s=" per }'
  sleep 3
done
