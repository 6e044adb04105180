#!/usr/bin/env bash
# Builds what is needed and starts OnAir on Payara Micro with its embedded defaults
# (embedded PostgreSQL, data under ./onair-data). Ctrl-C stops it. Settings: see README.md.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests package
exec java -jar payara-config/target/onair/onair-launcher.jar "$@"
