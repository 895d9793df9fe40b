//! The JSON body an envelope holds for a code's example occurrence, as the generated
//! crate builds it from an `Error` (`RestBody::from(error)`, `TrpcBody` with a path, ...),
//! for the outputs that show or check examples.
//!
//! The keys, their order, nesting, optionality and each value's origin come from
//! [`crate::model::shapes`]; this module fills them from the code and the occurrence (the request id and
//! the like), for the Markdown's examples and OpenAPI's alike, so no example can show a
//! key the crate does not send. The occurrence's details and message are
//! [`crate::emit::message`]'s: the catalog's examples, placeholders where a required
//! detail has none, and the message rendered from them.

use std::borrow::Cow;
use std::fmt::Write;

use crate::emit::json::push_f64;
use crate::emit::message::{example_message, example_value};
use crate::model::details::DetailValue;
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

/// A JSON value of an example body, borrowing the model's text where it can.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    Text(Cow<'a, str>),
    Number(i64),
    /// A finite `number` detail.
    Float(f64),
    Bool(bool),
    Array(Vec<Json<'a>>),
    /// An object, keys in order.
    Object(Vec<(Cow<'a, str>, Json<'a>)>),
}

impl<'a> Json<'a> {
    fn text(text: &'a str) -> Self {
        Json::Text(Cow::Borrowed(text))
    }

    /// A detail's value as JSON, its keys and text borrowed from `value`.
    pub(crate) fn value(value: &'a DetailValue) -> Self {
        match value {
            DetailValue::String(text) => Json::text(text),
            DetailValue::Integer(number) => Json::Number(*number),
            DetailValue::Number(number) => Json::Float(*number),
            DetailValue::Boolean(value) => Json::Bool(*value),
            DetailValue::List(items) => Json::Array(items.iter().map(Json::value).collect()),
            DetailValue::Object(fields) => Json::sorted(
                fields
                    .iter()
                    .map(|(key, value)| (Cow::Borrowed(key.as_str()), Json::value(value)))
                    .collect(),
            ),
        }
    }

    /// A detail's value as JSON, owning what it cannot borrow (a placeholder).
    fn cow_value(value: Cow<'a, DetailValue>) -> Self {
        match value {
            Cow::Borrowed(value) => Json::value(value),
            Cow::Owned(value) => Json::owned(value),
        }
    }

    fn owned(value: DetailValue) -> Self {
        match value {
            DetailValue::String(text) => Json::Text(Cow::Owned(text)),
            DetailValue::Integer(number) => Json::Number(number),
            DetailValue::Number(number) => Json::Float(number),
            DetailValue::Boolean(value) => Json::Bool(value),
            DetailValue::List(items) => Json::Array(items.into_iter().map(Json::owned).collect()),
            DetailValue::Object(fields) => Json::sorted(
                fields
                    .into_iter()
                    .map(|(key, value)| (Cow::Owned(key), Json::owned(value)))
                    .collect(),
            ),
        }
    }

    /// An object of details, its keys in the order the crate sends them: serde_json's
    /// map (a `BTreeMap`) writes its keys sorted.
    fn sorted(mut fields: Vec<(Cow<'a, str>, Json<'a>)>) -> Self {
        fields.sort_by(|(a, _), (b, _)| a.cmp(b));
        Json::Object(fields)
    }
}

/// The body `envelope` holds for `code`'s example occurrence in `occurrence`.
pub(crate) fn body<'a>(envelope: Envelope, code: &'a Code, occurrence: &Occurrence) -> Json<'a> {
    let shapes = envelope.shapes();
    let message = example_message(code);
    object(shapes[0], shapes, code, &message, occurrence)
}

/// The details object of `code`'s example occurrence: each detail's example value (or
/// placeholder), keys sorted as the crate sends them; an optional detail without an
/// example is left out.
pub(crate) fn details(code: &Code) -> Vec<(Cow<'_, str>, Json<'_>)> {
    let mut details: Vec<_> = code
        .details
        .iter()
        .filter_map(|detail| {
            let value = example_value(detail)?;
            Some((Cow::Borrowed(detail.key.as_str()), Json::cow_value(value)))
        })
        .collect();
    details.sort_by(|(a, _), (b, _)| a.cmp(b));
    details
}

fn object<'a>(
    shape: &Shape,
    shapes: &[&Shape],
    code: &'a Code,
    message: &Cow<'a, str>,
    occurrence: &Occurrence,
) -> Json<'a> {
    let mut fields = Vec::with_capacity(shape.fields.len());
    for field in shape.fields {
        let value = match field.origin {
            Origin::Nested => {
                let Value::Object(name) = field.value else {
                    unreachable!("a nested field holds an object (shapes' own test)");
                };
                let inner = shapes
                    .iter()
                    .find(|shape| shape.name == name)
                    .expect("a shape names only shapes of its envelope");
                Some(object(inner, shapes, code, message, occurrence))
            }
            Origin::Wire => Some(Json::text(&code.wire)),
            Origin::Message => Some(Json::Text(message.clone())),
            Origin::Description => Some(Json::text(&code.description)),
            Origin::DocsUrl => Some(Json::text(&code.docs_url)),
            Origin::ActionUrl => code.action.as_ref().map(|action| Json::text(&action.url)),
            Origin::Status => Some(Json::Number(code.status.into())),
            Origin::TrpcNumber => Some(Json::Number(trpc::number_for_status(code.status).into())),
            Origin::Details => match field.presence {
                // Each detail a member of this object, after the ones before it.
                Presence::Spread => {
                    fields.extend(details(code));
                    continue;
                }
                // Always there: `{}` when the code has no details.
                Presence::Defaulted => Some(Json::Object(details(code))),
                // There when the occurrence carries details: not when the code has none,
                // nor when all of its details are optional and the example leaves them out.
                Presence::Optional | Presence::Required => {
                    let values = details(code);
                    (!values.is_empty() || field.presence == Presence::Required)
                        .then_some(Json::Object(values))
                }
            },
            Origin::RequestId => Some(Json::text(occurrence.request_id)),
            Origin::ProcedurePath => Some(Json::text(occurrence.procedure)),
            Origin::Stack => occurrence.stack.map(Json::text),
            Origin::Instance => occurrence.instance.map(Json::text),
        };
        match value {
            Some(value) => fields.push((Cow::Borrowed(field.json), value)),
            None => assert!(
                field.presence == Presence::Optional,
                "`{}` is required",
                field.json
            ),
        }
    }
    Json::Object(fields)
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
            Json::Float(number) => push_f64(out, *number),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) => {
                out.push_str("[\n");
                for (index, item) in items.iter().enumerate() {
                    out.push_str(&"  ".repeat(depth + 1));
                    item.write(out, depth + 1);
                    out.push_str(if index + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&"  ".repeat(depth));
                out.push(']');
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

    fn parcels() -> crate::model::Catalog {
        let source = crate::Source {
            path: "details_of_every_type.yaml",
            bytes: include_bytes!("../../../tests/fixtures/valid/details_of_every_type.yaml"),
        };
        Config::new().generate(source, None).unwrap().catalog
    }

    /// REST's `error.details`, tRPC's `error.data.details`, problem members after `code`;
    /// the message rendered from the same values; nothing in a linked body.
    #[test]
    fn details_go_where_each_envelope_puts_them() {
        let catalog = parcels();
        let heavy = &catalog.codes[0];
        // Sorted, as serde_json's map writes the crate's details.
        let details = r#"{
      "fragile": false,
      "max_kg": 30,
      "service": "air",
      "services": [
        "freight"
      ],
      "weight_kg": 31.5
    }"#;
        let message = "Parcel of 31.5 kg is over the 30 kg limit of air (allowed: freight); {kg} is kilograms";
        let rest = body(Envelope::Rest, heavy, &Occurrence::CONSTRUCTED).pretty();
        assert_eq!(
            rest,
            format!(
                "{{\n  \"error\": {{\n    \"code\": \"PARCEL_TOO_HEAVY\",\n    \"message\": \"{message}\",\n    \"details\": {details}\n  }}\n}}\n"
            )
        );
        let trpc = body(Envelope::Trpc, heavy, &Occurrence::CONSTRUCTED).pretty();
        assert!(
            trpc.contains(&format!(
                "\"path\": \"procedure.name\",\n      \"details\": {}\n    }}",
                details.replace("\n", "\n  ")
            )),
            "{trpc}"
        );
        let problem = body(Envelope::Problem, heavy, &Occurrence::CONSTRUCTED).pretty();
        assert!(
            problem.ends_with(
                "\"code\": \"PARCEL_TOO_HEAVY\",\n  \"fragile\": false,\n  \"max_kg\": 30,\n  \"service\": \"air\",\n  \"services\": [\n    \"freight\"\n  ],\n  \"weight_kg\": 31.5\n}\n"
            ),
            "{problem}"
        );
        assert!(
            problem.contains(&format!("\"detail\": \"{message}\"")),
            "{problem}"
        );
        let linked = body(Envelope::Linked, heavy, &Occurrence::CONSTRUCTED).pretty();
        assert!(
            linked.contains(&format!("\"message\": \"{message}\"")),
            "{linked}"
        );
        assert!(!linked.contains("weight_kg"), "{linked}");

        let plain = &catalog.codes[3];
        assert!(plain.details.is_empty());
        let rest = body(Envelope::Rest, plain, &Occurrence::CONSTRUCTED).pretty();
        assert!(rest.contains("\"details\": {}"), "{rest}");
        let trpc = body(Envelope::Trpc, plain, &Occurrence::CONSTRUCTED).pretty();
        assert!(!trpc.contains("details"), "{trpc}");
        let problem = body(Envelope::Problem, plain, &Occurrence::CONSTRUCTED).pretty();
        assert!(
            problem.ends_with("\"code\": \"RATE_LIMITED\"\n}\n"),
            "{problem}"
        );

        // A code whose one detail is optional, without an example: the occurrence
        // carries no details, so tRPC's body has none, as the crate's would.
        let delayed = &catalog.codes[4];
        assert_eq!(delayed.wire, "PARCEL_DELAYED");
        let rest = body(Envelope::Rest, delayed, &Occurrence::CONSTRUCTED).pretty();
        assert!(rest.contains("\"details\": {}"), "{rest}");
        let trpc = body(Envelope::Trpc, delayed, &Occurrence::CONSTRUCTED).pretty();
        assert!(!trpc.contains("details"), "{trpc}");
    }

    /// Without an example, a required detail shows its placeholder, in the details and
    /// in the message alike; an optional one is left out.
    #[test]
    fn details_without_examples_show_placeholders_or_nothing() {
        let catalog = parcels();
        let mut heavy = catalog.codes[0].clone();
        for detail in &mut heavy.details {
            detail.example = None;
        }
        let Json::Object(fields) = body(Envelope::Rest, &heavy, &Occurrence::CONSTRUCTED) else {
            panic!("an object");
        };
        let Json::Object(error) = &fields[0].1 else {
            panic!("an object");
        };
        assert_eq!(
            error[1].1,
            Json::text("Parcel of 0 kg is over the 0 kg limit of ground (allowed: ground); {kg} is kilograms")
        );
        assert_eq!(
            error[2].1,
            Json::Object(vec![
                ("max_kg".into(), Json::Number(0)),
                ("service".into(), Json::text("ground")),
                ("services".into(), Json::Array(vec![Json::text("ground")])),
                ("weight_kg".into(), Json::Float(0.0)),
            ])
        );
    }

    #[test]
    fn pretty_printing_is_indented_json() {
        let json = Json::Object(vec![
            (
                "a".into(),
                Json::Object(vec![("b".into(), Json::Number(-1))]),
            ),
            ("c".into(), Json::Object(Vec::new())),
            ("d".into(), Json::text("</x>")),
            (
                "e".into(),
                Json::Array(vec![
                    Json::Float(30.0),
                    Json::Bool(false),
                    Json::Array(vec![]),
                ]),
            ),
        ]);
        assert_eq!(
            json.pretty(),
            "{\n  \"a\": {\n    \"b\": -1\n  },\n  \"c\": {},\n  \"d\": \"</x>\",\n  \"e\": [\n    30.0,\n    false,\n    []\n  ]\n}\n"
        );
    }
}
