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
    assert!(
        stderr.contains("run `cargo xtask gen --catalog "),
        "{stderr}"
    );
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

#[test]
fn a_file_that_cannot_be_written_leaves_every_file_and_the_lock_as_they_were() {
    let out = tempfile::tempdir().unwrap();
    let (dir, catalog) = catalog_copy("batch-relay.yaml");
    let args = [
        "gen",
        "--catalog",
        path_str(&catalog),
        "--out",
        path_str(out.path()),
    ];
    assert!(xtask(&args).status.success());
    // A release that changes every file, and a folder where ERRORS.md should be, which
    // only shows when that file's turn comes.
    let yaml = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(&catalog, yaml.replace("version: 0.1.0", "version: 0.2.0")).unwrap();
    let errors_md = out.path().join("batch-relay-errors/ERRORS.md");
    std::fs::remove_file(&errors_md).unwrap();
    std::fs::create_dir(&errors_md).unwrap();
    let before = (snapshot(out.path()), snapshot(dir.path()));

    let run = xtask(&args);
    assert_eq!(run.status.code(), Some(1));
    let stderr = text(&run.stderr);
    assert!(
        stderr.contains("ERRORS.md: is not a regular file"),
        "{stderr}"
    );
    assert_eq!((snapshot(out.path()), snapshot(dir.path())), before);
}

/// Every temporary file under `dir`, however deep.
#[cfg(unix)]
fn temporary_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if entry.file_name().to_string_lossy().starts_with(".errcat-") {
                found.push(path);
            }
        }
    }
    found
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_run_removes_its_temporary_files_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    let synth = xtask(&["synth", "--codes", "20000", "--out", path_str(&big)]);
    assert!(synth.status.success(), "{}", text(&synth.stderr));
    // A run is caught while it stages; one that happens to finish first is tried again.
    let mut interrupted = 0;
    for _ in 0..5 {
        let out = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args([
                "gen",
                "--catalog",
                path_str(&big),
                "--out",
                path_str(out.path()),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        while temporary_files(out.path()).is_empty() && child.try_wait().unwrap().is_none() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        let sent = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let output = child.wait_with_output().unwrap();
        assert_eq!(temporary_files(out.path()), Vec::<PathBuf>::new());
        assert_eq!(temporary_files(dir.path()), Vec::<PathBuf>::new());
        if output.status.code() == Some(130) {
            assert!(text(&output.stderr).contains("interrupted"));
            interrupted += 1;
            break;
        }
    }
    assert_eq!(interrupted, 1, "no run was caught while it staged");
}
