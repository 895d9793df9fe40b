//! `ts/index.js`: the catalog as two lists of plain objects, then the lookups over them
//! (`runtime.js`, the same for every catalog).

use std::fmt::Write as _;

use super::escape::{self, push_string};
use super::info::INFO_KEYS;
use super::{prose, DOC_WIDTH};
use crate::emit::Blocks;
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

fn push_codes(out: &mut Blocks<'_>, catalog: &Catalog) {
    out.push_str("/** Every code, in catalog order. */\nconst CODE_LIST = [\n");
    for code in &catalog.codes {
        push_code(out, catalog, code);
        out.part_done();
    }
    out.push_str("];\n\n");
}

/// One code's object, its keys in the order of `ErrorCodeInfo`; absent optional keys are
/// left out, not set to `undefined`, as `exactOptionalPropertyTypes` expects.
fn push_code(out: &mut String, catalog: &Catalog, code: &Code) {
    out.push_str("  {\n");
    for key in INFO_KEYS.iter().filter(|key| key.in_catalog(catalog)) {
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

/// Exports that only some catalogs have.
fn push_constants(out: &mut String, catalog: &Catalog) {
    if catalog.envelopes.contains(&Envelope::Problem) {
        out.push_str("\nexport const PROBLEM_JSON = ");
        push_string(out, PROBLEM_JSON);
        out.push_str(";\n");
    }
}
