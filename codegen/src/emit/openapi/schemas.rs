//! `components.schemas`: the codes, the envelopes' objects, and both narrowed to each
//! HTTP status the catalog uses.

use super::details::{branches, details_schemas};
use super::inline;
use super::{schema_ref, shape_named};
use crate::emit::json::{strings, Json, Object};
use crate::http_status::reason_phrase;
use crate::model::shapes::{Field, Presence, Shape, Value};
use crate::model::{Catalog, Code, Envelope};
use crate::trpc;

/// Every schema, in the order a reader meets them: the codes, the envelopes, each code's
/// details, then per status the codes and envelopes narrowed to it. Made as it is
/// printed: with details on every code, the details schemas and the per-status branches
/// are most of the document, and each is dropped once printed.
pub(super) fn schemas(catalog: &Catalog) -> Json<'_> {
    Json::lazy_object(move |schemas| {
        schemas.entry("ErrorCode", error_code(catalog));
        schemas.entry("WireCode", wire_code(catalog));
        for &envelope in &catalog.envelopes {
            for shape in envelope.shapes() {
                schemas.entry(shape.name, shape_schema(shape));
            }
        }
        details_schemas(catalog, schemas);
        for (status, codes) in catalog.codes_by_status() {
            schemas.entry(&status_codes_name(status), status_codes(status, &codes));
            for &envelope in &catalog.envelopes {
                schemas.entry(
                    &body_name(envelope, status),
                    narrowed_body(envelope, status, &codes),
                );
            }
        }
    })
}

/// `ErrorCode`: each live code as a `const` with its own description, and `deprecated`
/// where it is.
///
/// This is the "annotated enumeration" of OpenAPI 3.1: `enum` cannot give a value a
/// description or mark it deprecated without an extension each tool spells its own way
/// (the README compares them).
fn error_code(catalog: &Catalog) -> Object<'_> {
    let description = format!(
        "A code of the {}: the machine-readable string an error body carries, which \
         clients branch on. Retired codes are not listed: they are never sent again.",
        inline(&catalog.api)
    );
    let codes = Json::lazy_array(move |codes| {
        for code in &catalog.codes {
            codes.item(code_const(catalog, code));
        }
    });
    // A `oneOf` of one is a lint warning ("use the schema directly"); an `allOf` of one
    // beside the description keeps the code's own description apart from the type's.
    let composition = if catalog.codes.len() == 1 {
        "allOf"
    } else {
        "oneOf"
    };
    Object::new()
        .with("description", description)
        .with("type", "string")
        .with(composition, codes)
}

fn code_const<'a>(catalog: &Catalog, code: &'a Code) -> Object<'a> {
    let mut description = format!(
        "{} HTTP {}. [Documentation](",
        inline(&code.message),
        code.status
    );
    crate::text::push_link_destination(&mut description, &code.docs_url);
    description.push(')');
    if let Some(line) = deprecation(catalog, code) {
        description.push_str("\n\n");
        description.push_str(&line);
    }
    Object::new()
        .with("const", code.wire.as_str())
        .with("description", description)
        .with_some("deprecated", code.deprecated.as_ref().map(|_| true))
}

/// Since when a code is deprecated and what to use instead, as Markdown.
pub(super) fn deprecation(catalog: &Catalog, code: &Code) -> Option<String> {
    let deprecation = code.deprecated.as_ref()?;
    let mut line = format!("Deprecated since {}", deprecation.since);
    match deprecation.replacement {
        Some(index) => {
            line.push_str(&format!(": use `{}` instead.", catalog.codes[index].wire));
        }
        None => line.push('.'),
    }
    if let Some(note) = &deprecation.note {
        line.push(' ');
        line.push_str(&inline(note));
    }
    Some(line)
}

/// `WireCode`: what a reader must accept where a code goes, as the Rust crate's
/// `envelopes::Code` and the TypeScript package's `WireCode` do.
fn wire_code(catalog: &Catalog) -> Object<'static> {
    let description = format!(
        "A code of the {} (`ErrorCode`), or one a newer version of the API added: read any \
         string, and treat a code you do not know by its HTTP status.",
        inline(&catalog.api)
    );
    Object::new().with("description", description).with(
        "anyOf",
        Json::Array(vec![
            schema_ref("ErrorCode").into(),
            Object::new().with("type", "string").into(),
        ]),
    )
}

/// One object of an envelope: its keys, which are required, what each holds.
///
/// Unknown keys are allowed, as the Rust reader skips them: a newer server may add keys.
fn shape_schema(shape: &'static Shape) -> Object<'static> {
    let mut properties = Object::new();
    for field in shape
        .fields
        .iter()
        .filter(|f| f.presence != Presence::Spread)
    {
        properties.insert(field.json, field_schema(field));
    }
    let required: Vec<&'static str> = shape
        .fields
        .iter()
        .filter(|field| field.presence == Presence::Required)
        .map(|field| field.json)
        .collect();
    Object::new()
        .with("description", shape.doc)
        .with("type", "object")
        .with("properties", properties)
        .with("required", strings(required))
}

fn field_schema(field: &'static Field) -> Object<'static> {
    let schema = match field.value {
        Value::Text => Object::new().with("type", "string"),
        Value::Status => Object::new()
            .with("type", "integer")
            .with("minimum", 400)
            .with("maximum", 599),
        Value::Code => schema_ref("WireCode"),
        Value::JsonRpcNumber => Object::new().with("type", "integer"),
        Value::Details => Object::new().with("type", "object"),
        Value::Object(name) => schema_ref(name),
    };
    // In OpenAPI 3.1 a `$ref` may have a `description` beside it, which describes this
    // use of the referenced schema.
    Object::new().with("description", field.doc).merge(schema)
}

/// `ErrorCode404` and the like.
pub(super) fn status_codes_name(status: u16) -> String {
    format!("ErrorCode{status}")
}

/// `RestBody404` and the like: the envelope's outer object, narrowed to `status`.
pub(super) fn body_name(envelope: Envelope, status: u16) -> String {
    format!("{}{status}", envelope.shapes()[0].name)
}

/// The codes answered with `status`: `ErrorCode`, restricted to them.
fn status_codes<'a>(status: u16, codes: &[&'a Code]) -> Object<'a> {
    let description = match reason_phrase(status) {
        Some(reason) => format!("The codes answered with HTTP {status} {reason}."),
        None => format!("The codes answered with HTTP {status}."),
    };
    Object::new()
        .with("description", description)
        .merge(schema_ref("ErrorCode"))
        .with("enum", strings(codes.iter().map(|code| code.wire.as_str())))
}

/// The envelope's body as it is answered with `status`: its code one of that status's,
/// its status fields that status, every object on the way to the code present, and,
/// where codes of the status have details, the details typed by the code (an `anyOf`).
fn narrowed_body<'a>(envelope: Envelope, status: u16, codes: &[&'a Code]) -> Object<'a> {
    let outer = envelope.shapes()[0];
    let branches = branches(envelope, codes);
    let mut description = format!(
        "{} Answered with HTTP {status}: the code is one of `{}`.",
        outer.doc,
        status_codes_name(status)
    );
    if branches.is_some() {
        description.push_str(" Its details are the code's: one branch per code with details.");
    }
    let narrowed = narrowed(envelope, outer, status);
    // The envelope's schema in an `allOf`, not as a `$ref` beside the narrowing: a `$ref`
    // with siblings is valid 3.1, but tools that resolve references by putting the target
    // in the `$ref`'s place (as OpenAPI 3.0 had it, and the validator the Node tests use)
    // lose the siblings, and fail on the references in them.
    let mut all_of = vec![Json::from(schema_ref(outer.name))];
    // The branches exclude each other by a nested `const` code, so `anyOf` accepts what
    // `oneOf` would; `oneOf` makes linters that compare only top-level properties
    // (redocly's `no-illogical-composition-keywords`) call them overlapping. A lone
    // branch is a plain constraint.
    let any_of = match branches {
        Some(mut branches) if branches.len() == 1 => {
            all_of.append(&mut branches);
            None
        }
        other => other.map(Json::from),
    };
    Object::new()
        .with("description", description)
        .with("allOf", all_of)
        .merge(narrowed)
        .with_some("anyOf", any_of)
}

/// `properties` (and `required`) that narrow `shape`'s status-dependent fields.
fn narrowed(envelope: Envelope, shape: &'static Shape, status: u16) -> Object<'static> {
    let mut properties = Object::new();
    let mut required = Vec::new();
    for field in shape.fields {
        let schema = match field.value {
            Value::Code => schema_ref(&status_codes_name(status)),
            Value::Status => Object::new().with("const", status),
            Value::JsonRpcNumber => Object::new().with("const", trpc::number_for_status(status)),
            Value::Object(name) => narrowed(envelope, shape_named(envelope, name), status),
            Value::Text | Value::Details => continue,
        };
        if field.presence != Presence::Required {
            required.push(field.json);
        }
        properties.insert(field.json, schema);
    }
    let object = Object::new().with("properties", properties);
    if required.is_empty() {
        object
    } else {
        object.with("required", strings(required))
    }
}
