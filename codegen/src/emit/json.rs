//! A small JSON value and its printer, for the outputs that are JSON documents
//! (`openapi.json`, `catalog.schema.json`).
//!
//! Objects keep their keys in the order they were added, so each emitter decides the
//! order once and every run prints the same bytes. Strings are escaped by the one JSON
//! string writer the TypeScript package uses (`text::push_js_string`), safe even inlined
//! in an HTML page, as Redoc inlines a spec. The
//! printer indents with two spaces; an empty object or array stays on one line, and so
//! do an object of one scalar (`{ "$ref": "..." }`) and an array of up to eight numbers
//! or short strings, which keeps references and `required` lists readable.

use std::borrow::Cow;

use crate::text::push_js_string as push_string;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// An integer; the documents hold no fractions.
    Int(i64),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, keys in insertion order.
    Object(Object<'a>),
}

/// A JSON object whose keys keep the order they were added in.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Object<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Object<'a> {
    /// An empty object.
    pub(crate) fn new() -> Self {
        Object(Vec::new())
    }

    /// Adds `key` with `value` at the end. Keys are the emitter's to keep unique: the
    /// documents are built from lists that are already unique (codes, statuses, keys).
    pub(crate) fn insert(&mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Json<'a>>) {
        self.0.push((key.into(), value.into()));
    }

    /// [`Object::insert`], for building an object in one expression.
    pub(crate) fn with(mut self, key: impl Into<Cow<'a, str>>, value: impl Into<Json<'a>>) -> Self {
        self.insert(key, value);
        self
    }

    /// Adds `key` only when there is a value.
    pub(crate) fn with_some(
        self,
        key: impl Into<Cow<'a, str>>,
        value: Option<impl Into<Json<'a>>>,
    ) -> Self {
        match value {
            Some(value) => self.with(key, value),
            None => self,
        }
    }

    /// Appends the keys of `other`, which the emitter keeps apart from this one's.
    pub(crate) fn merge(mut self, other: Object<'a>) -> Self {
        self.0.extend(other.0);
        self
    }

    /// The value of `key`, for tests that look into a document before it is printed.
    #[cfg(test)]
    pub(crate) fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value)
    }

    /// Whether the object has no keys.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> From<Object<'a>> for Json<'a> {
    fn from(object: Object<'a>) -> Self {
        Json::Object(object)
    }
}

impl From<bool> for Json<'_> {
    fn from(value: bool) -> Self {
        Json::Bool(value)
    }
}

impl From<i64> for Json<'_> {
    fn from(value: i64) -> Self {
        Json::Int(value)
    }
}

impl From<i32> for Json<'_> {
    fn from(value: i32) -> Self {
        Json::Int(value.into())
    }
}

impl From<u16> for Json<'_> {
    fn from(value: u16) -> Self {
        Json::Int(value.into())
    }
}

impl From<usize> for Json<'_> {
    fn from(value: usize) -> Self {
        Json::Int(i64::try_from(value).expect("a count fits in an i64"))
    }
}

impl<'a> From<&'a str> for Json<'a> {
    fn from(value: &'a str) -> Self {
        Json::Str(Cow::Borrowed(value))
    }
}

impl From<String> for Json<'_> {
    fn from(value: String) -> Self {
        Json::Str(Cow::Owned(value))
    }
}

impl<'a> From<Vec<Json<'a>>> for Json<'a> {
    fn from(values: Vec<Json<'a>>) -> Self {
        Json::Array(values)
    }
}

/// An array of the strings, borrowed or owned.
pub(crate) fn strings<'a, S: Into<Json<'a>>>(values: impl IntoIterator<Item = S>) -> Json<'a> {
    Json::Array(values.into_iter().map(Into::into).collect())
}

impl Json<'_> {
    /// The document as text: two-space indentation, a final newline.
    pub(crate) fn to_pretty(&self, capacity: usize) -> String {
        let mut out = String::with_capacity(capacity);
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{value}");
            }
            Json::Str(value) => push_string(out, value),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Array(items) if items.iter().all(Json::fits_inline) && items.len() <= 8 => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, depth);
                }
                out.push(']');
            }
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Object(object) if object.is_empty() => out.push_str("{}"),
            Json::Object(Object(entries)) if entries.len() == 1 && entries[0].1.is_scalar() => {
                let (key, value) = &entries[0];
                out.push_str("{ ");
                push_string(out, key);
                out.push_str(": ");
                value.write(out, depth);
                out.push_str(" }");
            }
            Json::Object(Object(entries)) => {
                out.push('{');
                for (index, (key, value)) in entries.iter().enumerate() {
                    out.push_str(if index == 0 { "\n" } else { ",\n" });
                    indent(out, depth + 1);
                    push_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }

    /// A number, a boolean or a string: an object of one of these stays on one line.
    fn is_scalar(&self) -> bool {
        matches!(self, Json::Bool(_) | Json::Int(_) | Json::Str(_))
    }

    /// A number, a boolean or a short string: an array of these stays on one line.
    fn fits_inline(&self) -> bool {
        match self {
            Json::Bool(_) | Json::Int(_) => true,
            Json::Str(value) => value.len() <= 24,
            Json::Array(_) | Json::Object(_) => false,
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_in_insertion_order_with_two_space_indentation() {
        let document = Object::new()
            .with("z", "last key first")
            .with(
                "a",
                Object::new().with("n", -32004).with("empty", Object::new()),
            )
            .with("ref", Object::new().with("$ref", "#/x"))
            .with("list", strings(["x", "y"]))
            .with("none", Json::Array(Vec::new()))
            .with("long", strings(["a string too long to stay on the line"]))
            .with("flag", true);
        assert_eq!(
            Json::from(document).to_pretty(0),
            r##"{
  "z": "last key first",
  "a": {
    "n": -32004,
    "empty": {}
  },
  "ref": { "$ref": "#/x" },
  "list": ["x", "y"],
  "none": [],
  "long": [
    "a string too long to stay on the line"
  ],
  "flag": true
}
"##
        );
    }

    #[test]
    fn strings_and_keys_are_escaped() {
        let document = Object::new().with("k\"ey", "a \"quote\", a \\ and a\nline </script>");
        assert_eq!(
            Json::from(document).to_pretty(0),
            "{ \"k\\\"ey\": \"a \\\"quote\\\", a \\\\ and a\\nline <\\/script>\" }\n"
        );
    }
}
