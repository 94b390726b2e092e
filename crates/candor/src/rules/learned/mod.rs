//! The learned layer: a linear model per rule over the sentence's [`features`], beside the
//! patterns. Its weights ship in the crate (`weights.bin`, made by `candor train`); how it
//! combines with each rule's patterns ([`Mode`]) and the score above which it flags were
//! chosen per rule by cross-validation grouped by interview (docs/accuracy.md).

pub(crate) mod context;
pub(crate) mod features;
pub(crate) mod train;
pub(crate) mod trees;

use std::sync::{Arc, LazyLock};

use super::Id;
pub use features::{FeatureSpec, Features};

/// How a rule's findings come about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The patterns alone; the model is not asked.
    Patterns,
    /// The model, which also sees what the patterns found.
    Model,
    /// Either: what the patterns find, and what the model finds besides.
    Either,
    /// The context layer decides each line from the model's scores for every rule, what
    /// the patterns found and the lines before it (`context`).
    Context,
}

impl Mode {
    fn code(self) -> u8 {
        match self {
            Mode::Patterns => 0,
            Mode::Model => 1,
            Mode::Either => 2,
            Mode::Context => 3,
        }
    }

    fn from_code(c: u8) -> Option<Mode> {
        Some(match c {
            0 => Mode::Patterns,
            1 => Mode::Model,
            2 => Mode::Either,
            3 => Mode::Context,
            _ => return None,
        })
    }

    /// The name used in reports (`patterns`, `model`, `either`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Patterns => "patterns",
            Mode::Model => "model",
            Mode::Either => "either",
            Mode::Context => "context",
        }
    }
}

/// One rule's part of a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The rule.
    pub(crate) rule: Id,
    /// How its findings come about.
    pub mode: Mode,
    /// The probability at or above which the model flags (in [`Mode::Context`], the
    /// layer's, on turns of at most [`context::LONG_WORDS`] words; see `long`).
    pub threshold: f32,
    /// The weight of no feature.
    pub bias: f32,
    /// How often the patterns were right when they flagged, in cross-validation: the
    /// confidence of a finding the model did not score.
    pub pattern_precision: f32,
    /// The patterns' reasons (their messages) that were right often enough in training to
    /// stand where the model disagrees.
    pub trusted: Vec<String>,
    /// In [`Mode::Context`], the context layer (weights or trees; `threshold` and `long`
    /// are then its probability's); `None` in the other modes. [`Model::from_bytes`]
    /// refuses a model where the two disagree, and training never makes one; `mode` is
    /// public, so a row changed by hand can (its layer then reads 0, and `to_bytes` writes
    /// a file `from_bytes` refuses).
    pub(crate) layer: Option<ContextLayer>,
    /// In [`Mode::Context`], how a line is flagged whatever its context, so that a clear
    /// case is not talked out of it by a call that had been clean so far: the mode the rule
    /// would have without the layer (patterns, model or either), with `alone` its
    /// threshold on the model's own probability.
    pub fallback: Mode,
    /// The threshold of `fallback`.
    pub alone: f32,
    /// In [`Mode::Context`], the layer's threshold on a turn longer than
    /// [`context::LONG_WORDS`] words: never below `threshold`, and aimed at the rule's
    /// precision on such turns too (the best F1 among those lines that keeps it, where one
    /// does; see `train_context`). Equal to `threshold` in other modes and in models of
    /// format 8 and before.
    pub long: f32,
}

impl Row {
    /// The context layer's probability for a line with inputs `x` (see
    /// [`ContextLayer::probability`]); 0 for a row without the layer.
    pub(crate) fn layer_probability(&self, x: &[f32; context::DIM]) -> f32 {
        self.layer.as_ref().map_or(0.0, |l| l.probability(x))
    }

    /// The rule's id.
    pub fn rule_id(&self) -> &'static str {
        self.rule.info().id
    }

    /// The context layer's threshold for a line whose turn runs `words` words (as
    /// [`context::words`] counts them).
    pub fn threshold_at(&self, words: usize) -> f32 {
        if words > context::LONG_WORDS {
            self.long
        } else {
            self.threshold
        }
    }
}

/// A rule's context layer ([`Mode::Context`]): a logistic regression over the layer's
/// inputs, as before model format 10, or a sum of trees over the same inputs. A row holds
/// one or the other, never both, so it is one value rather than weights beside trees.
///
/// Crate-private, as [`trees::Forest`] is: what the trees are is the crate's own business,
/// and a public variant would expose them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ContextLayer {
    /// The regression's weights: the inputs', then the bias (`context::DIM + 1` of them).
    Linear(Vec<f32>),
    /// The trees, from model format 10.
    Trees(trees::Forest),
}

impl ContextLayer {
    /// The probability for a line with inputs `x`, as the analyser and the trainer both
    /// compute it.
    pub(crate) fn probability(&self, x: &[f32; context::DIM]) -> f32 {
        match self {
            ContextLayer::Linear(weights) => context::probability(weights, x),
            ContextLayer::Trees(forest) => forest.probability(x),
        }
    }
}

/// A model: one row per rule it covers, and a table of weights, `buckets × rows`.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// How its features are made.
    pub spec: FeatureSpec,
    /// The rules it covers, in the order of the weights.
    pub rows: Vec<Row>,
    /// The weights, bucket by bucket: the rows' weights for bucket `b` are
    /// `weights[b * rows.len()..][..rows.len()]`.
    pub(crate) weights: Vec<f32>,
}

/// The rules a model can cover, in the order rows are trained: those the labelled corpus
/// labels.
/// How many rules a model built from [`LEARNABLE`] has rows for.
const ROWS: usize = LEARNABLE.len();

pub(crate) const LEARNABLE: &[Id] = &[
    Id::Selling,
    Id::SelfCriticism,
    Id::Leading,
    Id::Hypothetical,
    Id::SolutionRequest,
    Id::Validation,
    Id::Closed,
    Id::Stacked,
    Id::Homework,
];

const MAGIC: &[u8; 8] = b"CANDORLM";
/// The model file's format. 6: questions joined on by "or" are features of their own
/// (`inner-alternatives`, `turn-alternatives`), no longer counted among the different
/// questions of a turn: a model trained before would be read with features it never saw,
/// so it is refused. 7: the context layer also reads each rule's score scaled by the
/// turn's length (`context::DIM` grew by one input per rule). 8: the flags byte may ask for
/// pairs of words one word apart and the words of the sentence before; a build before it
/// would ignore those flags and read the model with features missing, so it refuses format
/// 8, while format 7 is still read here, with both off. 9: each row also keeps the layer's
/// threshold on long turns (`Row::long`); formats 7 and 8 are read with it equal to the
/// row's threshold. 10: a context row may hold trees ([`ContextLayer::Trees`]) in place of
/// weights. 11: the flags byte may ask for what follows a question in its turn
/// ([`FeatureSpec::turn_rest`]); format 10 with that flag was never written and is refused.
const VERSION: u32 = 11;

/// The model that ships in the crate, or `None` when the crate was built without one.
/// Decoded once per process and shared: its weight table is 9.4 MB in memory, so every
/// analyser holds the same one rather than a copy.
pub(crate) fn builtin() -> Option<Arc<Model>> {
    static MODEL: LazyLock<Option<Arc<Model>>> = LazyLock::new(|| {
        let bytes: &[u8] = include_bytes!("weights.bin");
        if bytes.is_empty() {
            return None;
        }
        Model::from_bytes(bytes).ok().map(Arc::new)
    });
    MODEL.clone()
}

/// Whether `rows` are what the context layer needs: one context row per learnable rule,
/// in order.
fn contextual_rows(rows: &[Row]) -> bool {
    rows.len() == ROWS
        && rows
            .iter()
            .zip(LEARNABLE)
            .all(|(r, id)| r.rule == *id && r.mode == Mode::Context)
}

/// The logistic function.
pub(crate) fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    /// Whether the context layer decides the model's lines: then every row is a context
    /// row and the rows cover the learnable rules in order, as the layer's inputs need.
    pub(crate) fn is_contextual(&self) -> bool {
        contextual_rows(&self.rows)
    }

    /// The row of a rule, if the model covers it.
    pub(crate) fn row(&self, rule: Id) -> Option<usize> {
        self.rows.iter().position(|r| r.rule == rule)
    }

    /// The probability for each row, given the features `base` and `extra` together, as
    /// if joined and deduplicated (`base`'s features, then those of `extra` that `base`
    /// lacks, in that order, as the trainer joins them) without building the joined set.
    pub(crate) fn scores(&self, base: &Features, extra: Option<&Features>, out: &mut Vec<f32>) {
        let fresh = |b: &u32| !base.buckets().contains(b);
        let extra = extra.map(Features::buckets).unwrap_or(&[]);
        let buckets = base
            .buckets()
            .iter()
            .chain(extra.iter().filter(|b| fresh(b)));
        let n = self.rows.len();
        out.clear();
        out.extend(self.rows.iter().map(|r| r.bias));
        if n == ROWS {
            // The usual case, one row per learnable rule: fixed-size rows the compiler
            // unrolls, with one bounds check per bucket.
            let mut acc = [0f32; ROWS];
            acc.copy_from_slice(out);
            for &b in buckets {
                let w: &[f32; ROWS] = self.weights[b as usize * ROWS..][..ROWS]
                    .try_into()
                    .unwrap_or(&[0.0; ROWS]);
                for (o, x) in acc.iter_mut().zip(w) {
                    *o += x;
                }
            }
            out.copy_from_slice(&acc);
        } else {
            for &b in buckets {
                let w = &self.weights[b as usize * n..][..n];
                for (o, x) in out.iter_mut().zip(w) {
                    *o += x;
                }
            }
        }
        for o in out.iter_mut() {
            *o = sigmoid(*o);
        }
    }

    /// The weight of bucket `b` in row `row`.
    pub(crate) fn weight(&self, b: u32, row: usize) -> f32 {
        self.weights[b as usize * self.rows.len() + row]
    }

    /// The model as bytes: a header, the rows, then the non-zero weights.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.write(VERSION)
    }

    /// The model in format `version` (formats before 9 leave out `Row::long`, before 10 a
    /// row's trees, which such a format cannot hold; the tests
    /// write them to check they are still read).
    fn write(&self, version: u32) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        out.extend_from_slice(&self.spec.bits.to_le_bytes());
        out.push(
            u8::from(self.spec.char_ngrams)
                | u8::from(self.spec.patterns) << 1
                | u8::from(self.spec.skip_bigrams) << 2
                | u8::from(self.spec.previous_words) << 3
                | u8::from(self.spec.later_heads) << 4
                | u8::from(self.spec.turn_rest) << 5,
        );
        out.extend_from_slice(&(self.rows.len() as u32).to_le_bytes());
        for r in &self.rows {
            let id = r.rule_id().as_bytes();
            out.push(id.len() as u8);
            out.extend_from_slice(id);
            out.push(r.mode.code());
            for x in [r.threshold, r.bias, r.pattern_precision] {
                out.extend_from_slice(&x.to_le_bytes());
            }
            out.extend_from_slice(&(r.trusted.len() as u32).to_le_bytes());
            for t in &r.trusted {
                out.extend_from_slice(&(t.len() as u32).to_le_bytes());
                out.extend_from_slice(t.as_bytes());
            }
            // The linear layer's weights (none for trees or without the layer) here, and
            // the trees after the row's other fields, where format 10 added them.
            let linear: &[f32] = match &r.layer {
                Some(ContextLayer::Linear(w)) => w,
                _ => &[],
            };
            out.extend_from_slice(&(linear.len() as u32).to_le_bytes());
            for w in linear {
                out.extend_from_slice(&w.to_le_bytes());
            }
            out.extend_from_slice(&r.alone.to_le_bytes());
            out.push(r.fallback.code());
            if version >= 9 {
                out.extend_from_slice(&r.long.to_le_bytes());
            }
            if version >= 10 {
                match &r.layer {
                    Some(ContextLayer::Trees(f)) => {
                        out.push(1);
                        f.write(&mut out);
                    }
                    _ => out.push(0),
                }
            }
        }
        let nonzero: Vec<(usize, f32)> = self
            .weights
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, w)| *w != 0.0)
            .collect();
        out.extend_from_slice(&(nonzero.len() as u64).to_le_bytes());
        let mut last = 0usize;
        for (i, w) in nonzero {
            // The gap to the last index, as a variable-length number, then the weight.
            let mut gap = (i - last) as u64;
            last = i;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err("not a candor model".into());
        }
        let version = r.u32()?;
        if !(7..=VERSION).contains(&version) {
            return Err(format!("model format {version}, expected {VERSION}"));
        }
        let bits = r.u32()?;
        if !(8..=24).contains(&bits) {
            return Err(format!("{bits} bits of buckets is out of range"));
        }
        let flags = r.take(1)?[0];
        if flags > 63
            || (version < 11 && flags > 31)
            || (version < 9 && flags > 15)
            || (version == 7 && flags > 3)
        {
            return Err(format!("unknown feature flags {flags:#x}"));
        }
        let (char_ngrams, patterns) = (flags & 1 != 0, flags & 2 != 0);
        // Models trained before these two features were made read them as off.
        let (skip_bigrams, previous_words) = (flags & 4 != 0, flags & 8 != 0);
        // And the first words of later questions, before format 9 and since.
        let later_heads = flags & 16 != 0;
        // And what follows a question in its turn, since format 11.
        let turn_rest = flags & 32 != 0;
        let n = r.u32()? as usize;
        let mut rows = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            let len = r.take(1)?[0] as usize;
            let id = std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?;
            let rule = Id::ALL
                .iter()
                .copied()
                .find(|i| i.info().id == id)
                .ok_or_else(|| format!("unknown rule `{id}` in the model"))?;
            // One row per rule: a rule twice would be judged twice. Refused as it is met, so
            // the rows never outnumber the rules, whatever `n` the file claims, and the table
            // allocated below (`2^bits` weights a row) is bounded by them.
            if rows.iter().any(|other: &Row| other.rule == rule) {
                return Err(format!("rule `{id}` twice in the model"));
            }
            let mode = Mode::from_code(r.take(1)?[0]).ok_or("unknown mode")?;
            let (threshold, bias, pattern_precision) = (r.f32()?, r.f32()?, r.f32()?);
            let count = r.u32()? as usize;
            let mut trusted = Vec::with_capacity(count.min(64));
            for _ in 0..count {
                let len = r.u32()? as usize;
                let t = std::str::from_utf8(r.take(len)?).map_err(|e| e.to_string())?;
                trusted.push(t.to_string());
            }
            let count = r.u32()? as usize;
            if count != 0 && count != context::DIM + 1 {
                return Err(format!(
                    "{count} context weights, expected {}",
                    context::DIM + 1
                ));
            }
            let linear = (0..count)
                .map(|_| r.f32())
                .collect::<Result<Vec<f32>, _>>()?;
            let alone = r.f32()?;
            let fallback = Mode::from_code(r.take(1)?[0])
                .filter(|m| *m != Mode::Context)
                .ok_or("unknown fallback mode")?;
            let long = if version >= 9 { r.f32()? } else { threshold };
            let forest = match if version >= 10 { r.take(1)?[0] } else { 0 } {
                0 => None,
                1 => Some(trees::Forest::read(|k| r.take(k))?),
                x => return Err(format!("unknown context layer kind {x}")),
            };
            // A context row has weights or trees, never both; another row has neither.
            let layer = match (mode == Mode::Context, linear.is_empty(), forest) {
                (true, false, None) => Some(ContextLayer::Linear(linear)),
                (true, true, Some(f)) => Some(ContextLayer::Trees(f)),
                (false, true, None) => None,
                _ => return Err("the context layer does not match the mode".into()),
            };
            rows.push(Row {
                rule,
                mode,
                threshold,
                bias,
                pattern_precision,
                trusted,
                layer,
                fallback,
                alone,
                long,
            });
        }
        // The context layer reads every rule's score, so a model with context rows has one
        // row per learnable rule, in order, all of them context rows.
        if rows.iter().any(|r| r.mode == Mode::Context) && !contextual_rows(&rows) {
            return Err("context rows must cover every learnable rule, in order".into());
        }
        let size = (1usize << bits) * n;
        let mut weights = vec![0.0f32; size];
        let count = r.u64()?;
        let mut at = 0usize;
        for _ in 0..count {
            let mut gap = 0u64;
            let mut shift = 0;
            loop {
                let b = r.take(1)?[0];
                gap |= u64::from(b & 0x7f) << shift;
                shift += 7;
                if b & 0x80 == 0 || shift > 63 {
                    break;
                }
            }
            at = at
                .checked_add(gap as usize)
                .filter(|&i| i < size)
                .ok_or("a weight out of range")?;
            weights[at] = r.f32()?;
        }
        if r.at != bytes.len() {
            return Err("bytes after the weights".into());
        }
        Ok(Model {
            spec: FeatureSpec {
                bits,
                char_ngrams,
                patterns,
                skip_bigrams,
                previous_words,
                later_heads,
                turn_rest,
            },
            rows,
            weights,
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or("the model ends early")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self) -> Result<u64, String> {
        let lo = u64::from(self.u32()?);
        let hi = u64::from(self.u32()?);
        Ok(lo | hi << 32)
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(rule: Id, mode: Mode, k: usize) -> Row {
        Row {
            rule,
            mode,
            threshold: 0.4 + k as f32 * 0.01,
            bias: -2.0 + k as f32,
            pattern_precision: 0.9,
            trusted: if k % 2 == 0 {
                vec!["names a price".into()]
            } else {
                vec![]
            },
            layer: (mode == Mode::Context).then(|| {
                ContextLayer::Linear(
                    (0..=context::DIM)
                        .map(|j| (j + k) as f32 * 0.5 - 3.0)
                        .collect(),
                )
            }),
            fallback: if k % 3 == 0 {
                Mode::Either
            } else {
                Mode::Model
            },
            alone: 0.8,
            long: 0.6 + k as f32 * 0.01,
        }
    }

    fn model(rows: Vec<Row>) -> Model {
        let n = rows.len();
        let mut weights = vec![0.0; 256 * n];
        weights[3] = 1.5;
        weights[256 * n - 1] = -0.25;
        Model {
            spec: FeatureSpec {
                bits: 8,
                char_ngrams: false,
                patterns: true,
                skip_bigrams: false,
                previous_words: false,
                later_heads: false,
                turn_rest: false,
            },
            rows,
            weights,
        }
    }

    fn reads_back(m: Model) {
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes), Ok(m));
        for cut in [0, 7, 20, bytes.len() - 1] {
            assert!(Model::from_bytes(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
    }

    #[test]
    fn a_model_reads_back_what_it_wrote() {
        // Without the context layer, any rows.
        reads_back(model(vec![
            row(Id::Selling, Mode::Model, 0),
            row(Id::Closed, Mode::Patterns, 1),
        ]));
        // With it, one context row per learnable rule, in order.
        reads_back(model(
            LEARNABLE
                .iter()
                .enumerate()
                .map(|(k, id)| row(*id, Mode::Context, k))
                .collect(),
        ));
    }

    #[test]
    fn the_feature_flags_read_back_and_unknown_ones_are_refused() {
        let mut m = model(vec![row(Id::Selling, Mode::Model, 0)]);
        m.spec.skip_bigrams = true;
        m.spec.previous_words = true;
        let mut bytes = m.to_bytes();
        // The flags byte follows the magic, the format and the bits.
        assert_eq!(bytes[16], 0b1110);
        reads_back(m.clone());
        // Each flag alone, in its own bit.
        for (skip, previous, byte) in [(true, false, 0b0110), (false, true, 0b1010)] {
            let mut one = m.clone();
            one.spec.skip_bigrams = skip;
            one.spec.previous_words = previous;
            assert_eq!(one.to_bytes()[16], byte);
            reads_back(one);
        }
        // A model of format 7, written before the two word features, reads them as off;
        // format 7 with either flag set was never written, and is refused.
        let mut old = model(vec![row(Id::Selling, Mode::Model, 0)]).write(7);
        assert_eq!(old[16], 0b10);
        let read = Model::from_bytes(&old).expect("format 7");
        assert!(!read.spec.skip_bigrams && !read.spec.previous_words);
        old[16] |= 0b100;
        assert!(Model::from_bytes(&old).is_err());
        // The first words of later questions: their own bit, read back in format 9; never
        // written before it, so refused there.
        let mut later = model(vec![row(Id::Selling, Mode::Model, 0)]);
        later.spec.later_heads = true;
        assert_eq!(later.to_bytes()[16], 0b1_0010);
        reads_back(later.clone());
        let mut eight = later.write(8);
        assert!(Model::from_bytes(&eight).is_err());
        eight[16] &= !0x10;
        assert!(
            !Model::from_bytes(&eight)
                .expect("format 8")
                .spec
                .later_heads
        );
        // What follows a question in its turn: its own bit, read back in format 11; never
        // written before it, so refused in format 10.
        let mut rest = model(vec![row(Id::Selling, Mode::Model, 0)]);
        rest.spec.turn_rest = true;
        assert_eq!(rest.to_bytes()[16], 0b10_0010);
        reads_back(rest.clone());
        let mut ten = rest.write(10);
        assert!(Model::from_bytes(&ten).is_err());
        ten[16] &= !0x20;
        assert!(!Model::from_bytes(&ten).expect("format 10").spec.turn_rest);
        bytes[16] |= 0x40;
        let err = Model::from_bytes(&bytes).expect_err("unknown flag");
        assert!(err.contains("feature flags"), "{err}");
    }

    #[test]
    fn long_turns_have_their_own_threshold_and_older_models_read_it_as_the_one_threshold() {
        let rows: Vec<Row> = LEARNABLE
            .iter()
            .enumerate()
            .map(|(k, id)| row(*id, Mode::Context, k))
            .collect();
        let r = &rows[2];
        assert!(r.long > r.threshold);
        assert_eq!(r.threshold_at(0), r.threshold);
        assert_eq!(r.threshold_at(context::LONG_WORDS), r.threshold);
        assert_eq!(r.threshold_at(context::LONG_WORDS + 1), r.long);
        let m = model(rows);
        // Formats 7 and 8 have no threshold for long turns: the row's one stands for both.
        for version in [7, 8] {
            let read = Model::from_bytes(&m.write(version)).expect("an older format");
            for (a, b) in read.rows.iter().zip(&m.rows) {
                assert_eq!(a.threshold, b.threshold);
                assert_eq!(a.long, b.threshold, "format {version}");
            }
        }
        assert_eq!(Model::from_bytes(&m.write(9)), Ok(m.clone()));
        // A format this build does not know is refused.
        assert!(Model::from_bytes(&m.write(VERSION + 1)).is_err());
    }

    #[test]
    fn context_rows_with_trees_read_back_and_decide_by_them() {
        // Trees on input 0 (the row's own first-model log-odds): the probability rises with it.
        let mut xs = Vec::new();
        let mut ys = Vec::new();
        for k in 0..400 {
            let mut x = [0.0f32; context::DIM];
            x[0] = (k % 40) as f32 / 4.0 - 5.0;
            xs.push(x);
            ys.push(x[0] > 1.0);
        }
        let o = trees::TreeOptions {
            trees: 40,
            ..trees::TreeOptions::default()
        };
        let forest = trees::fit(&xs, &ys, &[], (0, 9, f32::NEG_INFINITY), &o);
        let rows: Vec<Row> = LEARNABLE
            .iter()
            .enumerate()
            .map(|(k, id)| Row {
                layer: Some(ContextLayer::Trees(forest.clone())),
                ..row(*id, Mode::Context, k)
            })
            .collect();
        let m = model(rows);
        reads_back(m.clone());
        let r = &m.rows[0];
        assert!(r.layer_probability(&xs[39]) > 0.8);
        assert!(r.layer_probability(&xs[0]) < 0.2);
        assert_eq!(r.layer_probability(&xs[39]), forest.probability(&xs[39]));
        // Format 9 has no place for trees: what it wrote would be a context row with
        // neither weights nor trees, and is refused.
        let err = Model::from_bytes(&m.write(9)).expect_err("trees in format 9");
        assert!(err.contains("does not match the mode"), "{err}");
    }

    #[test]
    fn a_row_whose_layer_does_not_match_its_mode_is_refused() {
        let refused = |bytes: &[u8]| {
            let err = Model::from_bytes(bytes).expect_err("a layer that does not match");
            assert!(err.contains("does not match the mode"), "{err}");
        };
        // A layer in a row of another mode.
        let model_row = Row {
            layer: row(Id::Selling, Mode::Context, 0).layer,
            ..row(Id::Selling, Mode::Model, 0)
        };
        refused(&model(vec![model_row]).to_bytes());
        // A context row holds one layer, so one with both or neither cannot be written as
        // such; its bytes are spliced from two models whose first rows differ only in the
        // layer, weights in one and trees in the other. The bytes agree up to that row's
        // count of weights, which the weights follow; then come the fallback's threshold and
        // mode and the threshold on long turns (9 bytes), and the kind of layer: 0 for
        // weights, or 1 and the trees.
        let with_weights = model(
            LEARNABLE
                .iter()
                .enumerate()
                .map(|(k, id)| row(*id, Mode::Context, k))
                .collect(),
        );
        let mut with_trees = with_weights.clone();
        with_trees.rows[0].layer = Some(ContextLayer::Trees(trees::Forest::default()));
        let (l, t) = (with_weights.to_bytes(), with_trees.to_bytes());
        let at = l
            .iter()
            .zip(&t)
            .position(|(a, b)| a != b)
            .expect("bytes differ");
        assert_eq!(l[at..at + 4], ((context::DIM + 1) as u32).to_le_bytes());
        assert_eq!(t[at..at + 4], 0u32.to_le_bytes());
        // Where the weights start, how many bytes they take, and each model's kind byte.
        let (weights, n) = (at + 4, 4 * (context::DIM + 1));
        let (l_kind, t_kind) = (weights + n + 9, weights + 9);
        assert_eq!((l[l_kind], t[t_kind]), (0, 1));
        // Both: the row's weights, then the other's trees.
        refused(&[&l[..l_kind], &t[t_kind..]].concat());
        // Neither: no weights (the count of 0 from the trees' model), and no trees.
        refused(&[&t[..weights], &l[weights + n..]].concat());
        // The two models spliced from read back.
        reads_back(with_weights);
        reads_back(with_trees);
    }

    #[test]
    fn the_shipped_model_uses_the_default_features() {
        // The crate ships weights (an empty or unreadable file would leave it without).
        let m = builtin().expect("the shipped weights read");
        assert_eq!(m.spec, FeatureSpec::default());
    }

    #[test]
    fn the_shipped_model_writes_back_the_bytes_it_was_read_from() {
        // The reader and the writer keep to one format: the shipped model, read and written
        // again, is the same file to the byte (its context layer's trees included).
        let shipped: &[u8] = include_bytes!("weights.bin");
        let m = builtin().expect("the shipped weights read");
        assert!(
            m.to_bytes() == shipped,
            "the shipped weights write back otherwise"
        );
    }

    #[test]
    fn a_rule_twice_is_refused_before_its_weights_are_allocated() {
        let twice = model(vec![
            row(Id::Selling, Mode::Model, 0),
            row(Id::Selling, Mode::Model, 1),
        ]);
        assert_eq!(
            Model::from_bytes(&twice.to_bytes()),
            Err("rule `selling` twice in the model".to_string())
        );
    }

    #[test]
    fn context_rows_that_do_not_cover_every_rule_in_order_are_refused() {
        let partial = model(vec![
            row(Id::Selling, Mode::Model, 0),
            row(Id::Closed, Mode::Context, 1),
        ]);
        assert!(Model::from_bytes(&partial.to_bytes()).is_err());
        let mut rows: Vec<Row> = LEARNABLE
            .iter()
            .enumerate()
            .map(|(k, id)| row(*id, Mode::Context, k))
            .collect();
        rows.swap(0, 1);
        assert!(Model::from_bytes(&model(rows).to_bytes()).is_err());
    }
}
