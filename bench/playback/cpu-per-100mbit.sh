#!/usr/bin/env bash
# Server CPU per 100 Mbit/s of RTMP playback with 100 players (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAYERS="${PLAYERS:-0 100}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
BITRATE="${BITRATE:-900k}"
HTTP_PORT=28290
RTMP_PORT=22090
. bench/onair.sh

echo "encoding the sample (40 s of 854x480 at $BITRATE)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=854x480:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 40 \
  -c:v libx264 -preset veryfast -b:v "$BITRATE" -maxrate "$BITRATE" -bufsize "$BITRATE" -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 96k -f flv "$WORK/sample.flv"

start_onair

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
