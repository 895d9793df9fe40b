//! A code's `details` and `message` as written: detail specs (a type name alone, or a
//! mapping), their examples as untyped values, and the message template with where each
//! of its characters was written, so that a wrong placeholder can be underlined alone.

use super::tree::{Mapping, Node};
use super::{Backticked, Reader, Spanned};
use crate::diagnostics::Span;

/// The keys of a detail spec's long form.
pub(crate) const DETAIL_KEYS: &[&str] = &[
    "type",
    "description",
    "optional",
    "example",
    "items",
    "fields",
    "values",
];

/// Wire keys to specs, in file order: a code's `details`, or an object's `fields`.
pub(crate) type RawDetails = Vec<(Spanned<String>, RawSpec)>;

/// One detail spec as written.
#[derive(Debug, Default)]
pub(crate) struct RawSpec {
    /// Where the spec starts: the type name of the short form, or the mapping.
    pub span: Span,
    /// `type`, or the short form's type name.
    pub ty: Option<Spanned<String>>,
    /// `description`.
    pub description: Option<Spanned<String>>,
    /// `optional`.
    pub optional: Option<Spanned<bool>>,
    /// `example`, untyped: its type is checked against the spec.
    pub example: Option<Spanned<RawValue>>,
    /// `items`, for a list.
    pub items: Option<Box<RawSpec>>,
    /// `fields`, for an object; `None` when absent or not a mapping.
    pub fields: Option<Spanned<RawDetails>>,
    /// `values`, for an enum.
    pub values: Option<Spanned<Vec<Spanned<String>>>>,
}

/// A value as written, before it is typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RawValue {
    /// A scalar's text, and whether it was unquoted (so `4` may be a number).
    Scalar { text: String, plain: bool },
    /// A list.
    List(Vec<Spanned<RawValue>>),
    /// A mapping, in file order.
    Object(Vec<(Spanned<String>, Spanned<RawValue>)>),
}

/// A code's `message` as written.
#[derive(Debug)]
pub(crate) struct RawTemplate {
    /// The template's text, and the whole scalar's place.
    pub text: Spanned<String>,
    /// Where the text's first byte is in the catalog, when the catalog spells the text
    /// byte for byte (no escapes, no folded lines), so byte `i` is at `at + i`.
    pub at: Option<usize>,
}

impl RawTemplate {
    /// Where the bytes `range` of the text were written: exactly, when known, else the
    /// whole scalar.
    pub(crate) fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        match self.at {
            Some(at) => Span::new(at + range.start, at + range.end),
            None => self.text.span,
        }
    }
}

impl Reader<'_> {
    /// `details` (or `fields`): a mapping of wire keys to specs.
    pub(super) fn details(&mut self, node: &Node, what: &str) -> Option<Spanned<RawDetails>> {
        let map = self.mapping(node, Backticked(what))?;
        let value = map
            .entries
            .iter()
            .map(|(key, value)| {
                let key = self.spanned(key);
                let spec = self.spec(value, &key.value);
                (key, spec)
            })
            .collect();
        Some(Spanned {
            value,
            span: self.locator.span_at(map.start),
        })
    }

    /// One spec: a type name alone, or the long form's mapping.
    fn spec(&mut self, node: &Node, key: &str) -> RawSpec {
        let span = self.locator.span_at(node.start());
        match node {
            Node::Mapping(map) => self.long_spec(map, span),
            _ => RawSpec {
                span,
                ty: self.text(node, Backticked(key)),
                ..RawSpec::default()
            },
        }
    }

    fn long_spec(&mut self, map: &Mapping, span: Span) -> RawSpec {
        let fields = self.fields(map, "detail", DETAIL_KEYS);
        RawSpec {
            span,
            ty: self.required_text(&fields, "type"),
            description: fields
                .get("description")
                .and_then(|n| self.text(n, "`description`")),
            optional: fields
                .get("optional")
                .and_then(|n| self.boolean(n, "`optional`")),
            example: fields
                .get("example")
                .and_then(|n| self.value(n, "`example`")),
            items: fields.get("items").map(|n| Box::new(self.spec(n, "items"))),
            fields: fields.get("fields").and_then(|n| self.details(n, "fields")),
            values: fields.get("values").and_then(|n| {
                self.list(n, "`values`", |reader, item| reader.text(item, "a value"))
            }),
        }
    }

    /// Any value but null, kept untyped.
    fn value(&mut self, node: &Node, what: &'static str) -> Option<Spanned<RawValue>> {
        let span = self.locator.span_at(node.start());
        let value = match node {
            Node::Scalar(scalar) if super::is_null(scalar) => {
                self.wrong_type(node, what, "a value");
                return None;
            }
            Node::Scalar(scalar) => RawValue::Scalar {
                text: scalar.value.clone(),
                plain: scalar.plain,
            },
            Node::Sequence(seq) => RawValue::List(
                seq.items
                    .iter()
                    .filter_map(|item| self.value(item, what))
                    .collect(),
            ),
            Node::Mapping(map) => RawValue::Object(
                map.entries
                    .iter()
                    .filter_map(|(key, value)| {
                        let key = self.spanned(key);
                        Some((key, self.value(value, what)?))
                    })
                    .collect(),
            ),
        };
        Some(Spanned { value, span })
    }

    /// `message`: its text, and where its bytes are when the catalog spells it verbatim.
    pub(super) fn template(&mut self, node: &Node) -> Option<RawTemplate> {
        let text = self.text(node, "`message`")?;
        let Node::Scalar(scalar) = node else {
            return None;
        };
        // A plain scalar on one line, or a quoted one without escapes, is its text.
        let start = text.span.start;
        let after = if scalar.plain { start } else { start + 1 };
        let verbatim = self
            .locator
            .text
            .get(after..)
            .is_some_and(|rest| rest.starts_with(&scalar.value));
        let at = verbatim.then_some(after);
        Some(RawTemplate { text, at })
    }
}
