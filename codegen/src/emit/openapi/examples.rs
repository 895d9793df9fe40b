//! `components.examples`: each code's body in each envelope, as the Rust crate builds it
//! for the code's example occurrence (its example details, the message rendered from
//! them), keys in the order its serializer writes them.
//!
//! The bodies are [`crate::emit::examples`]'s, the ones the Markdown shows too, with
//! what the constructors set (no stack, no instance); the Node tests compare every
//! example of a code without details with the JSON the Rust crate serializes for it, and
//! check every example against its response's schema.

use super::kind_name;
use crate::emit::examples::{self, Occurrence};
use crate::emit::json::{Json, Object};
use crate::model::{Catalog, Code, Envelope};

/// The request id the linked examples show.
pub(super) const REQUEST_ID: &str = Occurrence::CONSTRUCTED.request_id;

/// The tRPC procedure the tRPC examples show.
pub(super) const PROCEDURE: &str = Occurrence::CONSTRUCTED.procedure;

/// Every example: per envelope, per code in catalog order, each made as it is printed.
pub(super) fn examples(catalog: &Catalog) -> Json<'_> {
    Json::lazy_object(move |examples| {
        let mut name = String::new();
        for &envelope in &catalog.envelopes {
            let kind = kind_name(envelope);
            for code in &catalog.codes {
                name.clear();
                push_example_name(&mut name, &kind, code);
                // No `summary`: the responses name each example by its code already.
                examples.entry(&name, Object::new().with("value", body(envelope, code)));
            }
        }
    })
}

/// `#/components/examples/` and the example's name, which a response's examples name.
pub(super) fn example_ref(kind: &str, code: &Code) -> String {
    const PREFIX: &str = "#/components/examples/";
    let mut reference = String::with_capacity(PREFIX.len() + kind.len() + 1 + code.variant.len());
    reference.push_str(PREFIX);
    push_example_name(&mut reference, kind, code);
    reference
}

/// `Rest.TicketNotFound` and the like, `kind` being the envelope's [`kind_name`]: the
/// variant name is unique in the catalog and made of the characters a component name
/// allows, which a wire string's `/` is not.
fn push_example_name(out: &mut String, kind: &str, code: &Code) {
    out.push_str(kind);
    out.push('.');
    out.push_str(&code.variant);
}

/// The object `envelope` holds for `code`'s example occurrence, as the crate fills it.
fn body(envelope: Envelope, code: &Code) -> Json<'_> {
    examples::body(envelope, code, &Occurrence::CONSTRUCTED).into()
}

impl<'a> From<examples::Json<'a>> for Json<'a> {
    fn from(value: examples::Json<'a>) -> Self {
        match value {
            examples::Json::Text(text) => Json::Str(text),
            examples::Json::Number(number) => number.into(),
            examples::Json::Float(number) => number.into(),
            examples::Json::Bool(value) => value.into(),
            examples::Json::Array(items) => {
                items.into_iter().map(Json::from).collect::<Vec<_>>().into()
            }
            examples::Json::Object(fields) => {
                let mut object = Object::new();
                for (key, value) in fields {
                    object.insert(key, Json::from(value));
                }
                object.into()
            }
        }
    }
}
