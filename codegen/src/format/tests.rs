//! The description of the format against the loader: a key added to one and not the
//! other, a key made required in one only, or a JSON type the schema allows and the
//! loader refuses, fails here.
//!
//! The loader is fed catalogs (JSON, which is YAML too) built from the description: one
//! with every key of every mapping, then one per key with that key left out or given a
//! value of each JSON type. The loader checks shape only, so nothing here needs to mean
//! anything to validation.

use std::collections::BTreeSet;

use super::*;
use crate::load;
use crate::text::js_string as string;

/// The loader's own list of the keys of `mapping`.
fn loader_keys(mapping: &Mapping) -> &'static [&'static str] {
    match mapping.name {
        "catalog" => load::CATALOG_KEYS,
        "action" => load::ACTION_KEYS,
        "family" => load::FAMILY_KEYS,
        "code" => load::CODE_KEYS,
        "deprecation" => load::DEPRECATION_KEYS,
        "retired" => load::RETIRED_KEYS,
        "detail" => load::DETAIL_KEYS,
        other => panic!("the loader has no key list for `{other}`: add it here"),
    }
}

#[test]
fn every_mapping_reachable_from_the_catalog_is_listed_once() {
    let mut reached = vec![CATALOG.name];
    let mut queue = vec![&CATALOG];
    while let Some(mapping) = queue.pop() {
        for key in mapping.keys {
            let nested = match key.kind {
                Kind::List { item, .. } => item,
                Kind::Mapping(nested) => nested,
                Kind::Details | Kind::Spec => &DETAIL,
                Kind::Actions => &ACTION,
                _ => continue,
            };
            if !reached.contains(&nested.name) {
                reached.push(nested.name);
                queue.push(nested);
            }
        }
    }
    let listed: Vec<&str> = MAPPINGS.iter().map(|mapping| mapping.name).collect();
    assert_eq!(
        reached.iter().collect::<BTreeSet<_>>(),
        listed.iter().collect::<BTreeSet<_>>()
    );
    assert_eq!(listed.len(), reached.len(), "a mapping listed twice");
}

#[test]
fn the_schema_and_the_loader_know_the_same_keys() {
    for mapping in MAPPINGS {
        let described: BTreeSet<&str> = mapping.keys.iter().map(|key| key.name).collect();
        let loaded: BTreeSet<&str> = loader_keys(mapping).iter().copied().collect();
        assert_eq!(
            described, loaded,
            "the keys of a {} in format.rs (left) and load.rs (right) differ",
            mapping.name
        );
    }
}

#[test]
fn a_catalog_with_every_key_loads_without_a_word() {
    let text = document(None);
    assert_eq!(load_problems(&text), Vec::<String>::new(), "{text}");
}

#[test]
fn a_key_is_missed_exactly_when_it_is_required() {
    for mapping in MAPPINGS {
        for key in mapping.keys {
            let problems = load_problems(&document(Some(change(mapping, key, None))));
            let missing = format!("missing key `{}`", key.name);
            let reported = problems.iter().any(|problem| problem.starts_with(&missing));
            assert_eq!(
                reported, key.required,
                "`{}` of a {} without it: {problems:?}",
                key.name, mapping.name
            );
        }
    }
}

/// The JSON types a probe tries for each key, beyond the kind's own.
const PROBES: [(&str, &str); 7] = [
    ("string", r#""text""#),
    ("integer", "404"),
    ("number", "1.5"),
    ("boolean", "true"),
    ("array", r#"["text"]"#),
    ("object", r#"{"key": "text"}"#),
    ("null", "null"),
];

#[test]
fn the_loader_accepts_every_json_type_the_schema_allows() {
    for mapping in MAPPINGS {
        for key in mapping.keys {
            for &json_type in key.kind.json_types() {
                let value = value_of(json_type, key.kind);
                let text = document(Some(change(mapping, key, Some(value))));
                assert_eq!(
                    load_problems(&text),
                    Vec::<String>::new(),
                    "`{}` of a {} as {json_type:?}: {text}",
                    key.name,
                    mapping.name
                );
            }
        }
    }
}

/// The loader refuses every JSON type the schema refuses, with one exception, on
/// purpose: where text goes, the loader reads an unquoted number or `true`/`false` as
/// its text (`title: 2024`), while the schema asks for a string, so an editor flags it
/// and the maintainer quotes it. That exception is listed, not assumed: if the loader
/// starts refusing those values too, this test says so.
#[test]
fn the_loader_refuses_every_json_type_the_schema_refuses() {
    for mapping in MAPPINGS {
        for key in mapping.keys {
            for (name, value) in PROBES {
                let allowed = key
                    .kind
                    .json_types()
                    .iter()
                    .any(|&json_type| json_type.name() == name);
                if allowed {
                    continue;
                }
                let problems = load_problems(&document(Some(change(
                    mapping,
                    key,
                    Some(value.to_owned()),
                ))));
                let read_as_text = matches!(name, "integer" | "number" | "boolean")
                    && matches!(
                        key.kind,
                        Kind::Text(_) | Kind::OneOrList { .. } | Kind::Spec
                    );
                assert_eq!(
                    problems.is_empty(),
                    read_as_text,
                    "`{}` of a {} given {name} `{value}`: {problems:?}",
                    key.name,
                    mapping.name
                );
            }
        }
    }
}

/// What the loader says about `text`, one message per problem.
fn load_problems(text: &str) -> Vec<String> {
    let mut diagnostics = Vec::new();
    let loaded = load::load(text, &mut diagnostics);
    assert!(loaded.is_some(), "not YAML: {text}");
    diagnostics.iter().map(|d| d.message.clone()).collect()
}

/// One key of one mapping written differently: left out (`None`) or as `value`, JSON text.
struct Change {
    mapping: &'static str,
    key: &'static str,
    value: Option<String>,
}

fn change(mapping: &Mapping, key: &Key, value: Option<String>) -> Change {
    Change {
        mapping: mapping.name,
        key: key.name,
        value,
    }
}

/// The catalog with every key of every mapping, as JSON text, `change` applied.
fn document(change: Option<Change>) -> String {
    object(&CATALOG, change.as_ref())
}

fn object(mapping: &Mapping, change: Option<&Change>) -> String {
    let entries: Vec<String> = mapping
        .keys
        .iter()
        .filter_map(|key| {
            let value = match change {
                Some(change) if change.mapping == mapping.name && change.key == key.name => {
                    change.value.clone()?
                }
                // The one long-form spec of the document is a code's detail; the specs
                // nested in it are short, so the document is finite.
                _ if mapping.name == DETAIL.name && matches!(key.kind, Kind::Details) => {
                    r#"{"a_key": "string"}"#.to_owned()
                }
                _ => sample(key.kind, change),
            };
            Some(format!("{}: {value}", string(key.name)))
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// A value of `kind`, of its first JSON type.
fn sample(kind: Kind, change: Option<&Change>) -> String {
    match kind {
        Kind::Text(text) => string(text_sample(text)),
        Kind::Status => "404".to_owned(),
        Kind::Boolean => "true".to_owned(),
        Kind::OneOrList { item, .. } => string(text_sample(item)),
        Kind::List { item, .. } => format!("[{}]", object(item, change)),
        Kind::Mapping(mapping) => object(mapping, change),
        Kind::Map { key, value } => format!(
            "{{{}: {}}}",
            string(text_sample(key)),
            string(text_sample(value))
        ),
        Kind::TextList { item, .. } => format!("[{}]", string(text_sample(item))),
        // Both forms: a URL alone, and the mapping.
        Kind::Actions => format!(
            r#"{{"a_name": {}, "b_name": {}}}"#,
            string(text_sample(Text::Url)),
            object(&ACTION, change)
        ),
        Kind::Details => format!(r#"{{"a_key": {}}}"#, object(&DETAIL, change)),
        Kind::Spec => string("string"),
        Kind::AnyValue => string("an example"),
    }
}

/// A value of the JSON type `json_type` for a key of `kind`: a well-formed one where the
/// kind allows that type, else the plain probe of that type.
fn value_of(json_type: JsonType, kind: Kind) -> String {
    let probe = |name: &str| {
        PROBES
            .iter()
            .find(|(probe, _)| *probe == name)
            .map(|(_, value)| (*value).to_owned())
            .expect("a probe of each type")
    };
    match (json_type, kind) {
        (JsonType::String, Kind::Text(text) | Kind::OneOrList { item: text, .. }) => {
            string(text_sample(text))
        }
        (JsonType::Array, Kind::OneOrList { item, .. }) => {
            format!("[{}]", string(text_sample(item)))
        }
        (JsonType::Object, Kind::Spec) => object(&DETAIL, None),
        (JsonType::Array, Kind::List { .. } | Kind::TextList { .. })
        | (JsonType::Object, Kind::Mapping(_) | Kind::Map { .. } | Kind::Actions | Kind::Details)
        | (JsonType::Integer, Kind::Status)
        | (JsonType::Boolean, Kind::Boolean) => sample(kind, None),
        (json_type, _) => probe(json_type.name()),
    }
}

/// A value of each form (the loader does not look at forms).
fn text_sample(text: Text) -> &'static str {
    match text {
        Text::Plain => "Some text",
        Text::Line => "Some text",
        Text::HttpStatus => "404",
        Text::Name => "a_name",
        Text::Wire => "SOME_CODE",
        Text::FamilyId => "general",
        Text::Semver => "1.0.0",
        Text::CrateName => "probe-errors",
        Text::NpmName => "@probe/errors",
        Text::UrlTemplate => "https://example.com/errors#{anchor}",
        Text::Url => "https://example.com/settings",
        Text::Envelope => "rest",
        Text::DetailKey => "a_key",
        Text::DetailType => "string",
        Text::EnumValue => "a_value",
        Text::Template => "Some {a_key} text",
    }
}
