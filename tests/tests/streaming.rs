//! `Config::run` writes each file a block at a time, comparing it with the disk as it
//! goes; `Config::generate` builds each file whole. These tests hold the two to the same
//! bytes on a catalog large enough that every large file spans many blocks, and hold
//! the streamed writes to their promises: an unchanged file is only read, a file that
//! differs anywhere (or is shorter or longer) is found, reported with its diff in check
//! mode, and replaced in write mode.

use std::fs;
use std::path::{Path, PathBuf};

use errcat::{Config, FileState, Mode, Output, Source};

/// Enough codes that `openapi.json`, `ERRORS.md`, the TypeScript files and the Rust
/// sources each span several of the 64 KiB blocks they are handed on in.
const CODES: usize = 1_500;

fn config(catalog: &Path, out: &Path) -> Config {
    let mut config = catalog_tests::config();
    config
        .catalog(catalog)
        .out_dir(out)
        .write_locks(false)
        .outputs([
            Output::Crate,
            Output::Module,
            Output::Markdown,
            Output::TypeScript,
            Output::OpenApi,
        ]);
    config
}

/// Each generated file's path under the output folder, with its state after `mode`.
fn run(config: &Config, mode: Mode) -> Vec<(PathBuf, FileState)> {
    let summary = config.run(mode).unwrap_or_else(|error| panic!("{error}"));
    summary
        .catalogs
        .into_iter()
        .flat_map(|catalog| catalog.files)
        .map(|file| (file.path, file.state))
        .collect()
}

#[test]
fn run_streams_the_bytes_generate_builds_and_rewrites_only_what_differs() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = temp.path().join("synthetic.yaml");
    let text = devtools::synth::synthetic_catalog(CODES);
    fs::write(&catalog, &text).unwrap();
    let out = temp.path().join("out");
    let config = config(&catalog, &out);

    let written = run(&config, Mode::Write);
    assert!(written
        .iter()
        .all(|(_, state)| *state == FileState::Written));
    let summary = config.run(Mode::Check).unwrap();
    let source_path = summary.catalogs[0].catalog.source_path.clone();
    let generated = config
        .generate(
            Source {
                path: &source_path,
                bytes: text.as_bytes(),
            },
            None,
        )
        .unwrap_or_else(|report| panic!("{}", report.render(false)));
    assert_eq!(generated.files.len(), written.len());
    let mut large = 0;
    for file in &generated.files {
        let on_disk = fs::read_to_string(out.join(&file.path)).unwrap();
        assert!(on_disk == file.contents, "{} differs", file.path.display());
        large += usize::from(file.contents.len() > 4 * 64 * 1024);
    }
    assert!(large >= 5, "only {large} files span several blocks");

    // Nothing changed: every file is only read.
    assert!(run(&config, Mode::Write)
        .iter()
        .all(|(_, state)| *state == FileState::Unchanged));

    // A byte changed in the middle, a file cut short, a file with more at its end.
    let crate_dir = out.join(&generated.catalog.crate_name);
    let openapi = crate_dir.join("openapi.json");
    let tables = crate_dir.join("src/tables.rs");
    let markdown = crate_dir.join("ERRORS.md");
    let mut bytes = fs::read(&openapi).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] = if bytes[middle] == b' ' { b'\t' } else { b' ' };
    fs::write(&openapi, bytes).unwrap();
    let cut = fs::read(&tables).unwrap();
    fs::write(&tables, &cut[..cut.len() - 1000]).unwrap();
    let mut longer = fs::read(&markdown).unwrap();
    longer.extend_from_slice(b"\nadded by hand\n");
    fs::write(&markdown, longer).unwrap();
    let tampered = [openapi, tables, markdown];

    for (path, state) in run(&config, Mode::Check) {
        match state {
            FileState::Stale { diff } => {
                assert!(tampered.contains(&path), "{} is stale", path.display());
                assert!(
                    diff.contains("on disk") && diff.contains("generated"),
                    "{diff}"
                );
            }
            FileState::Unchanged => assert!(!tampered.contains(&path), "{}", path.display()),
            other => panic!("{}: {other:?} in check mode", path.display()),
        }
    }
    for (path, state) in run(&config, Mode::Write) {
        let expected = if tampered.contains(&path) {
            FileState::Written
        } else {
            FileState::Unchanged
        };
        assert_eq!(state, expected, "{}", path.display());
    }
    for file in &generated.files {
        let on_disk = fs::read_to_string(out.join(&file.path)).unwrap();
        assert!(on_disk == file.contents, "{} differs", file.path.display());
    }
    let leftovers: Vec<_> = walk(&out)
        .into_iter()
        .filter(|path| path.to_string_lossy().contains("/.errcat-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn the_files_of_an_output_left_out_are_flagged_then_removed_and_files_not_ours_kept() {
    let temp = tempfile::tempdir().unwrap();
    let catalog = temp.path().join("synthetic.yaml");
    fs::write(&catalog, devtools::synth::synthetic_catalog(20)).unwrap();
    let out = temp.path().join("out");
    run(&config(&catalog, &out), Mode::Write);
    let crate_dir = fs::read_dir(&out).unwrap().next().unwrap().unwrap().path();
    fs::write(crate_dir.join("NOTES.md"), "# mine\n").unwrap();
    fs::write(crate_dir.join("ts/extra.js"), "export {};\n").unwrap();
    let everything = walk(&crate_dir);

    let mut only_crate = config(&catalog, &out);
    only_crate.outputs([Output::Crate]);
    let stale: Vec<PathBuf> = run(&only_crate, Mode::Check)
        .into_iter()
        .filter(|(_, state)| matches!(state, FileState::Stale { .. }))
        .map(|(path, _)| path)
        .collect();
    let names: Vec<String> = stale
        .iter()
        .map(|path| {
            path.strip_prefix(&crate_dir)
                .unwrap_or(path)
                .display()
                .to_string()
        })
        .collect();
    for left_out in [
        "ERRORS.md",
        "openapi.json",
        "ts/index.js",
        "ts/index.d.ts",
        "ts/package.json",
    ] {
        assert!(
            names.iter().any(|name| name.ends_with(left_out)),
            "{left_out} in {names:?}"
        );
    }
    assert!(
        names
            .iter()
            .any(|name| name.ends_with(".rs") && !name.contains("src/")),
        "the module: {names:?}"
    );
    assert_eq!(walk(&crate_dir), everything, "check mode removes nothing");

    run(&only_crate, Mode::Write);
    let mut left: Vec<String> = walk(&crate_dir)
        .iter()
        .map(|path| path.strip_prefix(&crate_dir).unwrap().display().to_string())
        .filter(|name| !name.starts_with("src/"))
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["Cargo.toml", "NOTES.md", "rustfmt.toml", "ts/extra.js"]
    );
}

/// Every file under `dir`, sorted.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files.sort();
    files
}
