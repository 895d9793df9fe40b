//! The message and details of a code's example occurrence, for the outputs that show
//! examples (Markdown, OpenAPI): each detail's catalog `example`, a placeholder of its
//! type where a required detail has none, and the message rendered from them as the
//! generated crate's `Display` writes it.

use std::borrow::Cow;
use std::fmt::Write as _;

use crate::model::details::{Detail, DetailType, DetailValue, Piece, Template};
use crate::model::Code;

/// The message of `code`'s example occurrence: its template filled with the example
/// values, or its default message when it has no template.
pub(crate) fn example_message(code: &Code) -> Cow<'_, str> {
    match &code.template {
        Some(template) => Cow::Owned(render(template, &code.details)),
        None => Cow::Borrowed(&code.message),
    }
}

/// `template` with each placeholder replaced by its detail's [`example_value`], written
/// as the generated crate's `Display` writes the value ([`push_display`]).
pub(crate) fn render(template: &Template, details: &[Detail]) -> String {
    let mut out = String::with_capacity(template.text.len() + 16);
    for piece in &template.pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Detail(index) => {
                let detail = &details[*index];
                let value = example_value(detail)
                    .expect("a placeholder names a required detail (validation checks)");
                push_display(&mut out, &value);
            }
        }
    }
    out
}

/// The value `detail` has in the example occurrence: its catalog `example`; for a
/// required detail without one, a [`placeholder`] of its type; none for an optional
/// detail without one, which the example leaves out.
pub(crate) fn example_value(detail: &Detail) -> Option<Cow<'_, DetailValue>> {
    match &detail.example {
        Some(example) => Some(Cow::Borrowed(example)),
        None if detail.optional => None,
        None => Some(Cow::Owned(placeholder(&detail.key, &detail.ty))),
    }
}

/// A stand-in value of type `ty` for a required detail whose catalog gives no example,
/// chosen to be a valid value that reads as a stand-in and invents no fact:
///
/// - a string is its key in angle brackets, `<field>`: visibly not a real value;
/// - an integer or a number is 0, a boolean `false`: the zero of the type (text such
///   as `<limit>` would not be a number, and the examples must fit their schemas);
/// - an enum is its first value, the only value that is always there;
/// - a list holds one placeholder item (keyed like the list), so the example shows the
///   items' shape (an object's fields, a message's `<key>`) rather than `[]`;
/// - an object has a placeholder for each required field, and no optional one.
pub(crate) fn placeholder(key: &str, ty: &DetailType) -> DetailValue {
    match ty {
        DetailType::String => DetailValue::String(format!("<{key}>")),
        DetailType::Integer => DetailValue::Integer(0),
        DetailType::Number => DetailValue::Number(0.0),
        DetailType::Boolean => DetailValue::Boolean(false),
        DetailType::Enum(enumeration) => DetailValue::String(
            enumeration
                .values
                .first()
                .expect("an enum has values (validation checks)")
                .wire
                .clone(),
        ),
        DetailType::List(item) => DetailValue::List(vec![placeholder(key, item)]),
        DetailType::Object(object) => DetailValue::Object(
            object
                .fields
                .iter()
                .filter(|field| !field.optional)
                .map(|field| (field.key.clone(), placeholder(&field.key, &field.ty)))
                .collect(),
        ),
    }
}

/// Appends `value` as the generated crate's `Display` writes a detail in a message:
/// a string or an enum value verbatim (an enum as its wire string), a boolean as `true`
/// or `false`, an integer in decimal, a number as Rust's `format!("{}", f64)` does
/// (positional, the shortest digits that read back as the same number: `30`, `0.1`,
/// `1000000000000000000000`, `-0`), and a list as its items so written, joined by `, `.
pub(crate) fn push_display(out: &mut String, value: &DetailValue) {
    match value {
        DetailValue::String(text) => out.push_str(text),
        DetailValue::Integer(number) => {
            let _ = write!(out, "{number}");
        }
        DetailValue::Number(number) => {
            let _ = write!(out, "{number}");
        }
        DetailValue::Boolean(value) => out.push_str(if *value { "true" } else { "false" }),
        DetailValue::List(items) => {
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                push_display(out, item);
            }
        }
        DetailValue::Object(_) => {
            unreachable!("a message inserts no object (validation checks)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::details::{EnumType, EnumValue, ObjectType};

    fn detail(key: &str, ty: DetailType, optional: bool, example: Option<DetailValue>) -> Detail {
        Detail {
            key: key.to_owned(),
            field: key.to_owned(),
            description: None,
            optional,
            ty,
            example,
        }
    }

    fn display(value: &DetailValue) -> String {
        let mut out = String::new();
        push_display(&mut out, value);
        out
    }

    fn enumeration(values: &[&str]) -> DetailType {
        DetailType::Enum(EnumType {
            name: "Kind".to_owned(),
            description: None,
            values: values
                .iter()
                .map(|&wire| EnumValue {
                    wire: wire.to_owned(),
                    variant: wire.to_owned(),
                })
                .collect(),
        })
    }

    #[test]
    fn numbers_render_as_rust_displays_an_f64() {
        let cases = [
            (1e21, "1000000000000000000000"),
            (1e-7, "0.0000001"),
            (-0.0, "-0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (30.0, "30"),
            (31.5, "31.5"),
            (-2.5e-3, "-0.0025"),
        ];
        for (number, expected) in cases {
            assert_eq!(
                display(&DetailValue::Number(number)),
                expected,
                "{number:e}"
            );
        }
        assert_eq!(
            display(&DetailValue::Integer(i64::MIN)),
            "-9223372036854775808"
        );
        assert_eq!(display(&DetailValue::Boolean(true)), "true");
        assert_eq!(display(&DetailValue::Boolean(false)), "false");
    }

    #[test]
    fn lists_join_their_items_with_a_comma_and_a_space() {
        let list = |items: Vec<DetailValue>| DetailValue::List(items);
        assert_eq!(display(&list(Vec::new())), "");
        assert_eq!(
            display(&list(vec![DetailValue::String("image/png".into())])),
            "image/png"
        );
        assert_eq!(
            display(&list(vec![
                DetailValue::Number(1.5),
                DetailValue::Number(2.0),
                DetailValue::Number(1e-7),
            ])),
            "1.5, 2, 0.0000001"
        );
        assert_eq!(
            display(&list(vec![
                DetailValue::String("a, b".into()),
                DetailValue::String(String::new()),
                DetailValue::String("{c}".into()),
            ])),
            "a, b, , {c}",
            "strings are verbatim, commas and braces included"
        );
    }

    #[test]
    fn templates_insert_examples_and_keep_literal_braces() {
        let details = vec![
            detail(
                "size",
                DetailType::Integer,
                false,
                Some(DetailValue::Integer(42)),
            ),
            detail("name", DetailType::String, false, None),
            detail("ratio", DetailType::Number, false, None),
            detail(
                "kind",
                enumeration(&["express-2day", "ground"]),
                false,
                None,
            ),
            detail(
                "allowed",
                DetailType::List(Box::new(DetailType::String)),
                false,
                None,
            ),
            detail("on", DetailType::Boolean, false, None),
        ];
        // As the catalog writes it: "{{size}} is {size} for {name} ({ratio}, {kind},
        // {allowed}, {on}) }}".
        let template = Template {
            text: "{{size}} is {size} for {name} ({ratio}, {kind}, {allowed}, {on}) }}".into(),
            pieces: vec![
                Piece::Text("{size} is ".into()),
                Piece::Detail(0),
                Piece::Text(" for ".into()),
                Piece::Detail(1),
                Piece::Text(" (".into()),
                Piece::Detail(2),
                Piece::Text(", ".into()),
                Piece::Detail(3),
                Piece::Text(", ".into()),
                Piece::Detail(4),
                Piece::Text(", ".into()),
                Piece::Detail(5),
                Piece::Text(") }".into()),
            ],
        };
        assert_eq!(
            render(&template, &details),
            "{size} is 42 for <name> (0, express-2day, <allowed>, false) }"
        );
    }

    #[test]
    fn placeholders_fill_required_details_only() {
        let object = DetailType::Object(ObjectType {
            name: "Violation".to_owned(),
            description: None,
            fields: vec![
                detail("field", DetailType::String, false, None),
                detail("line", DetailType::Integer, false, None),
                detail("hint", DetailType::String, true, None),
            ],
        });
        let violations = detail(
            "violations",
            DetailType::List(Box::new(object)),
            false,
            None,
        );
        assert_eq!(
            example_value(&violations).as_deref(),
            Some(&DetailValue::List(vec![DetailValue::Object(vec![
                ("field".into(), DetailValue::String("<field>".into())),
                ("line".into(), DetailValue::Integer(0)),
            ])]))
        );
        let optional = detail("retry_after", DetailType::Integer, true, None);
        assert_eq!(example_value(&optional), None);
        let given = detail(
            "retry_after",
            DetailType::Integer,
            true,
            Some(DetailValue::Integer(5)),
        );
        assert_eq!(
            example_value(&given).as_deref(),
            Some(&DetailValue::Integer(5))
        );
    }

    #[test]
    fn a_code_without_a_template_has_its_default_message() {
        let source = crate::Source {
            path: "details_of_every_type.yaml",
            bytes: include_bytes!("../../../tests/fixtures/valid/details_of_every_type.yaml"),
        };
        let catalog = crate::Config::new().generate(source, None).unwrap().catalog;
        let messages: Vec<_> = catalog.codes.iter().map(example_message).collect();
        assert_eq!(
            messages,
            [
                "Parcel of 31.5 kg is over the 30 kg limit of air (allowed: freight); {kg} is kilograms",
                "The address is not deliverable. Correct the address.",
                "Parcel 1Z999AA10123456784 is lost; <b>&amp;</b> \"quoted\" `ticked` {braces} é",
                "Too many requests",
                "The parcel is delayed. Ask again later.",
            ]
        );
    }
}
