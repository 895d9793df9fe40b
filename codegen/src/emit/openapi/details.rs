//! The codes' details: `components.schemas` has one schema per code with details,
//! `Details.TooManyRequests` and the like, and each status's bodies ([`branches`]) type
//! the details by the code they carry, referencing those schemas.
//!
//! A details object, and every `object` in it, allows keys it does not list: a newer
//! version of the API may add an optional detail without a breaking release, as the lock
//! allows, and a reader must still accept the body.

use super::inline;
use super::{schema_ref, shape_named};
use crate::emit::examples::Json as Example;
use crate::emit::json::{strings, Entries, Json, Object};
use crate::model::details::{Detail, DetailType};
use crate::model::shapes::{Presence, Shape, Value};
use crate::model::{Catalog, Code, Envelope};

/// `Details.TooManyRequests`: named by the code's variant, which is unique in the
/// catalog and made of the characters a component name allows (a wire string's `/` is
/// not); the `.` keeps it apart from every other schema's name.
pub(super) fn details_name(code: &Code) -> String {
    format!("Details.{}", code.variant)
}

/// The details schema of each code that has details, in catalog order.
pub(super) fn details_schemas(catalog: &Catalog, schemas: &mut Entries<'_, '_>) {
    for code in catalog.codes.iter().filter(|code| !code.details.is_empty()) {
        schemas.entry(&details_name(code), details_schema(catalog, code));
    }
}

/// The object of `code`'s details: a property per detail, the required ones listed,
/// each with its catalog example.
fn details_schema<'a>(catalog: &Catalog, code: &'a Code) -> Object<'a> {
    let places: Vec<&str> = catalog
        .envelopes
        .iter()
        .filter_map(|envelope| match envelope {
            Envelope::Rest => Some("`error.details` in a REST body"),
            Envelope::Trpc => Some("`error.data.details` in a tRPC body"),
            Envelope::Problem => Some("the members after `code` in problem details"),
            Envelope::Linked => None,
        })
        .collect();
    let mut description = format!("The details of an occurrence of `{}`", code.wire);
    if !places.is_empty() {
        description.push_str(": ");
        description.push_str(&places.join(", "));
    }
    description.push('.');
    if catalog.envelopes.contains(&Envelope::Linked) {
        description.push_str(" A body with links carries them only in its message.");
    }
    object_schema(Some(description), &code.details, true)
}

/// An object with a property per detail (`with_examples`: each with its catalog example),
/// its required details listed, other keys allowed.
fn object_schema<'a>(
    description: Option<String>,
    details: &'a [Detail],
    with_examples: bool,
) -> Object<'a> {
    let mut properties = Object::new();
    for detail in details {
        let mut property = Object::new()
            .with_some("description", detail.description.as_deref().map(inline))
            .merge(type_schema(&detail.ty));
        if let Some(example) = detail.example.as_ref().filter(|_| with_examples) {
            property.insert("examples", vec![Json::from(Example::value(example))]);
        }
        properties.insert(detail.key.as_str(), property);
    }
    let required: Vec<&str> = details
        .iter()
        .filter(|detail| !detail.optional)
        .map(|detail| detail.key.as_str())
        .collect();
    let object = Object::new()
        .with_some("description", description)
        .with("type", "object")
        .with("properties", properties);
    let object = if required.is_empty() {
        object
    } else {
        object.with("required", strings(required))
    };
    object.with("additionalProperties", true)
}

/// The schema of a value of `ty`.
fn type_schema(ty: &DetailType) -> Object<'_> {
    match ty {
        DetailType::String => Object::new().with("type", "string"),
        DetailType::Integer => Object::new()
            .with("type", "integer")
            .with("format", "int64"),
        DetailType::Number => Object::new()
            .with("type", "number")
            .with("format", "double"),
        DetailType::Boolean => Object::new().with("type", "boolean"),
        DetailType::Enum(enumeration) => Object::new().with("type", "string").with(
            "enum",
            strings(enumeration.values.iter().map(|value| value.wire.as_str())),
        ),
        DetailType::List(item) => Object::new()
            .with("type", "array")
            .with("items", type_schema(item)),
        DetailType::Object(object) => object_schema(None, &object.fields, false),
    }
}

/// Whether `envelope`'s bodies carry details: all but the linked one.
fn carries_details(envelope: Envelope) -> bool {
    envelope
        .shapes()
        .iter()
        .any(|shape| shape.fields.iter().any(|f| f.value == Value::Details))
}

/// The branches that type a status's `envelope` body by its code: one per code with
/// details, its code a `const` and its details that code's schema, and one for the codes
/// without details, if any. The codes are distinct, so a body's code picks exactly one
/// branch. None when no code of the status has details, or the envelope carries none.
pub(super) fn branches<'a>(envelope: Envelope, codes: &[&'a Code]) -> Option<Vec<Json<'a>>> {
    if !carries_details(envelope) || codes.iter().all(|code| code.details.is_empty()) {
        return None;
    }
    let outer = envelope.shapes()[0];
    let mut branches: Vec<Json<'a>> = codes
        .iter()
        .filter(|code| !code.details.is_empty())
        .map(|code| {
            let branch = Object::new().with("title", code.wire.as_str());
            branch
                .merge(typed(envelope, outer, &Choice::One(code)))
                .into()
        })
        .collect();
    let plain: Vec<&Code> = codes
        .iter()
        .copied()
        .filter(|code| code.details.is_empty())
        .collect();
    if !plain.is_empty() {
        let title = if plain.len() == 1 {
            "A code without details"
        } else {
            "The codes without details"
        };
        let branch = Object::new().with("title", title);
        branches.push(
            branch
                .merge(typed(envelope, outer, &Choice::Plain(plain)))
                .into(),
        );
    }
    Some(branches)
}

/// The codes a branch is for.
enum Choice<'a> {
    /// One code with details.
    One(&'a Code),
    /// The codes without details.
    Plain(Vec<&'a Code>),
}

/// The keywords of a branch for `shape`: its code restricted to the choice, its details
/// (for one code) that code's schema, and the objects on the way to them.
fn typed<'a>(envelope: Envelope, shape: &'static Shape, choice: &Choice<'a>) -> Object<'a> {
    let mut properties = Object::new();
    let mut required = Vec::new();
    let mut spread = None;
    for field in shape.fields {
        let schema = match (field.value, choice) {
            (Value::Code, Choice::One(code)) => Object::new().with("const", code.wire.as_str()),
            (Value::Code, Choice::Plain(codes)) => {
                Object::new().with("enum", strings(codes.iter().map(|code| code.wire.as_str())))
            }
            (Value::Details, Choice::One(code)) => {
                let reference = schema_ref(&details_name(code));
                if field.presence == Presence::Spread {
                    // The details are members of this object itself.
                    spread = Some(Object::new().with("allOf", vec![Json::from(reference)]));
                    continue;
                }
                // Sent whenever the code has details, except where the crate leaves an
                // empty details object out (tRPC's `data.details`): there only when the
                // code has a required detail.
                let always = field.presence != Presence::Optional
                    || code.details.iter().any(|detail| !detail.optional);
                if always {
                    required.push(field.json);
                }
                reference
            }
            (Value::Object(name), _) => {
                let inner = typed(envelope, shape_named(envelope, name), choice);
                if inner.is_empty() {
                    continue;
                }
                inner
            }
            _ => continue,
        };
        properties.insert(field.json, schema);
    }
    let object = spread.unwrap_or_default();
    let object = if properties.is_empty() {
        object
    } else {
        object.with("properties", properties)
    };
    if required.is_empty() {
        object
    } else {
        object.with("required", strings(required))
    }
}
