//! Helpers shared by the repository's tests.
//!
//! The README is included below as a hidden item, so that its Rust examples run as
//! doctests and cannot drift from the generated crates.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{Generated, Report, Source};

/// The repository root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is a folder of the repository")
        .to_path_buf()
}

/// `path` relative to the repository, with `/` separators, as the generator shows it.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// Generates the catalog at `path`, named by its path relative to the repository, checked
/// against the lock beside it (`<name>.lock`) when there is one, as `cargo xtask gen` does.
pub fn generate_file(path: &Path) -> Result<Generated, Report> {
    let read =
        |path: &Path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = read(path);
    let lock_path = codegen::lock::path_for(path);
    let lock_bytes = lock_path.exists().then(|| read(&lock_path));
    let (name, lock_name) = (relative(path), relative(&lock_path));
    let lock = lock_bytes.as_deref().map(|bytes| Source {
        path: &lock_name,
        bytes,
    });
    codegen::generate(
        Source {
            path: &name,
            bytes: &bytes,
        },
        lock,
    )
}

/// Every `*.yaml` in `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// The shipped catalogs, `catalog/*.yaml`.
pub fn shipped_catalogs() -> Vec<PathBuf> {
    yaml_files(&workspace_root().join("catalog"))
}

/// Runs `cargo <args>` offline in `dir`, building into `target`, and returns its error
/// output when it fails.
///
/// Tests that build generated crates share one `target` (under `CARGO_TARGET_TMPDIR`),
/// so the crates' dependencies are compiled once and kept between test runs. `RUSTFLAGS`
/// is dropped so that a caller's flags do not invalidate that cache.
pub fn cargo(
    dir: &Path,
    target: &Path,
    args: &[&str],
    envs: &[(&str, &str)],
) -> Result<(), String> {
    let (subcommand, rest) = args.split_first().expect("a cargo subcommand");
    let output = Command::new(env!("CARGO"))
        .arg(subcommand)
        .arg("--offline")
        .arg("--target-dir")
        .arg(target)
        .args(rest)
        .current_dir(dir)
        .envs(envs.iter().copied())
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo {} failed in {}:\n{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}
