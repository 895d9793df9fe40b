//! A released code's details in the lock: one indented line per detail path under the
//! code's row, with the type at that path and whether it is optional.
//!
//! A path is the detail's wire key, `.` into an object's fields and `[]` into a list's
//! items: `violations`, `violations[].field`. A line's type is written whole for scalars,
//! enums and lists of them (`string`, `enum(air,ground)`, `list<enum(air,ground)>`), and
//! as `object` (or `list<object>`) for an object, whose fields follow on lines of their
//! own. Siblings are sorted by key and enum values by value, so that reordering the
//! catalog leaves the lock as it is; an enum's values are compared as a set.
//!
//! [`changes`] finds what breaks clients: a recorded path gone, its type changed (an
//! enum losing a value counts; gaining one does not), or an optional detail made
//! required. Adding a detail, optional or required, and making a required one optional
//! are additions.

use std::fmt;

use crate::diagnostics::{Diagnostic, Span};
use crate::model::details::{Detail, DetailType};

/// The type at one detail path, without an object's fields, which have paths of their own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    String,
    Integer,
    Number,
    Boolean,
    /// Its values, as the lock lists them (sorted when written).
    Enum(Vec<String>),
    List(Box<Shape>),
    Object,
}

impl fmt::Display for Shape {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shape::String => f.write_str("string"),
            Shape::Integer => f.write_str("integer"),
            Shape::Number => f.write_str("number"),
            Shape::Boolean => f.write_str("boolean"),
            Shape::Enum(values) => write!(f, "enum({})", values.join(",")),
            Shape::List(item) => write!(f, "list<{item}>"),
            Shape::Object => f.write_str("object"),
        }
    }
}

impl Shape {
    /// Whether a client written against `self` still works with `new`: the same type,
    /// or an enum (or a list of one) whose values include all of `self`'s.
    fn accepts(&self, new: &Shape) -> bool {
        match (self, new) {
            (Shape::Enum(old), Shape::Enum(new)) => old.iter().all(|value| new.contains(value)),
            (Shape::List(old), Shape::List(new)) => old.accepts(new),
            (old, new) => old == new,
        }
    }

    /// Whether a path with `depth` trailing `[]` reaches an object, whose fields a path
    /// can go on into.
    fn has_fields(&self, depth: usize) -> bool {
        match (self, depth) {
            (Shape::Object, 0) => true,
            (Shape::List(item), depth) if depth > 0 => item.has_fields(depth - 1),
            _ => false,
        }
    }

    /// The enum values `self` has and `new` lacks, at the same place.
    fn lost_values<'s>(&'s self, new: &Shape) -> Vec<&'s str> {
        match (self, new) {
            (Shape::Enum(old), Shape::Enum(new)) => old
                .iter()
                .filter(|value| !new.contains(value))
                .map(String::as_str)
                .collect(),
            (Shape::List(old), Shape::List(new)) => old.lost_values(new),
            _ => Vec::new(),
        }
    }
}

/// One detail path: what a lock line records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DetailPath {
    /// e.g. `violations[].field`.
    pub path: String,
    pub shape: Shape,
    pub optional: bool,
}

impl DetailPath {
    /// The lock line's text after the path.
    pub(crate) fn signature(&self) -> String {
        if self.optional {
            format!("{}  optional", self.shape)
        } else {
            self.shape.to_string()
        }
    }
}

/// A detail path as read from a lock.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockedDetail {
    pub detail: DetailPath,
    /// Its 1-based line in the lock file, for messages.
    pub line: usize,
}

/// Every path of `details`, each before its fields, siblings sorted by key.
pub(crate) fn paths(details: &[Detail]) -> Vec<DetailPath> {
    fn shape(ty: &DetailType) -> (Shape, Option<&[Detail]>, usize) {
        match ty {
            DetailType::String => (Shape::String, None, 0),
            DetailType::Integer => (Shape::Integer, None, 0),
            DetailType::Number => (Shape::Number, None, 0),
            DetailType::Boolean => (Shape::Boolean, None, 0),
            DetailType::Enum(enumeration) => {
                let mut values: Vec<String> =
                    enumeration.values.iter().map(|v| v.wire.clone()).collect();
                values.sort_unstable();
                (Shape::Enum(values), None, 0)
            }
            DetailType::List(item) => {
                let (item, fields, depth) = shape(item);
                (Shape::List(Box::new(item)), fields, depth + 1)
            }
            DetailType::Object(object) => (Shape::Object, Some(&object.fields), 0),
        }
    }
    fn walk(prefix: &str, details: &[Detail], out: &mut Vec<DetailPath>) {
        let mut sorted: Vec<&Detail> = details.iter().collect();
        sorted.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        for detail in sorted {
            let path = format!("{prefix}{}", detail.key);
            let (shape, fields, depth) = shape(&detail.ty);
            out.push(DetailPath {
                path: path.clone(),
                shape,
                optional: detail.optional,
            });
            if let Some(fields) = fields {
                walk(&format!("{path}{}.", "[]".repeat(depth)), fields, out);
            }
        }
    }
    let mut out = Vec::new();
    walk("", details, &mut out);
    out
}

/// Reads one detail line (`words`, split at whitespace) into `details`, the details of
/// the code above it, read so far.
pub(crate) fn line(
    words: &[&str],
    line: usize,
    details: &mut Vec<LockedDetail>,
) -> Result<(), String> {
    let (path, shape, optional) = match words {
        [path, shape] => (*path, *shape, false),
        [path, shape, "optional"] => (*path, *shape, true),
        [_, _, rest @ ..] => return Err(format!("unexpected {:?}", rest.join(" "))),
        _ => return Err(format!("detail {:?} has no type", words.join(" "))),
    };
    let parent = parent(path).ok_or_else(|| format!("detail path {path:?}"))?;
    if let Some((parent, depth)) = parent {
        let has_fields = details
            .iter()
            .find(|locked| locked.detail.path == parent)
            .is_some_and(|locked| locked.detail.shape.has_fields(depth));
        if !has_fields {
            return Err(format!(
                "{path:?} needs an object at {:?} on a line above it",
                format!("{parent}{}", "[]".repeat(depth))
            ));
        }
    }
    if details.iter().any(|locked| locked.detail.path == path) {
        return Err(format!("detail {path} is listed twice"));
    }
    let shape = parse_shape(shape).ok_or_else(|| {
        format!("type {shape:?} (a type is string, integer, number, boolean, object, enum(V,...) with distinct values, or list<TYPE>)")
    })?;
    details.push(LockedDetail {
        detail: DetailPath {
            path: path.to_owned(),
            shape,
            optional,
        },
        line,
    });
    Ok(())
}

/// The path of the detail whose fields `path` is one of, and how many lists deep the
/// object is in it (`a[][].b` -> `a`, 2); `Ok(None)` at the top level, `None` when
/// `path` is malformed.
pub(crate) fn parent(path: &str) -> Option<Option<(&str, usize)>> {
    let key = |text: &str| {
        text.starts_with(|c: char| c.is_ascii_alphabetic())
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let segments: Vec<&str> = path.split('.').collect();
    let (last, inner) = segments.split_last()?;
    if !key(last) {
        return None;
    }
    for segment in inner {
        let name = segment.trim_end_matches("[]");
        if !key(name) {
            return None;
        }
    }
    let Some(owner) = inner.last() else {
        return Some(None);
    };
    let name = owner.trim_end_matches("[]");
    let depth = (owner.len() - name.len()) / 2;
    let end = path.len() - last.len() - 1 - 2 * depth;
    Some(Some((&path[..end], depth)))
}

/// A lock line's type: `string`, `integer`, `number`, `boolean`, `object`,
/// `enum(a,b)` or `list<T>`.
pub(crate) fn parse_shape(text: &str) -> Option<Shape> {
    match text {
        "string" => return Some(Shape::String),
        "integer" => return Some(Shape::Integer),
        "number" => return Some(Shape::Number),
        "boolean" => return Some(Shape::Boolean),
        "object" => return Some(Shape::Object),
        _ => {}
    }
    if let Some(item) = text.strip_prefix("list<").and_then(|t| t.strip_suffix('>')) {
        return parse_shape(item).map(|item| Shape::List(Box::new(item)));
    }
    let values = text.strip_prefix("enum(")?.strip_suffix(')')?;
    let values: Vec<String> = values.split(',').map(str::to_owned).collect();
    let well_formed = |value: &String| {
        value.starts_with(|c: char| c.is_ascii_alphabetic())
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/'))
    };
    let distinct = values
        .iter()
        .enumerate()
        .all(|(i, value)| !values[..i].contains(value));
    (values.iter().all(well_formed) && distinct).then_some(Shape::Enum(values))
}

/// What a release needs to know to word a refusal.
pub(crate) struct Refusal<'a> {
    /// The code's wire string.
    pub wire: &'a str,
    /// Where the code is in the catalog.
    pub span: Span,
    /// The lock's path, for notes.
    pub lock_path: &'a str,
    /// The help line for a change, from [`super::breaking_help`].
    pub help: &'a dyn Fn(&str) -> String,
}

/// The refusals of going from the `locked` details of a released code to `now`'s: each
/// recorded path removed, retyped or made required, the topmost only when a whole
/// subtree went.
pub(crate) fn changes(
    locked: &[LockedDetail],
    now: &[DetailPath],
    r: &Refusal<'_>,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut gone: Vec<&str> = Vec::new();
    for old in locked {
        let path = old.detail.path.as_str();
        if gone.iter().any(|parent| is_under(path, parent)) {
            continue;
        }
        let at = format!("{}:{}", r.lock_path, old.line);
        let wire = r.wire;
        let was = &old.detail.shape;
        let under = if was.has_fields(list_depth(was)) {
            " and the fields under it"
        } else {
            ""
        };
        let Some(new) = now.iter().find(|new| new.path == path) else {
            gone.push(path);
            problems.push(
                Diagnostic::error(format!("detail `{path}` of released code {wire:?} was removed"), r.span)
                    .label(format!("released with `{path}` ({was}){under}; it is no longer among this code's details"))
                    .note(format!("recorded at {at}"))
                    .help(format!("{}; or put `{path}` back", (r.help)("removing a released detail"))),
            );
            continue;
        };
        if !was.accepts(&new.shape) {
            gone.push(path);
            let lost = was.lost_values(&new.shape);
            let (label, note) = if lost.is_empty() {
                (
                    format!("released with `{path}` as {was}{under}"),
                    format!("recorded at {at}"),
                )
            } else {
                (
                    format!("released with `{path}` as {was}; `{}` is no longer a value", lost.join("`, `")),
                    format!("recorded at {at}; adding enum values is allowed, removing one changes the type"),
                )
            };
            problems.push(
                Diagnostic::error(
                    format!("the type of detail `{path}` of released code {wire:?} changed from {was} to {}", new.shape),
                    r.span,
                )
                .label(label)
                .note(note)
                .help(format!("{}; or give `{path}` back its type", (r.help)("changing a released detail's type"))),
            );
            continue;
        }
        if old.detail.optional && !new.optional {
            problems.push(
                Diagnostic::error(
                    format!("detail `{path}` of released code {wire:?} became required"),
                    r.span,
                )
                .label(format!("released with `{path}` optional"))
                .note(format!("recorded at {at}"))
                .help(format!(
                    "{}; or keep `optional: true`",
                    (r.help)("making a released optional detail required")
                )),
            );
        }
    }
    problems
}

/// How many lists deep `shape` is: 1 for `list<object>`.
fn list_depth(shape: &Shape) -> usize {
    match shape {
        Shape::List(item) => 1 + list_depth(item),
        _ => 0,
    }
}

/// Whether `path` is `parent` itself or one of the paths under it.
fn is_under(path: &str, parent: &str) -> bool {
    path.strip_prefix(parent)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
}

#[cfg(test)]
mod tests {
    use super::{line, parent, parse_shape, LockedDetail, Shape};

    fn read(lines: &[&str]) -> Result<Vec<LockedDetail>, String> {
        let mut details = Vec::new();
        for (number, text) in lines.iter().enumerate() {
            let words: Vec<&str> = text.split_whitespace().collect();
            line(&words, number + 1, &mut details)?;
        }
        Ok(details)
    }

    #[test]
    fn a_path_names_the_object_it_is_a_field_of() {
        assert_eq!(parent("limit"), Some(None));
        assert_eq!(parent("a.b"), Some(Some(("a", 0))));
        assert_eq!(parent("a[].b"), Some(Some(("a", 1))));
        assert_eq!(parent("a[].b.c[][].d"), Some(Some(("a[].b.c", 2))));
        for bad in ["", "a.", ".a", "a[]", "a..b", "a[.b", "1a", "a-b", "a[]x.b"] {
            assert_eq!(parent(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn types_read_back_as_written() {
        for text in [
            "string",
            "integer",
            "number",
            "boolean",
            "object",
            "enum(a,b-c,d/e)",
            "list<list<object>>",
            "list<enum(x)>",
        ] {
            assert_eq!(parse_shape(text).unwrap().to_string(), text);
        }
        for bad in [
            "str",
            "enum()",
            "enum(a,a)",
            "enum(a,,b)",
            "list<>",
            "list<string",
            "enum(a b)",
            "Object",
        ] {
            assert_eq!(parse_shape(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_field_needs_its_object_above_it() {
        assert!(read(&["a list<object>", "a[].b string optional", "a[].c.d string"]).is_err());
        assert!(read(&["a.b string"]).is_err());
        assert!(read(&["a object", "a[].b string"]).is_err());
        assert!(read(&["a list<list<object>>", "a[].b string"]).is_err());
        let details = read(&[
            "a list<list<object>>",
            "a[][].b object optional",
            "a[][].b.c enum(x,y)",
        ])
        .unwrap();
        assert_eq!(
            details[2].detail.shape,
            Shape::Enum(vec!["x".into(), "y".into()])
        );
        assert!(details[1].detail.optional);
        assert_eq!(details[2].line, 3);
    }

    #[test]
    fn a_malformed_detail_line_says_what_is_wrong() {
        assert_eq!(read(&["a"]).unwrap_err(), "detail \"a\" has no type");
        assert_eq!(
            read(&["a string required"]).unwrap_err(),
            "unexpected \"required\""
        );
        assert!(read(&["a strin"])
            .unwrap_err()
            .starts_with("type \"strin\" (a type is"));
        assert_eq!(
            read(&["a string", "a integer"]).unwrap_err(),
            "detail a is listed twice"
        );
    }
}
