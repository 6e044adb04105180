#!/usr/bin/env bash
# Live HTTP delivery: how soon parts and segments are listed, time to the first playlist, and
# requests per second for playlists and segments (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
PARTS="${PARTS:-60}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-10}"
CONNECTIONS="${CONNECTIONS:-50}"
BITRATE="${BITRATE:-3M}"
HTTP_PORT=28390
RTMP_PORT=22190
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
. bench/onair.sh

echo "encoding the sample (60 s of 1280x720 at $BITRATE, a key frame every 2 s)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=1280x720:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 60 \
  -c:v libx264 -preset veryfast -b:v "$BITRATE" -maxrate "$BITRATE" -bufsize "$BITRATE" -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -f flv "$WORK/sample.flv"

start_onair
BASE="http://127.0.0.1:$HTTP_PORT"
api -d '{"name":"bench","title":"Bench"}' "$BASE/api/channels" >/dev/null
KEY=$(api -X POST "$BASE/api/channels/bench/keys" | sed 's/.*"key":"\([^"]*\)".*/\1/')

STARTED=$(date +%s%N)
ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$WORK/sample.flv" -t 600 \
  -c copy -f flv "rtmp://127.0.0.1:$RTMP_PORT/live/$KEY" > "$WORK/publisher.log" 2>&1 &
# The channel's entry URL redirects to the broadcast's presentation once its first segments exist.
until LOCATION=$(curl -fsS -o /dev/null -w '%{redirect_url}' -u "admin:$PASSWORD" "$BASE/live/bench/main.m3u8") \
    && [ -n "$LOCATION" ] && curl -fsS -o /dev/null -u "admin:$PASSWORD" "$LOCATION"; do
  sleep 0.05
done
echo "publish_to_first_playlist_ms=$(( ($(date +%s%N) - STARTED) / 1000000 )) (includes ffmpeg's start)"
PRESENTATION="${LOCATION%main.m3u8}"
TRACK="${PRESENTATION}source/video/"

java bench/delivery/LiveLatency.java "${TRACK}index.m3u8" admin "$PASSWORD" "$PARTS"

AUTH="Authorization: Basic $(printf 'admin:%s' "$PASSWORD" | base64 -w0)"
rate() { # name url
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -H "$AUTH" -H 'Accept-Encoding: gzip' "$2" \
    | awk -v name="$1" '/Requests\/sec/ { r = $2 } /Transfer\/sec/ { t = $2 }
        /Non-2xx/ { bad = $NF } END { print name " requests_per_s=" r " transfer_per_s=" t " non_2xx=" (bad ? bad : 0) }'
}
last_segment() { curl -fsS -u "admin:$PASSWORD" "${TRACK}index.m3u8" | grep -E '^[0-9]+\.m4s$' | tail -1 | cut -d. -f1; }
rate "media_playlist" "${TRACK}index.m3u8"
rate "segment_from_memory" "${TRACK}$(last_segment).m4s"
rate "segment_from_file" "${TRACK}$(( $(last_segment) - 12 )).m4s"
