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
//! 2. `validate`: raw structs -> the validated catalog; checks only, every problem located.
//! 3. `resolve`: validated catalog -> the [`model::Catalog`]: names, anchors, links, spans.
//!    `model` holds the types resolve produces and emit reads.
//! 4. `emit`: model -> file contents, one module per output (`rust`, `markdown`,
//!    `manifest`, `typescript`, `openapi`, and the catalog's own JSON Schema);
//!    `lock` renders and checks the lock beside.
//! 5. `output` (through `driver`): compares with the disk, writes only what changed,
//!    atomically, and removes generated sources a catalog no longer produces.
//!
//! Beside the stages are the leaf modules, which belong to no stage: `naming` (Rust names
//! of wire strings and ids), `outline` (the Markdown page's headings and anchors), `text`
//! (catalog text made literal in each output), `format` (the catalog format, key by key,
//! and the envelope kinds), `diagnostics` (located messages), and the small `fast_hash`,
//! `http_status` and `trpc`. A module imports only earlier stages and leaf modules, and a
//! leaf only other leaves, so no stage depends on how a later one works;
//! `codegen/tests/layers.rs` holds the sources to it.
//!
//! [`Config::generate`] runs stages 1 to 4 and never touches the disk, so `cargo xtask
//! gen`, its `--check` mode, the drift test and the snapshot tests all share one code
//! path. [`Config::run`] checks every catalog (stages 1 to 3) before it builds any file,
//! then writes each file as it is built, a block at a time, so no generated file is ever
//! whole in memory.

#![deny(missing_docs, unreachable_pub)]

mod config;
mod diagnostics;
mod driver;
mod emit;
mod fast_hash;
mod format;
mod http_status;
mod load;
mod lock;
pub mod model;
mod naming;
mod outline;
mod output;
mod resolve;
mod text;
mod trpc;
mod validate;

use std::path::PathBuf;

pub use config::{Config, Feature, Output};
pub use diagnostics::{Diagnostic, Report, Severity, Span};
pub use driver::{compile_catalogs, CatalogSummary, Error, Summary};
pub use lock::path_for as lock_path;
pub use model::{Catalog, Lookup};
pub use output::{remove_temporary_files, FileOutcome, FileState, GeneratedFile, Mode};

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

/// A catalog that passed every check, the lock's included: the model, with what comes
/// with it besides its files.
pub(crate) struct Accepted {
    /// The validated catalog.
    pub(crate) catalog: Catalog,
    /// The new contents of the catalog's lock file.
    pub(crate) lock: String,
    /// Warnings about the catalog, if there were any.
    pub(crate) warnings: Option<Report>,
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
        let accepted = self.check(catalog, lock)?;
        let files = self.emit(&accepted.catalog);
        Ok(Generated {
            files,
            catalog: accepted.catalog,
            lock: accepted.lock,
            warnings: accepted.warnings,
        })
    }

    /// Everything [`Config::generate`] does but the files: load, validate, resolve, and
    /// check against the lock.
    pub(crate) fn check(
        &self,
        catalog: Source<'_>,
        lock: Option<Source<'_>>,
    ) -> Result<Accepted, Report> {
        let text = decode(catalog)?;
        let mut diagnostics = Vec::new();
        let raw = load::load(text, &mut diagnostics);
        let subject = raw
            .as_ref()
            .and_then(|raw| raw.crate_name.as_ref())
            .map_or_else(|| file_name(catalog.path), |name| name.value.clone());
        let validated = raw
            .as_ref()
            .and_then(|raw| validate::validate(raw, &mut diagnostics));
        // The raw catalog is done with; its strings are as large as the catalog.
        drop(raw);
        let Some(validated) = validated else {
            return Err(Report::new(catalog.path, text, &subject, diagnostics));
        };
        let model = resolve::resolve(validated, catalog.path, self.lookup);
        let (locked, lock_path) = match lock {
            Some(source) => (read_lock(source, &subject, &self.tool)?, source.path),
            None => (lock::Lock::default(), ""),
        };
        diagnostics.extend(lock::check(&model, &locked, lock_path));
        let warnings = if diagnostics.is_empty() {
            None
        } else {
            let report = Report::new(catalog.path, text, &subject, diagnostics);
            if report.error_count() > 0 {
                return Err(report);
            }
            Some(report)
        };
        let header = self.header(&model.source_path);
        Ok(Accepted {
            lock: lock::render(&model, &locked, &header, &self.tool),
            catalog: model,
            warnings,
        })
    }

    /// Every file the configured outputs hold for `catalog`, in a fixed order.
    fn emit(&self, catalog: &Catalog) -> Vec<GeneratedFile> {
        let files = std::sync::Mutex::new(Vec::new());
        let result: Result<(), std::convert::Infallible> = self.emit_each(catalog, &|i, file| {
            let file = GeneratedFile {
                contents: file.contents(),
                path: file.path,
            };
            files.lock().expect("no thread panics").push((i, file));
            Ok(())
        });
        let Ok(()) = result;
        let mut files = files.into_inner().expect("no thread panics");
        files.sort_by_key(|&(i, _)| i);
        files.into_iter().map(|(_, file)| file).collect()
    }

    /// Hands each file the configured outputs hold for `catalog` to `sink`, to build,
    /// with its place in the fixed order, stopping at the first error `sink` returns.
    ///
    /// The files are independent, so a few threads build them, largest first, each one
    /// file at a time. A caller that writes each file through [`FileJob::write_to`] (as
    /// [`Config::run`] does) gets its text a block at a time, so it needs memory for a
    /// block per thread, not for the files.
    pub(crate) fn emit_each<E: Send>(
        &self,
        catalog: &Catalog,
        sink: &(dyn Fn(usize, FileJob<'_>) -> Result<(), E> + Sync),
    ) -> Result<(), E> {
        let header = self.header(&catalog.source_path);
        let jobs = self.jobs(catalog);
        let mut order: Vec<usize> = (0..jobs.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(jobs[i].expected_size(catalog)));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let failed = std::sync::Mutex::new(None);
        let work = || loop {
            let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&index) = order.get(at) else {
                return;
            };
            if failed.lock().expect("no thread panics").is_some() {
                return;
            }
            let job = &jobs[index];
            let file = FileJob {
                path: PathBuf::from(&catalog.crate_name).join(job.path(catalog)),
                job,
                config: self,
                catalog,
                header: &header,
            };
            if let Err(error) = sink(index, file) {
                failed
                    .lock()
                    .expect("no thread panics")
                    .get_or_insert(error);
                return;
            }
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, usize::from)
            .clamp(1, MAX_THREADS)
            .min(jobs.len());
        std::thread::scope(|scope| {
            for _ in 1..threads {
                scope.spawn(work);
            }
            work();
        });
        match failed.into_inner().expect("no thread panics") {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The files the configured outputs hold for `catalog`, in their fixed order.
    fn jobs(&self, catalog: &Catalog) -> Vec<Job> {
        let mut jobs = Vec::new();
        if self.writes(Output::Crate) {
            jobs.push(Job::CargoToml);
            jobs.push(Job::RustfmtToml);
            jobs.extend(emit::rust::sources(catalog).into_iter().map(Job::Rust));
        }
        if self.writes(Output::Module) {
            jobs.push(Job::Module);
        }
        if self.writes(Output::Markdown) {
            jobs.push(Job::Markdown);
        }
        if self.writes(Output::OpenApi) {
            jobs.push(Job::OpenApi);
        }
        if self.writes(Output::TypeScript) {
            jobs.extend(emit::typescript::TsFile::ALL.map(Job::TypeScript));
        }
        jobs
    }
}

/// One file of a catalog's output, ready to be built.
pub(crate) struct FileJob<'a> {
    /// The path relative to the output folder, as [`GeneratedFile::path`].
    pub(crate) path: PathBuf,
    job: &'a Job,
    config: &'a Config,
    catalog: &'a Catalog,
    header: &'a str,
}

impl FileJob<'_> {
    /// The whole file.
    pub(crate) fn contents(&self) -> String {
        self.job.contents(self.config, self.catalog, self.header)
    }

    /// Writes the file into `out`, a part at a time where its emitter can.
    pub(crate) fn write_to(&self, out: &mut dyn emit::TextOut) {
        match self.job {
            Job::OpenApi => emit::openapi::write(self.catalog, self.header, out),
            Job::Markdown => emit::markdown::write(self.catalog, self.header, out),
            Job::TypeScript(file) => file.write(self.catalog, self.header, out),
            Job::Rust(source) => source.write(self.catalog, self.header, out),
            Job::CargoToml | Job::RustfmtToml | Job::Module => out.push_text(&self.contents()),
        }
    }
}

/// The most threads that build one catalog's files: each holds a file's working state
/// (its prettyplease skeleton, or the whole file for [`Config::generate`]).
const MAX_THREADS: usize = 4;

/// One file to generate.
enum Job {
    CargoToml,
    RustfmtToml,
    Rust(emit::rust::RustSource),
    Module,
    Markdown,
    OpenApi,
    TypeScript(emit::typescript::TsFile),
}

impl Job {
    /// The file's path under the crate's folder.
    fn path(&self, catalog: &Catalog) -> String {
        match self {
            Job::CargoToml => "Cargo.toml".to_owned(),
            Job::RustfmtToml => "rustfmt.toml".to_owned(),
            Job::Rust(source) => format!("src/{}", source.name),
            Job::Module => format!("{}.rs", catalog.crate_name.replace('-', "_")),
            Job::Markdown => "ERRORS.md".to_owned(),
            Job::OpenApi => "openapi.json".to_owned(),
            Job::TypeScript(file) => format!("ts/{}", file.name()),
        }
    }

    fn contents(&self, config: &Config, catalog: &Catalog, header: &str) -> String {
        match self {
            Job::CargoToml => emit::manifest::cargo_toml(catalog, header),
            Job::RustfmtToml => emit::manifest::rustfmt_toml(header),
            Job::Rust(source) => source.contents(catalog, header),
            Job::Module => {
                let features: Vec<&str> = config.module_features.iter().map(|f| f.name()).collect();
                emit::rust::emit_module(catalog, header, &features)
            }
            Job::Markdown => emit::markdown::emit(catalog, header),
            Job::OpenApi => emit::openapi::emit(catalog, header),
            Job::TypeScript(file) => file.contents(catalog, header),
        }
    }

    /// Roughly how many bytes of output the file has per code, to start the largest
    /// first so that the threads finish together.
    fn expected_size(&self, catalog: &Catalog) -> usize {
        let codes = catalog.codes.len();
        match self {
            Job::Rust(source) if source.name == "tables.rs" => 600 * codes,
            Job::Rust(source) if source.name == "lib.rs" => 450 * codes,
            Job::Rust(source) if source.name == "docs_url.rs" => 220 * codes,
            Job::Rust(_) | Job::CargoToml | Job::RustfmtToml => 0,
            Job::Module => 1300 * codes,
            Job::Markdown => 450 * codes,
            Job::OpenApi => 1400 * codes,
            Job::TypeScript(emit::typescript::TsFile::PackageJson) => 0,
            Job::TypeScript(_) => 420 * codes,
        }
    }
}

fn read_lock(source: Source<'_>, subject: &str, tool: &str) -> Result<lock::Lock, Report> {
    let text = decode(source)?;
    lock::parse(text, tool).map_err(|problems| Report::new(source.path, text, subject, problems))
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
