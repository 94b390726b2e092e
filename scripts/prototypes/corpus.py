"""The interviewer lines of fixtures/corpus, for the prototypes beside this file (not used by
candor or its tests): each as (interview, is_real, text, set of rules labelled), lines
labelled ambiguous left out; and the measure the prototypes report."""

import glob
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def interviewer_lines(root=ROOT / "fixtures" / "corpus"):
    rows = []
    for lf in sorted(glob.glob(str(root) + "/*/*.labels.json")):
        labels = json.load(open(lf))
        case = lf.split("/")[-1][: -len(".labels.json")]
        batch = lf.split("/")[-2]
        interviewers = set(labels["interviewers"])
        by_line = {x["line"]: x["rules"] for x in labels["labels"]}
        ambiguous = set(labels.get("ambiguous") or [])
        text = open(lf.replace(".labels.json", ".txt")).read().split("\n")
        for i, line in enumerate(text, 1):
            m = re.match(r"^(?:\[[^\]]*\]\s*)?([^:]{1,60}?):\s*(.*)$", line)
            if not m or m.group(1).strip() not in interviewers or i in ambiguous:
                continue
            rows.append((case, re.match(r"r\d", batch) is not None, m.group(2), set(by_line.get(i, []))))
    return rows


def f1_at(oof, y, floor=0.92):
    """The best F1 over thresholds of the scores `oof` against the labels `y` (numpy arrays)
    among those keeping precision `floor`."""
    import numpy as np

    order = np.argsort(-oof)
    tp = np.cumsum(y[order])
    p = tp / np.arange(1, len(y) + 1)
    r = tp / max(1, y.sum())
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    return np.where(p >= floor, f, 0).max()
