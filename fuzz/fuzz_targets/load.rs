//! Fuzz target: any bytes as a ladder file must give a clean error or a ladder, never a panic.
#![no_main]

use ladder::model::Ladder;
use ladder::load;
use ladder::validate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(source) = load::from_bytes("fuzz.toml".to_string(), data.to_vec()) {
        let validation = load::validate(&source);
        for finding in &validation.findings {
            // Every finding is one line and carries no raw control character.
            let line = finding.to_string();
            assert!(!line.contains('\n') && !ladder::text::has_controls(&line));
        }
        if let Ok(loaded) = Ladder::load(&source) {
            assert_eq!(validation.count(validate::Severity::Error), 0);
            // Loading escapes every text the model holds, whichever field it is in.
            loaded.visit_texts(|_, text, _| assert!(!ladder::text::has_controls(text)));
        }
    }
});
