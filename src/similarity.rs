//! How alike two expectations read: Jaccard similarity of their word sets, and a greedy pairing.
//!
//! Words are runs of letters and digits, lower-cased, without a short list of common English
//! words (articles, conjunctions, prepositions, pronouns) that say little about meaning. Two
//! texts are alike in proportion to the words they share: |A ∩ B| / |A ∪ B|, from 0 (no word
//! in common) to 1 (the same words). Pairs at or above [`REWORDED`] count as the same
//! expectation reworded.

use std::collections::BTreeSet;

/// The similarity from which two different texts count as one expectation reworded.
///
/// Chosen on the embedded ladder: statements the source repeats at the same level for two
/// tracks, reworded per track, score 0.3 to 0.7; statements of adjacent levels score below 0.26.
pub const REWORDED: f64 = 0.3;

const STOP_WORDS: [&str; 22] = [
    "a", "an", "and", "or", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from",
    "its", "their", "it", "is", "that", "this", "as", "be",
];

/// The meaningful words of a text, lower-cased.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// Jaccard similarity of the two texts' word sets; 1 for identical texts.
pub fn similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// Pairs texts of `a` with texts of `b`, most similar first, each text at most once, keeping
/// only pairs at or above `threshold`. Returns (index in a, index in b, similarity).
pub fn pair(a: &[&str], b: &[&str], threshold: f64) -> Vec<(usize, usize, f64)> {
    let mut candidates: Vec<(usize, usize, f64)> = Vec::new();
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            let s = similarity(x, y);
            if s >= threshold {
                candidates.push((i, j, s));
            }
        }
    }
    // Highest similarity first; ties in reading order, so the result is stable.
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
}
