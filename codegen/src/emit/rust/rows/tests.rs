//! The splice and the printers: every fixture splices into Rust that parses, and the
//! layout does not depend on the width of a line.

use crate::{Config, Lookup, Output, Source};

/// The Rust files (the crate's sources and the single-file module) of `text`.
fn rust_files(text: &str, lookup: Lookup) -> Vec<(String, String)> {
    let source = Source {
        path: "test.yaml",
        bytes: text.as_bytes(),
    };
    let generated = Config::new()
        .lookup(lookup)
        .outputs([Output::Crate, Output::Module])
        .generate(source, None)
        .unwrap_or_else(|report| panic!("{}\n{text}", report.render(false)));
    generated
        .files
        .into_iter()
        .filter(|file| file.path.extension().is_some_and(|ext| ext == "rs"))
        .map(|file| (file.path.display().to_string(), file.contents))
        .collect()
}

const LOOKUPS: [Lookup; 3] = [Lookup::Match, Lookup::Switch, Lookup::PerfectHash];

#[test]
fn every_fixture_is_spliced_into_rust_that_parses_with_no_placeholder_left() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    for dir in [
        "catalog",
        "tests/fixtures/valid",
        "examples/custom-xtask/catalog",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap();
            for lookup in LOOKUPS {
                for (name, rust) in rust_files(&text, lookup) {
                    let at = format!("{}, {lookup:?}, {name}", path.display());
                    assert!(!rust.contains(super::PLACEHOLDER_PREFIX), "{at}");
                    if let Err(error) = syn::parse_file(&rust) {
                        panic!("{at}: {error}\n{rust}");
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 10, "found the fixtures");
}

/// A catalog whose wire strings all start with `prefix`: a deprecated code with a
/// replacement, one with an action, codes in two families, statuses shared and not, and a
/// family without codes.
fn catalog_with_prefix(prefix: &str) -> String {
    let code = |wire: &str, status: u16, family: &str, extra: &str| {
        format!(
            "  - code: {prefix}{wire}\n    status: {status}\n    family: {family}\n    \
             description: Something went wrong\n    resolution: Try again\n{extra}"
        )
    };
    let codes = [
        code("NOT_FOUND", 404, "[tickets, articles]", ""),
        code("GONE", 404, "tickets", ""),
        code(
            "OLD_KEY",
            401,
            "auth",
            &format!("    deprecated:\n      since: 0.1.0\n      replacement: {prefix}BAD_KEY\n"),
        ),
        code("BAD_KEY", 401, "auth", "    action: keys\n"),
        code("LIMITED", 429, "auth", "    retryable: true\n"),
    ];
    format!(
        "api: Width API\ncrate: width-errors\nversion: 0.1.0\n\
         docs_url: https://docs.example.com/errors#{{anchor}}\n\
         actions:\n  keys: https://dashboard.example.com/settings/keys\n\
         families:\n  - id: auth\n    title: Auth\n  - id: tickets\n    title: Tickets\n\
         \x20 - id: articles\n    title: Articles\n    description: Article errors\n\
         \x20 - id: unused\n    title: Unused\n\
         codes:\n{}",
        codes.concat()
    )
}

#[test]
fn the_lists_keep_their_layout_however_wide_their_lines() {
    let narrow = catalog_with_prefix("");
    let wide = catalog_with_prefix(&"VERY_LONG_PREFIX_".repeat(3));
    for lookup in LOOKUPS {
        let narrow = rust_files(&narrow, lookup);
        let wide = rust_files(&wide, lookup);
        assert!(
            wide.iter()
                .any(|(_, rust)| rust.lines().any(|line| line.len() > 120)),
            "{lookup:?}: some lines are wide"
        );
        for ((name, narrow), (_, wide)) in narrow.iter().zip(&wide) {
            assert_eq!(
                narrow.lines().count(),
                wide.lines().count(),
                "{lookup:?}, {name}: the same lines, only wider"
            );
        }
    }
}

#[test]
fn a_list_has_one_element_a_line_and_an_empty_one_none() {
    let files = rust_files(&catalog_with_prefix(""), Lookup::Match);
    let lib = &files
        .iter()
        .find(|(name, _)| name.ends_with("lib.rs"))
        .unwrap()
        .1;
    assert!(
        lib.contains(
            "            429 => &[\n                ErrorCode::Limited,\n            ],\n"
        ),
        "{lib}"
    );
    let tables = &files
        .iter()
        .find(|(name, _)| name.ends_with("tables.rs"))
        .unwrap()
        .1;
    assert!(
        tables.contains("        families: &[Family::Tickets, Family::Articles],\n"),
        "a code's families stay on one line: {tables}"
    );
    assert!(tables.contains("        codes: &[],\n"), "{tables}");
    assert!(
        tables.contains(
            "        action_url: Some(\"https://dashboard.example.com/settings/keys\"),\n"
        ),
        "{tables}"
    );
}

#[test]
fn a_literal_reads_back_as_the_text_it_was_made_from() {
    for text in [
        "plain",
        "",
        "quotes \" and \\ backslashes \\\" and 'apostrophes'",
        "tab\tnew\nline\rreturn",
        "nul \0 7 and \u{7f} delete",
        "line separator \u{2028} zero width \u{200b} combining \u{301}",
        "ünïcødé — “typographic” 𝄞",
    ] {
        let mut literal = String::new();
        super::print::push_literal(&mut literal, text);
        let parsed: syn::LitStr = syn::parse_str(&literal).unwrap();
        assert_eq!(parsed.value(), text, "{literal}");
        assert!(
            !literal.contains(['\n', '\r', '\t', '\u{2028}']),
            "{literal}"
        );
    }
}
