#!/usr/bin/env python3
"""The corpus workflow's bookkeeping: scoring a new batch untuned, pooling batches, summing
up a cross-validation, and moving pending batches into the corpus at a retrain.

Run from the repository, with a release build (`cargo build --release`):

    python3 scripts/corpus.py untuned fixtures/pending/b189 --build 0af001e \\
        --model "trained on 2,487 cases, as shipped since 0af001e" --about "Writer 189's batch …"
        # scores the batch with the learned layer and with the patterns alone, prints the
        # section for fixtures/pending/UNTUNED.md, and keeps both reports in target/untuned/
    python3 scripts/corpus.py pool target/untuned/b189-learned.md target/untuned/b190-learned.md
        # the batches' figures counted together
    python3 scripts/corpus.py cv cv.md
        # from `candor eval fixtures/corpus --cv 5 -v -o cv.md`: macro-F1 to four places, each
        # rule's precision, false alarms on real and written speech, and per real batch
    python3 scripts/corpus.py move b189 b190
        # git mv fixtures/pending/B fixtures/corpus/B, and each untuned section with it

The rules of the workflow itself (score once, before anything is trained or tuned on a
batch; keep that score) are in fixtures/corpus/WRITING.md and fixtures/pending/README.md.
"""

import argparse
import collections
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "candor"


def report(path):
    """The rows of an `eval -v` report's table, the lines it scored, and the table's text."""
    text = pathlib.Path(path).read_text()
    table = [l for l in text.splitlines() if l.startswith("|")]
    # The rules' rows are the ones named in backticks (`selling`); the others are totals.
    rows = {}
    for line in table[2:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0].startswith("`"):
            rows[cells[0].strip("`")] = cells[1:]
    tail = re.search(r"(\d+) cases, (\d+) interviewer lines scored[^\n]*", text)
    if tail is None:
        sys.exit(f"{path}: not a report of `candor eval -v`")
    return rows, int(tail.group(2)), "\n".join(table), tail.group(0)


def counts(rows):
    """Per rule: labelled, flagged, true positives."""
    return {r: tuple(int(x) for x in cells[:3]) for r, cells in rows.items()}


def f1(labelled, flagged, right):
    if labelled == 0 and flagged == 0:
        return 1.0
    p = right / flagged if flagged else 1.0
    r = right / labelled if labelled else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def summary(per_rule, lines):
    mean = sum(f1(*c) for c in per_rule.values()) / len(per_rule)
    labelled, flagged, right = (sum(c[i] for c in per_rule.values()) for i in range(3))
    p, r = right / max(flagged, 1), right / max(labelled, 1)
    alarms = flagged - right
    return mean, p, r, 2 * p * r / (p + r) if p + r else 0.0, alarms, 100 * alarms / lines


def untuned(a):
    batch = pathlib.Path(a.batch)
    name = batch.name
    out = ROOT / "target" / "untuned"
    out.mkdir(parents=True, exist_ok=True)
    learned, patterns = out / f"{name}-learned.md", out / f"{name}-patterns.md"
    with tempfile.TemporaryDirectory() as tmp:
        config = pathlib.Path(tmp) / "candor.toml"
        config.write_text("learned = false\n")
        for dest, extra in ((learned, []), (patterns, ["--config", str(config)])):
            subprocess.run(
                [str(BIN), "eval", str(batch), "-v", "-o", str(dest), *extra],
                check=True,
                stdout=subprocess.DEVNULL,
            )
    rows, lines, table, tail = report(learned)
    prow, _, ptable, ptail = report(patterns)
    mean, p, r, f, alarms, rate = summary(counts(rows), lines)
    pmean, pp, pr, pf, palarms, prate = summary(counts(prow), lines)
    found = f"{alarms} on {lines} interviewer lines, {rate:.1f} per 100" if alarms else f"none on {lines} interviewer lines"
    print(f"## {name}\n")
    print(
        f"{a.about} Scored by the build of commit {a.build} (the weights {a.model}) before "
        f"anything was trained or tuned on it. False alarms (counted per line and rule): {found}; "
        f"all nine rules pooled, precision {p:.2f}, recall {r:.2f}, F1 {f:.2f}. Mean of the nine "
        f"rules' F1: {mean:.3f} (rules without positives or flags count 1.00).\n"
    )
    print(f"{table}\n\n{tail}\n")
    print(
        f"The patterns alone (`learned = false`): precision {pp:.2f}, recall {pr:.2f}, F1 "
        f"{pf:.2f}; {palarms} false\nalarms, {prate:.1f} per 100 interviewer lines; mean of the "
        f"nine rules' F1 {pmean:.3f}.\n"
    )
    print(f"{ptable}\n\n{ptail}")


def pool(a):
    total = collections.Counter()
    per_rule = collections.defaultdict(lambda: [0, 0, 0])
    for path in a.reports:
        rows, lines, *_ = report(path)
        total["lines"] += lines
        for rule, c in counts(rows).items():
            for i in range(3):
                per_rule[rule][i] += c[i]
    mean, p, r, f, alarms, rate = summary({k: tuple(v) for k, v in per_rule.items()}, total["lines"])
    print(
        f"{len(a.reports)} reports, {total['lines']} interviewer lines: mean of the nine rules' F1 "
        f"{mean:.3f}; all nine pooled P {p:.3f} R {r:.3f} F1 {f:.3f}; {alarms} false alarms "
        f"({rate:.2f} per 100)"
    )


def cv(a):
    text = pathlib.Path(a.report).read_text()
    # The rules' table comes first: each rule's labelled lines.
    labelled = {}
    for m in re.finditer(r"^\| `([a-z-]+)` \| (\d+) \|", text, re.M):
        labelled.setdefault(m.group(1), int(m.group(2)))
    errors = re.findall(r"^([a-z]+\d+)/\S+:\d+: (false positive|missed): ([a-z-]+)", text, re.M)
    wrong, missed, alarms_by_batch = collections.Counter(), collections.Counter(), collections.Counter()
    for batch, kind, rule in errors:
        (wrong if kind == "false positive" else missed)[rule] += 1
        if kind == "false positive":
            alarms_by_batch[batch] += 1
    f1s = []
    for rule in sorted(labelled, key=lambda r: (labelled[r] - missed[r]) / max(labelled[r] - missed[r] + wrong[r], 1)):
        right = labelled[rule] - missed[rule]
        p, r = right / max(right + wrong[rule], 1), right / max(labelled[rule], 1)
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        print(f"{rule:22s} precision {p:.3f} ({right:,} of {right + wrong[rule]:,}) recall {r:.3f} F1 {f1s[-1]:.4f}")
    print(f"macro-F1 {sum(f1s) / len(f1s):.4f}")
    lines = {}
    for m in re.finditer(r"^\| ([a-z]+\d+) \| (\d+) \| [0-9.]+ \| [0-9.]+ \|$", text, re.M):
        lines.setdefault(m.group(1), int(m.group(2)))
    real = {b for b in lines if re.fullmatch(r"r\d+", b)}
    for kind, group in (("real", real), ("written", set(lines) - real)):
        n, f = sum(lines[b] for b in group), sum(alarms_by_batch[b] for b in group)
        print(f"{kind}: {f:,} false alarms on {n:,} lines ({100 * f / max(n, 1):.2f} per 100)")
    rates = sorted(((100 * alarms_by_batch[b] / lines[b], b) for b in real), reverse=True)
    print("real batches:", " ".join(f"{b} {x:.1f}" for x, b in rates))
    print(f"real batches at 3 per 100 or under: {sum(x <= 3 for x, _ in rates)} of {len(rates)}")


def move(a):
    pending, corpus = ROOT / "fixtures" / "pending" / "UNTUNED.md", ROOT / "fixtures" / "corpus" / "UNTUNED.md"
    parts = re.split(r"(?m)^(?=## )", pending.read_text())
    head, sections = parts[0], {re.match(r"## (\S+)", p).group(1): p for p in parts[1:]}
    moved = corpus.read_text().rstrip("\n") + "\n"
    for batch in a.batches:
        if batch not in sections:
            sys.exit(f"{batch}: no untuned section in {pending}; score it before it moves")
        text = sections.pop(batch)
        said = "before anything was trained or tuned on it."
        text = text.replace(said, said[:-1] + "; the batch was then in fixtures/pending.", 1)
        moved += "\n" + text.rstrip("\n") + "\n"
        subprocess.run(["git", "mv", f"fixtures/pending/{batch}", f"fixtures/corpus/{batch}"], cwd=ROOT, check=True)
    corpus.write_text(moved)
    pending.write_text(head.rstrip("\n") + "\n" + "".join("\n" + s.rstrip("\n") + "\n" for s in sections.values()))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(required=True)
    p = sub.add_parser("untuned", help="score a new batch once and print its UNTUNED.md section")
    p.add_argument("batch")
    p.add_argument("--build", required=True, help="the commit of the build that scores it")
    p.add_argument("--model", required=True, help='what the weights are, e.g. "trained on 2,487 cases"')
    p.add_argument("--about", required=True, help="the section's first sentence: whose batch, what")
    p.set_defaults(run=untuned)
    p = sub.add_parser("pool", help="several `eval -v` reports counted together")
    p.add_argument("reports", nargs="+")
    p.set_defaults(run=pool)
    p = sub.add_parser("cv", help="sum up a report of `eval fixtures/corpus --cv 5 -v`")
    p.add_argument("report")
    p.set_defaults(run=cv)
    p = sub.add_parser("move", help="move pending batches into the corpus with their sections")
    p.add_argument("batches", nargs="+")
    p.set_defaults(run=move)
    a = parser.parse_args()
    a.run(a)


if __name__ == "__main__":
    main()
