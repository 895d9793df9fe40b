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
//!
//! The lists with an element per code (`openapi.json`'s examples and codes) are
//! [`Json::Lazy`]: made while they are printed, one element at a time, so a document
//! with 100,000 codes is never in memory twice, as a tree and as text.

mod number;

use std::borrow::Cow;

pub(crate) use number::push_f64;

use crate::emit::{Blocks, TextOut};
use crate::text::push_js_string as push_string;

/// A JSON value.
#[derive(Debug)]
pub(crate) enum Json<'a> {
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A finite number, the catalog's example of a `number` detail.
    Float(f64),
    /// A string.
    Str(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object, keys in insertion order.
    Object(Object<'a>),
    /// An object or array whose elements are made as they are printed.
    Lazy(Lazy<'a>),
}

/// An object or an array whose elements are made while it is printed and dropped once
/// printed. Always printed over several lines (or as `{}` / `[]` when it has none).
pub(crate) enum Lazy<'a> {
    /// Hands each key and value, in order, to the [`Entries`] it is given.
    Object(Box<dyn Fn(&mut Entries<'_, '_>) + 'a>),
    /// Hands each item, in order, to the [`Items`] it is given.
    Array(Box<dyn Fn(&mut Items<'_, '_>) + 'a>),
}

impl<'a> Json<'a> {
    /// An object whose entries `each` makes, in order, when it is printed.
    pub(crate) fn lazy_object(each: impl Fn(&mut Entries<'_, '_>) + 'a) -> Json<'a> {
        Json::Lazy(Lazy::Object(Box::new(each)))
    }

    /// An array whose items `each` makes, in order, when it is printed.
    pub(crate) fn lazy_array(each: impl Fn(&mut Items<'_, '_>) + 'a) -> Json<'a> {
        Json::Lazy(Lazy::Array(Box::new(each)))
    }
}

/// Where a lazy object's entries are printed as they are made.
pub(crate) struct Entries<'o, 'p>(Elements<'o, 'p>);

/// Where a lazy array's items are printed as they are made.
pub(crate) struct Items<'o, 'p>(Elements<'o, 'p>);

impl Entries<'_, '_> {
    /// Prints the next key and its value.
    pub(crate) fn entry<'v>(&mut self, key: &str, value: impl Into<Json<'v>>) {
        let depth = self.0.depth + 1;
        let out = self.0.next();
        push_string(out, key);
        out.push_str(": ");
        value.into().write(out, depth);
    }
}

impl Items<'_, '_> {
    /// Prints the next item.
    pub(crate) fn item<'v>(&mut self, value: impl Into<Json<'v>>) {
        let depth = self.0.depth + 1;
        value.into().write(self.0.next(), depth);
    }
}

/// The text of a lazy object or array being printed.
struct Elements<'o, 'p> {
    out: &'o mut Blocks<'p>,
    /// The depth of the object or array itself.
    depth: usize,
    empty: bool,
}

impl<'o, 'p> Elements<'o, 'p> {
    fn new(out: &'o mut Blocks<'p>, depth: usize) -> Self {
        Elements {
            out,
            depth,
            empty: true,
        }
    }

    /// Ends the previous element and starts the next one's line. The elements before
    /// it are complete, so this is where the text so far is handed on.
    fn next(&mut self) -> &mut Blocks<'p> {
        self.out.part_done();
        self.out.push_str(if self.empty { "\n" } else { ",\n" });
        self.empty = false;
        indent(self.out, self.depth + 1);
        self.out
    }

    /// Ends the list: on the line after its last element, or right after the opening
    /// bracket when it had none.
    fn close(self, bracket: char) {
        if !self.empty {
            self.out.push('\n');
            indent(self.out, self.depth);
        }
        self.out.push(bracket);
    }
}

impl std::fmt::Debug for Lazy<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Lazy::Object(_) => "Lazy::Object(..)",
            Lazy::Array(_) => "Lazy::Array(..)",
        })
    }
}

/// A JSON object whose keys keep the order they were added in.
#[derive(Debug, Default)]
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

impl From<f64> for Json<'_> {
    fn from(value: f64) -> Self {
        Json::Float(value)
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
        let mut text = String::with_capacity(capacity);
        self.print_into(&mut text);
        text
    }

    /// Prints the document, as [`Json::to_pretty`] has it, into `out` a block at a
    /// time: a document whose lists are [`Json::Lazy`] is never all in memory.
    pub(crate) fn print_into(&self, out: &mut dyn TextOut) {
        let mut text = Blocks::handed_to(out);
        self.write(&mut text, 0);
        text.push('\n');
        text.finish();
    }

    fn write(&self, out: &mut Blocks<'_>, depth: usize) {
        match self {
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Int(value) => {
                use std::fmt::Write as _;
                let _ = write!(out, "{value}");
            }
            Json::Float(value) => push_f64(out, *value),
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
                    // The items before this one are complete: text can be handed on.
                    out.part_done();
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
                    out.part_done();
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
            Json::Lazy(Lazy::Object(each)) => {
                out.push('{');
                let mut entries = Entries(Elements::new(out, depth));
                each(&mut entries);
                entries.0.close('}');
            }
            Json::Lazy(Lazy::Array(each)) => {
                out.push('[');
                let mut items = Items(Elements::new(out, depth));
                each(&mut items);
                items.0.close(']');
            }
        }
    }

    /// A number, a boolean or a string: an object of one of these stays on one line.
    fn is_scalar(&self) -> bool {
        matches!(
            self,
            Json::Bool(_) | Json::Int(_) | Json::Float(_) | Json::Str(_)
        )
    }

    /// A number, a boolean or a short string: an array of these stays on one line.
    fn fits_inline(&self) -> bool {
        match self {
            Json::Bool(_) | Json::Int(_) | Json::Float(_) => true,
            Json::Str(value) => value.len() <= 24,
            Json::Array(_) | Json::Object(_) | Json::Lazy(_) => false,
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
    fn lazy_lists_print_as_the_same_lists_built_ahead() {
        let names = ["a", "b"];
        let item = |name: &'static str| Object::new().with("name", name).with("n", 1);
        let built = Object::new()
            .with(
                "by name",
                names.iter().fold(Object::new(), |o, &n| o.with(n, item(n))),
            )
            .with(
                "list",
                names
                    .iter()
                    .map(|&n| Json::from(item(n)))
                    .collect::<Vec<_>>(),
            )
            .with("none", Object::new())
            .with("nothing", Json::Array(Vec::new()));
        let lazy = Object::new()
            .with(
                "by name",
                Json::lazy_object(move |entries| {
                    names.iter().for_each(|&n| entries.entry(n, item(n)));
                }),
            )
            .with(
                "list",
                Json::lazy_array(move |items| names.iter().for_each(|&n| items.item(item(n)))),
            )
            .with("none", Json::lazy_object(|_| {}))
            .with("nothing", Json::lazy_array(|_| {}));
        let built = Json::from(built).to_pretty(0);
        assert_eq!(Json::from(lazy).to_pretty(0), built);
        assert!(
            built.contains("\"none\": {},\n  \"nothing\": []\n"),
            "{built}"
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
