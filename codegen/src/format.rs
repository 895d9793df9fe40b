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
//! The envelope kinds a catalog may list are the format's too, so [`Envelope`] is
//! defined here, where validation reads it, and the model re-exports it.

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

/// A key that is always there.
const fn required(name: &'static str, kind: Kind, doc: &'static str) -> Key {
    Key {
        name,
        required: true,
        kind,
        doc,
        default: DefaultValue::None,
    }
}

/// A key that may be left out.
const fn optional(name: &'static str, kind: Kind, doc: &'static str) -> Key {
    Key {
        name,
        required: false,
        kind,
        doc,
        default: DefaultValue::None,
    }
}

/// The whole catalog file.
pub(crate) const CATALOG: Mapping = Mapping {
    name: "catalog",
    doc: "An error catalog: every error code one API returns, from which the generator writes a Rust crate, ERRORS.md, an npm package and OpenAPI components.",
    keys: &[
        required(
            "api",
            Kind::Text(Text::Plain),
            "The API's human name, used in the titles of the generated docs, e.g. `Relay API`.",
        ),
        required(
            "crate",
            Kind::Text(Text::CrateName),
            "The Cargo package name of the generated crate, which is also the npm package's unless `npm` names one: lower-case words of ASCII letters and digits joined by single `-` or `_`, starting with a letter, at most 64 characters, not a Rust keyword, a standard library crate or a Windows device name, e.g. `relay-errors`.",
        ),
        required(
            "version",
            Kind::Text(Text::Semver),
            "The semver version of the generated crate and npm package, e.g. `0.1.0`. A change that breaks clients (a code's status changed, a code retired) needs a breaking bump.",
        ),
        optional(
            "npm",
            Kind::Text(Text::NpmName),
            "The npm name of the generated TypeScript package, e.g. `@relay/errors`: lower-case letters, digits, `-`, `.` and `_`, optionally after a `@scope/`, at most 214 characters, not a Node.js built-in module. Default: the crate name, which must then be one too.",
        ),
        required(
            "docs_url",
            Kind::Text(Text::UrlTemplate),
            "The documentation link of each code: an absolute http(s) URL in which `{code}` becomes the wire string and `{anchor}` the anchor of the code's heading in ERRORS.md, e.g. `https://docs.relay.dev/errors#{anchor}`.",
        ),
        Key {
            name: "envelopes",
            required: false,
            kind: Kind::OneOrList {
                item: Text::Envelope,
                non_empty: false,
            },
            doc: "The error bodies the generated crate builds and parses: `linked` (`error` with links, and `request_id`), `rest` (`error.code`, `message`, `details`), `trpc` (as tRPC sends it), `problem` (RFC 9457 problem details). Default: `[rest]`.",
            default: DefaultValue::Envelopes(&[Envelope::Rest]),
        },
        optional(
            "actions",
            Kind::Actions,
            "Named dashboard links a code can point to with `action`: each a URL, e.g. `api_keys: https://dashboard.relay.dev/settings/api-keys`, or a mapping with the `url` and a `title` to show as the link, e.g. `api_keys: {url: https://dashboard.relay.dev/settings/api-keys, title: API keys settings}`.",
        ),
        optional(
            "statuses",
            Kind::Map {
                key: Text::HttpStatus,
                value: Text::Line,
            },
            "What each HTTP status means in this API, shown beside its standard reason phrase in the docs' status summary, e.g. `404: Resource doesn't exist`; keys are statuses 100..=599, values one line of plain text.",
        ),
        required(
            "families",
            Kind::List {
                item: &FAMILY,
                non_empty: true,
            },
            "The groups of codes, in the order of the docs; at least one.",
        ),
        required(
            "codes",
            Kind::List {
                item: &CODE,
                non_empty: true,
            },
            "Every code the API returns, in the order of the `ErrorCode` enum and the docs; at least one.",
        ),
        optional(
            "retired",
            Kind::List {
                item: &RETIRED,
                non_empty: false,
            },
            "Codes that were released and are no longer returned. They stay listed for good: a wire string is never reused.",
        ),
    ],
};

/// One entry of `families`.
pub(crate) const FAMILY: Mapping = Mapping {
    name: "family",
    doc: "A group of codes: one section with one table in the docs, and a `Family` variant.",
    keys: &[
        required(
            "id",
            Kind::Text(Text::FamilyId),
            "The family's id, unique in the catalog, in lower snake_case, e.g. `tickets`; codes name it in `family`.",
        ),
        required(
            "title",
            Kind::Text(Text::Plain),
            "The section title in the docs, e.g. `Tickets API`.",
        ),
        optional(
            "description",
            Kind::Text(Text::Plain),
            "A sentence about the family, shown under its title.",
        ),
    ],
};

/// One entry of `codes`.
pub(crate) const CODE: Mapping = Mapping {
    name: "code",
    doc: "One error code.",
    keys: &[
        required(
            "code",
            Kind::Text(Text::Wire),
            "The wire string, exactly as sent in `error.code` and never re-cased: an ASCII letter, then letters, digits, `_`, `-`, `.` or `/`, at most 100 characters; unique in the catalog.",
        ),
        required(
            "status",
            Kind::Status,
            "The HTTP status the code is answered with, 400..=599.",
        ),
        required(
            "family",
            Kind::OneOrList {
                item: Text::FamilyId,
                non_empty: true,
            },
            "The id of the code's family, or a list of ids when the code belongs to several; the first is its primary family.",
        ),
        required(
            "description",
            Kind::Text(Text::Plain),
            "What went wrong, in plain text.",
        ),
        required(
            "resolution",
            Kind::Text(Text::Plain),
            "What to do about it, in plain text.",
        ),
        Key {
            name: "retryable",
            required: false,
            kind: Kind::Boolean,
            doc: "Whether retrying the same request can succeed; clients back off before retrying. Default: `false`.",
            default: DefaultValue::False,
        },
        optional(
            "action",
            Kind::Text(Text::Name),
            "The dashboard page where the user can act on the error: a key of `actions`.",
        ),
        optional(
            "docs_url",
            Kind::Text(Text::UrlTemplate),
            "This code's documentation link, instead of the catalog's `docs_url` template.",
        ),
        optional(
            "family_descriptions",
            Kind::Map {
                key: Text::FamilyId,
                value: Text::Plain,
            },
            "The description to show in a family's table instead of `description`, by family id; each a family of this code.",
        ),
        optional(
            "deprecated",
            Kind::Mapping(&DEPRECATION),
            "Set when the code is still returned but on its way out.",
        ),
        optional(
            "message",
            Kind::Text(Text::Template),
            "The template of one occurrence's message, e.g. `Required field {field} is missing`: `{name}` inserts the detail `name` (a required detail of a scalar type, or a list of one, joined by `, `), `{{` and `}}` are literal braces. Default: the description, then the resolution.",
        ),
        optional(
            "details",
            Kind::Details,
            "The facts one occurrence of the code carries, by wire key (an ASCII letter, then letters, digits or `_`, never re-cased): each a type name (`string`, `integer`, `number`, `boolean`) or a mapping with `type` and its other keys.",
        ),
    ],
};

/// One detail's spec, in its long form.
pub(crate) const DETAIL: Mapping = Mapping {
    name: "detail",
    doc: "A fact one occurrence of a code carries: its type and what it means.",
    keys: &[
        required(
            "type",
            Kind::Text(Text::DetailType),
            "The detail's type: `string`, `integer` (64-bit signed), `number` (64-bit float), `boolean`, `enum` (with `values`), `list` (with `items`) or `object` (with `fields`).",
        ),
        optional(
            "description",
            Kind::Text(Text::Plain),
            "What the value means, in plain text.",
        ),
        Key {
            name: "optional",
            required: false,
            kind: Kind::Boolean,
            doc: "Whether an occurrence may leave the detail out. Default: `false`.",
            default: DefaultValue::False,
        },
        optional(
            "example",
            Kind::AnyValue,
            "A value of the detail's type, shown in the docs and the OpenAPI examples.",
        ),
        optional(
            "items",
            Kind::Spec,
            "For `type: list`: the spec of each item, a type name or a mapping.",
        ),
        optional(
            "fields",
            Kind::Details,
            "For `type: object`: the object's keys, each with its spec, as `details` has them.",
        ),
        optional(
            "values",
            Kind::TextList {
                item: Text::EnumValue,
                non_empty: true,
            },
            "For `type: enum`: the values it may take, each an ASCII letter then letters, digits, `_`, `-`, `.` or `/`; at least one, without repeats.",
        ),
    ],
};

/// A code's `deprecated`.
pub(crate) const DEPRECATION: Mapping = Mapping {
    name: "deprecation",
    doc: "Why and since when a code is deprecated.",
    keys: &[
        required(
            "since",
            Kind::Text(Text::Semver),
            "The catalog version that deprecated the code, at most the catalog's `version`.",
        ),
        optional(
            "replacement",
            Kind::Text(Text::Wire),
            "The code to use instead: another code of the catalog, not deprecated itself.",
        ),
        optional("note", Kind::Text(Text::Plain), "Why, in a sentence."),
    ],
};

/// A dashboard link of `actions`, in its long form.
pub(crate) const ACTION: Mapping = Mapping {
    name: "action",
    doc: "A dashboard link with the label the docs show for it.",
    keys: &[
        required(
            "url",
            Kind::Text(Text::Url),
            "The dashboard URL: an absolute http(s) URL.",
        ),
        optional(
            "title",
            Kind::Text(Text::Line),
            "A short label for the link, one line of plain text, e.g. `API keys settings`; the docs show the link as this label. Default: the URL itself.",
        ),
    ],
};

/// One entry of `retired`.
pub(crate) const RETIRED: Mapping = Mapping {
    name: "retired",
    doc: "A code that was released and is no longer returned; its wire string is never used again.",
    keys: &[
        required(
            "code",
            Kind::Text(Text::Wire),
            "The retired wire string; no code of the catalog may use it.",
        ),
        required(
            "since",
            Kind::Text(Text::Semver),
            "The catalog version that retired it.",
        ),
        optional("note", Kind::Text(Text::Plain), "Why, in a sentence."),
    ],
};

/// Every mapping, the catalog first, each once.
pub(crate) const MAPPINGS: [&Mapping; 7] = [
    &CATALOG,
    &ACTION,
    &FAMILY,
    &CODE,
    &DEPRECATION,
    &RETIRED,
    &DETAIL,
];

#[cfg(test)]
mod tests;
