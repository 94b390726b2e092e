//! The context layer: a second, small model per rule that decides each interviewer line
//! from what the first model scored on it for every rule, what the patterns found, and
//! what came before it in the call. Since model format 10 it is a sum of boosted trees
//! ([`super::trees`]); the logistic regression here, its first form, is still what
//! `candor train --context-trees 0` fits.
//!
//! The first model reads one sentence (or turn) at a time. Many of its mistakes are
//! about context that no sentence shows: a volunteered weakness of "our" product scores
//! high for `selling` too, until the `self-criticism` score beside it says otherwise; "we
//! have a reliability score" is a pitch in a call whose interviewer has been pitching,
//! and a question in a host's long, rambling turns is judged against that host's habits.
//! So each line is decided from a handful of dense inputs (below), each a number the
//! analyser knows by the end of the line: nothing after the line is used, so findings are
//! still made turn by turn.
//!
//! Trained on the first model's out-of-fold scores (so that it learns how far to trust
//! them on lines that model did not see); the regression by Newton's method with an L2
//! penalty: small, exact and deterministic.

// Matrix arithmetic reads best with indices.
#![allow(clippy::needless_range_loop)]

use super::{LEARNABLE, Mode};

/// How many rules the first model scores.
const N: usize = LEARNABLE.len();

/// The inputs of one line, in order: its scores for every rule (as log-odds), what the
/// patterns flagged, which of those a trusted reason flagged, then the previous
/// interviewer line's scores, the highest score of every earlier interviewer line, the
/// mean probability of the earlier lines, four numbers about length and place (each
/// a logarithm, so that a very long turn or call stays near what training saw), and the
/// line's scores again, each scaled by the turn's length (so that how far a score is
/// trusted can depend on how long the turn around it runs).
pub(crate) const DIM: usize = 7 * N + 4;

/// Where a line's own first-model score for rule `r` (its log-odds) sits among the inputs.
pub(crate) const fn own_score(r: usize) -> usize {
    r
}

/// Where whether the patterns flagged rule `r` (1 or 0) sits among the inputs.
pub(crate) const fn flagged(r: usize) -> usize {
    N + r
}

/// The turn length (in words) at which the length-scaled scores equal the scores.
const LENGTH_UNIT: f32 = 40.0;

/// Log-odds never go beyond this (a probability of about 1 in 10,000), so that a line
/// with no sentence, or a call's first line, has a finite input.
const FAR: f32 = 9.2;

/// The log-odds of `p`, kept within ±[`FAR`].
pub(crate) fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln().clamp(-FAR, FAR)
}

/// The words of a turn as the context layer counts them (split at white space), in the
/// analyser and the trainer alike.
pub(crate) fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The longest turn, in words, on which the model's own score may flag a line whatever the
/// context layer says (a rule's fallback, when the model is in it). The fallback keeps a
/// clear, short case flagged in a call that had been clean until then ("Can I book you in
/// for a demo next week?" at the end of a careful interview); in a long, rambling turn
/// the model's score counts only through the layer, which weighs the turn's length and the
/// interviewer's habits (the patterns' part of a fallback and trusted reasons still flag).
/// Chosen by grouped cross-validation on the corpus of 656 interviews then (b01–b22 and
/// r01–r12; 25, 40 and 60 words all gave macro-F1 0.781 to 0.783, against 0.774 without a limit; see
/// `docs/learned.md`).
pub(crate) const FALLBACK_WORDS: usize = 40;

/// The turn length, in words, above which a line is judged against a rule's threshold for
/// long turns (`Row::long`). A long, rambling turn of real speech holds many sentences, a
/// question tag or two among its statements, and the highest of its sentences' scores runs
/// high: in cross-validation the layer's `closed-question` flags on real turns over 150
/// words were right 74% of the time, against 93% on turns up to 40 words, and one threshold
/// for both hid that. Chosen by grouped cross-validation on 1,530 interviews (b01–b86 and
/// twenty real batches): real speech's false alarms 220 without, 202 at 150 words, 175 at
/// 80 and 158 at 40, macro-F1 0.819, 0.819, 0.819 and 0.816 (`docs/learned.md`).
pub(crate) const LONG_WORDS: usize = 80;

/// Whether a rule's fallback flags a line by the model's own score: the fallback's `mode`
/// uses the model, the line's `score` reaches the model's threshold `alone`, and its turn
/// is no longer than [`FALLBACK_WORDS`]. The trainer and the analyser both decide so.
pub(crate) fn fallback_by_model(mode: Mode, score: f32, alone: f32, words: usize) -> bool {
    mode != Mode::Patterns && score >= alone && words <= FALLBACK_WORDS
}

/// What the context layer remembers of a call's interviewer lines so far.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    prev: [f32; N],
    max: [f32; N],
    sum: [f32; N],
    lines: u32,
    words: f32,
}

impl Default for Context {
    fn default() -> Self {
        Context {
            prev: [-FAR; N],
            max: [-FAR; N],
            sum: [0.0; N],
            lines: 0,
            words: 0.0,
        }
    }
}

impl Context {
    /// The inputs for a line with these first-model `scores` (probabilities, per rule in
    /// [`LEARNABLE`] order), pattern findings, trusted findings, words and sentences.
    pub fn inputs(
        &self,
        scores: &[f32],
        patterns: &[bool],
        trusted: &[bool],
        words: usize,
        sentences: usize,
    ) -> [f32; DIM] {
        let mut x = [0.0f32; DIM];
        for r in 0..N {
            x[own_score(r)] = logit(scores.get(r).copied().unwrap_or(0.0));
            x[flagged(r)] = f32::from(u8::from(patterns.get(r).copied().unwrap_or(false)));
            x[2 * N + r] = f32::from(u8::from(trusted.get(r).copied().unwrap_or(false)));
            x[3 * N + r] = self.prev[r];
            x[4 * N + r] = self.max[r];
            x[5 * N + r] = if self.lines == 0 {
                0.0
            } else {
                self.sum[r] / self.lines as f32
            };
        }
        x[6 * N] = (1.0 + self.lines as f32).ln();
        x[6 * N + 1] = if self.lines == 0 {
            0.0
        } else {
            (1.0 + self.words / self.lines as f32).ln()
        };
        x[6 * N + 2] = (1.0 + words as f32).ln();
        x[6 * N + 3] = (1.0 + sentences as f32).ln();
        let scale = (1.0 + words as f32).ln() / (1.0 + LENGTH_UNIT).ln();
        for r in 0..N {
            x[6 * N + 4 + r] = x[r] * scale;
        }
        x
    }

    /// Remembers a line once it is decided.
    pub fn push(&mut self, scores: &[f32], words: usize) {
        for r in 0..N {
            let p = scores.get(r).copied().unwrap_or(0.0);
            let l = logit(p);
            self.prev[r] = l;
            self.max[r] = self.max[r].max(l);
            self.sum[r] += p;
        }
        self.lines += 1;
        self.words += words as f32;
    }
}

/// The probability weights `w` (the inputs', then the bias) give inputs `x`: summed in
/// one fixed order, so the trainer and the analyser get the same number to the last bit.
pub(crate) fn probability(w: &[f32], x: &[f32; DIM]) -> f32 {
    if w.len() != DIM + 1 {
        return 0.0;
    }
    let s = x.iter().zip(w).fold(w[DIM], |a, (x, w)| a + x * w);
    super::sigmoid(s)
}

/// Fits weights (the inputs', then the bias) to `ys` by Newton's method, each example
/// counting its weight in `ws` (1 where `ws` is short), with an L2 penalty of `l2` on the
/// inputs' weights (not the bias).
pub(crate) fn fit(xs: &[[f32; DIM]], ys: &[bool], ws: &[f32], l2: f64) -> Vec<f32> {
    const D: usize = DIM + 1;
    // A little ridge always, so that an input that never varies (a rule without trusted
    // reasons) cannot make the system singular.
    let l2 = l2.max(1e-6);
    // Each example's inputs as f64 (the bias's 1 last), made once, and which of them are
    // not zero: the inputs saying what the patterns and trusted reasons flagged are mostly
    // 0, and a zero term added to a sum that starts at +0 (which no sum of these terms can
    // turn into -0) changes no bit of it, so the sums below skip them and come out as if
    // every term were added.
    // (Inputs are numbered in a byte.)
    const { assert!(D <= 256) };
    let zs: Vec<([f64; D], Vec<u8>)> = xs
        .iter()
        .map(|x| {
            let mut z = [1.0f64; D];
            for (a, b) in z.iter_mut().zip(x) {
                *a = f64::from(*b);
            }
            let nz = (0..D).filter(|&i| z[i] != 0.0).map(|i| i as u8).collect();
            (z, nz)
        })
        .collect();
    let mut w = [0.0f64; D];
    for _ in 0..30 {
        let mut grad = [0.0f64; D];
        let mut hess = vec![[0.0f64; D]; D];
        for (k, ((z, nz), &y)) in zs.iter().zip(ys).enumerate() {
            let weight = f64::from(ws.get(k).copied().unwrap_or(1.0));
            let s: f64 = z.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-s).exp());
            let g = (p - if y { 1.0 } else { 0.0 }) * weight;
            let h = (p * (1.0 - p)).max(1e-9) * weight;
            // The lower triangle, j <= i (`nz` ascends), each term `h * z[i] * z[j]`.
            for (a, &i) in nz.iter().enumerate() {
                let i = usize::from(i);
                grad[i] += g * z[i];
                let hz = h * z[i];
                let row = &mut hess[i];
                for &j in &nz[..=a] {
                    let j = usize::from(j);
                    row[j] += hz * z[j];
                }
            }
        }
        for i in 0..D {
            for j in 0..i {
                hess[j][i] = hess[i][j];
            }
            if i < DIM {
                grad[i] += l2 * w[i];
                hess[i][i] += l2;
            } else {
                hess[i][i] += 1e-6;
            }
        }
        let Some(step) = solve(hess, grad) else {
            break;
        };
        let mut moved = 0.0f64;
        for (a, s) in w.iter_mut().zip(&step) {
            *a -= s;
            moved = moved.max(s.abs());
        }
        if moved < 1e-7 {
            break;
        }
    }
    w.iter().map(|&x| x as f32).collect()
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky); `None` if it is not.
fn solve<const D: usize>(mut a: Vec<[f64; D]>, b: [f64; D]) -> Option<[f64; D]> {
    for j in 0..D {
        let mut d = a[j][j];
        for k in 0..j {
            d -= a[j][k] * a[j][k];
        }
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        let d = d.sqrt();
        a[j][j] = d;
        for i in j + 1..D {
            let mut s = a[i][j];
            for k in 0..j {
                s -= a[i][k] * a[j][k];
            }
            a[i][j] = s / d;
        }
    }
    let mut y = [0.0f64; D];
    for i in 0..D {
        let mut s = b[i];
        for k in 0..i {
            s -= a[i][k] * y[k];
        }
        y[i] = s / a[i][i];
    }
    let mut x = [0.0f64; D];
    for i in (0..D).rev() {
        let mut s = y[i];
        for k in i + 1..D {
            s -= a[k][i] * x[k];
        }
        x[i] = s / a[i][i];
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_learns_an_input_that_decides_and_is_deterministic() {
        // Input 0 (the first rule's log-odds) decides; input 1 is noise.
        let xs: Vec<[f32; DIM]> = (0..300)
            .map(|k| {
                let mut x = [0.0; DIM];
                x[0] = if k % 3 == 0 { 2.0 } else { -2.0 } + (k % 7) as f32 * 0.1;
                x[1] = (k % 5) as f32;
                x
            })
            .collect();
        let ys: Vec<bool> = (0..300).map(|k| k % 3 == 0).collect();
        let w = fit(&xs, &ys, &[], 1.0);
        assert_eq!(w.len(), DIM + 1);
        assert!(w[0] > 1.0, "{w:?}");
        assert!(w[1].abs() < w[0].abs() / 4.0, "{w:?}");
        assert!(probability(&w, &xs[0]) > 0.9 && probability(&w, &xs[1]) < 0.1);
        assert_eq!(fit(&xs, &ys, &[], 1.0), w);
    }

    #[test]
    fn a_weight_of_two_fits_as_the_example_twice() {
        let xs: Vec<[f32; DIM]> = (0..120)
            .map(|k| {
                let mut x = [0.0; DIM];
                x[0] = (k % 9) as f32 * 0.5 - 2.0;
                x[1] = (k % 4) as f32;
                x
            })
            .collect();
        let ys: Vec<bool> = (0..120).map(|k| k % 9 > 4 || k % 11 == 0).collect();
        // Every third example counted twice, against it written out twice.
        let ws: Vec<f32> = (0..120)
            .map(|k| if k % 3 == 0 { 2.0 } else { 1.0 })
            .collect();
        let weighted = fit(&xs, &ys, &ws, 1.0);
        let (mut x2, mut y2) = (xs.clone(), ys.clone());
        for k in (0..120).step_by(3) {
            x2.push(xs[k]);
            y2.push(ys[k]);
        }
        let repeated = fit(&x2, &y2, &[], 1.0);
        for (a, b) in weighted.iter().zip(&repeated) {
            assert!((a - b).abs() < 1e-4, "{weighted:?} {repeated:?}");
        }
        assert_ne!(
            weighted,
            fit(&xs, &ys, &[], 1.0),
            "the weights change the fit"
        );
        // Weights of one are no weights, to the last bit.
        assert_eq!(fit(&xs, &ys, &[1.0; 120], 1.0), fit(&xs, &ys, &[], 1.0));
    }

    #[test]
    fn context_remembers_earlier_lines_only() {
        let mut c = Context::default();
        let none = [false; N];
        let first = c.inputs(&[0.5; N], &none, &none, 10, 1);
        assert_eq!(first[3 * N], -FAR, "no line before the first");
        assert_eq!(first[6 * N], 0.0);
        let mut scores = [0.01; N];
        scores[0] = 0.99;
        c.push(&scores, 30);
        let second = c.inputs(&[0.5; N], &none, &none, 10, 2);
        assert!((second[3 * N] - logit(0.99)).abs() < 1e-6);
        assert!((second[5 * N] - 0.99).abs() < 1e-6);
        assert!((second[6 * N + 1] - 31f32.ln()).abs() < 1e-6);
        assert!((second[6 * N + 3] - 3f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn the_own_score_and_the_patterns_flag_sit_where_the_trees_gate_reads_them() {
        let c = Context::default();
        let mut scores = [0.01; N];
        scores[4] = 0.7;
        let mut patterns = [false; N];
        patterns[4] = true;
        let x = c.inputs(&scores, &patterns, &[false; N], 12, 1);
        assert!((x[own_score(4)] - logit(0.7)).abs() < 1e-6);
        assert_eq!(x[flagged(4)], 1.0);
        assert_eq!(x[flagged(3)], 0.0);
        assert!(flagged(N - 1) < DIM);
    }

    #[test]
    fn scores_are_repeated_scaled_by_the_turns_length() {
        let c = Context::default();
        let none = [false; N];
        let mut scores = [0.5; N];
        scores[2] = 0.9;
        let at_unit = c.inputs(&scores, &none, &none, LENGTH_UNIT as usize, 1);
        assert!((at_unit[6 * N + 4 + 2] - logit(0.9)).abs() < 1e-5);
        assert_eq!(at_unit[6 * N + 4], 0.0, "log-odds 0 stays 0 at any length");
        let long = c.inputs(&scores, &none, &none, 400, 1);
        let short = c.inputs(&scores, &none, &none, 4, 1);
        assert!(long[6 * N + 4 + 2] > at_unit[6 * N + 4 + 2]);
        assert!(short[6 * N + 4 + 2] < at_unit[6 * N + 4 + 2]);
        assert_eq!(long[2], short[2], "the score itself does not move");
    }

    #[test]
    fn solve_finds_the_solution() {
        let a = vec![[4.0, 1.0], [1.0, 3.0]];
        let x = solve(a, [1.0, 2.0]).unwrap();
        assert!((4.0 * x[0] + x[1] - 1.0).abs() < 1e-12);
        assert!((x[0] + 3.0 * x[1] - 2.0).abs() < 1e-12);
        assert!(solve(vec![[0.0, 0.0], [0.0, 0.0]], [1.0, 1.0]).is_none());
    }
}
