//! The envelope types of `index.d.ts`, rendered from their shapes (the description the
//! Rust crate's (de)serialization is built from, [`crate::model::shapes`]).
//!
//! Each shape `S` becomes `SOf<C>`, its type for one known code `C` (the code a literal,
//! the details `DetailsOf<C>`, nested objects `...Of<C>`), `UnknownS`, its type for a code
//! this version does not know, and `S`, the union of `KnownS` (one `SOf<C>` per code, a
//! mapped type over `ErrorCode`, so tsc builds it without conditional types) and
//! `UnknownS`. Comparing the code with a known one narrows an `S` to that code's `SOf<C>`.

use std::fmt::Write as _;

use super::super::{prose, push_doc};
use crate::model::shapes::{Field, Presence, Shape, Value};
use crate::model::{Catalog, Envelope};

/// `UnknownCode`, `WireCode`, `UnknownDetails` and the types of the envelopes the catalog
/// lists.
pub(super) fn push_envelopes(out: &mut String, catalog: &Catalog) {
    push_unknown_code(out);
    for kind in &catalog.envelopes {
        for shape in kind.shapes() {
            push_shape(out, shape, kind.shapes());
        }
        match kind {
            Envelope::Trpc => push_trpc_protocol(out),
            Envelope::Problem => push_problem_media_type(out),
            Envelope::Linked | Envelope::Rest => {}
        }
    }
    push_has_known_code(out, catalog);
}

/// `hasKnownCode`, one overload per shape: TypeScript narrows a union on a comparison of
/// its code, but not on a type guard of the code (`isErrorCode(body.error.code)` narrows
/// the code alone), so telling a known envelope from an unknown one takes a guard of the
/// envelope itself.
fn push_has_known_code(out: &mut String, catalog: &Catalog) {
    out.push_str(
        "/**\n\
         \x20* Whether `value` carries a code this version knows, read where `errorCodeOf` reads it:\n\
         \x20* `errorCodeOf(value) !== undefined`. On an envelope, or one of its objects, it narrows\n\
         \x20* the value to its `Known...` type, or else its `Unknown...` one, which comparing its\n\
         \x20* code with each known code cannot (and `isErrorCode(body.error.code)` narrows only the\n\
         \x20* code). A body without a code, such as a linked body on success, has no known code.\n\
         \x20*/\n",
    );
    for kind in &catalog.envelopes {
        for shape in kind.shapes() {
            let name = shape.name;
            let _ = writeln!(
                out,
                "export declare function hasKnownCode(value: {name}): value is Known{name};"
            );
        }
    }
    out.push_str("export declare function hasKnownCode(value: unknown): boolean;\n\n");
}

fn push_unknown_code(out: &mut String) {
    out.push_str(
        "declare const unknownCode: unique symbol;\n\n\
         /**\n\
         \x20* A code this version of the package does not know, as a newer server may send it: a\n\
         \x20* string at run time. Its type is not `string`, so that TypeScript can tell it from every\n\
         \x20* `ErrorCode`: comparing the code in an envelope with a known code narrows the object\n\
         \x20* that holds it to that code's type, details included, which no type that admits any\n\
         \x20* string allows. Tell the two apart with `isErrorCode` or `hasKnownCode` (not `typeof`,\n\
         \x20* which TypeScript would take to mean an `ErrorCode`), and read an unknown code as text\n\
         \x20* with `String(code)`.\n\
         \x20*/\n\
         export interface UnknownCode extends String {\n\
         \x20 /** Never there: it only keeps the type apart from `string` and from every `ErrorCode`. */\n\
         \x20 readonly [unknownCode]: never;\n\
         }\n\n",
    );
    let lines = prose(
        "A code as a caller may hold it: one of `ErrorCode`, or any other string, such as a \
         code a newer server added. Editors still complete the known codes; narrow it with \
         `isErrorCode`.",
    );
    push_doc(out, "", &lines);
    out.push_str("export type WireCode = ErrorCode | (string & {});\n\n");
    let lines = prose(
        "The details of a code this version does not know: a JSON object of any keys, each \
         read as `unknown`.",
    );
    push_doc(out, "", &lines);
    out.push_str("export type UnknownDetails = { readonly [key: string]: unknown };\n\n");
}

/// For a known code `C` or for an unknown one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Known,
    Unknown,
}

/// Whether `shape`, or an object nested in it, holds the code's details.
fn has_details(shape: &Shape, siblings: &[&Shape]) -> bool {
    shape.fields.iter().any(|field| match field.value {
        Value::Details => true,
        Value::Object(name) => siblings
            .iter()
            .find(|sibling| sibling.name == name)
            .is_some_and(|nested| has_details(nested, siblings)),
        Value::Text | Value::Status | Value::Code | Value::JsonRpcNumber => false,
    })
}

/// Where `shape` holds the code: the path of the object that holds it (empty for the
/// shape itself) and that object's shape's name.
fn code_holder(shape: &Shape, siblings: &[&Shape]) -> Option<(String, &'static str)> {
    shape.fields.iter().find_map(|field| match field.value {
        Value::Code => Some((String::new(), shape.name)),
        Value::Object(name) => {
            let nested = siblings.iter().find(|sibling| sibling.name == name)?;
            let (path, holder) = code_holder(nested, siblings)?;
            let path = if path.is_empty() {
                field.json.to_owned()
            } else {
                format!("{}.{path}", field.json)
            };
            Some((path, holder))
        }
        Value::Text | Value::Status | Value::JsonRpcNumber | Value::Details => None,
    })
}

/// `SOf<C>`, `UnknownS`, `KnownS` and `S` for one shape `S` of an envelope whose shapes
/// are `siblings`.
fn push_shape(out: &mut String, shape: &Shape, siblings: &[&Shape]) {
    let name = shape.name;
    let typed = if has_details(shape, siblings) {
        ", details typed"
    } else {
        ""
    };
    let (holder_path, holder) = code_holder(shape, siblings).expect("every shape has a code");
    let code_path = if holder_path.is_empty() {
        "code".to_owned()
    } else {
        format!("{holder_path}.code")
    };
    // TypeScript narrows a union on a key of its own, never on a key of a nested object:
    // comparing `body.error.code` narrows `body.error` alone.
    let narrowing = if holder_path.is_empty() {
        format!(
            "comparing its `code` with a known code narrows it to that code's `{name}Of<C>`{typed}"
        )
    } else {
        format!(
            "comparing its `{code_path}` with a known code narrows its `{holder_path}` to that \
             code's `{holder}Of<C>`{typed} (TypeScript narrows no union on a key of a nested \
             object, so the `{name}` stays one)"
        )
    };
    let spread = shape.fields.iter().any(|f| f.presence == Presence::Spread);
    let mut lines = prose(shape.doc);
    lines.push(String::new());
    if spread {
        lines.extend(prose(&format!(
            "These are the members of `{name}Of<C>` for the known code `C`, all but its \
             details, which sit beside them."
        )));
        push_doc(out, "", &lines);
        let _ = writeln!(
            out,
            "export interface {name}MembersOf<C extends ErrorCode> {{"
        );
        push_fields(out, shape, Side::Known);
        out.push_str("}\n\n");
        let lines = prose(&format!(
            "`{name}` of the known code `C`: its members, and its details beside them \
             (`DetailsOf<C>`)."
        ));
        push_doc(out, "", &lines);
        let _ = writeln!(
            out,
            "export type {name}Of<C extends ErrorCode> = {name}MembersOf<C> & DetailsOf<C>;\n"
        );
    } else {
        lines.extend(prose(&format!(
            "This is its type for the known code `C` (its `{code_path}`)."
        )));
        push_doc(out, "", &lines);
        let _ = writeln!(out, "export interface {name}Of<C extends ErrorCode> {{");
        push_fields(out, shape, Side::Known);
        out.push_str("}\n\n");
    }

    let lines = prose(&format!(
        "`{name}` of a code this version does not know, as a newer server may send: its code \
         an `UnknownCode`{}.",
        if typed.is_empty() {
            ""
        } else {
            ", its details `UnknownDetails`"
        }
    ));
    push_doc(out, "", &lines);
    let _ = writeln!(out, "export interface Unknown{name} {{");
    push_fields(out, shape, Side::Unknown);
    out.push_str("}\n\n");

    let lines = prose(&format!(
        "`{name}` of a code this version knows: one `{name}Of<C>` per `ErrorCode`, told apart \
         by its `{code_path}`."
    ));
    push_doc(out, "", &lines);
    let _ = writeln!(
        out,
        "export type Known{name} = {{ [C in ErrorCode]: {name}Of<C> }}[ErrorCode];\n"
    );

    let mut lines = prose(shape.doc);
    lines.push(String::new());
    lines.extend(prose(&format!(
        "A `Known{name}` or an `Unknown{name}`: {narrowing}; `hasKnownCode` tells the two apart."
    )));
    push_doc(out, "", &lines);
    let _ = writeln!(out, "export type {name} = Known{name} | Unknown{name};\n");
}

/// The fields of `shape` on `side`: a known code's interface leaves the spread details
/// out (they are intersected in), an unknown code's has them as an index signature.
fn push_fields(out: &mut String, shape: &Shape, side: Side) {
    for field in shape.fields {
        let spread = field.presence == Presence::Spread;
        if spread && side == Side::Known {
            continue;
        }
        push_doc(out, "  ", &prose(field.doc));
        if spread {
            assert!(
                field.value == Value::Details,
                "{}: only details sit beside the members",
                field.json
            );
            out.push_str("  readonly [member: string]: unknown;\n");
        } else {
            push_field(out, field, side);
        }
    }
}

/// One key: optional (`?`) when the Rust crate may leave it out.
fn push_field(out: &mut String, field: &Field, side: Side) {
    // The keys are the shapes' own, all of them identifiers, so they need no quotes.
    let _ = write!(out, "  readonly {}", field.json);
    if field.presence == Presence::Optional {
        out.push('?');
    }
    out.push_str(": ");
    match (field.value, side) {
        (Value::Text, _) => out.push_str("string"),
        (Value::Status | Value::JsonRpcNumber, _) => out.push_str("number"),
        (Value::Code, Side::Known) => out.push('C'),
        (Value::Code, Side::Unknown) => out.push_str("UnknownCode"),
        (Value::Details, Side::Known) => out.push_str("DetailsOf<C>"),
        (Value::Details, Side::Unknown) => out.push_str("UnknownDetails"),
        (Value::Object(name), Side::Known) => {
            let _ = write!(out, "{name}Of<C>");
        }
        (Value::Object(name), Side::Unknown) => {
            let _ = write!(out, "Unknown{name}");
        }
    }
    out.push_str(";\n");
}

fn push_trpc_protocol(out: &mut String) {
    out.push_str(
        "/**\n\
         \x20* One call's answer in tRPC's HTTP protocol: `{\"result\": {\"data\": ...}}` on success, a\n\
         \x20* `TrpcBody` on failure.\n\
         \x20*/\n\
         export type TrpcResponse<T = unknown> = { readonly result: { readonly data: T } } | TrpcBody;\n\n\
         /** The answer to a batched call (`?batch=1`): one `TrpcResponse` per call, in call order. */\n\
         export type TrpcBatch<T = unknown> = readonly TrpcResponse<T>[];\n\n",
    );
}

fn push_problem_media_type(out: &mut String) {
    out.push_str(
        "/** The media type of `Problem` bodies. */\n\
         export declare const PROBLEM_JSON: \"application/problem+json\";\n\n",
    );
}
