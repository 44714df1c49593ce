//! Questions asked of a loaded ladder: what the user typed resolved to roles, tracks and
//! dimensions, two roles compared, two versions of a ladder compared, text searched, and the
//! word similarity they share.

pub mod changes;
pub mod compare;
pub mod resolve;
pub mod search;
pub mod similarity;
pub mod wording;
