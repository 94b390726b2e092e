#!/usr/bin/env bash
# Builds candor, writes an HTML report over the labelled fixtures, and checks it in headless
# Chromium (Debian's chromium package; playwright-core from npm drives it). The fixtures are
# copied with a date in each name (so the page has its chart over time), beside a greeting
# (not judged) and notes (not a transcript, skipped). Screenshots go to target/check-html/.
# Usage: bash scripts/check-html/run.sh   (CANDOR=path/to/candor uses that binary instead of
# building a release one; CI passes the debug binary its tests built.)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
command -v chromium > /dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 2; }
(cd "$here" && npm install --no-audit --no-fund --silent)
out="$root/target/check-html"
rm -rf "$out"
mkdir -p "$out/input"
i=0
for f in "$root"/fixtures/labelled/*.txt; do
  month=$(( i % 7 + 1 ))
  day=$(( i % 27 + 1 ))
  cp "$f" "$out/input/$(printf '2025-%02d-%02d' "$month" "$day")-$(basename "$f")"
  i=$(( i + 1 ))
done
printf 'Interviewer: Hi, thanks for joining.\nCustomer: Hello.\n' > "$out/input/greeting.txt"
printf 'Some notes about the study, to read later.\n' > "$out/input/notes.txt"
cd "$root"
if [ -z "${CANDOR:-}" ]; then
  cargo build --quiet --release
  CANDOR="$root/target/release/candor"
fi
SOURCE_DATE_EPOCH=1767225600 "$CANDOR" score "$out/input" --html "$out/report.html" \
  --no-progress > /dev/null
node "$here/check.js" "$out/report.html" "$out"
