#!/usr/bin/env bash
# Instruction counts of the whole analysis, per input byte, under valgrind: stable on shared
# and noisy machines where wall-clock time is not, so use these to catch regressions.
# Counts R rounds of examples/workload and subtracts a run with none, so start-up (compiling
# the built-in patterns) is left out; start-up is reported on its own line.
# Needs valgrind (Debian package `valgrind`). Usage: bash benches/instructions.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"
cargo build --release --quiet --example workload
bin=target/release/examples/workload
ir() { # rounds format -> instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
    awk '/Collected :/ {print $4}'
}
bytes() { # format -> input bytes
  "$bin" 0 "$1" 2>&1 | awk '{print $4}'
}
echo "| input | bytes | instructions per byte |"
echo "|---|---:|---:|"
for format in plain teams-vtt deepgram-json otter; do
  base=$(ir 0 "$format")
  more=$(ir "$rounds" "$format")
  b=$(bytes "$format")
  awk -v f="$format" -v b="$b" -v base="$base" -v more="$more" -v r="$rounds" \
    'BEGIN{printf "| %s | %d | %.0f |\n", f, b, (more-base)/(r*b)}'
  [ "$format" = plain ] && startup=$base && startbytes=$b
done
# Real speech (the 22 public interviews of fixtures/corpus/r01), and the learned layer's
# share: the same inputs judged by the patterns alone (CANDOR_LEARNED=0).
row() { # label, then env assignments, then the format argument
  local label=$1 format=$2
  shift 2
  base=$(env "$@" bash -c "$(declare -f ir); bin=$bin; ir 0 $format")
  more=$(env "$@" bash -c "$(declare -f ir); bin=$bin; ir $rounds $format")
  b=$(env "$@" "$bin" 0 "$format" 2>&1 | awk '{print $4}')
  awk -v f="$label" -v b="$b" -v base="$base" -v more="$more" -v r="$rounds" \
    'BEGIN{printf "| %s | %d | %.0f |\n", f, b, (more-base)/(r*b)}'
}
row "real: r01, 22 interviews" plain CANDOR_INPUT=fixtures/corpus/r01
row "plain, patterns alone" plain CANDOR_LEARNED=0
row "real: r01, patterns alone" plain CANDOR_INPUT=fixtures/corpus/r01 CANDOR_LEARNED=0
echo
echo "start-up and one analysis of the plain input: $startup instructions"
