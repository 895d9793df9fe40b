//! Stage 4: model -> the generated crate's `Cargo.toml` and `rustfmt.toml`.
//!
//! The manifest is self-contained (no `workspace = true`), so the crate builds on its own
//! when copied out of this repository. `rustfmt.toml` keeps `cargo fmt` off the sources,
//! which prettyplease formats.

use crate::config::DEPENDENCIES;
use crate::emit::files::{OutputFile, Settings};
use crate::model::Catalog;

/// The oldest Rust the generated code compiles with: `const fn`s read a `static`
/// (stable since 1.83).
pub(crate) const RUST_VERSION: &str = "1.83";

/// The crate's `Cargo.toml` and `rustfmt.toml`.
pub(crate) fn files<'a>(catalog: &'a Catalog, settings: &Settings<'a>) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    vec![
        OutputFile::small(catalog, "Cargo.toml", move || cargo_toml(catalog, header)),
        OutputFile::small(catalog, "rustfmt.toml", move || rustfmt_toml(header)),
    ]
}

/// The generated crate's `Cargo.toml`.
fn cargo_toml(catalog: &Catalog, header: &str) -> String {
    let description = format!(
        "Error codes of the {}, generated from its error catalog.",
        catalog.api
    );
    format!(
        "# {header}\n\
         [package]\n\
         name = {name}\n\
         version = {version}\n\
         edition = \"2021\"\n\
         rust-version = \"{RUST_VERSION}\"\n\
         description = {description}\n\
         readme = \"ERRORS.md\"\n\
         keywords = [\"errors\", \"error-codes\", \"api\"]\n\
         categories = [\"no-std\"]\n\
         \n\
         [package.metadata.docs.rs]\n\
         all-features = true\n\
         \n\
         # No feature is on by default: without features the crate has no dependencies.\n\
         [features]\n\
         # ErrorCode as its wire string, and the JSON error bodies in `envelopes`.\n\
         serde = [\"dep:serde\", \"dep:serde_json\"]\n\
         # ErrorCode::status_code() as an http::StatusCode.\n\
         http = [\"dep:http\"]\n\
         # The envelopes as axum responses (IntoResponse).\n\
         axum = [\"dep:axum-core\", \"http\", \"serde\"]\n\
         \n\
         [dependencies]\n\
         {dependencies}",
        name = toml_string(&catalog.crate_name),
        version = toml_string(&catalog.version),
        description = toml_string(&description),
        dependencies = dependencies(),
    )
}

/// The `[dependencies]` lines, each optional, turned on by its feature.
fn dependencies() -> String {
    DEPENDENCIES
        .iter()
        .map(|dependency| dependency.declaration(", optional = true") + "\n")
        .collect()
}

/// The generated crate's `rustfmt.toml`.
fn rustfmt_toml(header: &str) -> String {
    format!(
        "# {header}\n\
         # The sources are formatted by the generator (prettyplease); rustfmt leaves them be.\n\
         disable_all_formatting = true\n"
    )
}

/// `value` as a TOML basic string.
fn toml_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::toml_string;

    #[test]
    fn toml_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            toml_string(r#"A "quoted" \ API"#),
            r#""A \"quoted\" \\ API""#
        );
        assert_eq!(toml_string("tab\there"), r#""tab\u0009here""#);
    }
}
