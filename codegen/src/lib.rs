//! The error-catalog generator: YAML catalogs in; a Rust crate, its Markdown reference,
//! a TypeScript package and OpenAPI components out.
//!
//! Use it through [`Config`], as prost-build is used: [`Config::generate`] is pure (one
//! catalog in memory, files out), [`Config::run`] reads every catalog and its lock,
//! validates all of them and only then writes or checks, and [`Config::compile`] does the
//! same from a build script. Everything else is private. Data flows one way, one module
//! per stage:
//!
//! 1. `load`: catalog text -> raw structs that remember where each value was written.
//! 2. `validate`: raw structs -> the checked catalog; checks only, every problem located.
//! 3. `resolve`: checked catalog -> the [`model::Catalog`]: names, anchors, links, spans.
//! 4. `emit`: model -> file contents, one module per output (`rust`, `markdown`,
//!    `manifest`, `typescript`, `openapi`, and the catalog's own JSON Schema);
//!    `lock` renders and checks the lock beside.
//! 5. `output` (through `driver`): compares with the disk, writes only what changed,
//!    atomically, and removes generated sources a catalog no longer produces.

#![deny(missing_docs, unreachable_pub)]

mod config;
mod diagnostics;
mod driver;
mod emit;
mod format;
mod http_status;
mod load;
mod lock;
pub mod model;
mod output;
mod resolve;
mod text;
mod trpc;
mod validate;

use std::path::PathBuf;

pub use config::{Config, Feature, Lookup, Output};
pub use diagnostics::{Diagnostic, Report, Severity, Span};
pub use driver::{compile_catalogs, CatalogSummary, Error, Summary};
pub use lock::path_for as lock_path;
pub use model::Catalog;
pub use output::{write_atomically, FileOutcome, FileState, Mode};

/// One file of generated output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path relative to the output folder, e.g. `relay-errors/src/lib.rs`.
    pub path: PathBuf,
    /// The file's full contents.
    pub contents: String,
}

/// An input file: its path as shown in messages and headers, and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The path, relative to the repository where possible so output is the same on
    /// every machine, e.g. `catalog/relay.yaml`.
    pub path: &'a str,
    /// The file's contents.
    pub bytes: &'a [u8],
}

/// Everything generated from one catalog.
#[derive(Debug)]
pub struct Generated {
    /// The validated catalog the files were generated from.
    pub catalog: Catalog,
    /// The files of the crate, in a fixed order.
    pub files: Vec<GeneratedFile>,
    /// The new contents of the catalog's lock file.
    pub lock: String,
    /// Warnings about the catalog, if there were any.
    pub warnings: Option<Report>,
}

impl Config {
    /// Generates the files of `catalog`, checked against its `lock` (the codes released
    /// so far; `None` before the first release).
    ///
    /// Pure: never touches the disk, so `run`'s write and check modes, the drift test
    /// and the snapshot tests all share it. On failure the [`Report`] holds every
    /// problem found, in file order, in the file they are in.
    pub fn generate(
        &self,
        catalog: Source<'_>,
        lock: Option<Source<'_>>,
    ) -> Result<Generated, Report> {
        let text = decode(catalog)?;
        let mut diagnostics = Vec::new();
        let raw = load::load(text, &mut diagnostics);
        let subject = raw
            .as_ref()
            .and_then(|raw| raw.crate_name.as_ref())
            .map_or_else(|| file_name(catalog.path), |name| name.value.clone());
        let checked = raw
            .as_ref()
            .and_then(|raw| validate::validate(raw, &mut diagnostics));
        let Some(checked) = checked else {
            return Err(Report::new(catalog.path, text, &subject, diagnostics));
        };
        let model = resolve::resolve(checked, catalog.path, self.lookup);
        let (locked, lock_path) = match lock {
            Some(source) => (read_lock(source, &subject)?, source.path),
            None => (lock::Lock::default(), ""),
        };
        diagnostics.extend(lock::check(&model, &locked, lock_path));
        let report = Report::new(catalog.path, text, &subject, diagnostics);
        if report.error_count() > 0 {
            return Err(report);
        }
        let header = self.header(&model.source_path);
        Ok(Generated {
            files: self.emit(&model),
            lock: lock::render(&model, &locked, &header),
            catalog: model,
            warnings: (report.warning_count() > 0).then_some(report),
        })
    }

    /// Every file the configured outputs hold for `catalog`.
    fn emit(&self, catalog: &Catalog) -> Vec<GeneratedFile> {
        let header = self.header(&catalog.source_path);
        let file = |name: &str, contents: String| GeneratedFile {
            path: PathBuf::from(&catalog.crate_name).join(name),
            contents,
        };
        let mut files = Vec::new();
        // The TypeScript package and the OpenAPI document are built on a thread of their
        // own while the Rust sources are formatted (the longest step), so on a large
        // catalog they add little wall time.
        let (rust, typescript, openapi) = std::thread::scope(|scope| {
            let typescript = self
                .writes(Output::TypeScript)
                .then(|| scope.spawn(|| emit::typescript::emit(catalog, &header)));
            let openapi = self
                .writes(Output::OpenApi)
                .then(|| scope.spawn(|| emit::openapi::emit(catalog, &header)));
            let rust = self
                .writes(Output::Crate)
                .then(|| emit::rust::emit(catalog, &header));
            let typescript = typescript.map(|job| {
                job.join()
                    .expect("emitting the TypeScript package does not panic")
            });
            let openapi = openapi.map(|job| {
                job.join()
                    .expect("emitting the OpenAPI document does not panic")
            });
            (rust, typescript, openapi)
        });
        if let Some(rust) = rust {
            files.push(file(
                "Cargo.toml",
                emit::manifest::cargo_toml(catalog, &header),
            ));
            files.push(file("rustfmt.toml", emit::manifest::rustfmt_toml(&header)));
            for source in rust {
                files.push(file(&format!("src/{}", source.name), source.contents));
            }
        }
        if self.writes(Output::Module) {
            let name = format!("{}.rs", catalog.crate_name.replace('-', "_"));
            let features: Vec<&str> = self.module_features.iter().map(|f| f.name()).collect();
            files.push(file(
                &name,
                emit::rust::emit_module(catalog, &header, &features),
            ));
        }
        if self.writes(Output::Markdown) {
            files.push(file("ERRORS.md", emit::markdown::emit(catalog, &header)));
        }
        if let Some(openapi) = openapi {
            files.push(file("openapi.json", openapi));
        }
        for package_file in typescript.into_iter().flatten() {
            files.push(file(
                &format!("ts/{}", package_file.name),
                package_file.contents,
            ));
        }
        files
    }
}

fn read_lock(source: Source<'_>, subject: &str) -> Result<lock::Lock, Report> {
    let text = decode(source)?;
    lock::parse(text).map_err(|problems| Report::new(source.path, text, subject, problems))
}

fn decode(source: Source<'_>) -> Result<&str, Report> {
    std::str::from_utf8(source.bytes).map_err(|error| not_utf8(source.path, source.bytes, &error))
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map_or_else(
        || path.to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A report for a catalog that is not UTF-8, pointing at the first bad byte.
fn not_utf8(source_path: &str, bytes: &[u8], error: &std::str::Utf8Error) -> Report {
    let at = error.valid_up_to();
    // Show the file as far as it is readable, so the caret lands on the right line.
    let text = String::from_utf8_lossy(bytes);
    let offset = String::from_utf8_lossy(&bytes[..at]).len();
    let diagnostic = Diagnostic::error(
        "the catalog is not valid UTF-8",
        Span::new(offset, offset + 1),
    )
    .label(format!(
        "byte 0x{:02x} cannot start or continue a UTF-8 character",
        bytes[at]
    ))
    .help("save the file as UTF-8");
    Report::new(
        source_path,
        &text,
        &file_name(source_path),
        vec![diagnostic],
    )
}
