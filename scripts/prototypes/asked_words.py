"""Stand-in behind the first option of docs/learned.md, "Where the gap is": do a line's
words, marked as asked when their sentence asks, help a linear model over word n-grams?
Not used by candor or its tests.

Reads the interviewer lines of fixtures/corpus (corpus.py), fits a logistic regression per
rule over word 1-3-grams (2^19 buckets, real lines weighed 3) in five folds grouped by
interview, once alone and once with each word of a sentence that asks (ends in "?" or opens
with an auxiliary or a question word, after "so", "and", "but" or "okay") added again as
`q_WORD`, and of any other sentence as `s_WORD`. Prints the mean over the nine rules of the
best F1 at precision 0.92 on the pooled out-of-fold scores, then each rule's.

    target/proto-venv/bin/python scripts/prototypes/asked_words.py

On the 1,681 interviews of commit f70577c (40,323 lines) it printed 0.801 alone and 0.807
with the marked words, in about 25 minutes on one core shared with other work.
"""

import os
import re

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy.sparse import hstack  # noqa: E402
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402

from corpus import baseline, logistic_f1  # noqa: E402

AUX = set(
    "do does did is are was were can could would will should have has had am isn't aren't "
    "don't doesn't didn't wasn't weren't won't wouldn't shouldn't couldn't haven't hasn't".split()
)
WH = set("what how why when where who which whose whom".split())
TOKEN = re.compile(r"[a-z0-9']+")


def marked(text):
    out = []
    for s in re.split(r"(?<=[.?!])\s+", text):
        w = TOKEN.findall(s)
        if not w:
            continue
        asks = (
            s.rstrip().endswith("?")
            or w[0] in AUX
            or w[0] in WH
            or (len(w) > 1 and w[0] in ("so", "and", "but", "okay", "ok") and (w[1] in AUX or w[1] in WH))
        )
        out.extend(("q_" if asks else "s_") + x for x in w)
    return " ".join(out)


def main():
    rows, texts, words, weight, folds = baseline()
    asked = HashingVectorizer(
        n_features=2**19, ngram_range=(1, 1), alternate_sign=False, norm=None,
        binary=True, token_pattern=r"\S+",
    ).transform([marked(t) for t in texts])

    def run(x, name):
        res = logistic_f1(x, rows, folds, weight)
        print(f"{name}: {np.mean(res):.3f} | " + " ".join(f"{v:.2f}" for v in res), flush=True)

    print(len(rows), "lines", flush=True)
    run(words, "word 1-3-grams")
    run(hstack([words, asked]).tocsr(), "+ words marked as asked")


if __name__ == "__main__":
    main()
