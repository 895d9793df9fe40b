//! The reader's primitives: a mapping's keys checked against the format's, and each
//! value read as the type its key holds (text, an integer, a boolean, a list or a
//! mapping), every wrong one reported where it was written.

use std::fmt;

use super::tree::{Mapping, Node, Scalar};
use super::{Reader, Spanned};
use crate::diagnostics::suggest::closest;
use crate::diagnostics::{Diagnostic, Span};

impl Reader<'_> {
    /// Checks the keys of `map` against `known`, reporting each unknown key.
    pub(super) fn fields<'m>(
        &mut self,
        map: &'m Mapping,
        what: &'static str,
        known: &[&str],
    ) -> Fields<'m> {
        for (key, _) in &map.entries {
            if !known.contains(&key.value.as_str()) {
                let span = self.locator.span_at(key.start);
                let help = closest(&key.value, known.iter().copied())
                    .map(|near| format!("did you mean `{near}`?"));
                self.diagnostics.push(
                    Diagnostic::error(format!("unknown key `{}` in {what}", key.value), span)
                        .label("not a key of the catalog format")
                        .note(format!("the keys of a {what} are: {}", known.join(", ")))
                        .maybe_help(help),
                );
            }
        }
        let span = self
            .locator
            .span_at(map.entries.first().map_or(map.start, |(key, _)| key.start));
        Fields { map, span, what }
    }

    pub(super) fn required<'m>(&mut self, fields: &Fields<'m>, key: &str) -> Option<&'m Node> {
        let node = fields.get(key);
        if node.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    format!("missing key `{key}` in {}", fields.what),
                    fields.span,
                )
                .label(format!("this {} has no `{key}`", fields.what)),
            );
        }
        node
    }

    pub(super) fn required_text(
        &mut self,
        fields: &Fields<'_>,
        key: &str,
    ) -> Option<Spanned<String>> {
        let node = self.required(fields, key)?;
        self.text(node, Backticked(key))
    }

    pub(super) fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: impl fmt::Display + Copy,
    ) -> Option<&'n Mapping> {
        match node {
            Node::Mapping(map) => Some(map),
            other => {
                self.wrong_type(other, what, "a mapping of keys to values");
                None
            }
        }
    }

    pub(super) fn list<T>(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
        mut item: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Option<Spanned<Vec<T>>> {
        let span = self.locator.span_at(node.start());
        let Node::Sequence(seq) = node else {
            self.wrong_type(node, what, "a list");
            return None;
        };
        let mut value = Vec::with_capacity(seq.items.len());
        value.extend(seq.items.iter().filter_map(|node| item(self, node)));
        Some(Spanned { value, span })
    }

    /// A single text value, or a list of them (as `family` allows).
    pub(super) fn text_list(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        if let Node::Scalar(_) = node {
            let one = self.text(node, what)?;
            let span = one.span;
            return Some(Spanned {
                value: vec![one],
                span,
            });
        }
        self.list(node, what, |reader, item| reader.text(item, what))
    }

    pub(super) fn text_map(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Vec<(Spanned<String>, Spanned<String>)> {
        let Some(map) = self.mapping(node, what) else {
            return Vec::new();
        };
        map.entries
            .iter()
            .filter_map(|(key, value)| {
                let key = self.spanned(key);
                let value = self.text(value, Backticked(&key.value))?;
                Some((key, value))
            })
            .collect()
    }

    /// A key (or any scalar) as written, where it is.
    pub(super) fn spanned(&self, scalar: &Scalar) -> Spanned<String> {
        Spanned {
            value: scalar.value.clone(),
            span: self.locator.span_at(scalar.start),
        }
    }

    pub(super) fn text(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Option<Spanned<String>> {
        let scalar = self.scalar(node, what, "text")?;
        if is_null(scalar) {
            self.wrong_type(node, what, "text");
            return None;
        }
        Some(self.spanned(scalar))
    }

    pub(super) fn integer(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Option<Spanned<i64>> {
        let scalar = self.scalar(node, what, "an integer")?;
        let text = scalar.value.as_str();
        let plain_digits = scalar.plain
            && !text.is_empty()
            && text
                .trim_start_matches(['-', '+'])
                .bytes()
                .all(|b| b.is_ascii_digit());
        match text.parse::<i64>() {
            Ok(value) if plain_digits => Some(Spanned {
                value,
                span: self.locator.span_at(scalar.start),
            }),
            _ => {
                self.wrong_type(node, what, "an integer");
                None
            }
        }
    }

    pub(super) fn boolean(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Option<Spanned<bool>> {
        let scalar = self.scalar(node, what, "`true` or `false`")?;
        let value = match scalar.value.as_str() {
            "true" | "True" | "TRUE" if scalar.plain => true,
            "false" | "False" | "FALSE" if scalar.plain => false,
            _ => {
                self.wrong_type(node, what, "`true` or `false`");
                return None;
            }
        };
        Some(Spanned {
            value,
            span: self.locator.span_at(scalar.start),
        })
    }

    pub(super) fn scalar<'n>(
        &mut self,
        node: &'n Node,
        what: impl fmt::Display + Copy,
        expected: &str,
    ) -> Option<&'n Scalar> {
        match node {
            Node::Scalar(scalar) => Some(scalar),
            other => {
                self.wrong_type(other, what, expected);
                None
            }
        }
    }

    pub(super) fn wrong_type(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
        expected: &str,
    ) {
        let found = match node {
            Node::Scalar(s) if is_null(s) => "nothing".to_owned(),
            Node::Scalar(s) if s.plain => format!("`{}`", s.value),
            Node::Scalar(s) => format!("the string {:?}", s.value),
            Node::Mapping(_) => "a mapping".to_owned(),
            Node::Sequence(_) => "a list".to_owned(),
        };
        let span = self.locator.span_at(node.start());
        self.diagnostics.push(
            Diagnostic::error(format!("{what} must be {expected}, found {found}"), span)
                .label(format!("expected {expected}")),
        );
    }
}

/// A key in backticks, for messages, formatted only when one is written.
#[derive(Clone, Copy)]
pub(super) struct Backticked<'a>(pub(super) &'a str);

impl fmt::Display for Backticked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// The keys of one mapping, with the place it starts (its first key) for messages.
pub(super) struct Fields<'m> {
    pub(super) map: &'m Mapping,
    pub(super) span: Span,
    pub(super) what: &'static str,
}

impl<'m> Fields<'m> {
    pub(super) fn get(&self, key: &str) -> Option<&'m Node> {
        self.map.get(key)
    }
}

/// A plain scalar that YAML reads as null: `~`, `null` or nothing at all.
pub(super) fn is_null(scalar: &Scalar) -> bool {
    scalar.plain && matches!(scalar.value.as_str(), "" | "~" | "null" | "Null" | "NULL")
}
