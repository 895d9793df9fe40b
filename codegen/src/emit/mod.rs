//! Stage 4: the model -> file contents, one module per output, each named by what it
//! writes. Emitters read only the model (and the envelope descriptions in
//! [`crate::model`]); they never see YAML and never re-validate.
//!
//! - [`rust`] writes the crate's `src/*.rs`, one emitter file per generated file (quote +
//!   prettyplease), and the single-file module for build scripts;
//! - [`manifest`] writes the crate's `Cargo.toml` and `rustfmt.toml`;
//! - [`markdown`] writes `ERRORS.md`;
//! - [`typescript`] writes the npm package under `ts/`.
//!
//! A new output is a new module here, an [`crate::Output`] variant, and one branch in
//! `Config::emit`.

pub(crate) mod manifest;
pub(crate) mod markdown;
pub(crate) mod rust;
pub(crate) mod typescript;
