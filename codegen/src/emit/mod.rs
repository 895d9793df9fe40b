//! Stage 4: the model -> file contents, one module per output, each named by what it
//! writes. Emitters read only the model (and the envelope descriptions in
//! [`crate::model`]); they never see YAML and never re-validate.
//!
//! - [`rust`] writes the crate's `src/*.rs`, one emitter file per generated file (quote +
//!   prettyplease), and the single-file module for build scripts;
//! - [`manifest`] writes the crate's `Cargo.toml` and `rustfmt.toml`;
//! - [`markdown`] writes `ERRORS.md`;
//! - [`typescript`] writes the npm package under `ts/`;
//! - [`openapi`] writes `openapi.json`, the OpenAPI 3.1 components of the errors.
//!
//! [`catalog_schema`] writes `catalog.schema.json`, the JSON Schema of the catalog format
//! itself, once for all catalogs. [`json`] is the small JSON value and printer the JSON
//! documents are built with.
//!
//! A new output is a new module here, an [`crate::Output`] variant, and one branch in
//! `Config::emit`.

pub(crate) mod catalog_schema;
pub(crate) mod json;
pub(crate) mod manifest;
pub(crate) mod markdown;
pub(crate) mod openapi;
pub(crate) mod rust;
pub(crate) mod typescript;

/// Where an emitter that writes its file in parts puts the text: a `String` for
/// [`crate::Config::generate`], or the file itself, compared and written block by block
/// (`output::FileSink`), so a large file is never whole in memory.
pub(crate) trait TextOut {
    /// Appends `text`.
    fn push_text(&mut self, text: &str);
}

impl TextOut for String {
    fn push_text(&mut self, text: &str) {
        self.push_str(text);
    }
}
