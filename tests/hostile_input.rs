//! Hostile input: every case of JSONTestSuite (tests/data/jsontestsuite, MIT) put in place of each
//! file of a valid atlas is answered with an atlas or with errors naming that file, never a panic.
//! Cases a conforming parser must reject (`n_`) are always refused.

use std::path::Path;

use karabakh_atlas::atlas::load_files;

#[path = "common/tiny.rs"]
mod tiny;
use tiny::TINY;

#[test]
fn every_json_test_suite_case_is_answered_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/jsontestsuite/test_parsing");
    let mut cases = 0;
    let mut refused = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_owned();
        let bytes = std::fs::read(&path).expect("read");
        // The loader reads text; bytes that are not UTF-8 are refused before parsing (tested in
        // bad_atlases.rs), so they are checked there, not here.
        let Ok(text) = String::from_utf8(bytes) else { continue };
        for (slot, (slot_file, _)) in TINY.iter().enumerate() {
            cases += 1;
            let files: Vec<(&str, Option<&str>)> = TINY
                .iter()
                .enumerate()
                .map(|(i, (file, body))| (*file, Some(if i == slot { text.as_str() } else { body })))
                .collect();
            let result = std::panic::catch_unwind(|| load_files(&files));
            let Ok(result) = result else { panic!("{name} as {slot_file} made the loader panic") };
            match result {
                Ok(_) => assert!(!name.starts_with("n_"), "{name} must be refused as {slot_file}"),
                Err(errors) => {
                    refused += 1;
                    assert!(
                        errors.0.iter().any(|e| e.file == *slot_file),
                        "{name} as {slot_file}: no error names that file: {errors}"
                    );
                }
            }
        }
    }
    assert!(cases > 1500, "{cases} cases");
    assert!(refused > 1500, "{refused} refused");
}
