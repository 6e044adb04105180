#!/usr/bin/env bash
# Runs every test: unit tests, the Payara Micro and Payara Server integration tests, the RTMP
# tests with real clients, and the portal's player in a real browser. Those clients (ffmpeg also
# cross-checks the CMAF packager's fMP4), Chromium with its ChromeDriver, and npm (the build fetches
# the player libraries with it) come from Debian's packages: whichever is missing is installed here,
# all in one apt-get call (as root, or with sudo); everything else comes from Maven Central through
# the build.
set -euo pipefail
cd "$(dirname "$0")"
missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v rtmpdump >/dev/null 2>&1 || missing+=(rtmpdump)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# BrowserPlaybackIT drives Debian's own builds at these paths: that Chromium plays H.264 and AAC,
# and that driver is of its version.
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if command -v gst-launch-1.0 >/dev/null 2>&1 && command -v gst-inspect-1.0 >/dev/null 2>&1; then
  # Each element the GStreamer publisher uses, and the package whose plugin has it.
  for element in videotestsrc:base audiotestsrc:base audioconvert:base flvmux:good aacparse:good \
    h264parse:bad voaacenc:bad rtmp2sink:bad x264enc:ugly; do
    gst-inspect-1.0 "${element%%:*}" >/dev/null 2>&1 ||
      missing+=("gstreamer1.0-plugins-${element##*:}")
  done
else
  # Without the tools the plugins cannot be asked for; apt-get skips those already installed.
  missing+=(gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good)
  missing+=(gstreamer1.0-plugins-bad gstreamer1.0-plugins-ugly)
fi
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing what the build and the tests need from Debian's packages: ${missing[*]}"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}"
fi
exec ./mvnw -B verify "$@"
