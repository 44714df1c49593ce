//! What changed inside a pair of statements: the words of one that the other lacks, in runs,
//! as `git diff --word-diff` shows them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The most word-by-word comparisons one pair may cost: above it (two texts of a few hundred
/// words each), a word counts as changed when the other text lacks it anywhere, which costs
/// the two lengths rather than their product.
const MOST_CELLS: usize = 1 << 16;

/// The byte ranges of `text` whose words `other` lacks, in order: a word is kept when it is
/// part of the longest run of words, in order, that the two share (case aside). Words changed
/// one after another make one range, with what stands between them.
pub fn changed_runs(text: &str, other: &str) -> Vec<Range<usize>> {
    let (mine, theirs) = (words(text), words(other));
    let kept = if mine.len().saturating_mul(theirs.len()) <= MOST_CELLS {
        in_common_sequence(&mine, &theirs)
    } else {
        let known: HashSet<&str> = theirs.iter().map(|w| w.1.as_str()).collect();
        mine.iter().map(|w| known.contains(w.1.as_str())).collect()
    };
    let mut runs: Vec<Range<usize>> = Vec::new();
    // Whether the word before was changed too: then this one joins its run.
    let mut joined = false;
    for (word, kept) in mine.iter().zip(kept) {
        if kept {
            joined = false;
        } else if let Some(run) = runs.last_mut().filter(|_| joined) {
            run.end = word.0.end;
        } else {
            runs.push(word.0.clone());
            joined = true;
        }
    }
    runs
}

/// The words of a text: runs of letters, digits and apostrophes, each with its byte range and
/// its lower-case form.
fn words(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut start = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’';
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, is_word(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                found.push((s..i, text[s..i].to_lowercase()));
                start = None;
            }
            _ => {}
        }
    }
    found
}

/// For each word of `a`, whether it is part of the longest common subsequence of `a` and `b`.
fn in_common_sequence<'w>(
    a: &'w [(Range<usize>, String)],
    b: &'w [(Range<usize>, String)],
) -> Vec<bool> {
    // A large table compares each distinct word as a number rather than as a string; a small
    // one (every statement of a real ladder) would spend more on numbering than it saves.
    if a.len() * b.len() <= NUMBERED_FROM {
        let words = |w: &'w [(Range<usize>, String)]| w.iter().map(|w| w.1.as_str()).collect();
        let (a, b): (Vec<&str>, Vec<&str>) = (words(a), words(b));
        return kept_in_common(&a, &b);
    }
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let (a, b) = (numbered(a, &mut ids), numbered(b, &mut ids));
    kept_in_common(&a, &b)
}

/// The size of table from which words are numbered first.
const NUMBERED_FROM: usize = 4096;

/// For each item of `a`, whether it is part of the longest common subsequence of `a` and `b`.
fn kept_in_common<T: Eq>(a: &[T], b: &[T]) -> Vec<bool> {
    let (n, m) = (a.len(), b.len());
    // longest[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut longest = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            longest[at(i, j)] = if a[i] == b[j] {
                longest[at(i + 1, j + 1)] + 1
            } else {
                longest[at(i + 1, j)].max(longest[at(i, j + 1)])
            };
        }
    }
    let mut kept = vec![false; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            kept[i] = true;
            (i, j) = (i + 1, j + 1);
        } else if longest[at(i + 1, j)] >= longest[at(i, j + 1)] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}

/// Each word's number in `ids`, a new word taking the next.
fn numbered<'w>(words: &'w [(Range<usize>, String)], ids: &mut HashMap<&'w str, u32>) -> Vec<u32> {
    words
        .iter()
        .map(|w| {
            let next = u32::try_from(ids.len()).unwrap_or(u32::MAX);
            *ids.entry(w.1.as_str()).or_insert(next)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed<'t>(text: &'t str, other: &str) -> Vec<&'t str> {
        changed_runs(text, other)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn an_added_clause_is_one_run() {
        let (a, b) = (
            "Adds tests for the pipelines they write.",
            "Adds tests for the pipelines they write and checks freshness of every model.",
        );
        assert_eq!(changed(b, a), ["and checks freshness of every model"]);
        assert!(changed(a, b).is_empty());
    }

    #[test]
    fn a_rewording_marks_the_words_swapped_at_each_side() {
        let a = "Finds technical debt, estimates its size and pays it down.";
        let b = "Identifies technical debt, sizes it and pays it down.";
        assert_eq!(changed(b, a), ["Identifies", "sizes it"]);
        assert_eq!(changed(a, b), ["Finds", "estimates its size"]);
    }

    #[test]
    fn case_and_punctuation_do_not_count() {
        assert!(changed("Owns the Work, fully.", "owns the work fully").is_empty());
    }

    #[test]
    fn a_table_of_numbered_words_finds_what_one_of_strings_does() {
        let a: Vec<String> = (0..100).map(|k| format!("w{k}")).collect();
        let mut b = a.clone();
        b[50] = "changed".to_string();
        let (a, b) = (a.join(" "), b.join(" "));
        assert!(words(&a).len() * words(&b).len() > NUMBERED_FROM);
        assert_eq!(changed(&b, &a), ["changed"]);
        assert_eq!(changed(&a, &b), ["w50"]);
    }

    #[test]
    fn long_texts_fall_back_on_whether_the_other_has_the_word() {
        let a = "alpha ".repeat(400) + "omega";
        let b = "alpha ".repeat(400);
        assert_eq!(changed(&a, &b), ["omega"]);
        assert!(changed(&b, &a).is_empty());
    }
}
