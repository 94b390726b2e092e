#!/usr/bin/env python3
"""How far careful readers agree: per-rule F1 of one reader's labels against another's.

Usage: python3 scripts/agreement.py   (from the repository root)

Reads fixtures/agreement/: key.json maps each caseNN to the corpus case it is a copy of;
reader-a/ and reader-b/ hold two blind readers' labels of the 16 cases. The corpus's own
labels ("orig") are the third reader. Lines either reader of a pair calls ambiguous are
left out of that pair, as `candor eval` leaves ambiguous lines out.
"""
import json, pathlib, re

ROOT = pathlib.Path(__file__).resolve().parent.parent
AGREE = ROOT / "fixtures" / "agreement"
CORPUS = ROOT / "fixtures" / "corpus"
RULES = ["selling", "self-criticism", "leading-question", "hypothetical-question",
         "solution-request", "validation-seeking", "closed-question", "stacked-questions",
         "homework-question"]
LINE = re.compile(r"^(\[\d\d:\d\d:\d\d\] )?([^:\[\]]{1,60}): ")
KEY = json.loads((AGREE / "key.json").read_text())


def load(reader, case):
    if reader == "orig":
        d = json.loads((CORPUS / (KEY[case] + ".labels.json")).read_text())
    else:
        d = json.loads((AGREE / f"reader-{reader}" / f"{case}.json").read_text())
    labels = {x["line"]: set(x["rules"]) & set(RULES) for x in d["labels"]}
    return labels, set(d.get("ambiguous", []))


def interviewer_lines(case):
    d = json.loads((CORPUS / (KEY[case] + ".labels.json")).read_text())
    who = set(d["interviewers"])
    text = (CORPUS / (KEY[case] + ".txt")).read_text().splitlines()
    return [n for n, l in enumerate(text, 1) if (m := LINE.match(l)) and m.group(2).strip() in who]


def compare(x, y, cases):
    """Per rule: lines both give it, only x, only y; and the lines compared."""
    counts = {r: [0, 0, 0] for r in RULES}
    lines = 0
    for c in cases:
        (lx, ax), (ly, ay) = load(x, c), load(y, c)
        for n in interviewer_lines(c):
            if n in ax or n in ay:
                continue
            lines += 1
            for r in RULES:
                a, b = r in lx.get(n, ()), r in ly.get(n, ())
                counts[r][0 if a and b else 1 if a else 2 if b else 0] += a or b
    return counts, lines


def f1(both, only_x, only_y):
    d = 2 * both + only_x + only_y
    return 2 * both / d if d else None


def main():
    groups = {
        "all": sorted(KEY),
        "written (b01-b10)": sorted(c for c in KEY if KEY[c].startswith("b")),
        "real (r01-r03)": sorted(c for c in KEY if KEY[c].startswith("r")),
    }
    pairs = [("a", "b"), ("a", "orig"), ("b", "orig")]
    for name, cases in groups.items():
        results = {p: compare(*p, cases) for p in pairs}
        print(f"\n## {name}: {len(cases)} cases\n")
        print("| rule | " + " | ".join(f"{x} vs {y}: both / only {x} / only {y}, F1" for x, y in pairs) + " |")
        print("|---|" + "---|" * len(pairs))
        for r in RULES:
            cells = []
            for p in pairs:
                c = results[p][0][r]
                v = f1(*c)
                cells.append(f"{c[0]} / {c[1]} / {c[2]}, " + ("–" if v is None else f"{v:.2f}"))
            print(f"| `{r}` | " + " | ".join(cells) + " |")
        cells = []
        for p in pairs:
            counts, lines = results[p]
            scores = [f1(*counts[r]) for r in RULES if f1(*counts[r]) is not None]
            micro = f1(*(sum(counts[r][k] for r in RULES) for k in range(3)))
            cells.append(f"macro {sum(scores) / len(scores):.3f} ({len(scores)} rules), micro {micro:.3f}, {lines} lines")
        print("| **all** | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
