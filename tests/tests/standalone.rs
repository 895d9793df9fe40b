//! The generated crates compile cleanly on their own, outside this repository: the two
//! shipped crates and the crate of every valid fixture, with no features and with all of
//! them, under clippy with `-D warnings`, rustdoc with `-D warnings` (so every intra-doc
//! link resolves and no text is taken for HTML) and their doctests.

use std::path::{Path, PathBuf};

use catalog_tests::{workspace_root, yaml_files};
use errcat::{Lookup, Mode};

/// Runs cargo in `dir` with a build cache kept between test runs, and fails with its
/// output when it fails.
fn cargo(dir: &Path, args: &[&str], envs: &[(&str, &str)]) {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("standalone-target");
    catalog_tests::cargo(dir, &target, args, envs).unwrap_or_else(|error| panic!("{error}"));
}

/// Copies a generated crate folder, whatever files it has.
fn copy_crate(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_crate(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn shipped_crates_build_when_copied_out_of_the_repository() {
    let temp = tempfile::tempdir().unwrap();
    for name in ["relay-errors", "batch-relay-errors"] {
        let copy = temp.path().join(name);
        copy_crate(&workspace_root().join("generated").join(name), &copy);
        cargo(&copy, &["build", "--quiet"], &[]);
    }
}

#[test]
fn every_generated_crate_passes_clippy_rustdoc_and_doctests() {
    let temp = tempfile::tempdir().unwrap();
    let mut members = vec![
        "\"relay-errors\"".to_owned(),
        "\"batch-relay-errors\"".to_owned(),
    ];
    for name in ["relay-errors", "batch-relay-errors"] {
        copy_crate(
            &workspace_root().join("generated").join(name),
            &temp.path().join(name),
        );
    }
    // Every valid fixture, and a synthetic catalog with the perfect-hash lookup so that
    // is checked too, generated into the folder through the library's one write path.
    let synthetic = temp.path().join("synthetic.yaml");
    std::fs::write(
        &synthetic,
        devtools::synth::synthetic_catalog_with_details(60),
    )
    .unwrap();
    let fixtures = yaml_files(&workspace_root().join("tests/fixtures/valid"));
    let mut config = catalog_tests::config();
    config.out_dir(temp.path()).write_locks(false);
    for fixture in &fixtures {
        config.catalog(fixture);
    }
    let mut hashed = catalog_tests::config();
    hashed
        .out_dir(temp.path())
        .write_locks(false)
        .lookup(Lookup::PerfectHash)
        .catalog(&synthetic);
    for config in [config, hashed] {
        let summary = config
            .run(Mode::Write)
            .unwrap_or_else(|error| panic!("{error}"));
        for generated in summary.catalogs {
            members.push(format!("{:?}", generated.catalog.crate_name));
        }
    }
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    std::fs::write(temp.path().join("Cargo.toml"), manifest).unwrap();

    let dir = temp.path();
    // Without features and with all of them: code behind `serde`, `http` and `axum`
    // (envelopes, serde impls, responses) sees the fixtures' names only in the second run.
    for features in [None, Some("--all-features")] {
        let mut clippy = vec!["clippy", "--quiet", "--workspace", "--all-targets"];
        clippy.extend(features);
        clippy.extend(["--", "-D", "warnings"]);
        cargo(dir, &clippy, &[]);
        let mut doc = vec!["doc", "--quiet", "--workspace", "--no-deps"];
        doc.extend(features);
        cargo(dir, &doc, &[("RUSTDOCFLAGS", "-D warnings")]);
    }
    cargo(dir, &["test", "--quiet", "--workspace", "--doc"], &[]);
    assert_rustdoc_shows_text_as_written();
}

/// rustdoc's smart punctuation would show `"--force"` with curly quotes and an en dash,
/// and `...` as an ellipsis; the escaped text must come out of rustdoc as written.
fn assert_rustdoc_shows_text_as_written() {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("standalone-target");
    let page = target.join("doc/tricky_errors/enum.ErrorCode.html");
    let html = std::fs::read_to_string(&page)
        .unwrap_or_else(|error| panic!("{}: {error}", page.display()));
    // The variant's docs only: another fixture code has real dashes and an ellipsis.
    let start = html
        .find("id=\"variant.Typography\"")
        .expect("a Typography variant");
    let html = &html[start..];
    let html = &html[..html[1..].find("<section").map_or(html.len(), |end| end + 1)];
    for shown in [
        "Pass \"--force\" -- or --- ... to the CLI; see",
        "<a href=\"https://docs.example.com/cli_guide?a=1&amp;b=2\">",
        "(Details at <a href=\"https://example.com/a_(b)\">https://example.com/a_(b)</a>) and",
    ] {
        assert!(
            html.contains(shown),
            "{} does not show {shown:?}: the TYPOGRAPHY text as written",
            page.display()
        );
    }
    for typography in ['\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}'] {
        assert!(
            !html.contains(typography),
            "{typography:?} in {}",
            page.display()
        );
    }
}
