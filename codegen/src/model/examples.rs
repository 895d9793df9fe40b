//! The JSON body an envelope holds for a code, as the generated crate's constructors
//! build it (`RestBody::new(code)`, `TrpcBody::new(code, path)`, ...), for the outputs
//! that show or check examples.
//!
//! The keys, their order, nesting and optionality come from [`shapes`]; this module only
//! says which of the code's facts (or which stand-in for the occurrence, like the request
//! id) fills each key, so an example cannot show a key the crate does not send.

use std::fmt::Write;

use super::shapes::{Presence, Shape, Value};
use super::{Code, Envelope};
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
    /// The stand-ins the documentation shows, with every optional key present.
    pub(crate) const DOCS: Occurrence = Occurrence {
        request_id: "req_8f2a41c0",
        procedure: "procedure.name",
        stack: Some("..."),
        instance: Some("/path/of/the/request"),
    };
}

/// A JSON value of an example body.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Text(String),
    Number(i64),
    /// An object, keys in order.
    Object(Vec<(&'static str, Json)>),
}

/// The body `envelope` holds for `code` in `occurrence`.
pub(crate) fn body(envelope: Envelope, code: &Code, occurrence: &Occurrence) -> Json {
    let shapes = envelope.shapes();
    object(shapes[0], shapes, code, occurrence)
}

fn object(shape: &Shape, shapes: &[&Shape], code: &Code, occurrence: &Occurrence) -> Json {
    let fields = shape.fields.iter().filter_map(|field| {
        let value = match field.value {
            Value::Object(name) => {
                let inner = shapes
                    .iter()
                    .find(|shape| shape.name == name)
                    .expect("a shape names only shapes of its envelope");
                Some(object(inner, shapes, code, occurrence))
            }
            Value::Code => Some(Json::Text(code.wire.clone())),
            Value::Status => Some(Json::Number(code.status.into())),
            Value::JsonRpcNumber => Some(Json::Number(trpc::number_for_status(code.status).into())),
            Value::AnyObject => Some(Json::Object(Vec::new())),
            Value::Text => text_value(field.json, code, occurrence).map(Json::Text),
        };
        if value.is_none() {
            assert_eq!(
                field.presence,
                Presence::Optional,
                "`{}` is required",
                field.json
            );
        }
        value.map(|value| (field.json, value))
    });
    Json::Object(fields.collect())
}

/// The text of key `json`; `None` for an optional key with nothing to say.
fn text_value(json: &str, code: &Code, occurrence: &Occurrence) -> Option<String> {
    let text = match json {
        "message" | "detail" => &code.message,
        "docs_url" | "type" => &code.docs_url,
        "title" => &code.description,
        "action_url" => return code.action.as_ref().map(|action| action.url.clone()),
        "request_id" => occurrence.request_id,
        "path" => occurrence.procedure,
        "stack" => return occurrence.stack.map(str::to_owned),
        "instance" => return occurrence.instance.map(str::to_owned),
        other => unreachable!("no example value for the text key `{other}`"),
    };
    Some(text.to_owned())
}

impl Json {
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
            ("d", Json::Text("</x>".into())),
        ]);
        assert_eq!(
            json.pretty(),
            "{\n  \"a\": {\n    \"b\": -1\n  },\n  \"c\": {},\n  \"d\": \"</x>\"\n}\n"
        );
    }
}
