"""Prototype: does a hidden layer over the bag of word n-grams beat a linear model over the same
bag, like for like? (docs/learned.md, "A hidden layer over the words: measured".) Not used by
candor or its tests.

mlp.py asked the same with scikit-learn's network, with other settings than the regression it
was compared with. Here both models are the same code: word 1-3-grams of corpus.py (binary,
2^19 buckets; rows scaled to length one only with NORM=1), the nine rules at once, each line
weighed as the trainer weighs it (real lines 3), five folds grouped by interview, the best F1
at precision 0.92 on the pooled out-of-fold scores, averaged over the nine rules. The linear
model is `HIDDEN 0` (logits straight from the buckets); the network has one layer of HIDDEN
ReLU units.

Two ways to fit:

* with LBFGS=N in the environment, L-BFGS on each whole training fold, at most N iterations,
  with an L2 penalty L2 (EPOCHS and LR unused). This is the mode the docs report:

      LBFGS=300 target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py 0 1 0 4e-5
      LBFGS=250 target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py 32 1 0 4e-5

  On the 1,693 interviews of commit 489098e they printed 0.797 (7 minutes) and 0.812
  (about 80 minutes on one core shared with other work; L-BFGS keeps ten past steps of all
  16.8 million weights, about 8 GB);
* without it, minibatches of 256 shuffled with a fixed seed and a lazy Adam step (only the
  rows of the first layer a batch uses move), printing the figure after each of EPOCHS passes.
  Its linear model stayed at 0.68 to 0.75 in 8 to 20 passes, short of the optimum L-BFGS
  reaches: kept for the record, not as evidence.

    target/proto-venv/bin/python scripts/prototypes/sparse_mlp.py HIDDEN EPOCHS [LR] [L2] [SEED]
"""

import os
import sys
import time

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402
from scipy.sparse import csr_matrix, diags  # noqa: E402

from corpus import RULES, baseline, f1_at  # noqa: E402


class Net:
    """Logits = relu(x W1 + b1) W2 + b2, or x W1 + b1 when hidden is 0."""

    def __init__(self, dim, hidden, outputs, lr, rng, l2=0.0):
        self.hidden = hidden
        self.l2 = l2
        width = hidden or outputs
        self.w1 = (rng.standard_normal((dim, width)) * (0.1 if hidden else 0.0)).astype(np.float32)
        self.b1 = np.zeros(width, np.float32)
        self.m1, self.v1 = np.zeros((dim, width), np.float32), np.zeros((dim, width), np.float32)
        self.mb1, self.vb1 = np.zeros(width, np.float32), np.zeros(width, np.float32)
        if hidden:
            self.w2 = (rng.standard_normal((hidden, outputs)) / np.sqrt(hidden)).astype(np.float32)
            self.b2 = np.zeros(outputs, np.float32)
            self.m2, self.v2 = np.zeros_like(self.w2), np.zeros_like(self.w2)
            self.mb2, self.vb2 = np.zeros_like(self.b2), np.zeros_like(self.b2)
        self.lr = lr
        self.t = 0

    def adam(self, w, m, v, g, rows=None):
        """One Adam step (lazy: only `rows` of a first-layer matrix move)."""
        b1, b2 = 0.9, 0.999
        scale = self.lr * np.sqrt(1 - b2**self.t) / (1 - b1**self.t)
        if rows is None:
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            w -= scale * m / (np.sqrt(v) + 1e-8)
        else:
            mr = b1 * m[rows] + (1 - b1) * g
            vr = b2 * v[rows] + (1 - b2) * g * g
            m[rows], v[rows] = mr, vr
            w[rows] -= scale * mr / (np.sqrt(vr) + 1e-8)

    def logits(self, x):
        z = np.asarray(x @ self.w1) + self.b1
        if not self.hidden:
            return z, z
        h = np.maximum(z, 0)
        return h @ self.w2 + self.b2, z

    def step(self, x, y, w):
        self.t += 1
        cols, inv = np.unique(x.indices, return_inverse=True)
        xs = csr_matrix((x.data, inv, x.indptr), shape=(x.shape[0], len(cols)))
        out, z = self.logits(x)
        p = 1 / (1 + np.exp(-out))
        d = (p - y) * (w / w.sum())[:, None]
        if self.hidden:
            h = np.maximum(z, 0)
            gw2, gb2 = h.T @ d + self.l2 * self.w2, d.sum(0)
            dz = (d @ self.w2.T) * (z > 0)
            self.adam(self.w2, self.m2, self.v2, gw2)
            self.adam(self.b2, self.mb2, self.vb2, gb2)
        else:
            dz = d
        gw1 = np.asarray(xs.T @ dz) + self.l2 * self.w1[cols]
        self.adam(self.w1, self.m1, self.v1, gw1, cols)
        self.adam(self.b1, self.mb1, self.vb1, dz.sum(0))


def fit_lbfgs(x, y, w, hidden, l2, iters, rng):
    """The same model fitted to convergence by L-BFGS on the whole training fold: the weighted
    mean cross-entropy of the nine rules plus l2/2 times the squared weights. Returns a
    function from rows to probabilities."""
    from scipy.optimize import minimize

    dim, k = x.shape[1], y.shape[1]
    ws = w / w.sum()
    shapes = [(dim, hidden or k), (hidden or k,)] + ([(hidden, k), (k,)] if hidden else [])
    sizes = [int(np.prod(s)) for s in shapes]

    def unpack(theta):
        out, a = [], 0
        for s, n in zip(shapes, sizes):
            out.append(theta[a : a + n].reshape(s))
            a += n
        return out

    def forward(theta, xx):
        p = unpack(theta)
        z = xx @ p[0] + p[1]
        if not hidden:
            return z, z, p
        h = np.maximum(z, 0)
        return h @ p[2] + p[3], z, p

    def f(theta):
        out, z, p = forward(theta, x)
        loss = (ws[:, None] * (np.logaddexp(0, out) - y * out)).sum()
        d = (1 / (1 + np.exp(-np.clip(out, -50, 50))) - y) * ws[:, None]
        grads = []
        if hidden:
            h = np.maximum(z, 0)
            g2, gb2 = h.T @ d, d.sum(0)
            d = (d @ p[2].T) * (z > 0)
        g0, gb0 = np.asarray(x.T @ d), d.sum(0)
        grads = [g0 + l2 * p[0], gb0] + ([g2 + l2 * p[2], gb2] if hidden else [])
        loss += 0.5 * l2 * ((p[0] ** 2).sum() + ((p[2] ** 2).sum() if hidden else 0))
        return loss, np.concatenate([g.ravel() for g in grads])

    init = [rng.standard_normal(s) * (0.05 if (hidden and i in (0, 2)) else 0.0) for i, s in enumerate(shapes)]
    theta0 = np.concatenate([a.ravel() for a in init])
    res = minimize(f, theta0, jac=True, method="L-BFGS-B", options={"maxiter": iters})
    print(f"  L-BFGS: {res.nit} iterations, converged: {res.success} ({res.message})",
          file=sys.stderr, flush=True)
    return lambda xx: 1 / (1 + np.exp(-np.clip(forward(res.x, xx)[0], -50, 50)))


def main():
    hidden, epochs = int(sys.argv[1]), int(sys.argv[2])
    lr = float(sys.argv[3]) if len(sys.argv) > 3 else 0.05
    l2 = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    seed = int(sys.argv[5]) if len(sys.argv) > 5 else 17
    rows, _texts, words, weight, folds = baseline()
    x = words.astype(np.float32)
    norms = np.sqrt(np.asarray(x.multiply(x).sum(1)).ravel())
    if os.environ.get("NORM") == "1":
        x = (diags(1 / np.maximum(norms, 1e-9)) @ x).tocsr()
    y = np.array([[rule in r[3] for rule in RULES] for r in rows], np.float32)
    weight = weight.astype(np.float32)
    start = time.time()
    oof = np.zeros((epochs,) + y.shape, np.float32)
    if os.environ.get("LBFGS"):
        iters = int(os.environ["LBFGS"])
        x64, y64 = x.astype(np.float64), y.astype(np.float64)
        oof1 = np.zeros(y.shape)
        for k, (tr, te) in enumerate(folds):
            predict = fit_lbfgs(x64[tr], y64[tr], weight[tr].astype(np.float64), hidden, l2, iters,
                                np.random.default_rng(seed + k))
            oof1[te] = predict(x64[te])
            print(f"  fold {k + 1} done, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
        res = [f1_at(oof1[:, i], y[:, i].astype(bool)) for i in range(len(RULES))]
        print(f"L-BFGS hidden {hidden} l2 {l2} iterations {iters}: {np.mean(res):.3f} | "
              + " ".join(f"{v:.2f}" for v in res), flush=True)
        return
    for k, (tr, te) in enumerate(folds):
        rng = np.random.default_rng(seed + k)
        net = Net(x.shape[1], hidden, len(RULES), lr, rng, l2)
        for e in range(epochs):
            order = rng.permutation(tr)
            for a in range(0, len(order), 256):
                b = order[a : a + 256]
                net.step(x[b], y[b], weight[b])
            oof[e][te] = 1 / (1 + np.exp(-net.logits(x[te])[0]))
        print(f"  fold {k + 1} done, {time.time() - start:.0f} s", file=sys.stderr, flush=True)
    for e in range(epochs):
        res = [f1_at(oof[e][:, i], y[:, i].astype(bool)) for i in range(len(RULES))]
        tail = " | " + " ".join(f"{v:.2f}" for v in res) if e == epochs - 1 else ""
        print(f"hidden {hidden} lr {lr} l2 {l2} pass {e + 1}: {np.mean(res):.3f}{tail}", flush=True)


if __name__ == "__main__":
    main()
