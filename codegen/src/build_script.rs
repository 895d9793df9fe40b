//! [`Config::compile`]: [`Config::run`] from a build script, speaking cargo's protocol:
//! `rerun-if-changed` for the inputs, and every warning (the catalog's, a missing or
//! stale lock, a dependency the generated module needs) as a `cargo::warning=` line,
//! which is the only way cargo shows a build script's words on a build that succeeds.

use std::path::{Path, PathBuf};

use crate::driver::{Error, LockState, Summary};
use crate::output::Mode;
use crate::{lock, Config, Dependency, Feature, Output};

/// The command that writes a lock for a build-script user, who has no xtask.
const LOCK_COMMAND: &str = "errcat lock";

impl Config {
    /// [`Config::run`] for a build script: writes into `$OUT_DIR` unless
    /// [`Config::out_dir`] was set to something else, never writes the locks (a build
    /// must not change its sources; an existing lock is still checked), and tells cargo
    /// to run the script again when a catalog or its lock changes.
    ///
    /// Cargo shows a build script's output only when it fails, so everything the user
    /// should read on a build that succeeds is printed as `cargo::warning=` lines: the
    /// catalog's warnings; a lock that is missing (no released code is protected from
    /// removal until one is made with `errcat lock`) or behind the catalog; and, for
    /// [`Output::Module`], each dependency its [`Config::module_features`] need that the
    /// package's `Cargo.toml` does not list, with the line to add. On failure the
    /// [`Error`]'s `Display` and `Debug` are both the located report.
    pub fn compile(&mut self) -> Result<Summary, Error> {
        if self.out_dir == Config::default().out_dir {
            if let Some(out_dir) = std::env::var_os("OUT_DIR") {
                self.out_dir = PathBuf::from(out_dir);
            }
        }
        self.write_locks = false;
        for path in self.catalog_paths()? {
            println!("cargo::rerun-if-changed={}", path.display());
            // A lock that does not exist yet is not watched: cargo would take the missing
            // file for a change and run the script on every build. Once it is made, the
            // next change of the catalog (the only change a lock guards) reads it.
            let lock = lock::path_for(&path);
            if lock.exists() {
                println!("cargo::rerun-if-changed={}", lock.display());
            }
        }
        for dir in &self.catalog_dirs {
            println!("cargo::rerun-if-changed={}", dir.display());
        }
        let summary = self.run(Mode::Write)?;
        for catalog in &summary.catalogs {
            if let Some(warnings) = &catalog.warnings {
                cargo_warning(&warnings.render(false));
            }
            let path = Path::new(&catalog.catalog.source_path);
            if let Some(warning) = lock_warning(path, catalog.lock) {
                cargo_warning(&warning);
            }
        }
        if self.outputs.contains(&Output::Module) {
            if let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") {
                let manifest = Path::new(&manifest).join("Cargo.toml");
                if let Ok(text) = std::fs::read_to_string(&manifest) {
                    for warning in missing_dependencies(&text, &self.module_features) {
                        cargo_warning(&warning);
                    }
                }
            }
        }
        Ok(summary)
    }
}

/// Generates every catalog from a build script, prost-build's `compile_protos` style:
/// `Config::new()` with these catalogs, then [`Config::compile`].
pub fn compile_catalogs(catalogs: &[impl AsRef<Path>]) -> Result<Summary, Error> {
    let mut config = Config::new();
    for catalog in catalogs {
        config.catalog(catalog.as_ref());
    }
    config.compile()
}

/// Prints `text` for cargo to show as a warning: one `cargo::warning=` line per line of
/// text, since cargo reads its instructions a line at a time. Blank lines and the
/// leading `warning: ` cargo adds itself are left out.
fn cargo_warning(text: &str) {
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let line = line.strip_prefix("warning: ").unwrap_or(line);
        println!("cargo::warning={line}");
    }
}

/// What to tell a build-script user about the lock of the catalog at `path`, if anything.
pub(crate) fn lock_warning(path: &Path, state: LockState) -> Option<String> {
    let catalog = path.display();
    let lock = lock::path_for(path);
    let lock = lock.display();
    let command = format!("{LOCK_COMMAND} --catalog {catalog}");
    match state {
        LockState::UpToDate => None,
        LockState::Missing => Some(format!(
            "{lock} does not exist, so no code of {catalog} is protected yet: a release could \
             drop a code or change its status unnoticed. Create it with `{command}` (run in \
             this package's folder) and commit it"
        )),
        LockState::OutOfDate => Some(format!(
            "{lock} does not list everything {catalog} releases (a new code or version); \
             until it does, those are not protected. Update it with `{command}` (run in this \
             package's folder) and commit it"
        )),
    }
}

/// A warning for each dependency that code generated with `features` needs and the
/// manifest `text` does not declare, naming the line to add.
pub(crate) fn missing_dependencies(text: &str, features: &[Feature]) -> Vec<String> {
    let declared = declared_dependencies(text);
    let mut missing: Vec<&Dependency> = Vec::new();
    for &feature in features {
        for dependency in feature.dependencies() {
            let known = missing.iter().any(|seen| seen.name == dependency.name);
            if !known && !declared.iter().any(|declared| declared == dependency.name) {
                missing.push(dependency);
            }
        }
    }
    missing
        .into_iter()
        .map(|dependency| {
            format!(
                "the generated module's `{}` feature needs the `{}` crate, which Cargo.toml \
                 does not list: add `{}` under [dependencies]",
                dependency.feature.name(),
                dependency.name,
                dependency.line()
            )
        })
        .collect()
}

/// The names of the crates a manifest lists as normal dependencies, in every spelling
/// cargo accepts: `name = ...`, `name.workspace = true`, `"name" = ...`, and
/// `[dependencies.name]`, under `[dependencies]` or a target's.
fn declared_dependencies(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut in_dependencies = false;
    for line in text.lines() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            let header = header.trim_end_matches(']').trim();
            let (table, key) = match header.rsplit_once("dependencies") {
                Some((before, after)) => (before, after),
                None => (header, ""),
            };
            let is_normal = header.contains("dependencies")
                && (table.is_empty() || table.starts_with("target.") && table.ends_with('.'))
                && !header.contains("dev-dependencies")
                && !header.contains("build-dependencies");
            in_dependencies = is_normal && key.is_empty();
            if let Some(name) = key.strip_prefix('.').filter(|_| is_normal) {
                names.push(unquoted(name).to_owned());
            }
            continue;
        }
        if in_dependencies {
            let key = line.split(['=', '.']).next().unwrap_or("").trim();
            if !key.is_empty() && !key.starts_with('#') {
                names.push(unquoted(key).to_owned());
            }
        }
    }
    names
}

/// A TOML key without the quotes it may be written in.
fn unquoted(key: &str) -> &str {
    key.trim().trim_matches('"').trim_matches('\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_dependency_counts_and_dev_dependencies_do_not() {
        let manifest = r#"
[package]
name = "shop"

[dependencies]
serde = { version = "1", default-features = false, features = ["alloc"] }
"serde_json" = "1"
http.workspace = true

[target.'cfg(unix)'.dependencies.axum-core]
version = "0.5"

[dev-dependencies]
tokio = "1"
"#;
        assert_eq!(
            declared_dependencies(manifest),
            ["serde", "serde_json", "http", "axum-core"]
        );
    }

    #[test]
    fn a_missing_dependency_is_named_with_the_line_to_add() {
        let manifest = "[dependencies]\nserde = \"1\"\n\n[dev-dependencies]\nserde_json = \"1\"\n";
        let warnings = missing_dependencies(manifest, &[Feature::Serde]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0]
                .starts_with("the generated module's `serde` feature needs the `serde_json` crate"),
            "{}",
            warnings[0]
        );
        assert!(warnings[0].contains(r#"add `serde_json = { version = "1.0.140", default-features = false, features = ["alloc"] }` under [dependencies]"#));
        let axum = missing_dependencies("[dependencies]\n", &[Feature::Axum]);
        let named: Vec<&str> = axum
            .iter()
            .map(|w| w.split('`').nth(3).expect("a crate name"))
            .collect();
        assert_eq!(named, ["axum-core", "serde", "serde_json", "http"]);
    }

    #[test]
    fn a_missing_lock_says_what_is_unprotected_and_the_command_that_makes_it() {
        let warning =
            lock_warning(Path::new("errors.yaml"), LockState::Missing).expect("a warning");
        assert!(
            warning.starts_with("errors.lock does not exist"),
            "{warning}"
        );
        assert!(
            warning.contains("`errcat lock --catalog errors.yaml`"),
            "{warning}"
        );
        assert_eq!(
            lock_warning(Path::new("errors.yaml"), LockState::UpToDate),
            None
        );
    }
}
