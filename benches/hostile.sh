#!/usr/bin/env bash
# Time and peak memory of `candor lint` on hostile inputs at two sizes, ten times apart:
# time should grow about tenfold (linear) and memory stay bounded. Needs GNU time
# (Debian package `time`). Usage: bash benches/hostile.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-bench-hostile}"
mkdir -p "$work"
cargo build --release --quiet
bin=target/release/candor
stats=$(mktemp)
trap 'rm -f "$stats"' EXIT

# One interviewer line of N MB, punctuated like speech-to-text output.
one_line() {
  [ -f "$work/line-$1.txt" ] && return
  awk -v mb="$1" 'BEGIN {
    s = "so what do you think about the new pricing, would you pay for it? tell me more. ";
    n = int(mb * 1e6 / length(s));
    printf "Interviewer: ";
    for (i = 0; i < n; i++) printf "%s", s;
    printf "\nCustomer: ok.\n" }' > "$work/line-$1.txt"
}
# N one-word turns alternating between two speakers.
turns() {
  [ -f "$work/turns-$1.txt" ] && return
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "%s: %s\n", (i % 2 ? "Bo" : "Ana"), (i % 2 ? "yes" : "why?") }' \
    > "$work/turns-$1.txt"
}
# N speakers with a line each.
speakers() {
  [ -f "$work/speakers-$1.txt" ] && return
  awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++) printf "Person %d: how did the last release go for your team?\n", i }' \
    > "$work/speakers-$1.txt"
}
one_line 10; one_line 100; turns 100000; turns 1000000; speakers 10000; speakers 100000

run() {
  /usr/bin/time -f "%e %M" -o "$stats" "$bin" lint --format json --fail-on never "$1" >/dev/null 2>&1 || true
  tail -1 "$stats"
}
echo "| input | MB | seconds | peak memory |"
echo "|---|---:|---:|---:|"
for f in line-10 line-100 turns-100000 turns-1000000 speakers-10000 speakers-100000; do
  r=$(run "$work/$f.txt")
  mb=$(du -b "$work/$f.txt" | awk '{printf "%.1f", $1/1e6}')
  awk -v f="$f" -v mb="$mb" -v s="${r% *}" -v k="${r#* }" 'BEGIN{printf "| %s | %s | %.2f | %.0f MiB |\n", f, mb, s, k/1024}'
done
