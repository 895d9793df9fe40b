//! What this repository's CI would run: the committed crates match the catalogs, and
//! they work.

use billing_errors::ErrorCode;
use errcat::Mode;

#[test]
fn the_committed_crates_match_the_catalogs() {
    let summary = example_xtask::config().run(Mode::Check).unwrap();
    let stale: Vec<_> = summary
        .stale()
        .map(|file| file.path.display().to_string())
        .collect();
    assert!(stale.is_empty(), "run `{}`: {stale:?}", example_xtask::TOOL);
}

#[test]
fn the_generated_crate_has_the_catalogs_codes() {
    let code: ErrorCode = "invoice_already_paid".parse().unwrap();
    assert_eq!(code.http_status(), 409);
    assert_eq!(
        code.docs_url(),
        "https://docs.billing.example/errors/invoice_already_paid"
    );
}
