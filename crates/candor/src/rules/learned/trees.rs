//! Gradient-boosted decision trees for the context layer: a sum of small trees over the
//! layer's dense inputs ([`context::DIM`] of them), fitted to the log-loss.
//!
//! The logistic regression the layer began with weighs each input on its own: a score of
//! 0.6 for `closed-question` counts the same in a ten-word check and a ninety-word musing,
//! unless an input was made by hand for that pairing (the length-scaled scores, the
//! threshold for long turns). Trees find such pairings themselves: a split on the turn's
//! length under a split on the score. In candor's grouped cross-validation of the 2,303
//! cases, trees in place of the regression gained 0.009 of macro-F1 (0.836 to 0.845) at a
//! precision as high, with as many false alarms on real speech and a few more on written
//! interviews (`docs/learned.md`, "Trees for the context layer").
//!
//! Fitted as histogram-based boosting usually is: each input cut into at most 255 bins at
//! its quantiles, each tree grown leaf by leaf (the split of most gain first), with a
//! second-order step per leaf and an L2 penalty on the leaves. Everything is sequential
//! and in a fixed order, so the same examples give the same trees to the last bit.
//!
//! [`context::DIM`]: super::context::DIM

use super::context::DIM;

/// How trees are fitted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TreeOptions {
    /// How many trees.
    pub trees: usize,
    /// The most leaves a tree may have (at most [`MAX_LEAVES`]; more is read as that).
    pub leaves: usize,
    /// Each tree's leaves are scaled by this (the learning rate).
    pub rate: f64,
    /// L2 penalty on a leaf's value.
    pub l2: f64,
    /// The fewest examples a leaf may hold.
    pub min_leaf: usize,
}

impl Default for TreeOptions {
    fn default() -> Self {
        TreeOptions {
            trees: 100,
            leaves: 15,
            rate: 0.1,
            l2: 1.0,
            min_leaf: 20,
        }
    }
}

/// A node of a tree: a split (`x[input] <= value` goes to `left`, else to `right`), or a
/// leaf (`input == LEAF`, `value` its contribution to the log-odds).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    input: u8,
    left: u8,
    right: u8,
    value: f32,
}

/// A leaf adding nothing: what a tree's unused slots hold.
const EMPTY: Node = Node {
    input: LEAF,
    left: 0,
    right: 0,
    value: 0.0,
};

/// The slots of a tree: room for [`MAX_LEAVES`] leaves and the splits above them. A tree
/// is a fixed array, so that a walk down it needs no bounds check (a node's index is taken
/// modulo the slots).
const SLOTS: usize = 32;

/// The most leaves a tree may have.
pub const MAX_LEAVES: usize = SLOTS / 2;

/// One tree: its nodes, the root first, every child after its parent; `len` of the slots
/// are used.
#[derive(Debug, Clone, PartialEq)]
struct Tree {
    nodes: [Node; SLOTS],
    len: u8,
}

/// The `input` of a leaf: beyond every input.
const LEAF: u8 = u8::MAX;
const _: () = assert!(DIM < LEAF as usize);

/// A fitted sum of trees: the log-odds are `base` plus one leaf's value from each tree.
///
/// A forest may be gated: on a line whose input `gate.0` (the rule's own first-model
/// log-odds) is below `gate.2` and whose input `gate.1` (whether the patterns flagged the
/// rule) is 0, the trees are not asked and the probability is 0. Most lines are far from
/// most rules, and asking a hundred trees about each would cost more time than issue 17's
/// speed bar (no slower than 0.80 of the build before the learned layer) leaves; fitted on
/// the lines past the gate only, the trees also spend their splits where the decisions are.
#[derive(Debug, Clone, PartialEq)]
pub struct Forest {
    base: f32,
    gate: (u8, u8, f32),
    /// Each tree's nodes, its root first.
    trees: Vec<Tree>,
}

impl Default for Forest {
    fn default() -> Self {
        Forest {
            base: 0.0,
            gate: (0, 0, f32::NEG_INFINITY),
            trees: Vec::new(),
        }
    }
}

impl Forest {
    /// How many trees.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.trees.len()
    }

    /// Whether there are no trees (then the probability is the base rate's).
    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.trees.is_empty()
    }

    /// Whether the trees are asked about a line with inputs `x` (see [`Forest`]).
    pub fn admits(&self, x: &[f32; DIM]) -> bool {
        admits(self.gate, x)
    }

    /// The log-odds for inputs `x`, summed in one fixed order (the trees', in f32), so that
    /// the trainer and the analyser get the same number to the last bit.
    pub fn log_odds(&self, x: &[f32; DIM]) -> f32 {
        let mut s = self.base;
        for tree in &self.trees {
            let mut i = 0usize;
            // Every child comes after its parent within the slots (so this ends at a leaf),
            // and a leaf's input is beyond the inputs, so that one look-up tells a leaf
            // from a split.
            loop {
                let n = &tree.nodes[i % SLOTS];
                match x.get(usize::from(n.input)) {
                    Some(&v) => i = usize::from(if v <= n.value { n.left } else { n.right }),
                    None => {
                        s += n.value;
                        break;
                    }
                }
            }
        }
        s
    }

    /// The probability for inputs `x`: 0 where the gate keeps the trees from being asked.
    pub fn probability(&self, x: &[f32; DIM]) -> f32 {
        if self.admits(x) {
            super::sigmoid(self.log_odds(x))
        } else {
            0.0
        }
    }

    /// Appends the forest as bytes: the base, the gate (its two inputs and its log-odds),
    /// the number of trees, then each tree's node count and nodes (input, value, and for a
    /// split its two children).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.base.to_le_bytes());
        out.push(self.gate.0);
        out.push(self.gate.1);
        out.extend_from_slice(&self.gate.2.to_le_bytes());
        out.extend_from_slice(&(self.trees.len() as u32).to_le_bytes());
        for tree in &self.trees {
            out.push(tree.len);
            for n in &tree.nodes[..usize::from(tree.len)] {
                out.push(n.input);
                out.extend_from_slice(&n.value.to_le_bytes());
                if n.input != LEAF {
                    out.push(n.left);
                    out.push(n.right);
                }
            }
        }
    }

    /// Reads a forest written by [`Forest::write`], with `take` giving the next bytes;
    /// refuses one whose inputs, children or leaves are out of place.
    pub fn read<'a>(
        mut take: impl FnMut(usize) -> Result<&'a [u8], String>,
    ) -> Result<Forest, String> {
        let f32_of = |b: &[u8]| f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let base = f32_of(take(4)?);
        let (own, flagged) = (take(1)?[0], take(1)?[0]);
        let gate = f32_of(take(4)?);
        if usize::from(own) >= DIM || usize::from(flagged) >= DIM || gate.is_nan() {
            return Err("the trees' gate is out of place".into());
        }
        let b = take(4)?;
        let count = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let mut trees = Vec::with_capacity(count.min(4096));
        for _ in 0..count {
            let len = usize::from(take(1)?[0]);
            if len == 0 || len > SLOTS {
                return Err(format!("a tree of {len} nodes"));
            }
            let mut tree = Tree {
                nodes: [EMPTY; SLOTS],
                len: len as u8,
            };
            for k in 0..len {
                let input = take(1)?[0];
                let value = f32_of(take(4)?);
                let (left, right) = if input == LEAF {
                    (0, 0)
                } else {
                    let b = take(2)?;
                    (b[0], b[1])
                };
                // Children come after their parent, so every path ends in a leaf.
                let bad_child = |c: u8| usize::from(c) <= k || usize::from(c) >= len;
                if input != LEAF
                    && (usize::from(input) >= DIM || bad_child(left) || bad_child(right))
                {
                    return Err(format!("tree node {k} is out of place"));
                }
                if !value.is_finite() {
                    return Err(format!("tree node {k} is not a number"));
                }
                tree.nodes[k] = Node {
                    input,
                    left,
                    right,
                    value,
                };
            }
            trees.push(tree);
        }
        if !base.is_finite() {
            return Err("the trees' base is not a number".into());
        }
        Ok(Forest {
            base,
            gate: (own, flagged, gate),
            trees,
        })
    }
}

/// Whether `gate` lets a line with inputs `x` through: its score at or above the gate, or
/// the patterns flagged it.
fn admits(gate: (u8, u8, f32), x: &[f32; DIM]) -> bool {
    let (own, flagged, at) = gate;
    x[usize::from(own)] >= at || x[usize::from(flagged)] != 0.0
}

/// The most bins an input is cut into.
const BINS: usize = 255;

/// Each input's bin edges: a value `x` falls in the first bin whose edge is at least `x`,
/// so `bin(x) <= b` exactly when `x <= edges[b]`, and a split at bin `b` is the split
/// `x <= edges[b]` on the raw inputs.
fn edges(xs: &[[f32; DIM]]) -> Vec<Vec<f32>> {
    (0..DIM)
        .map(|i| {
            let mut v: Vec<f32> = xs.iter().map(|x| x[i]).collect();
            v.sort_by(f32::total_cmp);
            let mut distinct = v.clone();
            distinct.dedup();
            if distinct.len() <= BINS {
                return distinct;
            }
            // The values at BINS quantiles, the largest last.
            let mut e: Vec<f32> = (1..=BINS).map(|k| v[(k * v.len()) / BINS - 1]).collect();
            e.dedup();
            e
        })
        .collect()
}

/// The bin of `x` among `edges` (the last bin when it is above them all). The inputs are
/// never NaN (they are log-odds, logarithms and flags), so a NaN's bin does not arise.
fn bin(edges: &[f32], x: f32) -> u8 {
    let b = edges.partition_point(|e| *e < x);
    b.min(edges.len().saturating_sub(1)) as u8
}

/// Sums of gradients, hessians and examples per bin of one input.
type Histogram = Vec<[f64; 3]>;

/// A leaf being grown: its examples, their histograms (one per input), and its best split.
struct Open {
    /// The node it will become.
    node: usize,
    examples: Vec<u32>,
    hist: Vec<Histogram>,
    /// Totals of gradient and hessian.
    g: f64,
    h: f64,
    split: Option<Split>,
}

#[derive(Clone, Copy)]
struct Split {
    gain: f64,
    input: usize,
    bin: usize,
}

/// Fits a forest to `ys`, each example counting its weight in `ws` (1 where `ws` is short),
/// on the examples `gate` lets through (see [`Forest`]; `(0, 0, f32::NEG_INFINITY)` lets
/// all through).
pub fn fit(
    xs: &[[f32; DIM]],
    ys: &[bool],
    ws: &[f32],
    gate: (u8, u8, f32),
    o: &TreeOptions,
) -> Forest {
    let through: Vec<usize> = (0..xs.len()).filter(|&k| admits(gate, &xs[k])).collect();
    let weight_of = |k: usize| ws.get(k).copied().unwrap_or(1.0);
    let xs: Vec<[f32; DIM]> = through.iter().map(|&k| xs[k]).collect();
    let ys: Vec<bool> = through.iter().map(|&k| ys[k]).collect();
    let ws: Vec<f32> = through.iter().map(|&k| weight_of(k)).collect();
    let mut forest = fit_all(&xs, &ys, &ws, o);
    forest.gate = gate;
    forest
}

/// Fits a forest to every example.
fn fit_all(xs: &[[f32; DIM]], ys: &[bool], ws: &[f32], o: &TreeOptions) -> Forest {
    let n = xs.len();
    let weight = |k: usize| f64::from(ws.get(k).copied().unwrap_or(1.0));
    let (mut pos, mut all) = (0.0f64, 0.0f64);
    for (k, &y) in ys.iter().enumerate() {
        all += weight(k);
        if y {
            pos += weight(k);
        }
    }
    // The base rate's log-odds, kept off infinity when every example agrees (and near "no"
    // when there is none to learn from).
    let rate = if all > 0.0 { pos / all } else { 0.0 };
    let rate = rate.clamp(1e-4, 1.0 - 1e-4);
    let base = (rate / (1.0 - rate)).ln() as f32;
    if n == 0 || all <= 0.0 {
        return Forest {
            base,
            ..Forest::default()
        };
    }
    let edges = edges(xs);
    // Bins input by input, so that a histogram reads one input's bins in a row.
    let bins: Vec<Vec<u8>> = (0..DIM)
        .map(|i| xs.iter().map(|x| bin(&edges[i], x[i])).collect())
        .collect();
    let mut f = vec![f64::from(base); n];
    let mut trees = Vec::with_capacity(o.trees);
    let (mut g, mut h) = (vec![0.0f64; n], vec![0.0f64; n]);
    for _ in 0..o.trees {
        for k in 0..n {
            let p = 1.0 / (1.0 + (-f[k]).exp());
            let w = weight(k);
            g[k] = (p - if ys[k] { 1.0 } else { 0.0 }) * w;
            h[k] = (p * (1.0 - p)).max(1e-16) * w;
        }
        let (nodes, leaf_of) = grow(&bins, &edges, &g, &h, o);
        for (k, leaf) in leaf_of.iter().enumerate() {
            f[k] += f64::from(nodes[*leaf as usize].value);
        }
        let mut tree = Tree {
            nodes: [EMPTY; SLOTS],
            len: nodes.len() as u8,
        };
        tree.nodes[..nodes.len()].copy_from_slice(&nodes);
        trees.push(tree);
    }
    Forest {
        base,
        trees,
        ..Forest::default()
    }
}

/// Grows one tree on the gradients `g` and hessians `h`; gives its nodes and each
/// example's leaf.
fn grow(
    bins: &[Vec<u8>],
    edges: &[Vec<f32>],
    g: &[f64],
    h: &[f64],
    o: &TreeOptions,
) -> (Vec<Node>, Vec<u32>) {
    let n = g.len();
    let all: Vec<u32> = (0..n as u32).collect();
    let mut nodes = vec![EMPTY];
    let root = open(0, all, bins, edges, g, h, o);
    let mut open_leaves = vec![root];
    let mut leaves = 1usize;
    while leaves < o.leaves.min(MAX_LEAVES) {
        // The open leaf whose split gains most (the first of equals).
        let mut best: Option<(usize, Split)> = None;
        for (i, s) in open_leaves
            .iter()
            .enumerate()
            .filter_map(|(i, l)| Some((i, l.split?)))
        {
            if best.is_none_or(|(_, b)| s.gain > b.gain) {
                best = Some((i, s));
            }
        }
        let Some((i, split)) = best else { break };
        let parent = open_leaves.remove(i);
        let (left_ex, right_ex): (Vec<u32>, Vec<u32>) = parent
            .examples
            .iter()
            .partition(|&&k| usize::from(bins[split.input][k as usize]) <= split.bin);
        let (l, r) = (nodes.len(), nodes.len() + 1);
        nodes[parent.node] = Node {
            input: split.input as u8,
            left: l as u8,
            right: r as u8,
            value: edges[split.input][split.bin],
        };
        nodes.extend([EMPTY; 2]);
        // The smaller child's histograms are summed; the larger's are the parent's less them.
        let left_smaller = left_ex.len() <= right_ex.len();
        let (small, large, small_node, large_node) = if left_smaller {
            (left_ex, right_ex, l, r)
        } else {
            (right_ex, left_ex, r, l)
        };
        let small = open(small_node, small, bins, edges, g, h, o);
        let large_hist: Vec<Histogram> = parent
            .hist
            .iter()
            .zip(&small.hist)
            .map(|(p, s)| {
                p.iter()
                    .zip(s)
                    .map(|(a, b)| [a[0] - b[0], a[1] - b[1], a[2] - b[2]])
                    .collect()
            })
            .collect();
        let large = with_hist(large_node, large, large_hist, g, h, o);
        open_leaves.push(small);
        open_leaves.push(large);
        // Keep the open leaves in node order, so that "the first of equals" is fixed.
        open_leaves.sort_by_key(|l| l.node);
        leaves += 1;
    }
    let mut leaf_of = vec![0u32; n];
    for l in &open_leaves {
        nodes[l.node].value = (-l.g / (l.h + o.l2) * o.rate) as f32;
        for &k in &l.examples {
            leaf_of[k as usize] = l.node as u32;
        }
    }
    (nodes, leaf_of)
}

/// A leaf over `examples`, its histograms summed, and its best split.
fn open(
    node: usize,
    examples: Vec<u32>,
    bins: &[Vec<u8>],
    edges: &[Vec<f32>],
    g: &[f64],
    h: &[f64],
    o: &TreeOptions,
) -> Open {
    let hist: Vec<Histogram> = (0..DIM)
        .map(|i| {
            let mut hi = vec![[0.0f64; 3]; edges[i].len().max(1)];
            let b = &bins[i];
            for &k in &examples {
                let k = k as usize;
                let cell = &mut hi[usize::from(b[k])];
                cell[0] += g[k];
                cell[1] += h[k];
                cell[2] += 1.0;
            }
            hi
        })
        .collect();
    with_hist(node, examples, hist, g, h, o)
}

/// A leaf over `examples` with histograms `hist`, and its best split.
fn with_hist(
    node: usize,
    examples: Vec<u32>,
    hist: Vec<Histogram>,
    g: &[f64],
    h: &[f64],
    o: &TreeOptions,
) -> Open {
    // Totals from the examples themselves, in their order, not from a histogram.
    let (mut gt, mut ht) = (0.0f64, 0.0f64);
    for &k in &examples {
        gt += g[k as usize];
        ht += h[k as usize];
    }
    let count = examples.len() as f64;
    let score = |g: f64, h: f64| g * g / (h + o.l2);
    let whole = score(gt, ht);
    let mut split: Option<Split> = None;
    let min_leaf = o.min_leaf as f64;
    if count >= 2.0 * min_leaf {
        for (i, hi) in hist.iter().enumerate() {
            let (mut gl, mut hl, mut cl) = (0.0f64, 0.0f64, 0.0f64);
            for (b, cell) in hi.iter().enumerate().take(hi.len().saturating_sub(1)) {
                gl += cell[0];
                hl += cell[1];
                cl += cell[2];
                if cl < min_leaf {
                    continue;
                }
                if count - cl < min_leaf {
                    break;
                }
                let (gr, hr) = (gt - gl, ht - hl);
                if hl < 1e-3 || hr < 1e-3 {
                    continue;
                }
                let gain = score(gl, hl) + score(gr, hr) - whole;
                if gain > 1e-9 && split.is_none_or(|s| gain > s.gain) {
                    split = Some(Split {
                        gain,
                        input: i,
                        bin: b,
                    });
                }
            }
        }
    }
    Open {
        node,
        examples,
        hist,
        g: gt,
        h: ht,
        split,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gate that lets every line through.
    const ALL: (u8, u8, f32) = (0, 0, f32::NEG_INFINITY);

    fn xorshift(mut s: u64) -> impl FnMut() -> f32 {
        move || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            (s % 10_000) as f32 / 10_000.0
        }
    }

    /// Examples whose label is "input 0 high and input 1 low, or input 0 low and input 1
    /// high": an interaction no weighted sum of the two can draw.
    fn xor(n: usize) -> (Vec<[f32; DIM]>, Vec<bool>) {
        let mut r = xorshift(7);
        let xs: Vec<[f32; DIM]> = (0..n)
            .map(|_| {
                let mut x = [0.0; DIM];
                x[0] = r() * 4.0 - 2.0;
                x[1] = r() * 4.0 - 2.0;
                x[2] = r();
                x
            })
            .collect();
        let ys = xs.iter().map(|x| (x[0] > 0.0) != (x[1] > 0.0)).collect();
        (xs, ys)
    }

    #[test]
    fn trees_learn_an_interaction_a_weighted_sum_cannot() {
        let (xs, ys) = xor(2000);
        let forest = fit(&xs, &ys, &[], ALL, &TreeOptions::default());
        assert_eq!(forest.len(), 100);
        let right = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| (forest.probability(x) >= 0.5) == **y)
            .count();
        assert!(right > 1900, "{right} of 2000");
        // The logistic regression of the context layer, on the same examples, is near chance.
        let w = super::super::context::fit(&xs, &ys, &[], 1.0);
        let linear = xs
            .iter()
            .zip(&ys)
            .filter(|(x, y)| (super::super::context::probability(&w, x) >= 0.5) == **y)
            .count();
        assert!(linear < 1300, "{linear} of 2000");
    }

    #[test]
    fn fitting_is_deterministic_and_reads_back_to_the_bit() {
        let (xs, ys) = xor(600);
        let o = TreeOptions {
            trees: 20,
            ..TreeOptions::default()
        };
        let a = fit(&xs, &ys, &[], ALL, &o);
        assert_eq!(a, fit(&xs, &ys, &[], ALL, &o));
        let mut bytes = Vec::new();
        a.write(&mut bytes);
        // Every byte read, none left over.
        let b = read(&bytes).expect("reads back");
        assert_eq!(a, b);
        for x in &xs {
            assert_eq!(a.log_odds(x).to_bits(), b.log_odds(x).to_bits());
        }
    }

    #[test]
    fn a_gated_forest_asks_its_trees_only_past_the_gate() {
        // Input 0 is the row's score, input 1 whether the patterns flagged it.
        let (mut xs, ys) = xor(2000);
        for (k, x) in xs.iter_mut().enumerate() {
            x[1] = f32::from(u8::from(k % 10 == 0));
        }
        let gate = (0, 1, -1.0);
        let o = TreeOptions {
            trees: 10,
            ..TreeOptions::default()
        };
        let gated = fit(&xs, &ys, &[], gate, &o);
        // Only the examples past the gate were fitted: the same forest as fitting them alone.
        let past: Vec<usize> = (0..xs.len())
            .filter(|&k| xs[k][0] >= -1.0 || xs[k][1] != 0.0)
            .collect();
        assert!(past.len() < xs.len() && past.len() > 1000);
        let alone = fit(
            &past.iter().map(|&k| xs[k]).collect::<Vec<_>>(),
            &past.iter().map(|&k| ys[k]).collect::<Vec<_>>(),
            &[],
            ALL,
            &o,
        );
        assert_eq!(gated.trees, alone.trees);
        assert_eq!(gated.base, alone.base);
        let mut below = [0.0; DIM];
        below[0] = -1.5;
        assert!(!gated.admits(&below));
        assert_eq!(gated.probability(&below), 0.0);
        assert!(
            gated.log_odds(&below) != 0.0,
            "the trees would have said something"
        );
        below[1] = 1.0;
        assert!(gated.admits(&below), "a pattern finding opens the gate");
        assert!(gated.probability(&below) > 0.0);
    }

    #[test]
    fn with_nothing_past_the_gate_the_trees_say_no() {
        let (xs, ys) = xor(100);
        let forest = fit(&xs, &ys, &[], (0, 3, 10.0), &TreeOptions::default());
        assert!(forest.is_empty());
        let mut x = [0.0; DIM];
        x[3] = 1.0;
        assert!(forest.admits(&x));
        assert!(forest.probability(&x) < 1e-3, "{}", forest.probability(&x));
    }

    #[test]
    fn a_weight_counts_an_example_more() {
        // Input 0 alone; label true at 1, false at 0, but three false examples at 1.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for k in 0..200 {
            let mut x = [0.0; DIM];
            x[0] = (k % 2) as f32;
            xs.push(x);
            ys.push(k % 2 == 1 && k % 5 != 1);
        }
        let o = TreeOptions {
            trees: 30,
            min_leaf: 5,
            ..TreeOptions::default()
        };
        let plain = fit(&xs, &ys, &[], ALL, &o);
        let ws: Vec<f32> = ys.iter().map(|&y| if y { 1.0 } else { 4.0 }).collect();
        let weighted = fit(&xs, &ys, &ws, ALL, &o);
        let mut one = [0.0; DIM];
        one[0] = 1.0;
        assert!(plain.probability(&one) > 0.6, "{}", plain.probability(&one));
        assert!(weighted.probability(&one) < plain.probability(&one));
    }

    #[test]
    fn splits_fall_on_raw_values_as_on_bins() {
        let (xs, _) = xor(3000);
        let e = edges(&xs);
        for (i, edges) in e.iter().enumerate().take(3) {
            assert!(edges.len() <= BINS && edges.windows(2).all(|w| w[0] < w[1]));
            for x in &xs {
                let b = usize::from(bin(edges, x[i]));
                for (c, edge) in edges.iter().enumerate() {
                    assert_eq!(b <= c, x[i] <= *edge);
                }
            }
        }
        // An input with few values keeps every one of them as an edge.
        assert_eq!(e[3], vec![0.0]);
    }

    /// The bytes of a forest of one tree: a split of input `input` with children `left`
    /// and `right` (of `len` nodes; the other nodes are leaves), gated at `gate`.
    fn one_tree(
        len: u8,
        input: u8,
        left: u8,
        right: u8,
        leaf: f32,
        gate: (u8, u8, f32),
    ) -> Vec<u8> {
        let mut bytes = Vec::new();
        bytes.extend_from_slice(&0f32.to_le_bytes());
        bytes.extend_from_slice(&[gate.0, gate.1]);
        bytes.extend_from_slice(&gate.2.to_le_bytes());
        bytes.extend_from_slice(&1u32.to_le_bytes());
        bytes.push(len);
        bytes.push(input);
        bytes.extend_from_slice(&0.5f32.to_le_bytes());
        bytes.extend_from_slice(&[left, right]);
        for _ in 1..len {
            bytes.push(LEAF);
            bytes.extend_from_slice(&leaf.to_le_bytes());
        }
        bytes
    }

    fn read(bytes: &[u8]) -> Result<Forest, String> {
        let mut at = 0;
        let forest = Forest::read(|k| {
            let s = bytes.get(at..at + k).ok_or("short")?;
            at += k;
            Ok(s)
        })?;
        if at != bytes.len() {
            return Err("bytes left over".into());
        }
        Ok(forest)
    }

    #[test]
    fn a_well_formed_forest_reads_and_each_fault_is_refused() {
        let gate = (0, 9, -6.0);
        let good = read(&one_tree(3, 5, 1, 2, 0.1, gate)).expect("well formed");
        let mut x = [0.0; DIM];
        assert_eq!(good.log_odds(&x), 0.1);
        x[5] = 1.0;
        assert_eq!(good.log_odds(&x), 0.1);
        for (what, bytes) in [
            ("a child before its parent", one_tree(3, 5, 0, 2, 0.1, gate)),
            ("a child beyond the tree", one_tree(3, 5, 1, 3, 0.1, gate)),
            (
                "an input beyond the inputs",
                one_tree(3, DIM as u8, 1, 2, 0.1, gate),
            ),
            ("a tree of no nodes", one_tree(0, 5, 1, 2, 0.1, gate)),
            ("a tree beyond its slots", one_tree(33, 5, 1, 2, 0.1, gate)),
            (
                "a leaf that is not a number",
                one_tree(3, 5, 1, 2, f32::NAN, gate),
            ),
            (
                "a gate that is not a number",
                one_tree(3, 5, 1, 2, 0.1, (0, 9, f32::NAN)),
            ),
            (
                "a gate on no input",
                one_tree(3, 5, 1, 2, 0.1, (DIM as u8, 9, -6.0)),
            ),
        ] {
            assert!(read(&bytes).is_err(), "{what}");
        }
    }

    #[test]
    fn no_damaged_forest_panics_or_loops() {
        let (xs, ys) = xor(400);
        let o = TreeOptions {
            trees: 3,
            ..TreeOptions::default()
        };
        let mut bytes = Vec::new();
        fit(&xs, &ys, &[], ALL, &o).write(&mut bytes);
        let mut read_ok = 0;
        for k in 0..bytes.len() {
            for flip in [0x01u8, 0x80, 0xff] {
                let mut b = bytes.clone();
                b[k] ^= flip;
                if let Ok(f) = read(&b) {
                    read_ok += 1;
                    for x in xs.iter().take(20) {
                        let _ = f.probability(x);
                    }
                }
            }
        }
        assert!(read_ok > 0, "some flips (of values) still read");
    }

    #[test]
    fn trees_out_of_place_are_refused() {
        // One split whose left child points back at itself.
        let bytes = one_tree(3, 0, 0, 2, 0.1, (0, 1, -6.0));
        let mut at = 0;
        let read = Forest::read(|k| {
            let s = bytes.get(at..at + k).ok_or("short")?;
            at += k;
            Ok(s)
        });
        assert!(read.is_err());
    }
}
