//! The format's mappings, key by key: the catalog file and each mapping it nests, with
//! every key's kind, whether it is required, and the text an editor shows for it.

use super::{DefaultValue, Envelope, Key, Kind, Mapping, Text};

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
