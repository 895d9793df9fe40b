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
//! 4. `emit`: model -> files, one module per output (`rust`, `markdown`, `manifest`,
//!    `typescript`, `openapi`, and the catalog's own JSON Schema), each listing its files
//!    as `emit::files::OutputFile`s that know their path, size and how to write
//!    themselves; `lock` renders and checks the lock beside.
//! 5. `output`: compares with the disk, writes only what changed, all at once, and
//!    removes the files of every output a catalog no longer produces.
//!
//! `pipeline` is [`Config::generate`] (stages 1 to 4 in memory) and `driver` is
//! [`Config::run`] (every catalog through them, then `output`); `config` holds the
//! builder and its settings.
//!
//! Beside the stages are the leaf modules, which belong to no stage: `config`, `naming` (Rust names
//! of wire strings and ids), `outline` (the Markdown page's headings and anchors), `text`
//! (catalog text made literal in each output), `format` (the catalog format, key by key,
//! and the envelope kinds), `diagnostics` (located messages), and the small `fast_hash`,
//! `http_status` and `trpc`. A module imports only earlier stages and leaf modules, and a
//! leaf only other leaves, so no stage depends on how a later one works;
//! `codegen/tests/layers.rs` holds the sources to it.
//!
//! [`Config::generate`] runs stages 1 to 4 and never touches the disk, so the command
//! line, its `--check` mode, the drift test and the snapshot tests all share one code
//! path. [`Config::run`] checks every catalog (stages 1 to 3) before it builds any file,
//! then writes each file as it is built, a block at a time, so no generated file is ever
//! whole in memory.

#![deny(missing_docs, unreachable_pub)]

mod build_script;
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
mod pipeline;
mod resolve;
mod text;
mod trpc;
mod validate;

pub use build_script::compile_catalogs;
pub use config::Lookup;
pub use config::{Config, Dependency, Feature, Output};
pub use diagnostics::{Diagnostic, Report, Severity, Span};
pub use driver::{CatalogSummary, Error, LockState, Summary};
pub use lock::path_for as lock_path;
pub use model::Catalog;
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
