#!/usr/bin/env bash
# Runs every test: unit tests, the Payara Micro and Payara Server integration tests, and the RTMP
# tests with real clients. Those clients (ffmpeg, which also cross-checks the CMAF packager's fMP4)
# come from Debian's packages and are installed here if missing (as root, or with sudo);
# everything else comes from Maven Central through the build.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v ffmpeg >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing the RTMP test clients from Debian's packages: ffmpeg"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends ffmpeg
fi
exec ./mvnw -B verify "$@"
