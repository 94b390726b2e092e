//! What the learned layer sees of a sentence: hashed word 1–3-grams, pairs of words one word
//! apart and character 3–5-grams of its normalised text, the words of the turn's sentence
//! before it, what the speech layer knows of it (its form, length, place in
//! the turn), its context (a pitch in view, the interviewee's words echoed) and what the
//! patterns found in it. Each feature is a name hashed into one of `2^bits` buckets; all
//! are present-or-absent.

use super::super::{Ctx, Hit, Sentence};
use crate::speech::Form;

/// A stable 64-bit hash of `parts`, joined: FNV-1a, then a final mix so that nearby
/// inputs land far apart. The same on every platform, so weights trained anywhere work
/// everywhere.
pub(crate) fn hash(parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            h = (h ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for &b in *p {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    // splitmix64's finaliser.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The hash of one word, for word n-grams: FNV-1a over its bytes, without the final mix
/// (see [`ngram`]).
fn word_hash(w: &[u8]) -> u64 {
    w.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash of the word `n`-gram whose words hash to `words`: each word is hashed once
/// per sentence and its n-grams combine those hashes, instead of hashing every n-gram's
/// bytes again. Distinct from every [`hash`] of parts (its seed differs).
fn ngram(words: &[u64]) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15 ^ words.len() as u64;
    for &w in words {
        h = (h ^ w).wrapping_mul(0x0100_0000_01b3).rotate_left(29);
    }
    // splitmix64's finaliser.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Marks a pair of words one word apart, inside [`ngram`]'s input.
const SKIP: u64 = 0x5b1d_9a3c_e7f0_4821;

/// How features are made; stored with the weights, so that a model is always read with
/// the featuriser it was trained with. New features may be added: start from
/// `FeatureSpec::default()` and set fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct FeatureSpec {
    /// Buckets: `2^bits`.
    pub bits: u32,
    /// Whether character 3–5-grams are used.
    pub char_ngrams: bool,
    /// Whether the model sees what the patterns found.
    pub patterns: bool,
    /// Whether pairs of words one word apart are features ("we … you").
    pub skip_bigrams: bool,
    /// Whether the words of the turn's sentence before are features of a sentence.
    pub previous_words: bool,
    /// Whether the first one to three words of each question after a turn's first (a later
    /// question sentence, or a question joined on inside a sentence) are features of the
    /// turn ("… and who went", "What did it cost?"): how a second, different question
    /// opens, which the turn's bag of words does not tell from the same words at its start.
    pub later_heads: bool,
    /// Whether a question sentence's features say what follows it in the turn: nothing,
    /// only statements, a later open question or only later closed ones, alone and with the
    /// sentence's form, and how many tokens follow (punctuation included). A tag ("…, right?") inside a long turn
    /// that talks on past it is most often a habit, not a question left for an answer.
    pub turn_rest: bool,
}

impl Default for FeatureSpec {
    fn default() -> Self {
        // Character n-grams measured worse in cross-validation (macro-F1 0.769 with, 0.778
        // without) and cost most of the features: off.
        // Word pairs one word apart and the words of the sentence before, together:
        // macro-F1 0.819 -> 0.826 in cross-validation on 1,257 interviews, measured with
        // the pairs hashed from their letters (learned.md). On 1,353 the words before
        // added 0.005 at a cost in precision, real speech's false alarms and speed: off.
        // The first words of later questions: on 1,548 interviews, stacked-questions F1
        // 0.66 -> 0.72 and macro-F1 0.821 -> 0.826 in cross-validation; real speech's
        // false alarms 176 -> 184 (learned.md).
        // What follows a question in its turn: on 2,881 interviews, macro-F1 0.8534 ->
        // 0.8559 at the shipped options, 0.8491 -> 0.8506 with thresholds aimed at 0.93
        // (learned.md): on.
        FeatureSpec {
            bits: 18,
            char_ngrams: false,
            patterns: true,
            skip_bigrams: true,
            previous_words: false,
            later_heads: true,
            turn_rest: true,
        }
    }
}

/// The features of one sentence (or turn), as bucket indices without repeats, in the
/// order they were added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Features {
    buckets: Vec<u32>,
    /// When explaining, the name of each feature as it was added (same order as added).
    names: Option<Vec<(u32, String)>>,
}

impl Features {
    /// An empty set that also keeps each feature's name, for explanations.
    pub(crate) fn named() -> Self {
        Features {
            buckets: Vec::new(),
            names: Some(Vec::new()),
        }
    }

    /// The bucket indices, without repeats (after `Features::finish`).
    pub fn buckets(&self) -> &[u32] {
        &self.buckets
    }

    /// The name of each bucket's feature, when the set was made [`Features::named`].
    pub(crate) fn names(&self) -> &[(u32, String)] {
        self.names.as_deref().unwrap_or(&[])
    }

    fn add(&mut self, spec: &FeatureSpec, parts: &[&[u8]]) {
        let b = (hash(parts) & ((1u64 << spec.bits) - 1)) as u32;
        self.buckets.push(b);
        if let Some(names) = &mut self.names {
            names.push((b, describe(parts)));
        }
    }

    /// Adds the word n-gram of `words` (hashed by [`word_hash`]), named `words`' text
    /// when explaining.
    fn add_ngram(&mut self, spec: &FeatureSpec, hashes: &[u64], words: &[&[u8]]) {
        let b = (ngram(hashes) & ((1u64 << spec.bits) - 1)) as u32;
        self.buckets.push(b);
        if let Some(names) = &mut self.names {
            let tag: &[u8] = match words.len() {
                1 => b"w1",
                2 => b"w2",
                _ => b"w3",
            };
            let mut parts = vec![tag];
            parts.extend_from_slice(words);
            names.push((b, describe(&parts)));
        }
    }

    /// Adds the pair of words `a` and `b` that stand one word apart (hashed by
    /// [`word_hash`] as `ha` and `hb`), named after them when explaining.
    fn add_skip(&mut self, spec: &FeatureSpec, ha: u64, hb: u64, a: &[u8], b: &[u8]) {
        // Marked, so that "a … b" hashes apart from the bigram "a b".
        let h = ngram(&[SKIP, ha, hb]);
        let k = (h & ((1u64 << spec.bits) - 1)) as u32;
        self.buckets.push(k);
        if let Some(names) = &mut self.names {
            names.push((k, describe(&[b"s2", a, b])));
        }
    }

    /// Adds every feature of `other`.
    pub(crate) fn extend(&mut self, other: &Features) {
        self.buckets.extend_from_slice(&other.buckets);
        if let (Some(a), Some(b)) = (&mut self.names, &other.names) {
            a.extend(b.iter().cloned());
        }
    }

    /// Sorts the buckets and drops repeats: features are present or absent.
    pub(crate) fn finish(&mut self) {
        dedup(&mut self.buckets);
    }

    /// Builds a set from bucket indices (for tests and the trainer).
    pub fn from_buckets(mut buckets: Vec<u32>) -> Self {
        dedup(&mut buckets);
        Features {
            buckets,
            names: None,
        }
    }
}

thread_local! {
    /// One bit per bucket, all clear between calls of [`dedup`].
    static SEEN: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Drops repeated buckets, keeping each one's first place: features are present or
/// absent. In linear time, with a bit per bucket (32 KB for 2^18 buckets), instead of a
/// sort: the order stays the one the features were added in, which the analyser and the
/// trainer share, so that both add the weights in the same order.
fn dedup(buckets: &mut Vec<u32>) {
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        buckets.retain(|&b| {
            let (word, bit) = (b as usize / 64, 1u64 << (b % 64));
            if word >= seen.len() {
                seen.resize(word + 1, 0);
            }
            let new = seen[word] & bit == 0;
            seen[word] |= bit;
            new
        });
        for &b in buckets.iter() {
            seen[b as usize / 64] = 0;
        }
    });
}

/// A feature's name as a person reads it: `words "would you"`, `letters "uld y"`,
/// `the patterns found closed-question`, `form yes-no`.
fn describe(parts: &[&[u8]]) -> String {
    let text = |p: &[&[u8]]| {
        p.iter()
            .map(|x| String::from_utf8_lossy(x).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    match parts.first().copied() {
        Some(b"w1" | b"w2" | b"w3") => format!("words \"{}\"", text(&parts[1..])),
        Some(b"s2") if parts.len() == 3 => {
            format!("words \"{} … {}\"", text(&parts[1..2]), text(&parts[2..]))
        }
        Some(b"before") => format!("the sentence before has \"{}\"", text(&parts[1..])),
        Some(b"rest") if parts.len() == 2 => format!("after it in the turn: {}", text(&parts[1..])),
        Some(b"rest") if parts.len() == 3 => format!(
            "{} question, after it in the turn: {}",
            article(&text(&parts[1..2])),
            text(&parts[2..])
        ),
        Some(b"rest-words") if parts.len() == 3 => {
            let n = parts[2].first().copied().unwrap_or(0);
            let form = article(&text(&parts[1..2]));
            format!("{form} question, tokens after it (band {n})")
        }
        Some(b"c") => format!("letters \"{}\"", text(&parts[1..])),
        Some(b"pattern") => format!("the patterns found {}", text(&parts[1..])),
        Some(b"why") if parts.len() == 3 => {
            format!("{}: \"{}\"", text(&parts[1..2]), text(&parts[2..]))
        }
        Some(
            b"words" | b"echo" | b"inner-questions" | b"turn-questions" | b"turn-wh"
            | b"turn-marks" | b"turn-sentences" | b"turn-distinct",
        ) if parts.len() == 2 => {
            let n = parts[1].first().copied().unwrap_or(0);
            format!("{} (band {n})", text(&parts[..1]))
        }
        _ => text(parts),
    }
}

/// `word` after "a" or "an", as it begins.
fn article(word: &str) -> String {
    let an = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if an { "an" } else { "a" })
}

fn form_name(f: Form) -> &'static [u8] {
    match f {
        Form::Statement => b"statement",
        Form::Wh => b"wh",
        Form::Invitation => b"invitation",
        Form::YesNo => b"yes-no",
        Form::Tag => b"tag",
        Form::Declarative => b"declarative",
        Form::Fragment => b"fragment",
    }
}

fn bucket_of(n: usize, edges: &[usize]) -> u8 {
    edges.iter().take_while(|&&e| n >= e).count() as u8
}

/// The words of a sentence for n-grams: its normalised tokens, punctuation other than `?`
/// left out.
fn words(s: &Sentence) -> Vec<&str> {
    (0..s.toks.len())
        .filter(|&i| {
            let t = &s.toks[i];
            !t.punct || s.tok_str(i) == "?"
        })
        .map(|i| s.tok_str(i))
        .collect()
}

/// The features of sentence `i` of a turn (`s` is `ctx.sentences[i]`), without what the
/// patterns found (see [`patterns`]).
pub(crate) fn sentence(
    spec: &FeatureSpec,
    ctx: &Ctx<'_>,
    s: &Sentence,
    i: usize,
    shape: &Shape,
    out: &mut Features,
) {
    let w = words(s);
    // Word n-grams with the sentence's edges marked.
    let mut padded: Vec<&[u8]> = Vec::with_capacity(w.len() + 2);
    padded.push(b"<s>");
    padded.extend(w.iter().map(|x| x.as_bytes()));
    padded.push(b"</s>");
    let hashes: Vec<u64> = padded.iter().map(|x| word_hash(x)).collect();
    out.buckets.reserve(3 * padded.len() + 16);
    for k in 0..padded.len() {
        for n in 1..=3 {
            if k + n <= padded.len() {
                out.add_ngram(spec, &hashes[k..k + n], &padded[k..k + n]);
            }
        }
    }
    // Word pairs one word apart ("we … you", "is … good"): what a phrasing shares with
    // another that differs by a word.
    if spec.skip_bigrams {
        for k in 0..padded.len().saturating_sub(2) {
            out.add_skip(spec, hashes[k], hashes[k + 2], padded[k], padded[k + 2]);
        }
    }
    // The words of the turn's sentence before it: "It stores the payment…" after "Our
    // sensor does not need a phone." is the pitch going on.
    if spec.previous_words {
        if let Some(p) = i.checked_sub(1).and_then(|k| ctx.sentences.get(k)) {
            for x in words(p) {
                out.add(spec, &[b"before", x.as_bytes()]);
            }
        }
    }
    if spec.char_ngrams {
        let mut text = String::with_capacity(s.norm.len() + 2);
        text.push(' ');
        text.push_str(&w.join(" "));
        text.push(' ');
        let b = text.as_bytes();
        for n in 3..=5 {
            for win in b.windows(n) {
                out.add(spec, &[b"c", win]);
            }
        }
    }
    // The speech layer's reading of it.
    out.add(spec, &[b"form", form_name(s.form)]);
    if s.ends_q {
        out.add(spec, &[b"ends-q"]);
    }
    out.add(spec, &[b"words", &[bucket_of(w.len(), &[4, 8, 16, 30])]]);
    let n = ctx.sentences.len();
    let place: &[u8] = match (i == 0, i + 1 == n) {
        (true, true) => b"only",
        (true, false) => b"first",
        (false, true) => b"last",
        (false, false) => b"middle",
    };
    out.add(spec, &[b"place", place]);
    if let Some(p) = i.checked_sub(1).and_then(|k| ctx.sentences.get(k)) {
        out.add(spec, &[b"prev-form", form_name(p.form)]);
    }
    if let Some(nx) = ctx.sentences.get(i + 1) {
        out.add(spec, &[b"next-form", form_name(nx.form)]);
    }
    if spec.turn_rest && s.form.is_question() {
        let rests = ctx.rest.get_or_init(|| rests(ctx.sentences));
        let Rest { kind, after } = rests.get(i).copied().unwrap_or_default();
        out.add(spec, &[b"rest", kind.name()]);
        out.add(spec, &[b"rest", form_name(s.form), kind.name()]);
        let size = [bucket_of(after, &[1, 10, 30])];
        out.add(spec, &[b"rest-words", form_name(s.form), &size]);
    }
    // Context.
    if ctx.pitching {
        out.add(spec, &[b"pitching"]);
    }
    if ctx.deflecting {
        out.add(spec, &[b"deflecting"]);
    }
    if ctx.mentions_product(&s.norm).is_some() {
        out.add(spec, &[b"names-product"]);
    }
    if crate::rules::closed::is_logistics(s) {
        out.add(spec, &[b"logistics"]);
    }
    let inner = shape.inner;
    if inner > 0 {
        out.add(spec, &[b"inner-questions", &[inner.min(2)]]);
    }
    if shape.alts > 0 {
        out.add(spec, &[b"inner-alternatives"]);
    }
    let (mut content, mut echoed) = (0, 0);
    for x in w
        .iter()
        .filter(|x| x.len() > 3 && x.bytes().all(|c| c.is_ascii_alphabetic()))
    {
        content += 1;
        echoed += usize::from(ctx.echo.recent(x));
    }
    if let Some(share) = (echoed * 4).checked_div(content) {
        out.add(spec, &[b"echo", &[share as u8]]);
    }
    out.finish();
}

/// What follows a sentence in its turn, by the forms of the sentences after it, weakest
/// first: nothing (`end`), only statements (`talk`), a question of another form than an
/// open one (`closed`), an open one (`open`: a wh-question or an invitation, whatever else
/// follows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub(crate) enum RestKind {
    #[default]
    End,
    Talk,
    Closed,
    Open,
}

impl RestKind {
    fn of(form: Form) -> RestKind {
        match form {
            Form::Wh | Form::Invitation => RestKind::Open,
            Form::Statement => RestKind::Talk,
            _ => RestKind::Closed,
        }
    }

    fn name(self) -> &'static [u8] {
        match self {
            RestKind::End => b"end",
            RestKind::Talk => b"talk",
            RestKind::Closed => b"closed",
            RestKind::Open => b"open",
        }
    }
}

/// What follows one sentence of a turn: the strongest kind among the sentences after it and
/// their tokens, counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Rest {
    kind: RestKind,
    after: usize,
}

/// [`Rest`] for each sentence of a turn, in one pass from its end (the kind of what follows
/// does not depend on the order of the sentences after, so a suffix's is its first
/// sentence's joined with the rest's).
fn rests(sentences: &[Sentence]) -> Vec<Rest> {
    let mut out = vec![Rest::default(); sentences.len()];
    let mut acc = Rest::default();
    for (k, x) in sentences.iter().enumerate().rev() {
        out[k] = acc;
        acc = Rest {
            kind: acc.kind.max(RestKind::of(x.form)),
            after: acc.after + x.toks.len(),
        };
    }
    out
}

/// What the patterns of each sentence rule found in a sentence (before any rule yields to
/// another), as features.
pub(crate) fn patterns<'h>(
    spec: &FeatureSpec,
    hits: impl Iterator<Item = (&'static str, &'h Hit)>,
    out: &mut Features,
) {
    for (id, h) in hits {
        out.add(spec, &[b"pattern", id.as_bytes()]);
        out.add(spec, &[b"why", id.as_bytes(), h.why.message().as_bytes()]);
    }
    out.finish();
}

/// What a turn rule sees of one sentence: its features, what the patterns found in it, and
/// its shape.
pub(crate) struct Facts<'a> {
    pub base: &'a Features,
    pub patterns: &'a Features,
    pub shape: Shape,
}

/// The structure of a sentence that tells several questions from one asked again: its
/// form, its first words and its length, and the questions coordinated inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    pub form: Form,
    pub ends_q: bool,
    /// A hash of its first two words after discourse markers ("so", "um", a name): a
    /// question started again after a false start ("Can you… Can you describe…") begins
    /// as the one before it did.
    pub head: u64,
    /// Its words.
    pub words: u16,
    /// Questions joined on inside it by "and", "but", "also", "plus" or a comma: "…, and
    /// what did it cost?", "… and is there …".
    pub inner: u8,
    /// Alternatives joined on by "or" ("… or did you …", "…, or what?"): most often the
    /// other half of one either/or question, or the question put again, not a new one.
    pub alts: u8,
    /// Its first one, two and three words (from its very start, discourse markers
    /// included), each hashed as a word n-gram; 0 where it has fewer words.
    pub leads: [u64; 3],
    /// The same for the first [`JOINS`] questions joined on inside it (counted in `inner`
    /// or `alts`), each from its conjunction ("and who went") or, after a comma, from its
    /// question word.
    pub joins: [[u64; 3]; JOINS],
}

/// How many questions joined on inside a sentence a [`Shape`] keeps the first words of.
pub(crate) const JOINS: usize = 2;

/// The first one, two and three of `words`' hashes, each combined as a word n-gram; 0
/// where there are fewer.
fn leads(words: impl Iterator<Item = u64>) -> [u64; 3] {
    let mut w = [0u64; 3];
    let mut n = 0;
    for h in words.take(3) {
        w[n] = h;
        n += 1;
    }
    let mut out = [0u64; 3];
    for k in 0..n {
        out[k] = ngram(&w[..=k]);
    }
    out
}

/// How many questions a sentence asks, as a finding of several questions in one turn
/// counts them where the model alone makes it: none for a statement, else one and those
/// joined on inside it ("What is it, and why did you pick it?" asks two). The trainer
/// and the analyser count alike.
pub(crate) fn questions_in(sh: &Shape) -> u32 {
    if sh.form.is_question() {
        1 + u32::from(sh.inner)
    } else {
        0
    }
}

/// Pronouns and the like that follow an auxiliary opening a joined yes/no question
/// ("… or did you …", "… and is there …").
fn is_subject(w: &str) -> bool {
    matches!(
        w,
        "you"
            | "your"
            | "they"
            | "we"
            | "it"
            | "he"
            | "she"
            | "that"
            | "there"
            | "this"
            | "anyone"
            | "anybody"
            | "someone"
            | "people"
    )
}

/// The [`Shape`] of a sentence.
pub(crate) fn shape(s: &Sentence) -> Shape {
    let from = s.core.min(s.toks.len());
    // Its first two words after the core, for the head and for telling a joined question
    // from the opening said again.
    let mut firsts = (from..s.toks.len()).filter(|&k| !s.toks[k].punct);
    let (first, second) = (firsts.next(), firsts.next());
    let words = second.map_or(usize::from(first.is_some()), |_| 2 + firsts.count());
    let head = match (first, second) {
        (None, _) => 0,
        (Some(a), None) => ngram(&[word_hash(s.tok_str(a).as_bytes())]),
        (Some(a), Some(b)) => ngram(&[
            word_hash(s.tok_str(a).as_bytes()),
            word_hash(s.tok_str(b).as_bytes()),
        ]),
    };
    let (first, second) = (first.map(|k| s.tok_str(k)), second.map(|k| s.tok_str(k)));
    // A joined question: a conjunction (or a comma) and then a wh-word, or an auxiliary
    // and its subject; not the sentence's own opening said again ("what was, what was it").
    // Tokens from the core on, counted from 0; the first three cannot start one.
    let (mut inner, mut alts) = (0u8, 0u8);
    let mut joins = [[0u64; 3]; JOINS];
    let word_at = |k: usize| word_hash(s.tok_str(k).as_bytes());
    let words_from = |k: usize| (k..s.toks.len()).filter(|&j| !s.toks[j].punct).map(word_at);
    for k in from + 3..s.toks.len() {
        if s.toks[k].punct {
            continue;
        }
        let w = s.tok_str(k);
        let prev = s.tok_str(k - 1);
        let joined = matches!(prev, "and" | "or" | "but" | "also" | "plus") || prev == ",";
        if !joined {
            continue;
        }
        let next = if k + 1 < s.toks.len() {
            s.tok_str(k + 1)
        } else {
            ""
        };
        let opens = crate::speech::is_wh(w) && (prev != "," || crate::speech::is_aux(next))
            || crate::speech::is_aux(w) && is_subject(next);
        let again = first == Some(w) && second == Some(next);
        if opens && !again {
            let n = usize::from(inner) + usize::from(alts);
            if n < JOINS {
                // From the conjunction; a comma is punctuation, which `words_from` skips.
                joins[n] = leads(words_from(k - 1));
            }
            if prev == "or" {
                alts = alts.saturating_add(1);
            } else {
                inner = inner.saturating_add(1);
            }
        }
    }
    Shape {
        form: s.form,
        ends_q: s.ends_q,
        head,
        words: words.min(usize::from(u16::MAX)) as u16,
        inner,
        alts,
        leads: leads(words_from(0)),
        joins,
    }
}

/// The features of a whole turn (or line) for rules about the turn: every sentence's
/// features and counts of its questions into `base`; what the patterns found, in the
/// sentences and in the turn (`pattern`, the turn rule's own finding), into `patterns`.
pub(crate) fn turn(
    spec: &FeatureSpec,
    sentences: &[Facts<'_>],
    pattern: Option<&str>,
    base: &mut Features,
    patterns: &mut Features,
) {
    for f in sentences {
        base.extend(f.base);
        patterns.extend(f.patterns);
    }
    let questions = sentences
        .iter()
        .filter(|s| s.shape.form.is_question())
        .count();
    let wh = sentences
        .iter()
        .filter(|s| matches!(s.shape.form, Form::Wh | Form::Invitation))
        .count();
    let marks = sentences.iter().filter(|s| s.shape.ends_q).count();
    // Different questions: the first question, each later one of three words or more that
    // does not start as the one before it did, and those joined on inside sentences;
    // questions started again, and short tails ("Or?", "Right?") after a question, counted
    // apart.
    let (mut distinct, mut again, mut tails, mut alts) = (0usize, 0usize, 0usize, 0usize);
    let mut last: Option<u64> = None;
    let mut asked = false;
    for f in sentences {
        let sh = f.shape;
        if spec.later_heads {
            // A question after the first: this sentence, when it asks and one was asked
            // before it; and the questions joined on inside it, when it asks or follows one
            // that did.
            let question = sh.form.is_question();
            let joined = (usize::from(sh.inner) + usize::from(sh.alts)).min(JOINS);
            let own = (asked && question).then_some(&sh.leads);
            let inside = if asked || question {
                &sh.joins[..joined]
            } else {
                &[]
            };
            for lead in own.into_iter().chain(inside) {
                for h in lead.iter().filter(|&&h| h != 0) {
                    base.add(spec, &[b"later", &h.to_le_bytes()]);
                }
            }
            asked |= question;
        }
        distinct += usize::from(sh.inner);
        alts += usize::from(sh.alts);
        if !sh.form.is_question() {
            continue;
        }
        if sh.words < 3 && last.is_some() {
            tails += 1;
        } else if last == Some(sh.head) {
            again += 1;
        } else {
            distinct += 1;
            last = Some(sh.head);
        }
    }
    base.add(
        spec,
        &[b"turn-distinct", &[bucket_of(distinct, &[1, 2, 3, 4])]],
    );
    if again > 0 {
        base.add(spec, &[b"turn-again"]);
    }
    if tails > 0 {
        base.add(spec, &[b"turn-tails"]);
    }
    if alts > 0 {
        base.add(spec, &[b"turn-alternatives"]);
    }
    base.add(
        spec,
        &[b"turn-questions", &[bucket_of(questions, &[1, 2, 3, 5])]],
    );
    base.add(spec, &[b"turn-wh", &[bucket_of(wh, &[1, 2, 3])]]);
    base.add(spec, &[b"turn-marks", &[bucket_of(marks, &[1, 2, 3])]]);
    base.add(
        spec,
        &[
            b"turn-sentences",
            &[bucket_of(sentences.len(), &[2, 3, 5, 8])],
        ],
    );
    if let Some(why) = pattern {
        patterns.add(spec, &[b"turn-pattern"]);
        patterns.add(spec, &[b"turn-why", why.as_bytes()]);
    }
    base.finish();
    patterns.finish();
}

/// The words of sentence `s` that weigh most for `row` of `model`: the word n-gram with
/// the highest weight, as a byte range of the turn's text and its words.
pub(crate) fn cue(
    model: &super::Model,
    row: usize,
    s: &Sentence,
) -> Option<((usize, usize), String)> {
    let spec = &model.spec;
    // Token indices of the n-gram words (the edges have none).
    let idx: Vec<usize> = (0..s.toks.len())
        .filter(|&i| !s.toks[i].punct || s.tok_str(i) == "?")
        .collect();
    let w: Vec<&str> = idx.iter().map(|&i| s.tok_str(i)).collect();
    let hashes: Vec<u64> = w.iter().map(|x| word_hash(x.as_bytes())).collect();
    let mut best: Option<(f32, usize, usize)> = None;
    for n in 1..=3usize {
        for a in 0..w.len().saturating_sub(n - 1) {
            let b = (ngram(&hashes[a..a + n]) & ((1u64 << spec.bits) - 1)) as u32;
            let weight = model.weight(b, row);
            if weight > 0.0 && best.is_none_or(|(x, ..)| weight > x) {
                best = Some((weight, a, a + n));
            }
        }
    }
    let (_, a, b) = best?;
    let first = &s.toks[idx[a]];
    let last = &s.toks[idx[b - 1]];
    let range = s.source_range(first.n0 as usize, last.n1 as usize);
    Some((range, w[a..b].join(" ")))
}

#[cfg(test)]
mod tests {
    /// (questions joined by "and"/"but"/a comma, alternatives joined by "or") of a
    /// one-sentence turn.
    fn joins(text: &str) -> (u8, u8) {
        let s = crate::rules::sentence::sentences(text, &[]);
        assert_eq!(s.len(), 1, "{text}: {} sentences", s.len());
        let sh = super::shape(&s[0]);
        (sh.inner, sh.alts)
    }

    /// The names of the features of sentence `i` of `text`, read as one turn.
    fn names(text: &str, i: usize, spec: super::FeatureSpec) -> Vec<String> {
        let sentences = crate::rules::sentence::sentences(text, &[]);
        let echo = crate::speech::stems::Echo::default();
        let ctx = crate::rules::Ctx {
            text,
            sentences: &sentences,
            echo: &echo,
            products: &[],
            pitching: false,
            deflecting: false,
            names: &[],
            attributes: Default::default(),
            rest: Default::default(),
            selling: None,
        };
        let mut f = super::Features::named();
        let s = &sentences[i];
        super::sentence(&spec, &ctx, s, i, &super::shape(s), &mut f);
        f.names().iter().map(|(_, n)| n.clone()).collect()
    }

    #[test]
    fn words_one_apart_and_the_sentence_before_are_features_when_asked_for() {
        let text = "Our sensor needs no phone. It stores the data for you.";
        // Both on (the words before are off by default since the model that weighs real
        // speech).
        let both = super::FeatureSpec {
            skip_bigrams: true,
            previous_words: true,
            ..super::FeatureSpec::default()
        };
        let on = names(text, 1, both);
        for want in [
            "words \"stores … data\"",
            "words \"<s> … stores\"",
            "words \"for … </s>\"",
            "the sentence before has \"sensor\"",
            "the sentence before has \"our\"",
        ] {
            assert!(on.iter().any(|n| n == want), "{want} not in {on:?}");
        }
        // Its own words are not also "before" words, and the first sentence has none.
        assert!(!on.iter().any(|n| n == "the sentence before has \"stores\""));
        let first = names(text, 0, both);
        assert!(!first.iter().any(|n| n.starts_with("the sentence before")));
        // Off, as in a model trained before them: neither kind, the rest the same.
        let off = super::FeatureSpec {
            skip_bigrams: false,
            previous_words: false,
            ..super::FeatureSpec::default()
        };
        let plain = names(text, 1, off);
        assert!(
            !plain
                .iter()
                .any(|n| n.contains(" … ") || n.starts_with("the sentence before"))
        );
        let kept: Vec<&String> = on
            .iter()
            .filter(|n| !n.contains(" … ") && !n.starts_with("the sentence before"))
            .collect();
        assert_eq!(kept, plain.iter().collect::<Vec<_>>());
        // The default: the pairs, not the words before.
        let default = names(text, 1, super::FeatureSpec::default());
        assert!(default.iter().any(|n| n == "words \"stores … data\""));
        assert!(!default.iter().any(|n| n.starts_with("the sentence before")));
    }

    #[test]
    fn what_follows_a_question_in_its_turn_is_a_feature_when_asked_for() {
        let on = super::FeatureSpec {
            turn_rest: true,
            ..super::FeatureSpec::default()
        };
        let rest = |text: &str, i: usize| -> Vec<String> {
            names(text, i, on)
                .into_iter()
                .filter(|n| n.contains("after it"))
                .collect()
        };
        // A tag the turn talks on past, then ends on an open question.
        let text = "That was the old system, right? So we moved it all. What broke first?";
        let tag = rest(text, 0);
        assert!(
            tag.contains(&"after it in the turn: open".to_string()),
            "{tag:?}"
        );
        assert!(
            tag.contains(&"a tag question, after it in the turn: open".to_string()),
            "{tag:?}"
        );
        // Ten tokens follow it ("So we moved it all. What broke first?", punctuation
        // included): band 2 (10 to 29).
        assert!(
            tag.contains(&"a tag question, tokens after it (band 2)".to_string()),
            "{tag:?}"
        );
        // Away from the bands' edges: 30 tokens or more follow.
        let long = "Do you use it daily? We built it for teams that close their books every \
                    month and wanted one place for the totals, the exports and the fixes, \
                    so that nobody types numbers twice.";
        assert!(
            rest(long, 0).contains(&"a yes-no question, tokens after it (band 3)".to_string()),
            "{:?}",
            rest(long, 0)
        );
        // "an" before a vowel.
        let invite = "Could you walk me through the last close? What broke?";
        assert!(
            rest(invite, 0)
                .contains(&"an invitation question, after it in the turn: open".to_string()),
            "{:?}",
            rest(invite, 0)
        );
        // The turn's last question: nothing follows.
        assert!(rest(text, 2).contains(&"after it in the turn: end".to_string()));
        // A statement gets none of these.
        assert!(rest(text, 1).is_empty());
        // Only statements after it; a later closed question.
        let talk = "Do you use it daily? We built it for that.";
        assert!(rest(talk, 0).contains(&"after it in the turn: talk".to_string()));
        let closed = "Do you use it? We ask everyone. Is it fast?";
        assert!(rest(closed, 0).contains(&"after it in the turn: closed".to_string()));
        // On by default; off, none of them.
        assert_eq!(
            names(text, 0, super::FeatureSpec::default()),
            names(text, 0, on)
        );
        let off = super::FeatureSpec {
            turn_rest: false,
            ..super::FeatureSpec::default()
        };
        let off = names(text, 0, off);
        assert!(!off.iter().any(|n| n.contains("after it")), "{off:?}");
    }

    #[test]
    fn what_follows_each_sentence_is_found_in_one_pass_as_by_its_definition() {
        // Forms in several orders: an open question before or after a closed one, talk
        // between, a tag last.
        let text = "Do you use it? Is it fast? We ask everyone. What broke first? It was the \
                    export. Could you show me? Fine. That was hard, right?";
        let sentences = crate::rules::sentence::sentences(text, &[]);
        assert!(sentences.len() >= 8, "{} sentences", sentences.len());
        let got = super::rests(&sentences);
        for i in 0..sentences.len() {
            let after = &sentences[i + 1..];
            let want = super::Rest {
                kind: after
                    .iter()
                    .map(|x| super::RestKind::of(x.form))
                    .max()
                    .unwrap_or_default(),
                after: after.iter().map(|x| x.toks.len()).sum(),
            };
            assert_eq!(got[i], want, "sentence {i}");
        }
        use super::RestKind::*;
        let kinds: Vec<_> = got.iter().map(|r| r.kind).collect();
        assert_eq!(&kinds[..3], &[Open, Open, Open]);
        assert_eq!(kinds[kinds.len() - 1], End);
        assert_eq!(kinds[kinds.len() - 2], Closed);
        // Only statements after it.
        let talk = crate::rules::sentence::sentences("Is it fast? We ask. Everyone does.", &[]);
        assert_eq!(super::rests(&talk)[0].kind, Talk);
    }

    /// The buckets of the "later" features of `text` read as one turn, and the one bucket
    /// each of `expected` (word sequences) should land in.
    fn later(text: &str, spec: super::FeatureSpec, expected: &[&[&str]]) -> (Vec<u32>, Vec<u32>) {
        let sentences = crate::rules::sentence::sentences(text, &[]);
        let empty = super::Features::default();
        let facts: Vec<super::Facts<'_>> = sentences
            .iter()
            .map(|s| super::Facts {
                base: &empty,
                patterns: &empty,
                shape: super::shape(s),
            })
            .collect();
        let (mut base, mut pats) = (super::Features::default(), super::Features::default());
        super::turn(&spec, &facts, None, &mut base, &mut pats);
        // The same turn without the feature: what it adds is the difference.
        let off = super::FeatureSpec {
            later_heads: false,
            ..spec
        };
        let (mut plain, mut pats) = (super::Features::default(), super::Features::default());
        super::turn(&off, &facts, None, &mut plain, &mut pats);
        let mut added: Vec<u32> = base
            .buckets()
            .iter()
            .copied()
            .filter(|b| !plain.buckets().contains(b))
            .collect();
        added.sort_unstable();
        let mut want = super::Features::default();
        for words in expected {
            let hashes: Vec<u64> = words
                .iter()
                .map(|w| super::word_hash(w.as_bytes()))
                .collect();
            want.add(&spec, &[b"later", &super::ngram(&hashes).to_le_bytes()]);
        }
        want.finish();
        let mut want = want.buckets().to_vec();
        want.sort_unstable();
        (added, want)
    }

    #[test]
    fn the_first_words_of_later_questions_are_features_of_the_turn() {
        let spec = super::FeatureSpec::default();
        assert!(spec.later_heads);
        let and_who: &[&[&str]] = &[&["and"], &["and", "who"], &["and", "who", "signed"]];
        for (text, expected) in [
            // A question joined on inside the sentence: from its conjunction.
            ("What did it cost, and who signed it off?", and_who),
            // After a comma: from its question word.
            (
                "Which ones were they, why had they slipped?",
                &[&["why"], &["why", "had"], &["why", "had", "they"]],
            ),
            // A second question sentence: from its very start, discourse markers included.
            (
                "What did it cost? So who signed it off?",
                &[&["so"], &["so", "who"], &["so", "who", "signed"]],
            ),
            // A question joined on inside a statement, once the turn has asked one: counted,
            // as the shape counts it.
            (
                "What did it cost? I know why they left and who signed it off.",
                and_who,
            ),
        ] {
            let (got, want) = later(text, spec, expected);
            assert_eq!(got, want, "{text}");
        }
        // One question, or a question and a statement: nothing added.
        for one in [
            "What did it cost when the export failed?",
            "What did it cost? It was a lot, I know.",
            "It was a lot. What did it cost?",
        ] {
            let (got, _) = later(one, spec, &[]);
            assert!(got.is_empty(), "{one}: {got:?}");
        }
        // Off, as in a model trained before it: nothing added.
        let off = super::FeatureSpec {
            later_heads: false,
            ..spec
        };
        let (got, _) = later("What did it cost? Who signed it off?", off, &[]);
        assert!(got.is_empty());
    }

    #[test]
    fn questions_joined_by_or_are_alternatives() {
        // A second question joined on: a different question.
        assert_eq!(joins("How did you pick it, and who signed it off?"), (1, 0));
        assert_eq!(
            joins("Do you send reminders and is there a template?"),
            (1, 0)
        );
        // The other half of one either/or question, or the question put again.
        assert_eq!(
            joins("Do you track it in the app or is it all on paper?"),
            (0, 1)
        );
        // The opening said again counts as neither.
        assert_eq!(
            joins("Would you start with the three offices or would you move all of them?"),
            (0, 0)
        );
        assert_eq!(
            joins("Is that weekly for you, or what does it look like?"),
            (0, 1)
        );
        // One question.
        assert_eq!(
            joins("What did you try first when the export failed?"),
            (0, 0)
        );
        // Known gap: "or" with a comma after it reads as a comma join.
        assert_eq!(
            joins("Is that weekly for you, or, how do you plan it?"),
            (1, 0)
        );
    }
}
