//! A detail's `example`, typed by the detail's type: scalars read as YAML writes them,
//! enum values among the enum's, lists item by item, objects field by field.

use super::details::{backticked, ValidatedDetail, ValidatedType};
use super::{did_you_mean, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::format::{DetailKind, DetailValue};
use crate::load::{RawValue, Spanned};

impl Validator<'_> {
    /// An example, typed by its detail's type.
    pub(super) fn example(
        &mut self,
        value: &Spanned<RawValue>,
        ty: &ValidatedType,
        key: &str,
    ) -> Option<DetailValue> {
        let typed = match (ty, &value.value) {
            (ValidatedType::Scalar(kind), RawValue::Scalar { text, plain }) => {
                scalar_value(*kind, text, *plain)
            }
            (ValidatedType::Enum(values), RawValue::Scalar { text, .. }) => {
                if values.contains(text) {
                    Some(DetailValue::String(text.clone()))
                } else {
                    self.error(
                        Diagnostic::error(
                            format!("the example of `{key}` is not one of its values"),
                            value.span,
                        )
                        .label(format!("expected {}", ty.expected()))
                        .maybe_help(did_you_mean(text, values.iter().map(String::as_str))),
                    );
                    return None;
                }
            }
            (ValidatedType::List(item), RawValue::List(items)) => {
                let typed: Vec<Option<DetailValue>> =
                    items.iter().map(|i| self.example(i, item, key)).collect();
                return typed
                    .into_iter()
                    .collect::<Option<Vec<_>>>()
                    .map(DetailValue::List);
            }
            (ValidatedType::Object(fields), RawValue::Object(entries)) => {
                return self.object_example(value.span, fields, entries, key);
            }
            _ => None,
        };
        if typed.is_none() {
            self.error(
                Diagnostic::error(
                    format!(
                        "the example of `{key}` must be {}, found {}",
                        ty.expected(),
                        found(&value.value)
                    ),
                    value.span,
                )
                .label(format!("expected {}", ty.expected())),
            );
        }
        typed
    }

    fn object_example(
        &mut self,
        span: Span,
        fields: &[ValidatedDetail],
        entries: &[(Spanned<String>, Spanned<RawValue>)],
        key: &str,
    ) -> Option<DetailValue> {
        let mut passed = true;
        for (name, _) in entries {
            if !fields.iter().any(|f| f.key == name.value) {
                passed = false;
                self.error(
                    Diagnostic::error(
                        format!(
                            "the example of `{key}` has `{}`, which is not one of its fields",
                            name.value
                        ),
                        name.span,
                    )
                    .label("no such field")
                    .note(format!(
                        "the fields are {}",
                        backticked(&fields.iter().map(|f| f.key.as_str()).collect::<Vec<_>>())
                    ))
                    .maybe_help(did_you_mean(
                        &name.value,
                        fields.iter().map(|f| f.key.as_str()),
                    )),
                );
            }
        }
        let mut typed = Vec::with_capacity(fields.len());
        for field in fields {
            match entries.iter().find(|(name, _)| name.value == field.key) {
                Some((_, value)) => match self.example(value, &field.ty, &field.key) {
                    Some(value) => typed.push((field.key.clone(), value)),
                    None => passed = false,
                },
                None if field.optional => {}
                None => {
                    passed = false;
                    self.error(
                        Diagnostic::error(
                            format!("the example of `{key}` has no `{}`", field.key),
                            span,
                        )
                        .label(format!("`{}` is a required field", field.key)),
                    );
                }
            }
        }
        passed.then_some(DetailValue::Object(typed))
    }
}

/// A scalar example of `kind`, if `text` is one.
fn scalar_value(kind: DetailKind, text: &str, plain: bool) -> Option<DetailValue> {
    match kind {
        DetailKind::String => Some(DetailValue::String(text.to_owned())),
        DetailKind::Integer => {
            let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
            let is_integer =
                plain && !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
            is_integer
                .then(|| text.parse().ok())
                .flatten()
                .map(DetailValue::Integer)
        }
        DetailKind::Number => {
            let looks_numeric = plain
                && text
                    .bytes()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
            looks_numeric
                .then(|| text.parse::<f64>().ok())
                .flatten()
                .filter(|n| n.is_finite())
                .map(DetailValue::Number)
        }
        DetailKind::Boolean => match text {
            "true" if plain => Some(DetailValue::Boolean(true)),
            "false" if plain => Some(DetailValue::Boolean(false)),
            _ => None,
        },
        DetailKind::Enum | DetailKind::List | DetailKind::Object => None,
    }
}

fn found(value: &RawValue) -> String {
    match value {
        RawValue::Scalar { text, plain: true } => format!("`{text}`"),
        RawValue::Scalar { text, plain: false } => format!("the string {text:?}"),
        RawValue::List(_) => "a list".to_owned(),
        RawValue::Object(_) => "a mapping".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_integers_are_read_as_yaml_writes_them() {
        assert_eq!(
            scalar_value(DetailKind::Integer, "-42", true),
            Some(DetailValue::Integer(-42))
        );
        assert_eq!(scalar_value(DetailKind::Integer, "42", false), None);
        assert_eq!(scalar_value(DetailKind::Integer, "4.5", true), None);
        assert_eq!(
            scalar_value(DetailKind::Number, "4.5e3", true),
            Some(DetailValue::Number(4500.0))
        );
        assert_eq!(scalar_value(DetailKind::Number, "inf", true), None);
        assert_eq!(scalar_value(DetailKind::Number, "1e999", true), None);
        assert_eq!(scalar_value(DetailKind::Boolean, "true", false), None);
    }
}
