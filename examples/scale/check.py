"""Checks the recipe's output against `candor score` on the same files.

    python check.py OUTPUT CLI.csv [CLI.jsonl [CLI-verbose.txt]]

Every transcript the CLI scored is one row of OUTPUT/rows (nothing lost, nothing twice),
with the same columns in the same order and the same cell in every column as
`candor score --format csv`. Each row's `findings` count equals its rows in
OUTPUT/findings, and with CLI.jsonl (`candor score --format jsonl`), those rows are the
report's findings, field for field. With CLI-verbose.txt (what `candor score --verbose`
writes to stderr), OUTPUT/skipped holds the files the CLI passed over, with the same
reasons (those with a transcript's extension: the recipe never lists the others).
Exits 1 on any difference.
"""

from __future__ import annotations

import csv
import json
import math
import os
import sys
from collections import Counter
from typing import Any, Dict, List, Tuple

import pyarrow.parquet as pq

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from candor_spark import FINDING_FIELDS, TRANSCRIPTS  # noqa: E402

NAMES = [n for n, _ in FINDING_FIELDS]


def same(cell: str, value: Any, kind: str) -> bool:
    """A CSV cell of the CLI equals a typed value of the recipe."""
    if cell == "":
        return value is None or value == "" or (isinstance(value, float) and math.isnan(value))
    if value is None:
        return False
    if kind == "str":
        return cell == value
    if kind == "int":
        return int(cell) == value
    return float(cell) == value


def check_rows(output: str, cli_csv: str, problems: List[str]) -> Tuple[List[Dict[str, Any]], int]:
    import candor

    with open(cli_csv, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        cli = {row[0]: row for row in reader}
    rows = pq.read_table(f"{output}/rows")
    if rows.column_names != header:
        problems.append(f"columns differ:\n  recipe {rows.column_names}\n  cli    {header}")
    types = dict(candor.column_types())
    got = rows.to_pylist()
    paths = [r["path"] for r in got]
    twice = [p for p, n in Counter(paths).items() if n > 1]
    lost = sorted(set(cli) - set(paths))
    extra = sorted(set(paths) - set(cli))
    for name, ps in (("twice", twice), ("lost", lost), ("not scored by the CLI", extra)):
        if ps:
            problems.append(f"{len(ps)} paths {name}, e.g. {ps[:3]}")
    cells = 0
    for r in got:
        c = cli.get(r["path"])
        if c is None:
            continue
        for name, cell in zip(header, c):
            cells += 1
            if not same(cell, r.get(name), types.get(name, "str")):
                problems.append(f"{r['path']}: {name}: cli {cell!r}, recipe {r.get(name)!r}")
    return got, cells


def check_findings(output: str, rows: List[Dict[str, Any]], cli_jsonl: str, problems: List[str]) -> int:
    findings = pq.read_table(f"{output}/findings", columns=["path", *NAMES])
    got: Dict[str, Counter] = {}
    cols = [findings.column(n).to_pylist() for n in ["path", *NAMES]]
    for path, *values in zip(*cols):
        got.setdefault(path, Counter())[tuple(values)] += 1
    for r in rows:
        n = sum(got.get(r["path"], Counter()).values())
        if (r["findings"] or 0) != n:
            problems.append(f"{r['path']}: findings {r['findings']} but {n} finding rows")
    if not cli_jsonl:
        return findings.num_rows
    compared = 0
    with open(cli_jsonl, encoding="utf-8") as f:
        for line in f:
            report = json.loads(line)
            want = Counter(tuple(x.get(n) for n in NAMES) for x in report["findings"])
            have = got.pop(report["path"], Counter())
            compared += sum(want.values())
            if want != have:
                diff = list((want - have).elements())[:1] + list((have - want).elements())[:1]
                problems.append(f"{report['path']}: findings differ from the CLI's, e.g. {diff}")
    for path in list(got)[:3]:
        problems.append(f"{path}: findings for a file the CLI did not report")
    return compared


def check_skipped(output: str, cli_verbose: str, problems: List[str]) -> int:
    """The files passed over equal those `candor score --verbose` lists, with a transcript's
    extension, with the same reasons."""
    got = {r["path"]: r["reason"] for r in pq.read_table(f"{output}/skipped").to_pylist()}
    if not cli_verbose:
        return len(got)
    with open(cli_verbose, encoding="utf-8") as f:
        text = f.read()
    want: Dict[str, str] = {}
    if "note: skipped" in text:
        for line in text.split("note: skipped", 1)[1].split("\n")[1:]:
            if not line.startswith("  "):
                break
            path, why = line.strip().split(": ", 1)
            if path.rsplit(".", 1)[-1].lower() in TRANSCRIPTS:
                want[path] = why
    for path in sorted(set(want) | set(got)):
        if want.get(path) != got.get(path):
            problems.append(f"{path}: skipped: cli {want.get(path)!r}, recipe {got.get(path)!r}")
    return len(got)


def main(output: str, cli_csv: str, cli_jsonl: str = "", cli_verbose: str = "") -> int:
    problems: List[str] = []
    rows, cells = check_rows(output, cli_csv, problems)
    findings = check_findings(output, rows, cli_jsonl, problems)
    skipped = check_skipped(output, cli_verbose, problems)
    for p in problems[:20]:
        print("DIFFERENT:", p)
    if problems:
        print(f"{len(problems)} differences")
        return 1
    errors = sum(1 for r in rows if r["error"] is not None)
    against = "the CLI's JSON reports, field for field" if cli_jsonl else "the rows' counts"
    print(
        f"equal: {len(rows)} rows ({errors} with an error) of {len(rows[0]) if rows else 0} "
        f"columns, {cells} cells, as `candor score --format csv`; none lost, none twice; "
        f"{findings} findings, equal to {against}; {skipped} files passed over"
        + (", as the CLI passes them over" if cli_verbose else "")
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4, 5):
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
