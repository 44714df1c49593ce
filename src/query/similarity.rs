//! How alike two expectations read: Jaccard similarity of their word sets, and a greedy pairing.
//!
//! Words are runs of letters and digits, lower-cased, without a short list of common English
//! words (articles, conjunctions, prepositions, pronouns) that say little about meaning. Two
//! texts are alike in proportion to the words they share: |A ∩ B| / |A ∪ B|, from 0 (no word
//! in common) to 1 (the same words). Pairs at or above [`REWORDED`] count as the same
//! expectation reworded, unless the later one [`adds_content`].

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::ops::Range;

/// The similarity from which two different texts count as one expectation reworded.
///
/// Chosen on the embedded ladder: statements the source repeats at the same level for two
/// tracks, reworded per track, score 0.3 to 0.7; statements of adjacent levels score below 0.26.
pub const REWORDED: f64 = 0.3;

const STOP_WORDS: [&str; 22] = [
    "a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from",
    "its", "their", "it", "is", "that", "this", "as", "be",
];

/// The meaningful words of a text, lower-cased, sorted, each once.
pub fn words(text: &str) -> Vec<Cow<'_, str>> {
    let mut words: Vec<Cow<'_, str>> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lowered)
        .filter(|w| !STOP_WORDS.contains(&w.as_ref()))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// A word in lower case; borrowed when it is ASCII without capitals, the common case, which
/// then costs no allocation.
fn lowered(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Jaccard similarity of the two texts' word sets; 1 for identical texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    jaccard(&a, &b)
}

/// Whether `b` says more than `a` rather than the same in other words: its meaningful words
/// include at least two more that `a` lacks than `a` has that it drops. "Adds tests for the
/// pipelines they write and checks freshness of every model" adds four words to "Adds tests
/// for the pipelines they write" and drops none: it asks for more, however alike the two read.
/// "Identifies technical debt and sizes it" for "Finds technical debt and estimates its size"
/// adds two words and drops three: the same expectation, reworded.
pub fn adds_content(a: &str, b: &str) -> bool {
    let (a, b) = (words(a), words(b));
    let added = b.iter().filter(|w| a.binary_search(w).is_err()).count();
    let dropped = a.iter().filter(|w| b.binary_search(w).is_err()).count();
    added >= dropped + 2
}

/// Pairs texts of `a` with texts of `b`, most similar first, each text at most once, keeping
/// only pairs at or above `threshold`. Returns (index in a, index in b, similarity).
pub fn pair(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
    // Nothing to pair with: the other side's words are not worth finding.
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let candidates = if threshold > 0.0 && a.len().saturating_mul(b.len()) > EVERY_PAIR {
        alike(a, b, threshold)
    } else {
        every_pair(a, b, threshold)
    };
    greedy(candidates, a.len(), b.len())
}

/// The candidate pairs taken most similar first, each text at most once, in reading order.
fn greedy(
    mut candidates: Vec<(usize, usize, f64)>,
    a: usize,
    b: usize,
) -> Vec<(usize, usize, f64)> {
    // Highest similarity first; ties in reading order, so the result is stable.
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    let (mut used_a, mut used_b) = (vec![false; a], vec![false; b]);
    let mut pairs = Vec::new();
    for (i, j, s) in candidates {
        if !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            pairs.push((i, j, s));
        }
    }
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs
}

/// Up to how many pairs [`pair`] scores every one of them, which on lists this short costs
/// less than building [`alike`]'s index: the lists of a theme in a real ladder hold a few
/// statements each.
const EVERY_PAIR: usize = 256;

/// Every pair of texts with its [`similarity`], each text's words found once; only pairs at or
/// above `threshold`, unless it is 0 or less: then every pair, even one without a word in
/// common.
fn every_pair(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
    let (wa, wb): (Vec<_>, Vec<_>) = (
        a.iter().map(|t| words(t)).collect(),
        b.iter().map(|t| words(t)).collect(),
    );
    let mut pairs = Vec::new();
    for (i, x) in wa.iter().enumerate() {
        for (j, y) in wb.iter().enumerate() {
            let s = match (a[i] == b[j], x.is_empty() && y.is_empty()) {
                (true, _) => 1.0,
                (false, true) => 0.0,
                (false, false) => jaccard(x, y),
            };
            if threshold <= 0.0 || s >= threshold {
                pairs.push((i, j, s));
            }
        }
    }
    pairs
}

/// How many entries of a [`WordIndex`] all the texts looked up in it may visit together; each
/// text may visit its share, and at least [`MIN_VISITS`]. Real ladders need a small fraction
/// of it.
const VISITS: usize = 10_000_000;
const MIN_VISITS: usize = 1_000;

/// How many of its best-scoring pairs each text looked up in a [`WordIndex`] keeps for the
/// pairing.
const CANDIDATES: usize = 64;

/// Every pair of texts whose [`similarity`] is at or above `threshold` (> 0), with it, found
/// through a [`WordIndex`] of `b` instead of scoring every pair: scoring all of them costs the
/// product of the two lists. Each text of `a` may visit its share of [`VISITS`] (see
/// [`WordIndex::alike`]).
fn alike(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
    let mut index = WordIndex::new(a.iter().chain(b).copied(), threshold);
    for j in 0..b.len() {
        index.insert(j, a.len() + j);
    }
    let visits = visits_each(a.len());
    let mut out = Vec::new();
    for i in 0..a.len() {
        out.extend(index.alike(i, visits).into_iter().map(|(j, s)| (i, j, s)));
    }
    out
}

/// How many entries of a [`WordIndex`] each of `probes` texts may visit, when they all look
/// for partners: its share of [`VISITS`], and at least [`MIN_VISITS`].
pub fn visits_each(probes: usize) -> usize {
    (VISITS / probes.max(1)).max(MIN_VISITS)
}

/// Texts numbered in the order given, each as its words numbered rarest first over all of
/// them, and an index of some of them, each under a key, by the rarest of their words: it
/// finds the indexed texts whose [`similarity`] to a text reaches a threshold without scoring
/// every pair. Texts enter and leave the index one by one, so that a list that grows (the
/// rows of `path`, whose latest texts change level by level) is indexed once, not again for
/// every text looked up.
///
/// A prefix filter, exact: with the words of every text sorted in one order (rarest first),
/// two texts with Jaccard similarity t share at least t·|A| words, so they share a word among
/// the first |A| − ⌈t·|A|⌉ + 1 words of A and likewise of B. Only texts whose such prefixes
/// meet are scored, and common words, last in every text, rarely lead to a pair. Two more
/// exact filters (as in PPJoin) drop pairs of very different lengths, and pairs whose words
/// left after a shared one are too few to reach the overlap the threshold needs.
///
/// When texts are all alike (each shares most of its words with every other), the pairs that
/// qualify are the product of the lists themselves: each look-up then scores only the entries
/// its share of [`VISITS`] reaches, rarest words first, keeps its best [`CANDIDATES`], and may
/// miss a partner.
pub struct WordIndex<'t> {
    threshold: f64,
    texts: Vec<&'t str>,
    /// Each text's words as numbers sorted rarest first, without repeats.
    sets: Vec<Vec<usize>>,
    /// For each word, the entries that have it in their prefix, and where.
    postings: Vec<Vec<(usize, usize)>>,
    /// For each word, how many of its postings belong to entries removed since: a list is
    /// swept when they are half of it, so that a look-up visits at most twice the live ones.
    stale: Vec<usize>,
    /// Every text indexed so far, removed ones too, as (key, text number, still indexed).
    entries: Vec<(usize, usize, bool)>,
    /// Indexed texts without a meaningful word, by text: they pair only with the very same
    /// text.
    wordless: HashMap<&'t str, Same>,
    /// Shared prefix words so far with each entry during a look-up; -1 once it cannot reach
    /// the threshold.
    shared: Vec<i64>,
    met: Vec<usize>,
}

/// The indexed copies of one text without a meaningful word.
#[derive(Default)]
struct Same {
    entries: Vec<usize>,
    /// How many of `entries` have been removed since.
    stale: usize,
    /// How many times the text has been looked up.
    looked_up: usize,
}

impl<'t> WordIndex<'t> {
    /// An empty index over these texts, for pairs at or above `threshold` (> 0); texts are
    /// then named by their number in `texts`.
    pub fn new(texts: impl IntoIterator<Item = &'t str>, threshold: f64) -> WordIndex<'t> {
        let texts: Vec<&str> = texts.into_iter().collect();
        let sets = word_ranks(&texts);
        let words = sets.iter().flatten().max().map_or(0, |&w| w + 1);
        WordIndex {
            threshold,
            texts,
            sets,
            postings: vec![Vec::new(); words],
            stale: vec![0; words],
            entries: Vec::new(),
            wordless: HashMap::new(),
            shared: Vec::new(),
            met: Vec::new(),
        }
    }

    /// How many of a set's words (of `len`) must be looked at for the prefix filter.
    fn prefix(&self, len: usize) -> usize {
        // The overlap a pair needs, rounded down a hair so that rounding never drops one.
        let need = (self.threshold * len as f64 - 1e-9).ceil().max(1.0) as usize;
        len + 1 - need.min(len)
    }

    /// Indexes the text numbered `text` under `key`; returns its entry, for [`Self::remove`].
    pub fn insert(&mut self, key: usize, text: usize) -> usize {
        let entry = self.entries.len();
        self.entries.push((key, text, true));
        self.shared.push(0);
        let set = &self.sets[text];
        if set.is_empty() {
            self.wordless
                .entry(self.texts[text])
                .or_default()
                .entries
                .push(entry);
        }
        for (at, &w) in set[..self.prefix(set.len()).min(set.len())]
            .iter()
            .enumerate()
        {
            self.postings[w].push((entry, at));
        }
        entry
    }

    /// Takes an entry out of the index: look-ups no longer find it.
    pub fn remove(&mut self, entry: usize) {
        let (_, text, live) = &mut self.entries[entry];
        if !std::mem::replace(live, false) {
            return;
        }
        let text = *text;
        let entries = &self.entries;
        let set = &self.sets[text];
        if set.is_empty()
            && let Some(same) = self.wordless.get_mut(self.texts[text])
        {
            same.stale += 1;
            if same.stale * 2 > same.entries.len() {
                same.entries.retain(|&e| entries[e].2);
                same.stale = 0;
            }
        }
        for &w in &set[..self.prefix(set.len()).min(set.len())] {
            self.stale[w] += 1;
            if self.stale[w] * 2 > self.postings[w].len() {
                self.postings[w].retain(|&(e, _)| entries[e].2);
                self.stale[w] = 0;
            }
        }
    }

    /// The indexed texts whose similarity to the text numbered `text` is at or above the
    /// threshold, as (key, similarity), at most [`CANDIDATES`] of them, the most similar;
    /// `visits` bounds the index entries looked at (see [`visits_each`]).
    pub fn alike(&mut self, text: usize, visits: usize) -> Vec<(usize, f64)> {
        let threshold = self.threshold;
        let set = &self.sets[text];
        let mut mine = Vec::new();
        let mut visits = visits;
        if set.is_empty() {
            let Some(same) = self.wordless.get_mut(self.texts[text]) else {
                return mine;
            };
            // The k-th look-up of a text starts k entries in (or at the last CANDIDATES), so
            // that many copies of one text pair one with one, as scoring every pair would,
            // instead of all looking at the first few.
            let from = same
                .looked_up
                .min(same.entries.len().saturating_sub(CANDIDATES));
            same.looked_up += 1;
            for &e in &same.entries[from..] {
                if visits == 0 || mine.len() == CANDIDATES {
                    break;
                }
                visits -= 1;
                if self.entries[e].2 {
                    mine.push((self.entries[e].0, 1.0));
                }
            }
            return mine;
        }
        let la = set.len();
        'words: for (at_a, &w) in set[..self.prefix(la)].iter().enumerate() {
            for &(e, at_b) in &self.postings[w] {
                if visits == 0 {
                    break 'words;
                }
                visits -= 1;
                let lb = self.sets[self.entries[e].1].len();
                if !self.entries[e].2 || self.shared[e] < 0 || !lengths_allow(la, lb, threshold) {
                    continue;
                }
                if self.shared[e] == 0 {
                    self.met.push(e);
                }
                // Positional filter: what is shared so far, this word, and at most every
                // word after it on the shorter side must reach the overlap the pair needs.
                let need = (threshold / (1.0 + threshold) * (la + lb) as f64 - 1e-9).ceil();
                let best = self.shared[e] + 1 + (la - at_a - 1).min(lb - at_b - 1) as i64;
                self.shared[e] = if best as f64 >= need {
                    self.shared[e] + 1
                } else {
                    -1
                };
            }
        }
        for e in self.met.drain(..) {
            let (key, other, _) = self.entries[e];
            if self.shared[e] > 0 {
                let s = if self.texts[text] == self.texts[other] {
                    1.0
                } else {
                    jaccard(set, &self.sets[other])
                };
                if s >= threshold {
                    mine.push((key, s));
                }
            }
            self.shared[e] = 0;
        }
        // Keep the best few: a text pairs with one other, and alike texts must not make the
        // candidates the product of the lists.
        if mine.len() > CANDIDATES {
            mine.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
            mine.truncate(CANDIDATES);
        }
        mine
    }

    /// Pairs the texts numbered `probes` with indexed texts as [`pair`] pairs two lists
    /// (most similar first, each text and each key at most once), each text visiting at most
    /// `visits` entries. Returns (key, text number, similarity) in key order.
    pub fn pair(&mut self, probes: Range<usize>, visits: usize) -> Vec<(usize, usize, f64)> {
        let mut candidates = Vec::new();
        for t in probes.clone() {
            let found = self.alike(t, visits);
            candidates.extend(found.into_iter().map(|(key, s)| (key, t - probes.start, s)));
        }
        // The index may hold many more keys than these texts meet: only those met are
        // numbered, in key order, so that pairing costs what the candidates cost.
        let mut keys: Vec<usize> = candidates.iter().map(|c| c.0).collect();
        keys.sort_unstable();
        keys.dedup();
        for c in &mut candidates {
            c.0 = keys.partition_point(|&k| k < c.0);
        }
        greedy(candidates, keys.len(), probes.len())
            .into_iter()
            .map(|(k, t, s)| (keys[k], probes.start + t, s))
            .collect()
    }
}

/// Whether two sets of these sizes can be alike enough: the smaller must hold at least
/// `threshold` of the larger (with a hair of slack against rounding).
fn lengths_allow(x: usize, y: usize, threshold: f64) -> bool {
    x.min(y) as f64 >= threshold * x.max(y) as f64 - 1e-9
}

/// Each text's words as numbers sorted rarest first (over all the texts), without repeats.
fn word_ranks<'t>(texts: &[&'t str]) -> Vec<Vec<usize>> {
    let mut ids: HashMap<Cow<'t, str>, usize> = HashMap::new();
    let mut sets: Vec<Vec<usize>> = texts
        .iter()
        .map(|t| {
            words(t)
                .into_iter()
                .map(|w| {
                    let next = ids.len();
                    *ids.entry(w).or_insert(next)
                })
                .collect()
        })
        .collect();
    let mut count = vec![0usize; ids.len()];
    for &w in sets.iter().flatten() {
        count[w] += 1;
    }
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&w| (count[w], w));
    let mut rank = vec![0; ids.len()];
    for (r, &w) in order.iter().enumerate() {
        rank[w] = r;
    }
    for set in &mut sets {
        for w in set.iter_mut() {
            *w = rank[*w];
        }
        set.sort_unstable();
    }
    sets
}

/// Jaccard similarity of two sorted sets without repeats, not both empty: of words, or of
/// word numbers.
fn jaccard<T: Ord>(x: &[T], y: &[T]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (x.len() + y.len() - shared) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_are_fully_alike() {
        assert_eq!(similarity("Owns own work.", "Owns own work."), 1.0);
    }

    #[test]
    fn case_punctuation_and_common_words_do_not_count() {
        assert_eq!(similarity("Owns the work.", "owns work"), 1.0);
    }

    #[test]
    fn a_reworded_sentence_scores_above_the_threshold() {
        let s = similarity(
            "Raises the effectiveness and productivity of the analyst team.",
            "Raises the productivity and delivery of the engineering team.",
        );
        assert!((REWORDED..1.0).contains(&s), "{s}");
        assert!((s - 3.0 / 7.0).abs() < 1e-9, "3 shared of 7 words: {s}");
    }

    #[test]
    fn unrelated_sentences_score_low() {
        let s = similarity(
            "Writes clear documentation for small projects.",
            "Triages alerts during an incident.",
        );
        assert_eq!(s, 0.0);
    }

    #[test]
    fn pairing_takes_the_best_match_first_and_each_text_once() {
        let a = [
            "Reviews code for security flaws.",
            "Mentors junior analysts.",
        ];
        let b = [
            "Mentors junior engineers.",
            "Reviews code for security flaws across teams.",
            "Runs incidents.",
        ];
        let pairs = pair(&a, &b, REWORDED);
        assert_eq!(pairs.len(), 2);
        assert_eq!((pairs[0].0, pairs[0].1), (0, 1));
        assert_eq!((pairs[1].0, pairs[1].1), (1, 0));
        assert!(pairs.iter().all(|p| p.2 >= REWORDED && p.2 < 1.0));
    }

    /// The pairing through [`alike`]'s index, which [`pair`] uses only on longer lists.
    fn indexed(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
        greedy(alike(a, b, threshold), a.len(), b.len())
    }

    /// The pairing as it was first written: every pair scored. The reference for [`pair`].
    fn pair_every(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
        let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
        for (i, x) in a.iter().enumerate() {
            for (j, y) in b.iter().enumerate() {
                let s = similarity(x, y);
                if s >= threshold {
                    candidates.push((i, j, s));
                }
            }
        }
        candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
        let (mut used_a, mut used_b) = (vec![false; a.len()], vec![false; b.len()]);
        let mut pairs = Vec::new();
        for (i, j, s) in candidates {
            if !used_a[i] && !used_b[j] {
                used_a[i] = true;
                used_b[j] = true;
                pairs.push((i, j, s));
            }
        }
        pairs.sort_by_key(|p| (p.0, p.1));
        pairs
    }

    #[test]
    fn pairing_the_embedded_ladder_gives_what_scoring_every_pair_gives() {
        let ladder = crate::embedded::ladder();
        let texts: Vec<Vec<&str>> = ladder
            .roles
            .iter()
            .map(|r| {
                r.dimensions
                    .values()
                    .flat_map(|d| d.expectations.iter().map(|e| e.text.as_str()))
                    .collect()
            })
            .collect();
        for a in &texts {
            for b in &texts {
                for threshold in [REWORDED, 0.1, 0.5, 1.0] {
                    let every = pair_every(a, b, threshold);
                    assert_eq!(pair(a, b, threshold), every);
                    assert_eq!(indexed(a, b, threshold), every);
                }
            }
        }
    }

    /// A small deterministic generator, so that the test needs no crate and never varies.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize % n
        }

        fn texts(&mut self, count: usize) -> Vec<String> {
            const WORDS: [&str; 12] = [
                "owns", "the", "plans", "Plans", "team", "of", "risks", "alerts", "a", "ships",
                "reviews", "cloud",
            ];
            (0..count)
                .map(|_| match self.below(8) {
                    0 => String::new(),
                    1 => "... the of".to_string(),
                    _ => (0..self.below(7))
                        .map(|_| WORDS[self.below(WORDS.len())])
                        .collect::<Vec<_>>()
                        .join(" "),
                })
                .collect()
        }
    }

    #[test]
    fn pairing_random_texts_gives_what_scoring_every_pair_gives() {
        let mut rng = Lcg(42);
        for _ in 0..300 {
            let (n, m) = (rng.below(9), rng.below(9));
            let (a, b) = (rng.texts(n), rng.texts(m));
            let a: Vec<&str> = a.iter().map(String::as_str).collect();
            let b: Vec<&str> = b.iter().map(String::as_str).collect();
            for threshold in [REWORDED, 0.2, 0.25, 0.5, 2.0 / 3.0, 1.0, 0.0] {
                let every = pair_every(&a, &b, threshold);
                assert_eq!(pair(&a, &b, threshold), every, "{a:?} {b:?} {threshold}");
                if threshold > 0.0 {
                    let index = indexed(&a, &b, threshold);
                    assert_eq!(index, every, "{a:?} {b:?} {threshold}");
                }
            }
        }
    }

    #[test]
    fn many_copies_of_a_wordless_text_pair_one_with_one() {
        // More copies than a look-up keeps candidates: each must still find its own partner,
        // as scoring every pair finds it (and without making the candidates their product).
        let side = |copies: usize, offset: usize| -> Vec<&str> {
            (0..copies + 40)
                .map(|i| match (i + offset) % 5 {
                    0 => "Owns the plan.",
                    1 | 2 => "...",
                    3 => "",
                    _ => "— the of —",
                })
                .collect()
        };
        let (a, b) = (side(300, 0), side(200, 3));
        assert_eq!(pair(&a, &b, REWORDED), pair_every(&a, &b, REWORDED));
        assert_eq!(pair(&b, &a, REWORDED), pair_every(&b, &a, REWORDED));
    }

    #[test]
    fn an_index_that_texts_enter_and_leave_pairs_as_pairing_what_it_holds_would() {
        // Keys take texts and give them up in turn, as the rows of `path` do level by level;
        // at each turn, a few texts paired through the index must pair as the texts the keys
        // hold then, scored pair by pair, would.
        let mut rng = Lcg(7);
        for _ in 0..40 {
            let texts = rng.texts(60);
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            for threshold in [REWORDED, 0.5, 1.0] {
                let mut index = WordIndex::new(texts.iter().copied(), threshold);
                // The text and the entry each key holds now.
                let mut held: Vec<Option<(usize, usize)>> = vec![None; 6];
                let mut next = 0;
                while next + 3 <= texts.len() {
                    let probes = next..next + 3;
                    next += 3;
                    let (keys, kept): (Vec<usize>, Vec<&str>) = held
                        .iter()
                        .enumerate()
                        .filter_map(|(key, h)| h.map(|(text, _)| (key, texts[text])))
                        .unzip();
                    let expected: Vec<(usize, usize, f64)> =
                        pair_every(&kept, &texts[probes.clone()], threshold)
                            .into_iter()
                            .map(|(i, j, s)| (keys[i], probes.start + j, s))
                            .collect();
                    assert_eq!(index.pair(probes, MIN_VISITS), expected, "{texts:?}");
                    // Some keys take a new text, some give theirs up.
                    for _ in 0..3 {
                        let key = rng.below(held.len());
                        if let Some((_, entry)) = held[key].take() {
                            index.remove(entry);
                        }
                        if rng.below(3) > 0 && next < texts.len() {
                            held[key] = Some((next, index.insert(key, next)));
                            next += 1;
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn texts_that_are_all_alike_score_a_bounded_number_of_pairs() {
        // Every text shares three of its four words with every text of the other side, so
        // every one of the 4,000,000 pairs reaches the threshold: scoring them all took
        // quadratic time and memory (BENCHMARKS.md, "Hostile inputs").
        let a: Vec<String> = (0..2000)
            .map(|i| format!("Common words here a{i}."))
            .collect();
        let b: Vec<String> = (0..2000)
            .map(|i| format!("Common words here b{i}."))
            .collect();
        let (a, b): (Vec<&str>, Vec<&str>) = (
            a.iter().map(String::as_str).collect(),
            b.iter().map(String::as_str).collect(),
        );
        assert!(alike(&a, &b, REWORDED).len() <= CANDIDATES * a.len());
        let pairs = pair(&a, &b, REWORDED);
        assert_eq!((pairs[0].0, pairs[0].1, pairs[0].2), (0, 0, 0.6));
    }
}
