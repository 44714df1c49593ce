//! Questions asked of a loaded ladder: what the user typed resolved to roles, tracks and
//! dimensions, two roles compared, text searched, and the word similarity they share.

pub mod compare;
pub mod resolve;
pub mod search;
pub mod similarity;
