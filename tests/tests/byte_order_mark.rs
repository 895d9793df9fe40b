//! A catalog saved with a UTF-8 byte order mark (as some Windows editors do) reads as the
//! same catalog without one.

use catalog_tests::generate_text;

const CATALOG: &str = include_str!("../fixtures/valid/minimal.yaml");

#[test]
fn a_byte_order_mark_is_read_past() {
    let plain = generate_text("catalog/minimal.yaml", CATALOG).unwrap_or_else(|r| panic!("{r}"));
    let marked = generate_text("catalog/minimal.yaml", &format!("\u{FEFF}{CATALOG}"))
        .unwrap_or_else(|report| panic!("a byte order mark is accepted:\n{report}"));
    assert_eq!(marked.files, plain.files);
    assert_eq!(marked.lock, plain.lock);
}

#[test]
fn only_a_leading_byte_order_mark_is_read_past() {
    let text = CATALOG.replace("codes:\n", "\u{FEFF}codes:\n");
    let report = generate_text("catalog/minimal.yaml", &text).unwrap_err();
    assert!(report.error_count() > 0, "{report}");
}
