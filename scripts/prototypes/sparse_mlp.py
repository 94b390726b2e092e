"""Prototype: does a hidden layer over the bag of word n-grams beat a linear model over the same
bag, like for like? (docs/learned.md, "A hidden layer over the words: measured".) Not used by
candor or its tests.

mlp.py asked the same with scikit-learn's network, with other settings than the regression it
was compared with. Here both models are the same code: word 1-3-grams of corpus.py (binary,
2^19 buckets), the nine rules at once, each line weighed as the trainer weighs it (real lines
3), five folds grouped by interview, each training fold fitted by L-BFGS (at most ITERS
iterations) with an L2 penalty L2, the best F1 at precision 0.92 on the pooled out-of-fold
scores, averaged over the nine rules. HIDDEN 0 is the linear model (logits straight from the
buckets); otherwise one layer of HIDDEN ReLU units.

    target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py HIDDEN L2 ITERS [SEED]
    target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py 0 4e-5 300
    target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py 32 4e-5 250

On the 1,693 interviews of commit 489098e the last two printed 0.797 (7 minutes) and 0.812
(about 80 minutes on one core shared with other work; L-BFGS keeps ten past steps of all 16.8
million weights, about 8 GB). A first mode, minibatches with a lazy Adam step, never reached
the linear optimum L-BFGS reaches and was removed; it is in the history at commit 706d1fc.
"""

import os
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy.optimize import minimize  # noqa: E402

from corpus import RULES, baseline, f1_at  # noqa: E402


def sigmoid(z):
    return 1 / (1 + np.exp(-np.clip(z, -50, 50)))


def fit(x, y, w, hidden, l2, iters, rng):
    """Logits = relu(x W1 + b1) W2 + b2 (x W1 + b1 when hidden is 0), fitted by L-BFGS on the
    weighted mean cross-entropy of the nine rules plus l2/2 times the squared weights. Returns
    a function from rows to probabilities."""
    dim, k = x.shape[1], y.shape[1]
    ws = (w / w.sum())[:, None]
    shapes = [(dim, hidden or k), (hidden or k,)] + ([(hidden, k), (k,)] if hidden else [])
    ends = np.cumsum([int(np.prod(s)) for s in shapes])

    def unpack(theta):
        return [part.reshape(s) for part, s in zip(np.split(theta, ends[:-1]), shapes)]

    def forward(p, xx):
        z = xx @ p[0] + p[1]
        if not hidden:
            return z, z
        return np.maximum(z, 0) @ p[2] + p[3], z

    def loss_and_grad(theta):
        p = unpack(theta)
        out, z = forward(p, x)
        loss = (ws * (np.logaddexp(0, out) - y * out)).sum()
        d = (sigmoid(out) - y) * ws
        grads = []
        if hidden:
            grads = [np.maximum(z, 0).T @ d + l2 * p[2], d.sum(0)]
            d = (d @ p[2].T) * (z > 0)
            loss += 0.5 * l2 * (p[2] ** 2).sum()
        grads = [np.asarray(x.T @ d) + l2 * p[0], d.sum(0)] + grads
        loss += 0.5 * l2 * (p[0] ** 2).sum()
        return loss, np.concatenate([g.ravel() for g in grads])

    init = [rng.standard_normal(s) * (0.05 if (hidden and i in (0, 2)) else 0.0) for i, s in enumerate(shapes)]
    res = minimize(loss_and_grad, np.concatenate([a.ravel() for a in init]), jac=True,
                   method="L-BFGS-B", options={"maxiter": iters})
    print(f"  L-BFGS: {res.nit} iterations, converged: {res.success} ({res.message})",
          file=sys.stderr, flush=True)
    fitted = unpack(res.x)
    return lambda xx: sigmoid(forward(fitted, xx)[0])


def main():
    hidden, l2, iters = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 17
    rows, _texts, words, weight, folds = baseline()
    x = words.astype(np.float64)
    y = np.array([[rule in r[3] for rule in RULES] for r in rows], np.float64)
    weight = weight.astype(np.float64)
    start = time.time()
    oof = np.zeros(y.shape)
    for k, (tr, te) in enumerate(folds):
        predict = fit(x[tr], y[tr], weight[tr], hidden, l2, iters, np.random.default_rng(seed + k))
        oof[te] = predict(x[te])
        print(f"  fold {k + 1} done, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    res = [f1_at(oof[:, i], y[:, i].astype(bool)) for i in range(len(RULES))]
    print(f"L-BFGS hidden {hidden} l2 {l2} iterations {iters}: {np.mean(res):.3f} | "
          + " ".join(f"{v:.2f}" for v in res), flush=True)


if __name__ == "__main__":
    main()
