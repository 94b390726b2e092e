"""Prototype behind the learned layer's `later_heads` turn features (docs/learned.md).

Does marking how a turn's later questions open help a linear model tell several questions
from one? Reads the interviewer lines of fixtures/corpus (ambiguous lines left out), fits a
logistic regression per variant for `stacked-questions` in five folds grouped by interview
(real lines weighed 3, as the trainer weighs them) and prints, for each variant, the best
F1 at precision 0.92 on the pooled out-of-fold scores (a little optimistic: the threshold
is chosen on the scores it is measured on) and the best F1 outright.

The question splitting here is a regular expression, not candor's speech layer: this
compares feature ideas, it does not reproduce candor's figures. Run from the repository:

    python3 -m venv target/proto-venv
    target/proto-venv/bin/pip install -r scripts/prototypes/requirements.txt
    target/proto-venv/bin/python scripts/prototypes/later_heads.py

On the 1,548 interviews of commit 5f32142 it printed 0.646, 0.603, 0.686, 0.715 and 0.728
at precision 0.92 for the variants in the order below (a run takes about two minutes).
"""

import re

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from corpus import interviewer_lines

RULE = "stacked-questions"
QW = (
    r"(?:what|what's|how|who|when|where|why|which|do|does|did|is|are|was|were|have|has|"
    r"can|could|would|will|should)"
)
LEAD = r"\W*(?:(?:so|and|um|uh|like|okay|ok|right|well|yeah|but|or|also|plus)\W+)*"


def load():
    return [(case, real, text, RULE in rules) for case, real, text, rules in interviewer_lines()]


def questions(text, split_before_conjunction):
    """The turn's question clauses, in order, each as its words."""
    if split_before_conjunction:
        joined = r",?\s+(?=(?:and|but|also|plus|or)\s+" + QW + r"\b)"
    else:
        joined = r",?\s+(?:and|but|also|plus|or)\s+(?=" + QW + r"\b)"
    parts = re.split(r"(?<=[.?!])\s+|\s+[—–]\s+|" + joined + r"|,\s+(?=" + QW + r"\b)", text)
    out = []
    for p in parts:
        if p and p.strip() and (p.strip().endswith("?") or re.match(LEAD + QW + r"\b", p)):
            out.append(re.findall(r"[a-z']+", p))
    return out


def main():
    rows = load()
    groups = [r[0] for r in rows]
    weight = np.where([r[1] for r in rows], 3.0, 1.0)
    texts = [r[2].lower().replace("\u2019", "'") for r in rows]
    y = np.array([r[3] for r in rows])
    words = HashingVectorizer(
        n_features=2**19, ngram_range=(1, 3), alternate_sign=False, norm=None,
        binary=True, token_pattern=r"(?u)\b\w+\b|\?",
    ).transform(texts)

    def tokens(lists):
        return HashingVectorizer(
            n_features=2**17, alternate_sign=False, norm=None, binary=True, token_pattern=r"\S+"
        ).transform([" ".join(x) or "none" for x in lists])

    def run(x, name):
        oof = np.zeros(len(y))
        for tr, te in GroupKFold(5).split(x, y, groups):
            m = LogisticRegression(C=0.5, max_iter=3000, solver="liblinear")
            m.fit(x[tr], y[tr], sample_weight=weight[tr])
            oof[te] = m.predict_proba(x[te])[:, 1]
        order = np.argsort(-oof)
        tp = np.cumsum(y[order])
        p = tp / np.arange(1, len(y) + 1)
        r = tp / y.sum()
        f = 2 * p * r / np.maximum(p + r, 1e-9)
        i = np.argmax(np.where(p >= 0.92, f, 0))
        print(f"{name}: F1 {f[i]:.3f} at precision 0.92 (recall {r[i]:.3f}); best F1 {f.max():.3f}", flush=True)

    later_words = [" ".join(" ".join(q) for q in questions(t, False)[1:]) for t in texts]
    marked = HashingVectorizer(
        n_features=2**18, ngram_range=(1, 3), alternate_sign=False, norm=None,
        binary=True, token_pattern=r"(?u)\b\w+\b",
    ).transform(later_words)
    qs = [questions(t, True) for t in texts]
    run(words, "words")
    run(hstack([words, marked]).tocsr(), "+ every word of later questions, marked")
    run(hstack([words, tokens([["_".join(q[:3]) for q in c[1:]] for c in qs])]).tocsr(),
        "+ later questions' first three words as one feature")
    for n in (2, 3):
        heads = [["_".join(q[:k]) for q in c[1:] for k in range(1, n + 1)] for c in qs]
        run(hstack([words, tokens(heads)]).tocsr(), f"+ later questions' first 1..{n} words")


if __name__ == "__main__":
    main()
