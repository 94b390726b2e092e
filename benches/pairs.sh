#!/usr/bin/env bash
# Wall-clock comparison of two builds of examples/workload on a shared two-core machine:
# each pair of runs starts together, one build pinned to each core, and the cores swap from
# one pair to the next, so both builds meet the same load from other work. Prints each
# pair's MB/s and the mean ratio B/A. On a busy machine one pair's ratio can be off by a
# fifth, so only the mean over several pairs means anything, and only for effects above
# about a tenth; for smaller ones compare instruction counts (benches/instructions.sh).
#
# Usage: bash benches/pairs.sh BUILD_A BUILD_B [PAIRS] [ROUNDS]
#   BUILD_A, BUILD_B  copies of target/release/examples/workload from the two builds
#   PAIRS             pairs of runs (6); ROUNDS: rounds per run, the best counts (8)
# The workload's settings pass through, e.g. for 10 different 200-turn interviews:
#   CANDOR_TURNS=200 CANDOR_COPIES=10 bash benches/pairs.sh /tmp/old /tmp/new
# Needs taskset (util-linux).
set -euo pipefail
a="$1"
b="$2"
pairs="${3:-6}"
rounds="${4:-8}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
rate() { # a run's MB/s, or its own error output and a stop
  grep -o '[0-9.]* MB/s' "$1" | cut -d' ' -f1 | grep . || { cat "$1" >&2; exit 1; }
}
for i in $(seq 1 "$pairs"); do
  ca=$((i % 2))
  cb=$((1 - ca))
  taskset -c "$ca" "$a" "$rounds" plain 2>"$out/a" &
  taskset -c "$cb" "$b" "$rounds" plain 2>"$out/b"
  wait
  echo "$(rate "$out/a") $(rate "$out/b")"
done | awk '{ printf "A %6.1f MB/s   B %6.1f MB/s   B/A %.3f\n", $1, $2, $2 / $1; r += $2 / $1; n++ }
            END { if (n) printf "mean ratio B/A over %d pairs: %.3f\n", n, r / n }'
