#!/usr/bin/env bash
# Builds candor, writes an HTML report over the labelled fixtures, and checks it in headless
# Chromium (Debian's chromium package; playwright-core from npm drives it). Screenshots go
# to target/check-html/. Usage: bash scripts/check-html/run.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
command -v chromium > /dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 2; }
(cd "$here" && npm install --no-audit --no-fund --silent)
out="$root/target/check-html"
mkdir -p "$out"
cd "$root"
cargo run --quiet --release -- score fixtures/labelled --glob '*.txt' --html "$out/report.html" \
  --no-progress > /dev/null
node "$here/check.js" "$out/report.html" "$out"
