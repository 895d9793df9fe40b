//! `components.examples`: each code's body in each envelope, as the Rust crate's
//! constructors build it (`RestBody::new(code)`, `LinkedBody::error(code, request_id)`,
//! ...), keys in the order its serializer writes them.
//!
//! The values come from the model and the description of each field's origin in
//! [`crate::model::shapes`]; the Node tests compare every example with the JSON the Rust
//! crate serializes for the same code.

use super::{kind_name, shape_named, spelling};
use crate::emit::json::{Json, Object};
use crate::model::shapes::{Origin, Shape, Value};
use crate::model::{Catalog, Code, Envelope};
use crate::trpc;

/// The request id the linked examples show.
pub(super) const REQUEST_ID: &str = "req_8f2a41c0";

/// The tRPC procedure the tRPC examples show.
pub(super) const PROCEDURE: &str = "procedure.name";

/// Every example: per envelope, per code in catalog order.
pub(super) fn examples(catalog: &Catalog) -> Object {
    let mut examples = Object::new();
    for &envelope in &catalog.envelopes {
        let outer = envelope.shapes()[0];
        for code in &catalog.codes {
            let example = Object::new()
                .with("summary", format!("{} ({})", code.wire, spelling(envelope)))
                .with("value", body(envelope, outer, code));
            examples.insert(example_name(envelope, code), example);
        }
    }
    examples
}

/// `Rest.TicketNotFound` and the like: the variant name is unique in the catalog and
/// made of the characters a component name allows, which a wire string's `/` is not.
pub(super) fn example_name(envelope: Envelope, code: &Code) -> String {
    format!("{}.{}", kind_name(envelope), code.variant)
}

/// The object `shape` holds for `code`, as the constructor fills it.
fn body(envelope: Envelope, shape: &Shape, code: &Code) -> Object {
    let mut object = Object::new();
    for field in shape.fields {
        let value: Option<Json> = match field.origin {
            Origin::Wire => Some(code.wire.clone().into()),
            Origin::Message => Some(code.message.clone().into()),
            Origin::Description => Some(code.description.clone().into()),
            Origin::DocsUrl => Some(code.docs_url.clone().into()),
            Origin::ActionUrl => code.action.as_ref().map(|action| action.url.clone().into()),
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
