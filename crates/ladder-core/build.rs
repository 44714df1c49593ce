//! Writes the Unicode tables `text.rs` needs, as plain ranges of code points, from the tables
//! regex-syntax maintains: the characters that are invisible by default
//! (`Default_Ignorable_Code_Point`) and those that may start an emoji (`Emoji`).

use std::fmt::Write as _;
use std::path::PathBuf;

use regex_syntax::hir::{Class, HirKind};

/// The ranges of one Unicode property, as regex-syntax reads `\p{NAME}`.
fn ranges(property: &str) -> Vec<(u32, u32)> {
    let hir = regex_syntax::Parser::new()
        .parse(&format!(r"\p{{{property}}}"))
        .unwrap_or_else(|e| panic!("regex-syntax knows {property}: {e}"));
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .map(|r| (r.start() as u32, r.end() as u32))
            .collect(),
        other => panic!("\\p{{{property}}} is a class, not {other:?}"),
    }
}

/// One table as Rust source: a sorted slice of inclusive ranges.
fn table(out: &mut String, name: &str, property: &str) {
    writeln!(
        out,
        "/// `{property}`: inclusive ranges of code points, sorted."
    )
    .ok();
    writeln!(out, "pub(crate) const {name}: &[(u32, u32)] = &[").ok();
    for (start, end) in ranges(property) {
        writeln!(out, "    ({start:#x}, {end:#x}),").ok();
    }
    writeln!(out, "];").ok();
}

fn main() {
    let mut out = String::from("// Written by build.rs from regex-syntax's Unicode tables.\n");
    table(
        &mut out,
        "DEFAULT_IGNORABLE",
        "Default_Ignorable_Code_Point",
    );
    table(&mut out, "EMOJI", "Emoji");
    let dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("unicode.rs"), out).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=build.rs");
}
