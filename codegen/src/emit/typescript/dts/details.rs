//! The details part of `index.d.ts`: `NoDetails`, `DetailsByCode` (one entry per code,
//! written a code at a time), `DetailsOf<C>`, and the `Details` namespace of the object
//! and enum types that details name.
//!
//! `DetailsOf<C>` is an indexed access into one interface, so tsc finds a code's details
//! by key however many codes there are, with no conditional type over `ErrorCode`.

use super::super::escape::{self, push_string};
use super::super::{prose, push_doc, DOC_WIDTH};
use crate::emit::Blocks;
use crate::model::details::{Detail, DetailType};
use crate::model::{Catalog, Code};

/// Everything about details, into `out`.
pub(super) fn push_details(out: &mut Blocks<'_>, catalog: &Catalog) {
    push_no_details(out);
    push_details_by_code(out, catalog);
    push_details_of(out);
    push_named_types(out, catalog);
}

fn push_no_details(out: &mut String) {
    out.push_str(
        "declare const noDetails: unique symbol;\n\n\
         /**\n\
         \x20* The details of a code that has none: an empty object, `{}` on the wire. It has no key\n\
         \x20* to read, and an object literal with one is refused.\n\
         \x20*/\n\
         export interface NoDetails {\n\
         \x20 /** Never there: it only keeps every other key out. */\n\
         \x20 readonly [noDetails]?: never;\n\
         }\n\n",
    );
}

/// `interface DetailsByCode`: one property per code, its details or `NoDetails`.
fn push_details_by_code(out: &mut Blocks<'_>, catalog: &Catalog) {
    let lines = prose(
        "Every code's details, by code, in catalog order: what `DetailsOf<C>` looks up. A code \
         without details has `NoDetails`.",
    );
    push_doc(out, "", &lines);
    out.push_str("export interface DetailsByCode {\n");
    for code in &catalog.codes {
        push_code_details(out, code);
        out.part_done();
    }
    out.push_str("}\n\n");
}

/// One code's property of `DetailsByCode`.
fn push_code_details(out: &mut String, code: &Code) {
    if code.details.is_empty() {
        out.push_str("  readonly ");
        push_string(out, &code.wire);
        out.push_str(": NoDetails;\n");
        return;
    }
    // Wire strings are ASCII letters, digits and `_-./`: nothing in them ends a comment.
    let mut lines = vec![format!("The details of `{}`.", code.wire)];
    if let Some(template) = &code.template {
        lines.push(String::new());
        lines.extend(escape::doc_lines(
            &format!("Its message: {}", template.text),
            DOC_WIDTH,
        ));
    }
    push_doc(out, "  ", &lines);
    out.push_str("  readonly ");
    push_string(out, &code.wire);
    out.push_str(": {\n");
    push_members(out, "    ", &code.details);
    out.push_str("  };\n");
}

/// One property per detail, each with its description; optional details optional.
fn push_members(out: &mut String, indent: &str, details: &[Detail]) {
    for detail in details {
        if let Some(description) = &detail.description {
            push_doc(out, indent, &escape::doc_lines(description, DOC_WIDTH));
        }
        out.push_str(indent);
        out.push_str("readonly ");
        push_key(out, &detail.key);
        if detail.optional {
            out.push('?');
        }
        out.push_str(": ");
        push_type(out, &detail.ty);
        out.push_str(";\n");
    }
}

/// A detail's key as a property name: as it is when it is an identifier (validation
/// allows nothing else), a string literal otherwise.
fn push_key(out: &mut String, key: &str) {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        out.push_str(key);
    } else {
        push_string(out, key);
    }
}

/// A detail's TypeScript type: a primitive, a `Details.*` name, or a read-only array.
fn push_type(out: &mut String, ty: &DetailType) {
    match ty {
        DetailType::String => out.push_str("string"),
        DetailType::Integer | DetailType::Number => out.push_str("number"),
        DetailType::Boolean => out.push_str("boolean"),
        DetailType::Enum(enumeration) => {
            out.push_str("Details.");
            out.push_str(&enumeration.name);
        }
        DetailType::Object(object) => {
            out.push_str("Details.");
            out.push_str(&object.name);
        }
        DetailType::List(item) => {
            out.push_str("readonly ");
            // `readonly readonly T[][]` is not TypeScript: an inner array needs parentheses.
            let nested = matches!(**item, DetailType::List(_));
            if nested {
                out.push('(');
            }
            push_type(out, item);
            if nested {
                out.push(')');
            }
            out.push_str("[]");
        }
    }
}

fn push_details_of(out: &mut String) {
    let lines = prose(
        "The details object of code `C`, as the catalog declares them: one key per detail, \
         optional ones optional, objects and enums as the `Details` types; `NoDetails` for a \
         code without details. What `formatMessage(code, details)` takes, and what narrowing \
         an envelope on its code types its details as.",
    );
    push_doc(out, "", &lines);
    out.push_str("export type DetailsOf<C extends ErrorCode> = DetailsByCode[C];\n\n");
}

/// `namespace Details`, when any detail is an object or an enum: their types, named as
/// in the Rust crate's `details` module, which a namespace keeps apart from the package's
/// other names as the module does.
fn push_named_types(out: &mut Blocks<'_>, catalog: &Catalog) {
    if !catalog
        .codes
        .iter()
        .any(|code| !crate::model::details::named_types(&code.details).is_empty())
    {
        return;
    }
    let lines = prose(
        "The object and enum types of the details, named as in the Rust crate's `details` \
         module: the code's `ErrorCode` variant, then the detail's name.",
    );
    push_doc(out, "", &lines);
    out.push_str("export declare namespace Details {\n");
    for code in &catalog.codes {
        for detail in &code.details {
            push_named(
                out,
                &code.wire,
                &detail.key,
                detail.description.as_deref(),
                &detail.ty,
            );
        }
        out.part_done();
    }
    out.push_str("}\n\n");
}

/// The named types in `ty`, outermost first, for the detail at `path` of code `wire`.
fn push_named(
    out: &mut String,
    wire: &str,
    path: &str,
    description: Option<&str>,
    ty: &DetailType,
) {
    let doc = |out: &mut String, what: &str| {
        let lines = match description {
            Some(description) => escape::doc_lines(description, DOC_WIDTH),
            // Keys are ASCII letters, digits and `_`, wire strings no worse: no escaping.
            None => vec![format!("{what} of the `{path}` detail of `{wire}`.")],
        };
        push_doc(out, "  ", &lines);
    };
    match ty {
        DetailType::List(item) => push_named(out, wire, path, description, item),
        DetailType::Enum(enumeration) => {
            doc(out, "The values");
            out.push_str("  export type ");
            out.push_str(&enumeration.name);
            out.push_str(" =");
            for value in &enumeration.values {
                out.push_str("\n    | ");
                push_string(out, &value.wire);
            }
            out.push_str(";\n");
        }
        DetailType::Object(object) => {
            doc(out, "The object");
            out.push_str("  export interface ");
            out.push_str(&object.name);
            out.push_str(" {\n");
            push_members(out, "    ", &object.fields);
            out.push_str("  }\n");
            for field in &object.fields {
                let path = format!("{path}.{}", field.key);
                push_named(out, wire, &path, field.description.as_deref(), &field.ty);
            }
        }
        DetailType::String | DetailType::Integer | DetailType::Number | DetailType::Boolean => {}
    }
}
