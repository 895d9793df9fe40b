//! The JSON shape of each envelope: its objects, their keys, whether each key may be
//! missing and what kind of value it holds.
//!
//! This is the one description every emitter renders: the Rust crate's hand-written
//! (de)serialization (`emit::rust::serde_shape`), the TypeScript package's envelope
//! types (`emit::typescript`) and the OpenAPI schemas and examples (`emit::openapi`), so
//! a key cannot be spelt or made optional differently in any two. The Rust structs
//! themselves, with their fields' types and docs, are emitted from it too
//! (`emit::rust::serde_shape`); only their constructors are templates.

use crate::format::Envelope;

/// One JSON object of an envelope.
#[derive(Debug)]
pub(crate) struct Shape {
    /// The type's name, in Rust and in TypeScript alike, e.g. `RestError`.
    pub(crate) name: &'static str,
    /// What a Rust deserialization error says was expected, e.g. "a REST error body".
    pub(crate) expecting: &'static str,
    /// What the object is, for the docs of every output.
    pub(crate) doc: &'static str,
    /// The keys, in JSON order.
    pub(crate) fields: &'static [Field],
}

/// One key of a [`Shape`].
#[derive(Debug)]
pub(crate) struct Field {
    /// The Rust field name.
    pub(crate) rust: &'static str,
    /// The JSON key.
    pub(crate) json: &'static str,
    /// Whether the key may be missing, and what that means.
    pub(crate) presence: Presence,
    /// What the key holds.
    pub(crate) value: Value,
    /// What the value means, for the docs of every output.
    pub(crate) doc: &'static str,
    /// What the Rust crate's constructor (`RestBody::new(code)` and the like) puts in
    /// the field, which the examples (Markdown, OpenAPI) show for each code.
    pub(crate) origin: Origin,
}

/// Where the value a constructor gives a field comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// The code's wire string.
    Wire,
    /// The code's message: its description and resolution as one text.
    Message,
    /// The code's description.
    Description,
    /// The code's documentation link.
    DocsUrl,
    /// The code's dashboard link; the key is left out when it has none.
    ActionUrl,
    /// The code's HTTP status.
    Status,
    /// tRPC's JSON-RPC number for the code's status.
    TrpcNumber,
    /// The occurrence's details: an empty object from `new(code)`, the details of the
    /// `Error` it is built from; examples show the code's example values.
    Details,
    /// The request id the caller passes; examples show a placeholder.
    RequestId,
    /// The tRPC procedure the caller passes; examples show a placeholder.
    ProcedurePath,
    /// tRPC's stack trace: left out by the constructor, set by `with_stack` (development
    /// only); examples show it when their occurrence has one.
    Stack,
    /// The problem's instance: left out by the constructor, set by `with_instance`;
    /// examples show it when their occurrence has one.
    Instance,
    /// The nested object of [`Value::Object`], built the same way.
    Nested,
}

/// How a field behaves when its key is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Presence {
    /// The key is always there.
    Required,
    /// The key is left out when there is no value, and read as "none" when missing.
    Optional,
    /// Always written; a missing key reads as the empty value.
    Defaulted,
    /// A [`Value::Details`] whose members sit beside the object's own keys (RFC 9457's
    /// extension members); every key the object does not know reads into it.
    Spread,
}

/// The kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Value {
    /// A string.
    Text,
    /// An HTTP status, a JSON integer.
    Status,
    /// A catalog code's wire string, or a code a newer server added.
    Code,
    /// tRPC's JSON-RPC error number; a Rust reader also takes a wire string here, as
    /// older servers sent it.
    JsonRpcNumber,
    /// The code's details: typed per code where the output can say so (TypeScript,
    /// OpenAPI), a JSON object of any keys in Rust, which reads every code's.
    Details,
    /// Another shape of the same envelope, by name.
    Object(&'static str),
}

impl Envelope {
    /// The envelope's shapes, the outer object first.
    pub(crate) fn shapes(self) -> &'static [&'static Shape] {
        match self {
            Envelope::Linked => &[&LINKED_BODY, &LINKED_ERROR],
            Envelope::Rest => &[&REST_BODY, &REST_ERROR],
            Envelope::Trpc => &[&TRPC_BODY, &TRPC_ERROR, &TRPC_DATA],
            Envelope::Problem => &[&PROBLEM],
        }
    }

    /// The media type the body is served as.
    pub fn media_type(self) -> &'static str {
        match self {
            Envelope::Problem => "application/problem+json",
            Envelope::Linked | Envelope::Rest | Envelope::Trpc => "application/json",
        }
    }
}

/// A field that is always there.
const fn required(
    rust: &'static str,
    json: &'static str,
    value: Value,
    doc: &'static str,
    origin: Origin,
) -> Field {
    Field {
        rust,
        json,
        presence: Presence::Required,
        value,
        doc,
        origin,
    }
}

/// A field whose key is absent when it has no value.
const fn optional(
    rust: &'static str,
    json: &'static str,
    value: Value,
    doc: &'static str,
    origin: Origin,
) -> Field {
    Field {
        rust,
        json,
        presence: Presence::Optional,
        value,
        doc,
        origin,
    }
}

/// `linked`: `{"error": {"code", "message", "docs_url", "action_url"}, "request_id"}`.
pub(crate) const LINKED_BODY: Shape = Shape {
    name: "LinkedBody",
    expecting: "a response body with `request_id`",
    doc: "A response body with links, `{\"error\": {\"code\", \"message\", \"docs_url\", \"action_url\"}, \"request_id\"}`: `error` only on failure, `request_id` always.",
    fields: &[
        optional(
            "error",
            "error",
            Value::Object("LinkedError"),
            "What went wrong; absent on success.",
            Origin::Nested,
        ),
        required(
            "request_id",
            "request_id",
            Value::Text,
            "The request's unique id: log it, and quote it to support.",
            Origin::RequestId,
        ),
    ],
};

/// The `error` object of [`LINKED_BODY`].
pub(crate) const LINKED_ERROR: Shape = Shape {
    name: "LinkedError",
    expecting: "an error object with `code`, `message` and `docs_url`",
    doc: "The `error` object of a `LinkedBody`.",
    fields: &[
        required(
            "code",
            "code",
            Value::Code,
            "The machine-readable code to branch on.",
            Origin::Wire,
        ),
        required(
            "message",
            "message",
            Value::Text,
            "What went wrong and, where possible, what to do next.",
            Origin::Message,
        ),
        required(
            "docs_url",
            "docs_url",
            Value::Text,
            "The documentation of this code.",
            Origin::DocsUrl,
        ),
        optional(
            "action_url",
            "action_url",
            Value::Text,
            "The dashboard page where the user can act; absent when there is none.",
            Origin::ActionUrl,
        ),
    ],
};

/// `rest`: `{"error": {"code", "message", "details"}}`.
pub(crate) const REST_BODY: Shape = Shape {
    name: "RestBody",
    expecting: "a REST error body with `error`",
    doc: "A REST error body: `{\"error\": {\"code\", \"message\", \"details\"}}`.",
    fields: &[required(
        "error",
        "error",
        Value::Object("RestError"),
        "What went wrong.",
        Origin::Nested,
    )],
};

/// The `error` object of [`REST_BODY`].
pub(crate) const REST_ERROR: Shape = Shape {
    name: "RestError",
    expecting: "an error object with `code` and `message`",
    doc: "The `error` object of a `RestBody`.",
    fields: &[
        required(
            "code",
            "code",
            Value::Code,
            "The machine-readable code to branch on.",
            Origin::Wire,
        ),
        required(
            "message",
            "message",
            Value::Text,
            "A human-readable explanation.",
            Origin::Message,
        ),
        Field {
            rust: "details",
            json: "details",
            presence: Presence::Defaulted,
            value: Value::Details,
            doc: "The facts of this occurrence, as the code's details declare them; `{}` when it has none.",
            origin: Origin::Details,
        },
    ],
};

/// `trpc`: `{"error": {"message", "code", "data": {"code", "httpStatus", "path", "stack"}}}`.
pub(crate) const TRPC_BODY: Shape = Shape {
    name: "TrpcBody",
    expecting: "a tRPC error body with `error`",
    doc: "A tRPC error body, `{\"error\": {\"message\", \"code\", \"data\": {\"code\", \"httpStatus\", \"path\", \"stack\"}}}`, as tRPC itself sends it: `error.code` is tRPC's JSON-RPC number for the status (the only form tRPC's client accepts), and `error.data.code` is the catalog's wire string, which is what clients branch on.",
    fields: &[required(
        "error",
        "error",
        Value::Object("TrpcError"),
        "What went wrong.",
        Origin::Nested,
    )],
};

/// The `error` object of [`TRPC_BODY`].
pub(crate) const TRPC_ERROR: Shape = Shape {
    name: "TrpcError",
    expecting: "a tRPC error object with `message`, `code` and `data`",
    doc: "The `error` object of a `TrpcBody`: what a `TRPCClientError` calls its `shape`.",
    fields: &[
        required(
            "message",
            "message",
            Value::Text,
            "A human-readable explanation.",
            Origin::Message,
        ),
        required(
            "code",
            "code",
            Value::JsonRpcNumber,
            "tRPC's JSON-RPC number for the status, e.g. -32004 for a 404; not the catalog's code, which is `data.code`. Older servers sent the wire string here; a reader takes it as that code's number (-32603 if it does not know the code).",
            Origin::TrpcNumber,
        ),
        required(
            "data",
            "data",
            Value::Object("TrpcData"),
            "The catalog's code, the status and the procedure.",
            Origin::Nested,
        ),
    ],
};

/// The `data` object of [`TRPC_ERROR`].
pub(crate) const TRPC_DATA: Shape = Shape {
    name: "TrpcData",
    expecting: "a tRPC error data object with `code`, `httpStatus` and `path`",
    doc: "The `data` object of a `TrpcError`: what a `TRPCClientError` calls its `data`.",
    fields: &[
        required(
            "code",
            "code",
            Value::Code,
            "The machine-readable code to branch on: the catalog's wire string.",
            Origin::Wire,
        ),
        required(
            "http_status",
            "httpStatus",
            Value::Status,
            "The HTTP status.",
            Origin::Status,
        ),
        required(
            "path",
            "path",
            Value::Text,
            "The procedure that failed, e.g. `tickets.get`.",
            Origin::ProcedurePath,
        ),
        optional(
            "stack",
            "stack",
            Value::Text,
            "The server's stack trace; only ever sent in development.",
            Origin::Stack,
        ),
        optional(
            "details",
            "details",
            Value::Details,
            "The facts of this occurrence, as the code's details declare them; absent when it has none.",
            Origin::Details,
        ),
    ],
};

/// `problem`: RFC 9457 problem details.
pub(crate) const PROBLEM: Shape = Shape {
    name: "Problem",
    expecting: "an RFC 9457 problem details object",
    doc: "RFC 9457 problem details, `{\"type\", \"title\", \"status\", \"detail\", \"instance\", \"code\"}`, served as `application/problem+json`; `code` is an extension member.",
    fields: &[
        required(
            "problem_type",
            "type",
            Value::Text,
            "The problem type: the code's documentation link.",
            Origin::DocsUrl,
        ),
        required(
            "title",
            "title",
            Value::Text,
            "A short summary of the problem type: the code's description.",
            Origin::Description,
        ),
        required(
            "status",
            "status",
            Value::Status,
            "The HTTP status.",
            Origin::Status,
        ),
        required(
            "detail",
            "detail",
            Value::Text,
            "An explanation of this occurrence.",
            Origin::Message,
        ),
        optional(
            "instance",
            "instance",
            Value::Text,
            "A URI reference to this occurrence, e.g. the request path.",
            Origin::Instance,
        ),
        required(
            "code",
            "code",
            Value::Code,
            "The machine-readable code to branch on.",
            Origin::Wire,
        ),
        Field {
            rust: "details",
            json: "details",
            presence: Presence::Spread,
            value: Value::Details,
            doc: "The facts of this occurrence, as the code's details declare them, each an extension member beside the others (so not under a `details` key); empty when it has none.",
            origin: Origin::Details,
        },
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The TypeScript types write the keys unquoted, and the Rust reader of tRPC's
    /// `error.code` is keyed on the `JsonRpcNumber` kind: both hold for every shape.
    #[test]
    fn keys_are_identifiers_and_every_nested_shape_exists() {
        let all: Vec<&Shape> = Envelope::ALL
            .iter()
            .flat_map(|(kind, _)| kind.shapes().iter().copied())
            .collect();
        for shape in &all {
            for field in shape.fields {
                let mut chars = field.json.chars();
                assert!(
                    chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
                    "{}",
                    field.json
                );
                assert!(
                    chars.all(|c| c.is_ascii_alphanumeric() || c == '_'),
                    "{}",
                    field.json
                );
                if let Value::Object(name) = field.value {
                    assert!(all.iter().any(|s| s.name == name), "{name}");
                }
                assert_eq!(
                    matches!(field.value, Value::Object(_)),
                    field.origin == Origin::Nested,
                    "{}: a nested object, and only one, is built as its shape",
                    field.json
                );
            }
        }
    }
}
