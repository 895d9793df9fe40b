//! `cargo xtask gen` as maintainers run it: exit codes, summary lines, and what it
//! writes (or, for a bad catalog, does not write).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("xtask runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file under `dir` with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
                files.insert(path.clone(), (std::fs::read(&path).unwrap(), modified));
            }
        }
    }
    files
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// A copy of a shipped catalog in a folder of its own, so that the lock written beside
/// it does not touch the repository.
fn catalog_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::copy(repo_file(&format!("catalog/{name}")), &path).unwrap();
    (dir, path)
}

#[test]
fn generates_a_catalog_into_the_given_folder_and_rewrites_nothing_the_second_time() {
    let out = tempfile::tempdir().unwrap();
    let (_dir, catalog) = catalog_copy("batch-relay.yaml");
    let args = [
        "gen",
        "--catalog",
        path_str(&catalog),
        "--out",
        path_str(out.path()),
    ];

    let first = xtask(&args);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let before = snapshot(out.path());
    assert!(before.contains_key(&out.path().join("batch-relay-errors/src/lib.rs")));
    assert!(before.contains_key(&out.path().join("batch-relay-errors/ERRORS.md")));
    // Every file of the crate, and the lock beside the catalog.
    let files = before.len() + 1;
    assert_eq!(
        text(&first.stdout),
        format!("batch-relay-errors: 10 codes, 4 families; files: {files} written, 0 unchanged\n")
    );

    let second = xtask(&args);
    assert!(second.status.success());
    assert!(
        text(&second.stdout).ends_with(&format!("files: 0 written, {files} unchanged\n")),
        "{}",
        text(&second.stdout)
    );
    assert_eq!(
        snapshot(out.path()),
        before,
        "same bytes and same modification times"
    );

    let check = xtask(&[&args[..], &["--check"]].concat());
    assert!(check.status.success(), "{}", text(&check.stderr));
}

#[test]
fn a_bad_catalog_leaves_the_output_folder_exactly_as_it_was() {
    let out = tempfile::tempdir().unwrap();
    let (_dir, good) = catalog_copy("batch-relay.yaml");
    let bad = repo_file("tests/fixtures/invalid/duplicate_code.yaml");
    let generated = xtask(&[
        "gen",
        "--catalog",
        path_str(&good),
        "--out",
        path_str(out.path()),
    ]);
    assert!(generated.status.success());
    let before = snapshot(out.path());

    // The good catalog comes first, and still nothing may be written.
    let run = xtask(&[
        "gen",
        "--catalog",
        path_str(&good),
        "--catalog",
        path_str(&bad),
        "--out",
        path_str(out.path()),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("error: duplicate code \"INVALID_STATUS\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("tests/fixtures/invalid/duplicate_code.yaml:16:11"),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was written"), "{stderr}");
    assert_eq!(snapshot(out.path()), before);
}

#[test]
fn check_mode_names_each_stale_file_and_writes_nothing() {
    let out = tempfile::tempdir().unwrap();
    let (_dir, catalog) = catalog_copy("batch-relay.yaml");
    let args = [
        "gen",
        "--catalog",
        path_str(&catalog),
        "--out",
        path_str(out.path()),
    ];
    assert!(xtask(&args).status.success());
    let lib = out.path().join("batch-relay-errors/src/lib.rs");
    std::fs::write(&lib, "// edited by hand\n").unwrap();
    std::fs::remove_file(out.path().join("batch-relay-errors/ERRORS.md")).unwrap();
    let before = snapshot(out.path());

    let check = xtask(&[&args[..], &["--check"]].concat());
    assert_eq!(check.status.code(), Some(1));
    let stderr = text(&check.stderr);
    assert!(
        stderr.contains("stale: ") && stderr.contains("batch-relay-errors/src/lib.rs"),
        "{stderr}"
    );
    assert!(
        stderr.contains("-// edited by hand"),
        "shows a diff: {stderr}"
    );
    assert!(stderr.contains("batch-relay-errors/ERRORS.md"), "{stderr}");
    assert!(stderr.contains("run `cargo xtask gen`"), "{stderr}");
    assert_eq!(snapshot(out.path()), before);
}

#[test]
fn a_wrong_command_line_exits_with_2() {
    assert_eq!(xtask(&["gen", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(xtask(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn every_invalid_fixture_exits_with_1_and_leaves_the_folder_as_it_was() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("keep.txt"), "untouched").unwrap();
    let before = snapshot(out.path());
    let fixtures = repo_file("tests/fixtures/invalid");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    assert!(paths.len() >= 20, "the invalid fixtures are there");
    for path in paths {
        let run = xtask(&[
            "gen",
            "--catalog",
            path_str(&path),
            "--out",
            path_str(out.path()),
        ]);
        let stderr = text(&run.stderr);
        assert_eq!(run.status.code(), Some(1), "{}:\n{stderr}", path.display());
        assert!(stderr.contains("error: could not generate"), "{stderr}");
        assert_eq!(snapshot(out.path()), before, "{}", path.display());
    }
}
