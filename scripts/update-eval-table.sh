#!/usr/bin/env bash
# Rebuilds the labelled cases from their sources, measures every rule against them, and
# writes the precision/recall table into docs/accuracy.md between <!-- eval:start --> and
# <!-- eval:end -->. The test `accuracy_table_is_current` fails until this has been run.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 fixtures/labelled-src/build.py > /dev/null
table=$(cargo run --quiet --release -- eval fixtures/labelled)
TABLE="$table" python3 - <<'PY'
import os, re, pathlib
doc = pathlib.Path("docs/accuracy.md")
text = doc.read_text()
start, end = "<!-- eval:start -->", "<!-- eval:end -->"
if start not in text or end not in text:
    raise SystemExit("docs/accuracy.md has no eval:start/eval:end markers")
head, rest = text.split(start, 1)
_, tail = rest.split(end, 1)
doc.write_text(f"{head}{start}\n{os.environ['TABLE'].strip()}\n{end}{tail}")
print("docs/accuracy.md: table updated")
PY
