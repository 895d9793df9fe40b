//! The JSON body an envelope holds for a code, as the generated crate's constructors
//! build it (`RestBody::new(code)`, `TrpcBody::new(code, path)`, ...), for the outputs
//! that show or check examples.
//!
//! The keys, their order, nesting, optionality and each value's origin come from
//! [`crate::model::shapes`]; this module fills them from the code and the occurrence (the request id and
//! the like), for the Markdown's examples and OpenAPI's alike, so no example can show a
//! key the crate does not send.

use std::fmt::Write;

use crate::model::shapes::{Origin, Presence, Shape, Value};
use crate::model::{Code, Envelope};
use crate::{text, trpc};

/// What a body holds besides the code's own facts: the occurrence.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Occurrence {
    /// `request_id` of a linked body.
    pub(crate) request_id: &'static str,
    /// `data.path` of a tRPC body: the procedure.
    pub(crate) procedure: &'static str,
    /// `data.stack` of a tRPC body, sent in development only.
    pub(crate) stack: Option<&'static str>,
    /// `instance` of a problem.
    pub(crate) instance: Option<&'static str>,
}

impl Occurrence {
    /// What the constructors build (`TrpcBody::new(code, path)`, `Problem::new(code)`):
    /// no stack, no instance; placeholders for what the caller passes.
    pub(crate) const CONSTRUCTED: Occurrence = Occurrence {
        request_id: "req_8f2a41c0",
        procedure: "procedure.name",
        stack: None,
        instance: None,
    };

    /// The documentation's stand-ins, with every optional key present.
    pub(crate) const DOCS: Occurrence = Occurrence {
        stack: Some("..."),
        instance: Some("/path/of/the/request"),
        ..Occurrence::CONSTRUCTED
    };
}

/// A JSON value of an example body, borrowing the model's text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Text(&'a str),
    Number(i64),
    /// An object, keys in order.
    Object(Vec<(&'static str, Json<'a>)>),
}

/// The body `envelope` holds for `code` in `occurrence`.
pub(crate) fn body<'a>(envelope: Envelope, code: &'a Code, occurrence: &Occurrence) -> Json<'a> {
    let shapes = envelope.shapes();
    object(shapes[0], shapes, code, occurrence)
}

fn object<'a>(
    shape: &Shape,
    shapes: &[&Shape],
    code: &'a Code,
    occurrence: &Occurrence,
) -> Json<'a> {
    let fields = shape.fields.iter().filter_map(|field| {
        let value = match field.origin {
            Origin::Nested => {
                let Value::Object(name) = field.value else {
                    unreachable!("a nested field holds an object (shapes' own test)");
                };
                let inner = shapes
                    .iter()
                    .find(|shape| shape.name == name)
                    .expect("a shape names only shapes of its envelope");
                Some(object(inner, shapes, code, occurrence))
            }
            Origin::Wire => Some(Json::Text(&code.wire)),
            Origin::Message => Some(Json::Text(&code.message)),
            Origin::Description => Some(Json::Text(&code.description)),
            Origin::DocsUrl => Some(Json::Text(&code.docs_url)),
            Origin::ActionUrl => code.action.as_ref().map(|action| Json::Text(&action.url)),
            Origin::Status => Some(Json::Number(code.status.into())),
            Origin::TrpcNumber => Some(Json::Number(trpc::number_for_status(code.status).into())),
            Origin::Details => match field.presence {
                Presence::Defaulted => Some(Json::Object(Vec::new())),
                _ => None,
            },
            Origin::RequestId => Some(Json::Text(occurrence.request_id)),
            Origin::ProcedurePath => Some(Json::Text(occurrence.procedure)),
            Origin::Stack => occurrence.stack.map(Json::Text),
            Origin::Instance => occurrence.instance.map(Json::Text),
        };
        if value.is_none() {
            assert!(
                matches!(field.presence, Presence::Optional | Presence::Spread),
                "`{}` is required",
                field.json
            );
        }
        value.map(|value| (field.json, value))
    });
    Json::Object(fields.collect())
}

impl Json<'_> {
    /// The value printed with two-space indentation, one key a line, ending in a newline.
    pub(crate) fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Text(text) => text::push_json_string(out, text),
            Json::Number(number) => {
                let _ = write!(out, "{number}");
            }
            Json::Object(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Object(fields) => {
                out.push_str("{\n");
                for (index, (key, value)) in fields.iter().enumerate() {
                    out.push_str(&"  ".repeat(depth + 1));
                    text::push_json_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                    out.push_str(if index + 1 < fields.len() {
                        ",\n"
                    } else {
                        "\n"
                    });
                }
                out.push_str(&"  ".repeat(depth));
                out.push('}');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Config;

    /// Every key of every envelope has an example, with a code that has every optional
    /// fact (an action) and one that has none.
    #[test]
    fn every_envelope_renders_for_every_code() {
        let source = crate::Source {
            path: "relay.yaml",
            bytes: include_bytes!("../../../tests/fixtures/valid/actions_and_retries.yaml"),
        };
        let catalog = Config::new().generate(source, None).unwrap().catalog;
        for code in &catalog.codes {
            for (envelope, _) in Envelope::ALL {
                let json = body(envelope, code, &Occurrence::DOCS).pretty();
                assert!(json.contains(&code.wire), "{json}");
            }
        }
    }

    #[test]
    fn pretty_printing_is_indented_json() {
        let json = Json::Object(vec![
            ("a", Json::Object(vec![("b", Json::Number(-1))])),
            ("c", Json::Object(Vec::new())),
            ("d", Json::Text("</x>")),
        ]);
        assert_eq!(
            json.pretty(),
            "{\n  \"a\": {\n    \"b\": -1\n  },\n  \"c\": {},\n  \"d\": \"</x>\"\n}\n"
        );
    }
}
