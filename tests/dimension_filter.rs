//! `--dimension`: narrowing show and diff to one dimension.

use super::*;

#[test]
fn dimension_narrows_show_and_diff() {
    let out = ok(&["show", "L4", "--dimension", "teaching"]);
    assert!(out.contains("\n🌱 Teaching and Mentoring\n"));
    for other in ["🦉", "🧭", "🏆"] {
        assert!(!out.contains(other), "{other} shown");
    }
    let diff = ok(&["diff", "L2", "L3", "-t", "cloud", "-d", "Business Success"]);
    assert!(diff.contains("\n🏆 Business Success\n"));
    assert!(!diff.contains("🦉"));
    assert_eq!(
        fails(&["show", "L4", "--dimension", "luck"], 2),
        "error: unknown dimension \"luck\"; the dimensions are domain-expertise, teaching-mentoring, \
         culture-leadership, business-success\n"
    );
}
