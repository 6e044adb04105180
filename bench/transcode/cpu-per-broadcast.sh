#!/usr/bin/env bash
# CPU of one transcoded broadcast with the default ladder, against the same ladder run by ffmpeg
# alone on the same input, and the transcoder's speed (see bench/README.md).
#
#   A: OnAir transcoding the broadcast: the Payara JVM plus its ffmpeg;
#   B: OnAir with transcoding off for the channel: the JVM packaging the source alone;
#   C: ffmpeg alone, paced like a live source (-re), with OnAir's argv for this source (the golden
#      file default-1080p30.argv) reading the sample file and writing each rung to /dev/null.
# Our pipeline's overhead is A - B - C: feeding ffmpeg, reading and packaging the rungs.
# D: the same ffmpeg unpaced gives the transcoder's speed relative to real time.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_RUN="${SECONDS_PER_RUN:-30}"
HTTP_PORT=28191
RTMP_PORT=21992
. bench/onair.sh

echo "encoding the sample (60 s of 1920x1080 at 30 fps, 4.5 Mbit/s)..." >&2
ffmpeg -hide_banner -loglevel error -nostdin -f lavfi -i testsrc2=size=1920x1080:rate=30 \
  -f lavfi -i sine=frequency=440:sample_rate=48000 -t 60 \
  -c:v libx264 -preset veryfast -b:v 4500k -maxrate 4500k -bufsize 9000k -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -f flv "$WORK/sample.flv"

start_onair
BASE="http://127.0.0.1:$HTTP_PORT"
for channel in abr plain; do
  api -d "{\"name\":\"$channel\",\"title\":\"$channel\"}" "$BASE/api/channels" >/dev/null
done
curl -fsS -u "admin:$PASSWORD" -X PUT -H 'Content-Type: text/plain' --data 'none' \
  "$BASE/api/channels/plain/ladder" >/dev/null
key() { api -X POST "$BASE/api/channels/$1/keys" | sed 's/.*"key":"\([^"]*\)".*/\1/'; }

TICKS_PER_SECOND=$(getconf CLK_TCK)
ticks() { # CPU ticks of the given processes, 0 for those gone
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}
percent() { awk -v t="$1" -v hz="$TICKS_PER_SECOND" -v s="$SECONDS_PER_RUN" 'BEGIN {printf "%.1f", 100 * t / hz / s}'; }

publish() { # publishes the sample to channel $1 for the run, in the background
  ffmpeg -hide_banner -loglevel error -nostdin -re -stream_loop -1 -i "$WORK/sample.flv" \
    -t $((SECONDS_PER_RUN + 15)) -c copy -f flv "rtmp://127.0.0.1:$RTMP_PORT/live/$(key "$1")" \
    > "$WORK/publisher-$1.log" 2>&1 &
  PUBLISHER=$!
}

# A: transcoded
publish abr
sleep 10 # warm-up: the first key frame, ffmpeg's start, JIT
FFMPEG=$(pgrep -P "$SERVER_PID" ffmpeg | head -1)
[ -n "$FFMPEG" ] || { echo "no ffmpeg under the server; see $WORK/home" >&2; exit 1; }
jvm0=$(ticks "$SERVER_PID"); ff0=$(ticks "$FFMPEG")
sleep "$SECONDS_PER_RUN"
jvm1=$(ticks "$SERVER_PID"); ff1=$(ticks "$FFMPEG")
api "$BASE/api/transcodes" > "$WORK/transcodes.json"
LIVE_SPEED=$(grep -o '"speed":[0-9.]*' "$WORK/transcodes.json" | head -1 | cut -d: -f2)
wait "$PUBLISHER" || true
A_JVM=$((jvm1 - jvm0)); A_FFMPEG=$((ff1 - ff0))
sleep 5

# B: the source alone
publish plain
sleep 10
jvm0=$(ticks "$SERVER_PID")
sleep "$SECONDS_PER_RUN"
jvm1=$(ticks "$SERVER_PID")
wait "$PUBLISHER" || true
B_JVM=$((jvm1 - jvm0))

# C and D: ffmpeg alone, with OnAir's argv for a 1080p30 source
ARGV=ejb-streaming/src/test/resources/io/onair/streaming/media/transcode/testdata/default-1080p30.argv
alone() { # $1: -re or nothing; prints nothing, runs ffmpeg in the background as FFMPEG_ALONE
  local args=()
  while IFS= read -r line; do
    case "$line" in
      pipe:0) args+=("$WORK/sample.flv") ;;
      unix:*) args+=("/dev/null") ;;
      -copyts) args+=("-copyts") ;;
      *) args+=("$line") ;;
    esac
  done < "$ARGV"
  args[0]=$(command -v ffmpeg)
  args=("${args[0]}" -y "${args[@]:1}") # three outputs to /dev/null: overwrite without asking
  # The input file instead of stdin: paced (-re) like a live source, or as fast as it goes.
  local i
  for i in "${!args[@]}"; do [ "${args[$i]}" = "-f" ] && [ "${args[$((i + 2))]:-}" = "-i" ] && break; done
  "${args[@]:0:$i}" $1 -stream_loop -1 -t $((SECONDS_PER_RUN + 15)) "${args[@]:$i}" \
    > "$WORK/alone$1.log" 2>&1 &
  FFMPEG_ALONE=$!
}
alone -re
sleep 10
c0=$(ticks "$FFMPEG_ALONE"); sleep "$SECONDS_PER_RUN"; c1=$(ticks "$FFMPEG_ALONE")
kill "$FFMPEG_ALONE" 2>/dev/null; wait "$FFMPEG_ALONE" 2>/dev/null || true
C_FFMPEG=$((c1 - c0))

alone ""
wait "$FFMPEG_ALONE" || true
D_SPEED=$(grep -o 'speed=[ 0-9.]*x' "$WORK/alone.log" | tail -1 | tr -d ' ')
[ -n "$D_SPEED" ] || D_SPEED=$(grep -o '^speed=.*' "$WORK/alone.log" | tail -1)

echo "transcoded_jvm_cpu_percent=$(percent $A_JVM) transcoded_ffmpeg_cpu_percent=$(percent $A_FFMPEG) total=$(percent $((A_JVM + A_FFMPEG)))"
echo "source_only_jvm_cpu_percent=$(percent $B_JVM)"
echo "ffmpeg_alone_paced_cpu_percent=$(percent $C_FFMPEG)"
echo "pipeline_overhead_cpu_percent=$(percent $((A_JVM + A_FFMPEG - B_JVM - C_FFMPEG))) (A - B - C)"
echo "live_speed_reported=${LIVE_SPEED:-?}x ffmpeg_alone_unpaced_${D_SPEED:-speed=?}"
