//! The catalog format, key by key: each mapping's keys, which are required, what each
//! holds and what it means.
//!
//! `catalog/catalog.schema.json`, the JSON Schema editors complete and check catalogs
//! with, is rendered from this description (`emit::catalog_schema`). The loader keeps
//! its own key lists for its messages, and the test below holds the two together: the
//! same keys, the same required ones, and no JSON type the schema allows that the loader
//! refuses. Meaning beyond a value's form (a family id that exists, a code listed once)
//! is validation's, and no JSON Schema can say it.
//!
//! The mappings themselves, key by key, are [`mappings`]; this file has the kinds of
//! value their keys hold. The envelope kinds a catalog may list are the format's too, so
//! [`Envelope`] is defined here, where validation reads it, and the model re-exports it.

/// An error body shape the generated crate can build and parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Envelope {
    /// Batch Relay: `error.{code,message,docs_url,action_url}` plus `request_id`.
    Linked,
    /// Relay `/api/v1`: `error.{code,message,details}`.
    Rest,
    /// Relay `/api/trpc`: `error.{message,code,data.{code,httpStatus,path,stack}}`.
    Trpc,
    /// RFC 9457 problem details.
    Problem,
}

impl Envelope {
    /// Every kind with its catalog spelling.
    pub const ALL: [(Envelope, &'static str); 4] = [
        (Envelope::Linked, "linked"),
        (Envelope::Rest, "rest"),
        (Envelope::Trpc, "trpc"),
        (Envelope::Problem, "problem"),
    ];

    /// The kind as a catalog spells it in `envelopes`, e.g. `rest`.
    pub fn spelling(self) -> &'static str {
        Envelope::ALL
            .iter()
            .find(|(kind, _)| *kind == self)
            .map(|&(_, spelling)| spelling)
            .expect("every envelope kind is in Envelope::ALL")
    }
}

/// One YAML mapping of the format.
#[derive(Debug)]
pub(crate) struct Mapping {
    /// Its name in the schema's `$defs`, e.g. `code`; `catalog` is the whole file.
    pub name: &'static str,
    /// What it is, for the editor's hover.
    pub doc: &'static str,
    /// Its keys, in the order the README lists them.
    pub keys: &'static [Key],
}

/// One key of a [`Mapping`].
#[derive(Debug)]
pub(crate) struct Key {
    /// The key as written.
    pub name: &'static str,
    /// Whether a mapping without it is refused.
    pub required: bool,
    /// What it holds.
    pub kind: Kind,
    /// What it means, for the editor's hover.
    pub doc: &'static str,
    /// The value the generator assumes when the key is absent, for the editor to offer.
    pub default: DefaultValue,
}

/// The value a key holds.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    /// Text of a form.
    Text(Text),
    /// An HTTP error status: an integer in 400..=599.
    Status,
    /// `true` or `false`.
    Boolean,
    /// One text, or a list of them without repeats; `non_empty` when an empty list is
    /// refused.
    OneOrList { item: Text, non_empty: bool },
    /// A list of mappings; `non_empty` when an empty list is refused.
    List {
        item: &'static Mapping,
        non_empty: bool,
    },
    /// A mapping of known keys.
    Mapping(&'static Mapping),
    /// A mapping of names the catalog chooses to texts.
    Map { key: Text, value: Text },
    /// The catalog's `actions`: names to links, each a URL alone or an [`ACTION`]
    /// mapping.
    Actions,
    /// A list of texts without repeats; `non_empty` when an empty list is refused.
    TextList { item: Text, non_empty: bool },
    /// A code's `details` (or an object's `fields`): wire keys to detail specs.
    Details,
    /// One detail spec: a type name alone, or a [`DETAIL`] mapping.
    Spec,
    /// Any value but null, typed later by the spec it belongs to (an `example`).
    AnyValue,
}

/// The form of a text value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    /// Plain text: not blank.
    Plain,
    /// Plain text on one line: not blank, no line break.
    Line,
    /// An HTTP status, as a mapping key: three digits, 100..=599.
    HttpStatus,
    /// Any name, not empty.
    Name,
    /// A wire string.
    Wire,
    /// A family id: lower snake_case.
    FamilyId,
    /// A semver version.
    Semver,
    /// A Cargo package name.
    CrateName,
    /// An npm package name.
    NpmName,
    /// An absolute http(s) URL that may hold `{code}` and `{anchor}`.
    UrlTemplate,
    /// An absolute http(s) URL.
    Url,
    /// An envelope kind, as the catalog spells it.
    Envelope,
    /// A detail's wire key: an ASCII letter, then letters, digits or `_`.
    DetailKey,
    /// A detail type's name.
    DetailType,
    /// One value of an `enum` detail: like a wire string.
    EnumValue,
    /// A message template: plain text with `{detail}` placeholders.
    Template,
}

/// The type of a detail, as the catalog names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DetailKind {
    String,
    Integer,
    Number,
    Boolean,
    Enum,
    List,
    Object,
}

impl DetailKind {
    /// Every type with its catalog name; the first four need no more than their name.
    pub(crate) const ALL: [(DetailKind, &'static str); 7] = [
        (DetailKind::String, "string"),
        (DetailKind::Integer, "integer"),
        (DetailKind::Number, "number"),
        (DetailKind::Boolean, "boolean"),
        (DetailKind::Enum, "enum"),
        (DetailKind::List, "list"),
        (DetailKind::Object, "object"),
    ];

    /// The type a catalog names `name`.
    pub(crate) fn named(name: &str) -> Option<DetailKind> {
        DetailKind::ALL
            .iter()
            .find(|(_, spelling)| *spelling == name)
            .map(|&(kind, _)| kind)
    }
}

/// A value of a detail's type, as an `example` gives it.
#[derive(Clone, Debug, PartialEq)]
pub enum DetailValue {
    /// A `string` or an `enum` value.
    String(String),
    /// An `integer`.
    Integer(i64),
    /// A `number`, finite.
    Number(f64),
    /// A `boolean`.
    Boolean(bool),
    /// A `list`.
    List(Vec<DetailValue>),
    /// An `object`, its keys in the order of the object's `fields`.
    Object(Vec<(String, DetailValue)>),
}

// Numbers are finite, so equality is total.
impl Eq for DetailValue {}

/// The catalog names of the detail types, in [`DetailKind::ALL`]'s order.
pub(crate) fn detail_type_names() -> impl Iterator<Item = &'static str> + Clone {
    DetailKind::ALL.iter().map(|&(_, spelling)| spelling)
}

/// The members of an RFC 9457 problem that a detail may not be named in a catalog with
/// the `problem` envelope, where details are extension members beside them.
pub(crate) const PROBLEM_MEMBERS: [&str; 6] =
    ["type", "title", "status", "detail", "instance", "code"];

/// A key's value when it is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DefaultValue {
    /// None worth showing: the key is required, or absent means "none".
    None,
    /// `false`.
    False,
    /// The envelopes a catalog without `envelopes` gets.
    Envelopes(&'static [Envelope]),
}

/// A JSON value's type, as JSON Schema's `type` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A number, integral or not.
    Number,
    /// `true` or `false`.
    Boolean,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// The name JSON Schema's `type` gives it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            JsonType::String => "string",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::Boolean => "boolean",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl Kind {
    /// The JSON types the schema allows for the key: the schema emitter writes these,
    /// and the test holds the loader to accepting each.
    pub(crate) fn json_types(self) -> &'static [JsonType] {
        match self {
            Kind::Text(_) => &[JsonType::String],
            Kind::Status => &[JsonType::Integer],
            Kind::Boolean => &[JsonType::Boolean],
            Kind::OneOrList { .. } => &[JsonType::String, JsonType::Array],
            Kind::List { .. } => &[JsonType::Array],
            Kind::Mapping(_) | Kind::Map { .. } | Kind::Actions | Kind::Details => {
                &[JsonType::Object]
            }
            Kind::TextList { .. } => &[JsonType::Array],
            Kind::Spec => &[JsonType::String, JsonType::Object],
            Kind::AnyValue => &[
                JsonType::String,
                JsonType::Integer,
                JsonType::Number,
                JsonType::Boolean,
                JsonType::Array,
                JsonType::Object,
            ],
        }
    }
}

impl Text {
    /// The ECMA-262 (and Rust `regex`) pattern a text of this form matches, if its form
    /// is one a pattern can say; `[0-9]` rather than `\d`, which is Unicode-wide in Rust.
    pub(crate) fn pattern(self) -> Option<&'static str> {
        Some(match self {
            Text::Plain => r"\S",
            // Blank space around it is trimmed; a line break inside is refused.
            Text::Line => r"^\s*[^\n\u2028\u2029]*\S[^\n\u2028\u2029]*\s*$",
            Text::HttpStatus => r"^[1-5][0-9]{2}$",
            Text::Wire => r"^[A-Za-z][A-Za-z0-9_./-]{0,99}$",
            Text::FamilyId => r"^[a-z][a-z0-9_]*$",
            Text::Semver => concat!(
                r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)",
                r"(?:-(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)",
                r"(?:\.(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*))*)?",
                r"(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
            ),
            Text::CrateName => r"^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$",
            Text::NpmName => r"^(?:@[a-z0-9-][a-z0-9._-]*/)?[a-z0-9-][a-z0-9._-]*$",
            // A host, then anything but spaces, controls, `<>"`` ` and braces, except
            // the two placeholders.
            Text::UrlTemplate => concat!(
                r#"^https?://[^/?#{}\s\x00-\x1f\x7f-\x9f<>"`]+"#,
                r#"(?:[^{}\s\x00-\x1f\x7f-\x9f<>"`]|\{(?:code|anchor)\})*$"#
            ),
            Text::Url => concat!(
                r#"^https?://[^/?#{}\s\x00-\x1f\x7f-\x9f<>"`]+"#,
                r#"[^{}\s\x00-\x1f\x7f-\x9f<>"`]*$"#
            ),
            Text::DetailKey => r"^[A-Za-z][A-Za-z0-9_]*$",
            Text::EnumValue => r"^[A-Za-z][A-Za-z0-9_./-]{0,99}$",
            Text::Template => r"\S",
            Text::Name | Text::Envelope | Text::DetailType => return None,
        })
    }
}

/// The longest npm name the registry accepts.
pub(crate) const NPM_NAME_MAX_LEN: usize = 214;

/// The longest crate name: crates.io's limit.
pub(crate) const CRATE_NAME_MAX_LEN: usize = 64;

/// The lowest and highest HTTP status a code may have.
pub(crate) const STATUSES: (u16, u16) = (400, 599);

/// The lowest and highest HTTP status `statuses` may describe: every status HTTP has.
pub(crate) const HTTP_STATUSES: (u16, u16) = (100, 599);

mod mappings;

pub(crate) use mappings::{ACTION, CATALOG, DETAIL, MAPPINGS};

#[cfg(test)]
mod tests;
