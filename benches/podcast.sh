#!/usr/bin/env bash
# Builds the real-speech benchmark corpus of benches/README.md: the first 170 transcripts, by
# episode number, of `podcast/` in thechangelog/transcripts at commit 44a0e16c (CC-BY-SA-4.0,
# not redistributed here), 10,970,187 bytes, and checks it is that corpus.
# Usage: bash benches/podcast.sh GIT_DIR_OR_CLONE OUT_DIR
#   GIT_DIR_OR_CLONE: a clone (or bare mirror) of https://github.com/thechangelog/transcripts
set -euo pipefail
src="${1:?usage: bash benches/podcast.sh GIT_DIR_OR_CLONE OUT_DIR}"
out="${2:?usage: bash benches/podcast.sh GIT_DIR_OR_CLONE OUT_DIR}"
commit=44a0e16c
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 ||
  { echo "error: $src is not a git repository" >&2; exit 1; }
git -C "$src" cat-file -e "$commit^{commit}" 2>/dev/null ||
  { echo "error: $src has no commit $commit of thechangelog/transcripts" >&2; exit 1; }
if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "error: $out is not empty; give a new or empty folder" >&2
  exit 1
fi
mkdir -p "$out"
# awk, not head: head would stop reading and, under pipefail, fail sort with SIGPIPE.
git -C "$src" ls-tree --name-only "$commit" podcast/ |
  sed -nE 's#^(podcast/[^/]*-([0-9]+)\.md)$#\2 \1#p' | LC_ALL=C sort -n -k1,1 -k2 |
  awk 'NR <= 170' |
  while read -r _ path; do
    git -C "$src" show "$commit:$path" >"$out/$(basename "$path")"
  done
bytes=$(($(cat "$out"/*.md | wc -c)))
files=$(($(find "$out" -maxdepth 1 -type f | wc -l)))
if [ "$bytes" != 10970187 ] || [ "$files" != 170 ]; then
  echo "error: $out holds $files files, $bytes bytes; expected 170 and 10970187 (a clean folder?)" >&2
  exit 1
fi
echo "$out: 170 transcripts, $bytes bytes"
