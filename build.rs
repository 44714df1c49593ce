//! Build script: validates the embedded ladder and writes it as one pointer-free blob
//! (`ladder_core::blob`), so the binary neither parses TOML for it nor builds it from code at
//! start; and stamps the man page with the build date.
//!
//! `data/ladder.toml` stays the one source of truth: the loader and the validator used here
//! are those of every run, from the `ladder-core` crate.

use std::time::{SystemTime, UNIX_EPOCH};

use ladder_core::model::Ladder;
use ladder_core::{blob, document, load};

fn main() {
    // The core crate is a build dependency: cargo reruns this script when it changes.
    println!("cargo:rerun-if-changed=data/ladder.toml");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    // Packed relative relocations: the dynamic loader applies thousands of them at every start
    // (regex's Unicode tables, clap's and std's tables of pointers); packed, that work shrinks
    // (GNU ld 2.38+, glibc 2.36+). The executable stays position-independent: linked with
    // `-no-pie` it starts faster, but gives up address randomisation of its own code, a
    // hardening a tool that reads hostile files keeps (BENCHMARKS.md). Only for the binary,
    // only on Linux with a linker driver that knows the flag.
    let target = std::env::var("TARGET").unwrap_or_default();
    if target.ends_with("linux-gnu") && linker_accepts("-Wl,-z,pack-relative-relocs") {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }

    let source = document::Document {
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
    std::fs::write(format!("{out}/shortcodes.tsv"), shortcodes()).expect("write the shortcodes");
    std::fs::write(format!("{out}/ladder.blob"), blob::encode(&ladder))
        .expect("write the embedded ladder");

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

/// Every GitHub shortcode with its emoji, one `code<TAB>emoji` line each, sorted: a string
/// without pointers, which `import` indexes on first use.
fn shortcodes() -> String {
    let mut lines: Vec<String> = emojis::iter()
        .flat_map(|e| {
            e.shortcodes()
                .map(move |code| format!("{code}\t{}\n", e.as_str()))
        })
        .collect();
    lines.sort();
    lines.concat()
}

/// Whether the system linker driver (`cc`, rustc's default on Linux) links with this flag.
fn linker_accepts(flag: &str) -> bool {
    let out = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".to_string());
    let probe = format!("{out}/linker-probe");
    std::process::Command::new("cc")
        .args(["-x", "c", "-", "-o", &probe, flag])
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
