//! `components.examples`: each code's body in each envelope, as the Rust crate's
//! constructors build it (`RestBody::new(code)`, `LinkedBody::error(code, request_id)`,
//! ...), keys in the order its serializer writes them.
//!
//! The values come from the model and the description of each field's origin in
//! [`crate::model::shapes`]; the Node tests compare every example with the JSON the Rust
//! crate serializes for the same code.

use super::{kind_name, shape_named};
use crate::emit::json::{Json, Object};
use crate::model::shapes::{Origin, Shape, Value};
use crate::model::{Catalog, Code, Envelope};
use crate::trpc;

/// The request id the linked examples show.
pub(super) const REQUEST_ID: &str = "req_8f2a41c0";

/// The tRPC procedure the tRPC examples show.
pub(super) const PROCEDURE: &str = "procedure.name";

/// Every example: per envelope, per code in catalog order.
pub(super) fn examples(catalog: &Catalog) -> Object<'_> {
    let mut examples = Object::new();
    for &envelope in &catalog.envelopes {
        let outer = envelope.shapes()[0];
        let kind = kind_name(envelope);
        for code in &catalog.codes {
            // No `summary`: the responses name each example by its code already.
            let example = Object::new().with("value", body(envelope, outer, code));
            examples.insert(example_name(&kind, code), example);
        }
    }
    examples
}

/// `Rest.TicketNotFound` and the like, `kind` being the envelope's [`kind_name`]: the
/// variant name is unique in the catalog and made of the characters a component name
/// allows, which a wire string's `/` is not.
pub(super) fn example_name(kind: &str, code: &Code) -> String {
    let mut name = String::with_capacity(kind.len() + 1 + code.variant.len());
    push_example_name(&mut name, kind, code);
    name
}

/// `#/components/examples/` and the [`example_name`], which a response's examples name.
pub(super) fn example_ref(kind: &str, code: &Code) -> String {
    const PREFIX: &str = "#/components/examples/";
    let mut reference = String::with_capacity(PREFIX.len() + kind.len() + 1 + code.variant.len());
    reference.push_str(PREFIX);
    push_example_name(&mut reference, kind, code);
    reference
}

fn push_example_name(out: &mut String, kind: &str, code: &Code) {
    out.push_str(kind);
    out.push('.');
    out.push_str(&code.variant);
}

/// The object `shape` holds for `code`, as the constructor fills it.
fn body<'a>(envelope: Envelope, shape: &Shape, code: &'a Code) -> Object<'a> {
    let mut object = Object::new();
    for field in shape.fields {
        let value: Option<Json<'a>> = match field.origin {
            Origin::Wire => Some(code.wire.as_str().into()),
            Origin::Message => Some(code.message.as_str().into()),
            Origin::Description => Some(code.description.as_str().into()),
            Origin::DocsUrl => Some(code.docs_url.as_str().into()),
            Origin::ActionUrl => code
                .action
                .as_ref()
                .map(|action| action.url.as_str().into()),
            Origin::Status => Some(code.status.into()),
            Origin::TrpcNumber => Some(trpc::number_for_status(code.status).into()),
            Origin::EmptyObject => Some(Object::new().into()),
            Origin::RequestId => Some(REQUEST_ID.into()),
            Origin::ProcedurePath => Some(PROCEDURE.into()),
            Origin::Unset => None,
            Origin::Nested => {
                let Value::Object(name) = field.value else {
                    unreachable!("a nested field holds an object (shapes' own test)");
                };
                Some(body(envelope, shape_named(envelope, name), code).into())
            }
        };
        if let Some(value) = value {
            object.insert(field.json, value);
        }
    }
    object
}
