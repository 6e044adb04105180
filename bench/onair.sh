# Sourced by the bench scripts, from the repository root, after they set HTTP_PORT and RTMP_PORT:
# checks what they need, gives them a work directory ($WORK), starts OnAir with the launcher on
# those ports (start_onair sets SERVER_PID, the Payara JVM), stops it and every ffmpeg publishing
# to it on exit, and offers api() for the REST API as the admin.
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

start_onair() {
  echo "starting OnAir (data in $WORK/home)..." >&2
  ONAIR_HOME="$WORK/home" ONAIR_HTTP_PORT=$HTTP_PORT ONAIR_RTMP_PORT=$RTMP_PORT \
    ONAIR_RTMPS_PORT=$((RTMP_PORT + 1)) ONAIR_BIND_ADDRESS=127.0.0.1 ONAIR_ADMIN_PASSWORD=$PASSWORD \
    java -jar "$LAUNCHER" > "$WORK/launcher.log" 2>&1 &
  LAUNCHER_PID=$!
  for _ in $(seq 1 360); do grep -q 'OnAir is ready' "$WORK/launcher.log" && break; sleep 0.5; done
  grep -q 'OnAir is ready' "$WORK/launcher.log" || { echo "OnAir did not start; see $WORK/launcher.log" >&2; exit 1; }
  SERVER_PID=$(pgrep -f "payara-micro.jar .*--port $HTTP_PORT" | head -1)
}

api() { curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$@"; }
