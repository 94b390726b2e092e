"""The interviewer lines of fixtures/corpus, for the prototypes beside this file (not used by
candor or its tests): each as (interview, is_real, text, set of rules labelled), lines
labelled ambiguous left out; the nine rules; the word n-grams and the logistic regression the
prototypes' baselines share; and the measure they report."""

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


RULES = [
    "selling", "self-criticism", "leading-question", "hypothetical-question",
    "solution-request", "validation-seeking", "closed-question", "stacked-questions",
    "homework-question",
]


def texts_of(rows):
    """Each line's text, lowercased, with curly apostrophes made straight."""
    return [r[2].lower().replace("\u2019", "'") for r in rows]


def word_ngrams(texts):
    """Word 1-3-grams (and "?") hashed into 2^19 buckets, present or absent."""
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        n_features=2**19, ngram_range=(1, 3), alternate_sign=False, norm=None,
        binary=True, token_pattern=r"(?u)\b\w+\b|\?",
    ).transform(texts)


def logistic_f1(x, rows, folds, weight):
    """Per rule, the best F1 at precision 0.92 of a logistic regression over the rows of `x`,
    fitted in `folds` with each line weighed by `weight`, on the pooled out-of-fold scores."""
    return [f1_at(oof, y) for oof, y in logistic_oof(x, rows, folds, weight)]


def logistic_oof(x, rows, folds, weight):
    """Per rule, the pooled out-of-fold scores of the regression `logistic_f1` measures, with
    the labels: a list of (scores, labels) pairs of numpy arrays in the order of RULES."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    out = []
    for rule in RULES:
        y = np.array([rule in r[3] for r in rows])
        oof = np.zeros(len(y))
        for tr, te in folds:
            m = LogisticRegression(C=0.5, max_iter=3000, solver="liblinear")
            m.fit(x[tr], y[tr], sample_weight=weight[tr])
            oof[te] = m.predict_proba(x[te])[:, 1]
        out.append((oof, y))
    return out


def baseline():
    """What the regression prototypes start from: the lines, their texts, their word
    n-grams, each line's weight (real lines 3, as the trainer weighs them) and five folds
    grouped by interview."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    rows = interviewer_lines()
    texts = texts_of(rows)
    words = word_ngrams(texts)
    weight = np.where([r[1] for r in rows], 3.0, 1.0)
    folds = list(GroupKFold(5).split(words, np.zeros(len(rows)), [r[0] for r in rows]))
    return rows, texts, words, weight, folds
