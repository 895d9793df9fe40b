//! Fails when anything under `generated/`, or a catalog's lock, differs from what the
//! catalogs generate: `cargo xtask gen --check` as a test, through the same `Config`.

use catalog_tests::{relative, shipped_config};
use errcat::{FileState, Mode};

#[test]
fn generated_files_match_the_catalogs() {
    let summary = shipped_config()
        .run(Mode::Check)
        .unwrap_or_else(|error| panic!("{error}"));
    assert!(!summary.catalogs.is_empty(), "no catalog under catalog/");
    let stale: Vec<String> = summary
        .stale()
        .map(|outcome| match &outcome.state {
            FileState::Stale { diff } => format!("stale: {}\n{diff}", relative(&outcome.path)),
            _ => unreachable!("stale() yields stale files only"),
        })
        .collect();
    assert!(
        stale.is_empty(),
        "generated/ is out of date with catalog/; run `cargo xtask gen` and commit the result.\n\n{}",
        stale.join("\n")
    );
}
