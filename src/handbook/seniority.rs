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
}
