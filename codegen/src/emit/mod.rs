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
//! documents are built with, and [`examples`] renders the example bodies the Markdown and
//! OpenAPI both show.
//!
//! Each output module has a `files` function that lists its files as
//! [`files::OutputFile`]s: a path, a size estimate, and how to write the file into a
//! [`TextOut`]. A new output is a new module here, an [`crate::Output`] variant, and one
//! line in [`files`]' list of outputs; `Config::generate` and `Config::run` build every
//! file through that list.

pub(crate) mod catalog_schema;
pub(crate) mod examples;
pub(crate) mod files;
pub(crate) mod json;
pub(crate) mod manifest;
pub(crate) mod markdown;
pub(crate) mod message;
pub(crate) mod openapi;
pub(crate) mod rust;
pub(crate) mod typescript;

/// Where a file's text goes when it is written as it is built: the file itself,
/// compared with the disk and written a block at a time (`output::FileSink`).
pub(crate) trait TextOut {
    /// Appends `text`.
    fn push_text(&mut self, text: &str);

    /// The `String` the text goes into, when it is kept whole: [`Blocks`] then builds
    /// the file in it directly instead of handing it on a block at a time.
    fn whole(&mut self) -> Option<&mut String> {
        None
    }
}

impl TextOut for String {
    fn push_text(&mut self, text: &str) {
        self.push_str(text);
    }

    fn whole(&mut self) -> Option<&mut String> {
        Some(self)
    }
}

/// A file's text as its emitter builds it, part after part (a code, a section), into a
/// [`TextOut`]: built in place when that is a `String` ([`crate::Config::generate`]), or
/// handed on a block at a time ([`Config::run`](crate::Config::run)'s file sink), so a
/// large file is never whole in memory. It derefs to the `String` being built, so the
/// emitters' helpers take `&mut String`.
pub(crate) struct Blocks<'o> {
    text: String,
    out: &'o mut dyn TextOut,
    /// Whether `text` is `out`'s own `String`, given back whole at the end.
    in_place: bool,
}

impl<'o> Blocks<'o> {
    /// How much text is handed on at once.
    const BLOCK: usize = 64 * 1024;

    /// Text handed on to `out` as it is built, or built in it when `out` keeps it whole.
    pub(crate) fn handed_to(out: &'o mut dyn TextOut) -> Self {
        if let Some(whole) = out.whole() {
            return Blocks {
                text: std::mem::take(whole),
                out,
                in_place: true,
            };
        }
        Blocks {
            text: String::with_capacity(Self::BLOCK + Self::BLOCK / 4),
            out,
            in_place: false,
        }
    }

    /// Makes room for `additional` bytes when the text is kept whole; when it is handed
    /// on, a block is all it ever holds.
    pub(crate) fn reserve_whole(&mut self, additional: usize) {
        if self.in_place {
            self.text.reserve(additional);
        }
    }

    /// Marks the end of a part: the text so far is complete, so once there is a block of
    /// it, it is handed on.
    pub(crate) fn part_done(&mut self) {
        if !self.in_place && self.text.len() >= Self::BLOCK {
            self.hand_on();
        }
    }

    /// Hands on the rest of the text, or gives the `String` back to `out`.
    pub(crate) fn finish(mut self) {
        self.hand_on();
    }

    fn hand_on(&mut self) {
        match self.out.whole() {
            Some(whole) if self.in_place => *whole = std::mem::take(&mut self.text),
            _ => {
                self.out.push_text(&self.text);
                self.text.clear();
            }
        }
    }
}

impl std::ops::Deref for Blocks<'_> {
    type Target = String;

    fn deref(&self) -> &String {
        &self.text
    }
}

impl std::ops::DerefMut for Blocks<'_> {
    fn deref_mut(&mut self) -> &mut String {
        &mut self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_hand_on_whole_parts_or_build_in_the_string_itself() {
        let parts: Vec<String> = (0..20_000).map(|i| format!("part {i}\n")).collect();
        let mut handed = Vec::new();
        struct Record<'a>(&'a mut Vec<String>);
        impl TextOut for Record<'_> {
            fn push_text(&mut self, text: &str) {
                self.0.push(text.to_owned());
            }
        }
        let mut record = Record(&mut handed);
        let mut streamed = Blocks::handed_to(&mut record);
        let mut kept = String::from("start\n");
        let mut in_place = Blocks::handed_to(&mut kept);
        for part in &parts {
            streamed.push_str(part);
            streamed.part_done();
            in_place.push_str(part);
            in_place.part_done();
        }
        streamed.finish();
        in_place.finish();
        let whole = parts.concat();
        assert_eq!(handed.concat(), whole);
        assert_eq!(
            kept,
            format!("start\n{whole}"),
            "built in the String itself"
        );
        assert!(handed.len() > 1, "handed on in blocks");
        for block in &handed[..handed.len() - 1] {
            assert!(
                block.len() >= Blocks::BLOCK && block.ends_with('\n'),
                "whole parts"
            );
        }
    }
}
