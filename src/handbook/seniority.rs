//! How senior a title sounds, for handbooks whose pages carry no level code: the words that
//! rank titles (associate and junior below a plain title, then senior, staff, principal,
//! distinguished; a manager below a director, a director below a chief) and a closing Roman
//! numeral (`Engineer II` above `Engineer I`).

/// The rank of a title: its most senior word's rank, times ten, plus its closing Roman
/// numeral. A title without a ranked word ranks as a plain one (`Engineer`), between junior
/// and senior.
pub fn rank(title: &str) -> u32 {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let word = words
        .iter()
        .filter_map(|w| word_rank(w))
        .max()
        .unwrap_or(PLAIN);
    let numeral = words.last().map_or(0, |w| roman(w));
    word * 10 + numeral
}

/// Whether a word of a title (lower case) says how senior it is rather than what the role
/// does: a ranked word other than a manager's (`senior`, `staff`, `junior`, `lead`…), or a
/// Roman numeral.
pub fn says_seniority(word: &str) -> bool {
    let management = [
        "manager", "director", "head", "vp", "vice", "chief", "cto", "ciso", "cio", "ceo",
    ];
    (word_rank(word).is_some() && !management.contains(&word)) || roman(word) > 0
}

/// A level's name from its title's seniority words and closing Roman numeral, in the
/// title's order (`Senior Engineer` → `senior`, `Engineer II` → `ii`, `Senior Manager` →
/// `senior-manager`); `None` for a title without any (`Engineer`).
pub fn label(title: &str) -> Option<String> {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = words.len().saturating_sub(1);
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let ranked = word_rank(w).is_some() || (i == last && roman(w) > 0);
        if ranked && !kept.contains(&w.as_str()) {
            kept.push(w);
        }
    }
    (!kept.is_empty()).then(|| kept.join("-"))
}

/// The rank of a title with no ranked word.
const PLAIN: u32 = 4;

fn word_rank(word: &str) -> Option<u32> {
    Some(match word {
        "intern" | "apprentice" | "trainee" => 1,
        "graduate" | "entry" => 2,
        "associate" | "junior" => 3,
        "intermediate" | "mid" => PLAIN,
        "senior" | "sr" => 5,
        "lead" | "staff" | "manager" => 6,
        "principal" => 7,
        "distinguished" | "fellow" | "director" | "head" => 8,
        "vp" | "vice" => 9,
        "chief" | "cto" | "ciso" | "cio" | "ceo" => 10,
        _ => return None,
    })
}

/// `i` to `x` as 1 to 10; anything else 0.
fn roman(word: &str) -> u32 {
    const NUMERALS: [&str; 10] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
    NUMERALS
        .iter()
        .position(|n| *n == word)
        .map_or(0, |at| at as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_rank_by_their_most_senior_word_then_their_numeral() {
        let titles = [
            "Engineering Intern",
            "Associate Engineer",
            "Engineer",
            "Engineer II",
            "Senior Engineer",
            "Staff Engineer",
            "Principal Engineer",
            "Distinguished Engineer",
            "Chief Technology Officer",
        ];
        let ranks: Vec<u32> = titles.iter().map(|t| rank(t)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
        assert_eq!(rank("Engineer I"), rank("Engineer") + 1);
        assert_eq!(rank("Software Engineer"), rank("Data Analyst"));
    }

    #[test]
    fn a_title_names_its_level_by_its_seniority_words() {
        assert_eq!(label("Senior OSPO Engineer").as_deref(), Some("senior"));
        assert_eq!(label("Open Source Contributor II").as_deref(), Some("ii"));
        assert_eq!(label("Senior Manager").as_deref(), Some("senior-manager"));
        assert_eq!(label("Engineer"), None);
        assert!(says_seniority("staff") && says_seniority("iii") && !says_seniority("manager"));
    }
}
