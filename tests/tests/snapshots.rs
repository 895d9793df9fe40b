//! Snapshots of what the generator emits for each fixture catalog, and of what it says
//! about each broken one. Review changes with `cargo insta review`.

use catalog_tests::{generate_file, relative};

/// Each valid fixture exercises one feature of the format; its crate manifest, Rust
/// source, Markdown reference and TypeScript package are snapshotted separately so a
/// review sees one at a time.
#[test]
fn valid_catalogs() {
    insta::glob!("../fixtures/valid", "*.yaml", |path| {
        let generated = generate_file(path)
            .unwrap_or_else(|report| panic!("{} should be valid:\n{report}", relative(path)));
        assert!(generated.warnings.is_none(), "{:?}", generated.warnings);
        for file in &generated.files {
            insta::assert_snapshot!(snapshot_name(&file.path), &file.contents);
        }
    });
}

/// A generated file's snapshot name: its path in the crate, without `src/`, with `/` and
/// `.` as `_`: `lib_rs`, `ERRORS_md`, `ts_index_d_ts`. The folder stays in the name so
/// `ts/index.js` cannot collide with a file of the same name elsewhere.
fn snapshot_name(path: &std::path::Path) -> String {
    let in_crate: std::path::PathBuf = path.components().skip(1).collect();
    let in_crate = in_crate.strip_prefix("src").unwrap_or(&in_crate);
    in_crate.to_string_lossy().replace(['/', '\\', '.'], "_")
}

/// Each invalid fixture holds one kind of mistake; the snapshot is the full message a
/// maintainer sees, without colour.
#[test]
fn invalid_catalogs() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let report = match generate_file(path) {
            Ok(_) => panic!("{} should be rejected", relative(path)),
            Err(report) => report,
        };
        assert!(report.error_count() > 0);
        insta::assert_snapshot!(report.render(false));
    });
}

/// The same catalog gives the same bytes every time: no hash-map order, no timestamps.
#[test]
fn generation_is_deterministic() {
    for path in catalog_tests::shipped_catalogs() {
        let first = generate_file(&path).unwrap().files;
        let second = generate_file(&path).unwrap().files;
        assert_eq!(first, second, "{}", relative(&path));
    }
}

/// Catalogs with only warnings still generate; the snapshot is what the maintainer sees.
#[test]
fn catalogs_with_warnings() {
    insta::glob!("../fixtures/warnings", "*.yaml", |path| {
        let generated = generate_file(path)
            .unwrap_or_else(|report| panic!("{} should generate:\n{report}", relative(path)));
        let warnings = generated.warnings.expect("the fixture has warnings");
        assert_eq!(warnings.error_count(), 0);
        insta::assert_snapshot!(warnings.render(false));
    });
}

/// The single-file module a build script includes (`Output::Module`), with the `serde`
/// feature compiled in and no `cfg(feature)` left; `examples/build-script` builds one.
#[test]
fn module_output() {
    let path = catalog_tests::workspace_root().join("tests/fixtures/valid/minimal.yaml");
    let mut config = catalog_tests::config();
    config
        .outputs([errcat::Output::Module])
        .module_features([errcat::Feature::Serde]);
    let generated = catalog_tests::generate_file_with(&config, &path).unwrap();
    let [module] = &generated.files[..] else {
        panic!("one file: {:?}", generated.files);
    };
    assert_eq!(
        module.path,
        std::path::Path::new("minimal-errors/minimal_errors.rs")
    );
    assert!(
        !module.contents.contains("cfg(feature"),
        "{}",
        module.contents
    );
    assert!(
        !module.contents.contains("#!["),
        "inner attributes cannot be included"
    );
    insta::assert_snapshot!(module.contents);
}
