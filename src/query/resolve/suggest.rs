//! Did-you-mean: the role ids a mistyped name is close to.

use super::normalise;
use crate::model::Ladder;

/// The Jaro-Winkler score from which an id or title is offered as a suggestion.
const SUGGESTED: f64 = 0.75;

/// Names longer than this get no suggestion: nobody mistypes an id that long, and scoring
/// costs the name's length for every role.
const MAX_SUGGESTED_CHARS: usize = 200;

/// Up to three role ids that look like the query, best first.
pub(super) fn suggest<'a>(ladder: &'a Ladder, query: &str) -> Vec<&'a str> {
    closest(scored(ladder, query))
}

/// Every role id of the ladder that scores as a suggestion for the query, with its score.
pub(super) fn scored<'a>(ladder: &'a Ladder, query: &str) -> Vec<(f64, &'a str)> {
    let wanted = normalise(query);
    let length = wanted.chars().count();
    if length > MAX_SUGGESTED_CHARS {
        return Vec::new();
    }
    let score = |name: &str| {
        let name = normalise(name);
        if far_apart_in_length(length, name.chars().count()) {
            0.0
        } else {
            strsim::jaro_winkler(&wanted, &name)
        }
    };
    ladder
        .roles
        .iter()
        .map(|r| (score(&r.id).max(score(&r.title)), r.id.as_str()))
        .filter(|(score, _)| *score >= SUGGESTED)
        .collect()
}

/// Up to three of the scored names, best first, and only those about as close as the best:
/// a typo should point at one role, not three.
pub(super) fn closest<T: Ord>(mut scored: Vec<(f64, T)>) -> Vec<T> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(score, _)| best - score <= 0.03)
        .take(3)
        .map(|(_, id)| id)
        .collect()
}

/// Whether two names' lengths (in characters) differ too much for a Jaro-Winkler score of
/// [`SUGGESTED`]. Jaro is the mean of m/|a|, m/|b| and a part at most 1, with m matching
/// characters (m ≤ the shorter length s; l the longer), so it is at most (2 + s/l)/3; the
/// Winkler prefix bonus applies only above 0.7, and below it the score stays under 0.75. So a
/// suggestion needs (2 + s/l)/3 > 0.7, that is s/l > 0.1. At s/l = 0.1 exactly, rounding
/// could tip Jaro over 0.7: the test keeps a margin, s/l ≤ 1/11.
fn far_apart_in_length(a: usize, b: usize) -> bool {
    let (short, long) = (a.min(b), a.max(b));
    short * 11 <= long
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_far_apart_in_length_never_score_a_suggestion() {
        let l = crate::embedded::ladder();
        let names: Vec<String> = l
            .roles
            .iter()
            .flat_map(|r| [normalise(&r.id), normalise(&r.title)])
            .collect();
        for name in &names {
            for query in [
                name.repeat(10),
                name.repeat(12),
                format!("{name}{}", "x".repeat(9 * name.chars().count())),
                name.chars().take(name.chars().count() / 10).collect(),
            ] {
                let (a, b) = (query.chars().count(), name.chars().count());
                if far_apart_in_length(a, b) {
                    assert!(strsim::jaro_winkler(&query, name) < SUGGESTED, "{query}");
                }
            }
        }
        assert!(far_apart_in_length(10, 110) && !far_apart_in_length(10, 109));
    }
}
