#!/usr/bin/env bash
# Seeds each fuzz target's corpus with the project's fixtures (and the shared samples when
# they sit beside the project), so fuzzing starts from real transcripts of every shape.
set -euo pipefail
cd "$(dirname "$0")"
targets="detect parse_text parse_vtt parse_srt parse_json analyze"
sources=(../fixtures/formats ../fixtures/labelled ../fixtures/demo)
[ -d ../../shared/formats ] && sources+=(../../shared/formats)
for t in $targets; do
  mkdir -p "corpus/$t"
  find "${sources[@]}" -type f -size -256k ! -name '*.md5' -print0 |
    while IFS= read -r -d '' f; do
      cp "$f" "corpus/$t/$(echo "$f" | md5sum | cut -c1-16)"
    done
done
echo "seeded: $(ls corpus/analyze | wc -l) files per target"
