//! `ts/index.d.ts`: the types of `index.js`, with each code's documentation on its entry
//! in `ErrorCodeTable`, so an editor shows it on hover over `CODES.SOME_CODE`; then each
//! code's details ([`details`]) and the envelope types ([`envelopes`]).

mod details;
mod envelopes;

use std::fmt::Write as _;

use super::escape::{self, push_string};
use super::info::INFO_KEYS;
use super::{prose, push_doc, DOC_WIDTH};
use crate::emit::Blocks;
use crate::model::{Catalog, Code};

/// The part of `index.d.ts` that does not depend on the catalog.
const RUNTIME: &str = include_str!("runtime.d.ts");

/// The whole of `index.d.ts`, into `out`.
pub(super) fn index_d_ts(catalog: &Catalog, header: &str, out: &mut Blocks<'_>) {
    let _ = writeln!(out, "// {header}");
    let title = format!(
        "Error codes of the {}, from its error catalog.",
        catalog.api
    );
    push_doc(out, "", &escape::doc_lines(&title, DOC_WIDTH));
    out.push('\n');
    push_error_code(out, catalog);
    push_family(out, catalog);
    push_error_code_info(out, catalog);
    push_error_code_table(out, catalog);
    details::push_details(out, catalog);
    envelopes::push_envelopes(out, catalog);
    out.push_str(RUNTIME);
}

/// `type ErrorCode`: the union of every code's wire string.
fn push_error_code(out: &mut String, catalog: &Catalog) {
    let lines = prose(
        "Every code the API may return, deprecated ones included: what a client branches on. \
         A `switch` over it with a `never` default is exhaustive. A newer server may send a \
         code this version does not know: `isErrorCode` and `errorCodeOf` tell.",
    );
    push_doc(out, "", &lines);
    push_union(
        out,
        "ErrorCode",
        catalog.codes.iter().map(|code| code.wire.as_str()),
    );
}

/// `type Family`: the union of the family ids.
fn push_family(out: &mut String, catalog: &Catalog) {
    push_doc(out, "", &["Every family id, in docs order."]);
    push_union(
        out,
        "Family",
        catalog.families.iter().map(|f| f.id.as_str()),
    );
}

/// `export type <name> = | "a" | "b";`, one member per line.
fn push_union<'a>(out: &mut String, name: &str, members: impl Iterator<Item = &'a str>) {
    let _ = write!(out, "export type {name} =");
    for member in members {
        out.push_str("\n  | ");
        push_string(out, member);
    }
    out.push_str(";\n\n");
}

/// `interface ErrorCodeInfo`: the keys of [`INFO_KEYS`] the catalog has.
fn push_error_code_info(out: &mut String, catalog: &Catalog) {
    out.push_str(
        "/** The catalog's facts about one code, with the values the Rust crate returns. */\n\
         export interface ErrorCodeInfo {\n",
    );
    for key in INFO_KEYS.iter().filter(|key| key.in_catalog(catalog)) {
        push_doc(out, "  ", key.doc);
        let optional = if key.optional { "?" } else { "" };
        let _ = writeln!(out, "  readonly {}{optional}: {};", key.name, key.ty);
    }
    out.push_str("}\n\n");
}

/// `interface ErrorCodeTable`: one documented property per code, the type of `CODES`.
fn push_error_code_table(out: &mut Blocks<'_>, catalog: &Catalog) {
    let lines = [
        "One property per code, in catalog order, each with the code's documentation: the type",
        "of `CODES`, the same as `{ readonly [C in ErrorCode]: ErrorCodeInfo & { readonly code: C } }`.",
    ];
    push_doc(out, "", &lines);
    out.push_str("export interface ErrorCodeTable {\n");
    let mut scratch = Scratch::default();
    for code in &catalog.codes {
        push_code_doc(out, catalog, code, &mut scratch);
        out.push_str("  readonly ");
        push_string(out, &code.wire);
        out.push_str(": ErrorCodeInfo & { readonly code: ");
        push_string(out, &code.wire);
        out.push_str(" };\n");
        out.part_done();
    }
    out.push_str("}\n\n");
}

/// A code's documentation, as the Rust crate's docs have it, plus JSDoc tags, as the
/// JSDoc comment [`push_doc`] writes for several lines; `scratch` is reused space.
fn push_code_doc(out: &mut String, catalog: &Catalog, code: &Code, scratch: &mut Scratch) {
    out.push_str("  /**\n");
    escape::for_each_doc_line(&code.description, DOC_WIDTH, &mut scratch.buffer, |line| {
        push_doc_line(out, line);
    });
    push_doc_line(out, "");
    let line = &mut scratch.line;
    line.clear();
    let _ = write!(line, "`{}` · HTTP {} · ", code.wire, code.status);
    for (i, &family) in code.families.iter().enumerate() {
        if i > 0 {
            line.push_str(", ");
        }
        scratch.buffer.clear();
        crate::text::push_inline(&mut scratch.buffer, &catalog.families[family].title);
        escape::push_comment_safe(line, &scratch.buffer);
    }
    push_doc_line(out, line);
    push_doc_line(out, "");
    line.clear();
    line.push_str("Resolution: ");
    line.push_str(&code.resolution);
    escape::for_each_doc_line(line, DOC_WIDTH, &mut scratch.buffer, |line| {
        push_doc_line(out, line);
    });
    if code.retryable {
        push_doc_line(out, "");
        push_doc_line(
            out,
            "Retryable: wait `retryDelay(code, attempt)` before each retry.",
        );
    }
    if let Some(action) = &code.action {
        push_doc_line(out, "");
        let _ = writeln!(
            out,
            "   * Act on it here: {{@link {}}}",
            escape::doc_url(&action.url)
        );
    }
    push_doc_line(out, "");
    let _ = writeln!(
        out,
        "   * @see {{@link {}}}",
        escape::doc_url(&code.docs_url)
    );
    // A semver version: nothing in it needs escaping.
    let _ = writeln!(out, "   * @since {}", code.since);
    if let Some(deprecation) = &code.deprecated {
        // The version is semver and wire strings are ASCII letters, digits and `_-./`:
        // neither needs escaping. The note is catalog text and does.
        let _ = write!(out, "   * @deprecated Since {}", deprecation.since);
        match deprecation.replacement {
            Some(replacement) => {
                let _ = write!(out, "; use `{}` instead.", catalog.codes[replacement].wire);
            }
            None => out.push('.'),
        }
        out.push('\n');
        if let Some(note) = &deprecation.note {
            escape::for_each_doc_line(note, DOC_WIDTH, &mut scratch.buffer, |line| {
                push_doc_line(out, line);
            });
        }
    }
    out.push_str("   */\n");
}

/// Space [`push_code_doc`] reuses from one code to the next.
#[derive(Default)]
struct Scratch {
    buffer: String,
    line: String,
}

/// One line of a JSDoc comment indented by two spaces, as [`push_doc`] writes it.
fn push_doc_line(out: &mut String, line: &str) {
    out.push_str(if line.is_empty() { "   *" } else { "   * " });
    out.push_str(line);
    out.push('\n');
}
