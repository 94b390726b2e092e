"""Prototype: does a hidden layer over the same bag of word n-grams beat the linear model?
(docs/learned.md, "Where the gap is".) Not used by candor or its tests.

Reads the interviewer lines of fixtures/corpus (corpus.py), hashes word 1-3-grams into
2^BITS buckets (l2-normalised), fits one multi-label MLP (sklearn, one hidden layer of
HIDDEN ReLU units, Adam, EPOCHS passes, L2 penalty ALPHA) in five folds grouped by
interview, and prints the mean over the nine rules of the best F1 at precision 0.92 on the
pooled out-of-fold scores, then each rule's. Lines count once (the trainer weighs real
lines three times; sklearn's MLP takes no sample weights).

    python3 -m venv target/proto-venv
    target/proto-venv/bin/pip install -r scripts/prototypes/requirements.txt
    target/proto-venv/bin/python scripts/prototypes/mlp.py 17 128 8

On the 1,681 interviews of commit f70577c (40,323 lines) `17 128 8` printed 0.722 (the
rules: 0.76 0.89 0.76 0.85 0.92 0.65 0.76 0.24 0.67) after about 40 minutes on one core shared with other work,
still short of convergence. The stand-in logistic regression of asked_words.py gives 0.801 on
the same lines, but with other settings (2^19 buckets, rows not normalised, real lines weighed
3), so the two are not a like-for-like comparison: the run is inconclusive.
"""

import os
import sys

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import HashingVectorizer  # noqa: E402
from sklearn.model_selection import GroupKFold  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

from corpus import RULES, f1_at, interviewer_lines, texts_of  # noqa: E402



def main():
    bits, hidden, epochs = (int(a) for a in sys.argv[1:4])
    alpha = float(sys.argv[4]) if len(sys.argv) > 4 else 1e-4
    rows = interviewer_lines()
    groups = [r[0] for r in rows]
    texts = texts_of(rows)
    x = HashingVectorizer(
        n_features=2**bits, ngram_range=(1, 3), alternate_sign=False, norm="l2",
        binary=True, token_pattern=r"(?u)\b\w+\b|\?",
    ).transform(texts).astype(np.float32)
    y = np.array([[rule in r[3] for rule in RULES] for r in rows]).astype(int)
    oof = np.zeros(y.shape)
    for tr, te in GroupKFold(5).split(x, np.zeros(len(rows)), groups):
        m = MLPClassifier(
            hidden_layer_sizes=(hidden,), alpha=alpha, batch_size=256, max_iter=epochs,
            learning_rate_init=1e-3, random_state=0,
        )
        m.fit(x[tr], y[tr])
        oof[te] = m.predict_proba(x[te])
    res = [f1_at(oof[:, i], y[:, i].astype(bool)) for i in range(len(RULES))]
    print(f"MLP bits {bits} hidden {hidden} epochs {epochs}: {np.mean(res):.3f} | "
          + " ".join(f"{v:.2f}" for v in res))


if __name__ == "__main__":
    main()
