#!/usr/bin/env bash
# Server CPU per ingested Mbit/s of RTMP with 1, 4 and 8 ffmpeg publishers (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
PUBLISHERS="${PUBLISHERS:-0 1 4 8}"
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
BITRATE="${BITRATE:-4M}"
HTTP_PORT=28190
RTMP_PORT=21990
. bench/onair.sh

echo "encoding the sample (40 s of 1280x720 at $BITRATE)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=1280x720:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 40 \
  -c:v libx264 -preset veryfast -b:v "$BITRATE" -maxrate "$BITRATE" -bufsize "$BITRATE" -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -f flv "$WORK/sample.flv"
SAMPLE_MBIT=$(ffprobe -v error -show_entries format=bit_rate -of csv=p=0 "$WORK/sample.flv" \
  | awk '{printf "%.3f", $1 / 1000000}')

start_onair

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
