//! Build script: validates the embedded ladder and compiles it into Rust code, so the binary
//! never parses TOML for it at run time; and stamps the man page with the build date.
//!
//! `data/ladder.toml` stays the one source of truth: the loader and the validator used here
//! are those of every run, from the `ladder-core` crate.

use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use ladder_core::model::{Ladder, Role};
use ladder_core::{load, source};

fn main() {
    // The core crate is a build dependency: cargo reruns this script when it changes.
    println!("cargo:rerun-if-changed=data/ladder.toml");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Packed relative relocations: the dynamic loader applies thousands of them at every start;
    // packed, that work shrinks (GNU ld 2.38+, glibc 2.36+). Only for the binary, only on Linux.
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.ends_with("linux-gnu") && linker_packs_relocs() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }

    let source = source::Source {
        name: "data/ladder.toml".to_string(),
        text: load::EMBEDDED.to_string(),
    };
    let ladder = match Ladder::load(&source) {
        Ok(ladder) => ladder,
        Err(err) => {
            // One line that names the file and the place, as `ladder validate` would.
            println!("cargo:warning=the embedded ladder is invalid: {err:#}");
            panic!("the embedded ladder is invalid: {err:#}");
        }
    };
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let code = format!(
        "/// The embedded ladder, as `data/ladder.toml` held it when the binary was built.\n\
         pub(crate) fn compiled() -> Ladder {{\n    {}\n}}\n",
        ladder_code(&ladder)
    );
    std::fs::write(format!("{out}/embedded.rs"), code).expect("write the compiled ladder");

    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    println!(
        "cargo:rustc-env=LADDER_BUILD_DATE={}",
        date(seconds / 86_400)
    );
}

/// Whether the system linker accepts `-z pack-relative-relocs` (older binutils do not).
fn linker_packs_relocs() -> bool {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let probe = format!("{out}/relr-probe");
    std::process::Command::new("cc")
        .args(["-x", "c", "-", "-o", &probe, "-Wl,-z,pack-relative-relocs"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            if let Some(mut stdin) = child.stdin.take() {
                stdin.write_all(b"int main(void) { return 0; }\n")?;
            }
            child.wait()
        })
        .is_ok_and(|status| status.success())
}

/// A Rust string expression for the text (Debug quoting is valid Rust literal syntax).
fn s(text: &str) -> String {
    format!("String::from({text:?})")
}

fn opt(text: &Option<String>) -> String {
    match text {
        Some(t) => format!("Some({})", s(t)),
        None => "None".to_string(),
    }
}

fn list<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    let parts: Vec<String> = items.iter().map(f).collect();
    format!("vec![{}]", parts.join(", "))
}

fn ladder_code(l: &Ladder) -> String {
    let mut code = String::new();
    let _ = write!(
        code,
        "Ladder {{ name: {}, motto: {}, about: {}, levels: {}, ",
        s(&l.name),
        opt(&l.motto),
        opt(&l.about),
        list(&l.levels, |x| s(x))
    );
    let _ = write!(
        code,
        "disciplines: {}, ",
        list(&l.disciplines, |d| format!(
            "Discipline {{ id: {}, name: {}, definition: {} }}",
            s(&d.id),
            s(&d.name),
            s(&d.definition)
        ))
    );
    let _ = write!(
        code,
        "attributes: {}, ",
        list(&l.attributes, |a| format!(
            "Attribute {{ id: {}, name: {}, meaning: {} }}",
            s(&a.id),
            s(&a.name),
            s(&a.meaning)
        ))
    );
    let _ = write!(
        code,
        "dimensions: {}, ",
        list(&l.dimensions, |d| format!(
            "Dimension {{ id: {}, name: {}, emoji: {}, themes: {} }}",
            s(&d.id),
            s(&d.name),
            opt(&d.emoji),
            list(&d.themes, |t| format!(
                "Theme {{ id: {}, name: {} }}",
                s(&t.id),
                s(&t.name)
            ))
        ))
    );
    let _ = write!(
        code,
        "bands: {}, ",
        list(&l.bands, |b| format!(
            "Band {{ id: {}, name: {}, meaning: {} }}",
            s(&b.id),
            s(&b.name),
            s(&b.meaning)
        ))
    );
    let _ = write!(
        code,
        "tracks: {}, ",
        list(&l.tracks, |t| format!(
            "Track {{ id: {}, name: {}, roles: {} }}",
            s(&t.id),
            s(&t.name),
            list(&t.roles, |x| s(x))
        ))
    );
    let _ = write!(
        code,
        "roles: {}, lookup: Default::default() }}",
        list(&l.roles, role_code)
    );
    code
}

fn role_code(r: &Role) -> String {
    let attributes: Vec<String> = r
        .attributes
        .iter()
        .map(|(k, v)| format!("({}, {})", s(k), s(v)))
        .collect();
    let dimensions: Vec<String> = r
        .dimensions
        .iter()
        .map(|(k, rd)| {
            format!(
                "({}, RoleDimension {{ summary: {}, expectations: {}, examples: {} }})",
                s(k),
                opt(&rd.summary),
                list(&rd.expectations, |e| format!(
                    "Expectation {{ theme: {}, text: {} }}",
                    opt(&e.theme),
                    s(&e.text)
                )),
                list(&rd.examples, |x| s(x))
            )
        })
        .collect();
    format!(
        "Role {{ id: {}, level: {}, title: {}, summary: {}, attributes: BTreeMap::from([{}]), dimensions: BTreeMap::from([{}]) }}",
        s(&r.id),
        s(&r.level),
        s(&r.title),
        s(&r.summary),
        attributes.join(", "),
        dimensions.join(", ")
    )
}

/// The civil date (YYYY-MM-DD) of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
