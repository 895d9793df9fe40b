//! `ts/index.js`: the catalog as plain lists, then the lookups over them (`runtime.js`,
//! the same for every catalog).
//!
//! The lists are split by who reads them, so that a bundler keeps only what an
//! application uses: the guards and `errorCodeOf` read the wire strings alone
//! (`CODE_LIST`), `codesWithStatus` the statuses too, `isRetryable` and `retryDelay` the
//! positions of the retryable codes, and only `CODES`, `FAMILIES` and `formatMessage`
//! the texts and links (`INFO_LIST`). Each lookup is built by a call marked pure, so one
//! that nothing reads is dropped with the lists only it reads.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::escape::{self, push_string};
use super::info::INFO_KEYS;
use super::{prose, DOC_WIDTH};
use crate::emit::Blocks;
use crate::model::details::Piece;
use crate::model::{Catalog, Code, Envelope, Family};

/// The part of `index.js` that does not depend on the catalog.
const RUNTIME: &str = include_str!("runtime.js");

/// The media type of problem details, as the Rust crate's `PROBLEM_JSON`.
const PROBLEM_JSON: &str = "application/problem+json";

/// The whole of `index.js`, into `out`.
pub(super) fn index_js(catalog: &Catalog, header: &str, out: &mut Blocks<'_>) {
    push_intro(out, catalog, header);
    push_families(out, catalog);
    push_codes(out, catalog);
    push_templates(out, catalog);
    out.push_str(RUNTIME);
    push_constants(out, catalog);
}

fn push_intro(out: &mut String, catalog: &Catalog, header: &str) {
    let _ = writeln!(out, "// {header}");
    let title = format!(
        "Error codes of the {}, from its error catalog.",
        catalog.api
    );
    let mut lines = escape::doc_lines(&title, DOC_WIDTH);
    lines.push(String::new());
    lines.extend(prose(
        "One frozen entry per code in `CODES`, and the helpers around them. The types, and \
         each code's documentation, are in index.d.ts.",
    ));
    super::push_doc(out, "", &lines);
    out.push('\n');
}

fn push_families(out: &mut String, catalog: &Catalog) {
    out.push_str("/** Every family, in docs order. */\nconst FAMILY_LIST = [\n");
    for family in &catalog.families {
        push_family(out, family);
    }
    out.push_str("];\n\n");
}

fn push_family(out: &mut String, family: &Family) {
    out.push_str("  { id: ");
    push_string(out, &family.id);
    out.push_str(", title: ");
    push_string(out, &family.title);
    if let Some(description) = &family.description {
        out.push_str(", description: ");
        push_string(out, description);
    }
    out.push_str(" },\n");
}

/// The keys of `ErrorCodeInfo` that come from lists of their own, `CODE_LIST` and
/// `STATUS_LIST`, rather than from `INFO_LIST`: its first two, which `runtime.js` puts
/// first in each entry of `CODES`.
const LISTED_KEYS: [&str; 2] = ["code", "status"];

/// How many numbers a line of `STATUS_LIST` or `RETRYABLE_LIST` holds.
const NUMBERS_PER_LINE: usize = 16;

fn push_codes(out: &mut Blocks<'_>, catalog: &Catalog) {
    out.push_str(
        "/** Every code's wire string, in catalog order: all that the guards read. */\n\
         const CODE_LIST = [\n",
    );
    for code in &catalog.codes {
        out.push_str("  ");
        push_string(out, &code.wire);
        out.push_str(",\n");
        out.part_done();
    }
    out.push_str(
        "];\n\n/** Each code's HTTP status, in the order of `CODE_LIST`. */\nconst STATUS_LIST = [",
    );
    let statuses: Vec<String> = catalog.codes.iter().map(|c| c.status.to_string()).collect();
    push_numbers(out, &statuses);
    out.push_str(
        "/** Where in `CODE_LIST` the codes worth retrying are. */\nconst RETRYABLE_LIST = [",
    );
    let retryable: Vec<String> = (catalog.codes.iter().enumerate())
        .filter(|(_, code)| code.retryable)
        .map(|(index, _)| index.to_string())
        .collect();
    push_numbers(out, &retryable);
    out.push_str(
        "/** The rest of each code's facts, in the order of `CODE_LIST`. */\nconst INFO_LIST = [\n",
    );
    for code in &catalog.codes {
        push_info(out, catalog, code);
        out.part_done();
    }
    out.push_str("];\n\n");
}

/// Numbers as the rest of an array literal, a line of them at a time, and `];`.
fn push_numbers(out: &mut Blocks<'_>, numbers: &[String]) {
    if numbers.is_empty() {
        out.push_str("];\n\n");
        return;
    }
    out.push('\n');
    for line in numbers.chunks(NUMBERS_PER_LINE) {
        out.push_str("  ");
        out.push_str(&line.join(", "));
        out.push_str(",\n");
        out.part_done();
    }
    out.push_str("];\n\n");
}

/// One code's facts but its wire string and status, its keys in the order of
/// `ErrorCodeInfo`; absent optional keys are left out, not set to `undefined`, as
/// `exactOptionalPropertyTypes` expects.
fn push_info(out: &mut String, catalog: &Catalog, code: &Code) {
    out.push_str("  {\n");
    let keys = INFO_KEYS
        .iter()
        .filter(|key| !LISTED_KEYS.contains(&key.name));
    for key in keys.filter(|key| key.in_catalog(catalog)) {
        let start = out.len();
        let _ = write!(out, "    {}: ", key.name);
        if key.value(out, catalog, code) {
            out.push_str(",\n");
        } else {
            out.truncate(start);
        }
    }
    out.push_str("  },\n");
}

/// `TEMPLATES`: each message template, split once here so that `formatMessage` only
/// concatenates; only codes with a template are there. It is read by `formatMessage`
/// alone and built by a call marked pure, so a bundler leaves it out of an application
/// that does not format messages.
fn push_templates(out: &mut Blocks<'_>, catalog: &Catalog) {
    out.push_str(
        "/**\n\
         \x20* The message template of each code that has one: literal text at even indices, the key\n\
         \x20* of the detail whose value goes between at odd ones.\n\
         \x20*/\n\
         const TEMPLATES = /* @__PURE__ */ freezeTemplates({",
    );
    let mut any = false;
    for code in &catalog.codes {
        if let Some(template) = &code.template {
            any = true;
            out.push_str("\n  ");
            push_string(out, &code.wire);
            out.push_str(": [");
            let key = |index: usize| code.details[index].key.as_str();
            for (i, part) in split(&template.pieces, key).iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_string(out, part);
            }
            out.push_str("],");
            out.part_done();
        }
    }
    if any {
        out.push('\n');
    }
    out.push_str(
        "});\n\n\
         function freezeTemplates(templates) {\n\
         \x20 for (const template of Object.values(templates)) Object.freeze(template);\n\
         \x20 return Object.freeze(templates);\n\
         }\n\n",
    );
}

/// A template's pieces as `TEMPLATES` has them: text, key, text, ..., text (adjacent texts
/// joined, `""` where two placeholders meet or one starts or ends the template), each
/// placeholder's key found by `key`.
fn split<'a>(pieces: &'a [Piece], key: impl Fn(usize) -> &'a str) -> Vec<Cow<'a, str>> {
    let mut parts = vec![Cow::Borrowed("")];
    for piece in pieces {
        match piece {
            Piece::Text(text) => {
                let last = parts.last_mut().expect("it ends with a text");
                if last.is_empty() {
                    *last = Cow::Borrowed(text);
                } else {
                    last.to_mut().push_str(text);
                }
            }
            Piece::Detail(index) => {
                parts.push(Cow::Borrowed(key(*index)));
                parts.push(Cow::Borrowed(""));
            }
        }
    }
    parts
}

/// Exports that only some catalogs have.
fn push_constants(out: &mut String, catalog: &Catalog) {
    if catalog.envelopes.contains(&Envelope::Problem) {
        out.push_str("\nexport const PROBLEM_JSON = ");
        push_string(out, PROBLEM_JSON);
        out.push_str(";\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keys_from_lists_of_their_own_are_the_first_of_each_entry() {
        let first: Vec<&str> = INFO_KEYS.iter().take(2).map(|key| key.name).collect();
        assert_eq!(first, LISTED_KEYS);
    }

    #[test]
    fn templates_alternate_text_and_keys_starting_and_ending_with_text() {
        let keys = ["a", "b"];
        let split = |pieces: &[Piece]| -> Vec<String> {
            split(pieces, |i| keys[i])
                .into_iter()
                .map(Cow::into_owned)
                .collect()
        };
        let text = |t: &str| Piece::Text(t.to_owned());
        assert_eq!(
            split(&[text("x "), Piece::Detail(0), text(" y")]),
            ["x ", "a", " y"]
        );
        assert_eq!(
            split(&[Piece::Detail(0), Piece::Detail(1)]),
            ["", "a", "", "b", ""]
        );
        assert_eq!(split(&[text("x"), text("{y}")]), ["x{y}"]);
        assert_eq!(split(&[]), [""]);
    }
}
