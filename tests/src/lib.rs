//! Helpers shared by the repository's tests.
//!
//! The README is included below as a hidden item, so that its Rust examples run as
//! doctests and cannot drift from the generated crates.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;

use std::path::{Path, PathBuf};

use codegen::{Config, Generated, Report, Source};

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

/// The generator as `cargo xtask gen` configures it, without catalogs: paths shown
/// relative to the repository, headers naming the xtask.
pub fn config() -> Config {
    let mut config = Config::new();
    config.tool("cargo xtask gen").relative_to(workspace_root());
    config
}

/// [`config`] with the shipped catalogs, into `generated/`: `cargo xtask gen` itself.
pub fn shipped_config() -> Config {
    let root = workspace_root();
    let mut config = config();
    config
        .catalog_dir(root.join("catalog"))
        .out_dir(root.join("generated"));
    config
}

/// Generates the catalog at `path` with [`config`], named by its path relative to the
/// repository, checked against the lock beside it (`<name>.lock`) when there is one.
pub fn generate_file(path: &Path) -> Result<Generated, Report> {
    generate_file_with(&config(), path)
}

/// [`generate_file`] with another configuration, e.g. another lookup.
pub fn generate_file_with(config: &Config, path: &Path) -> Result<Generated, Report> {
    let read =
        |path: &Path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = read(path);
    let lock_path = codegen::lock_path(path);
    let lock_bytes = lock_path.exists().then(|| read(&lock_path));
    let (name, lock_name) = (relative(path), relative(&lock_path));
    let lock = lock_bytes.as_deref().map(|bytes| Source {
        path: &lock_name,
        bytes,
    });
    config.generate(
        Source {
            path: &name,
            bytes: &bytes,
        },
        lock,
    )
}

/// Generates catalog text that has no file, as `name`, with [`config`].
pub fn generate_text(name: &str, text: &str) -> Result<Generated, Report> {
    let source = Source {
        path: name,
        bytes: text.as_bytes(),
    };
    config().generate(source, None)
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
