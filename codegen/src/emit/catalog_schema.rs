//! The catalog format -> `catalog.schema.json`, a JSON Schema (draft 2020-12) that YAML
//! editors complete and check catalogs with while they are typed.
//!
//! Rendered from [`crate::format`], the one description of the format, so the schema
//! cannot know a key the loader does not (that module's test holds the loader to it).
//! Every mapping refuses unknown keys, as the loader does; each key has its description
//! for the editor's hover. The schema is the same for every catalog, so it is written
//! once, beside the catalogs, not into each crate.

use crate::emit::json::{strings, Json, Object};
use crate::format::{
    detail_type_names, DefaultValue, JsonType, Key, Kind, Mapping, Text, ACTION, CATALOG,
    CRATE_NAME_MAX_LEN, DETAIL, MAPPINGS, NPM_NAME_MAX_LEN, STATUSES,
};
use crate::model::Envelope;

/// The file name the catalogs' modeline points at.
pub(crate) const FILE_NAME: &str = "catalog.schema.json";

/// The whole of `catalog.schema.json`. JSON has no comments, so the generated-file line
/// is the schema's `$comment`, which JSON Schema reserves for exactly that.
pub(crate) fn emit(header: &str) -> String {
    let mut defs = Object::new();
    for mapping in MAPPINGS
        .iter()
        .filter(|mapping| mapping.name != CATALOG.name)
    {
        defs.insert(mapping.name, mapping_schema(mapping));
    }
    let schema = Object::new()
        .with("$schema", "https://json-schema.org/draft/2020-12/schema")
        .with("$comment", header.to_owned())
        .with("title", "Error catalog")
        .merge(mapping_schema(&CATALOG))
        .with("$defs", defs);
    Json::from(schema).to_pretty(64 * 1024)
}

/// A mapping: its keys, the required ones, and no others.
fn mapping_schema(mapping: &'static Mapping) -> Object<'static> {
    let mut properties = Object::new();
    for key in mapping.keys {
        properties.insert(key.name, key_schema(key));
    }
    let required = mapping
        .keys
        .iter()
        .filter(|key| key.required)
        .map(|key| key.name);
    Object::new()
        .with("description", mapping.doc)
        .with("type", "object")
        .with("properties", properties)
        .with("required", strings(required))
        .with("additionalProperties", false)
}

fn key_schema(key: &'static Key) -> Object<'static> {
    let default: Option<Json<'static>> = match key.default {
        DefaultValue::None => None,
        DefaultValue::False => Some(false.into()),
        DefaultValue::Envelopes(envelopes) => Some(strings(
            envelopes.iter().map(|&envelope| envelope.spelling()),
        )),
    };
    Object::new()
        .with("description", key.doc)
        .merge(kind_schema(key.kind))
        .with_some("default", default)
}

/// The schema of a value, of the JSON types [`Kind::json_types`] names (the test below
/// checks that the two agree).
fn kind_schema(kind: Kind) -> Object<'static> {
    match kind {
        Kind::Text(text) => text_schema(text),
        Kind::Status => typed(kind)
            .with("minimum", STATUSES.0)
            .with("maximum", STATUSES.1),
        Kind::Boolean => typed(kind),
        Kind::OneOrList { item, non_empty } => {
            let list = Object::new()
                .with("type", JsonType::Array.name())
                .with("items", text_schema(item))
                .with("uniqueItems", true);
            let list = if non_empty {
                list.with("minItems", 1)
            } else {
                list
            };
            Object::new().with(
                "anyOf",
                Json::Array(vec![text_schema(item).into(), list.into()]),
            )
        }
        Kind::List { item, non_empty } => {
            let list = typed(kind).with(
                "items",
                Object::new().with("$ref", format!("#/$defs/{}", item.name)),
            );
            if non_empty {
                list.with("minItems", 1)
            } else {
                list
            }
        }
        Kind::Mapping(mapping) => Object::new().with("$ref", format!("#/$defs/{}", mapping.name)),
        Kind::Map { key, value } => typed(kind)
            .with("propertyNames", text_schema(key))
            .with("additionalProperties", text_schema(value)),
        // A URL alone, or the long form with its title: exactly one of the two, since a
        // string is never an object.
        Kind::Actions => typed(kind)
            .with("propertyNames", text_schema(Text::Name))
            .with(
                "additionalProperties",
                Object::new().with(
                    "oneOf",
                    Json::Array(vec![
                        text_schema(Text::Url).into(),
                        Object::new()
                            .with("$ref", format!("#/$defs/{}", ACTION.name))
                            .into(),
                    ]),
                ),
            ),
        Kind::TextList { item, non_empty } => {
            let list = typed(kind)
                .with("items", text_schema(item))
                .with("uniqueItems", true);
            if non_empty {
                list.with("minItems", 1)
            } else {
                list
            }
        }
        Kind::Details => typed(kind)
            .with("propertyNames", text_schema(Text::DetailKey))
            .with("additionalProperties", kind_schema(Kind::Spec)),
        // The short form names a type that needs nothing more; the others need their
        // `items`, `fields` or `values`, so only the long form offers them.
        Kind::Spec => Object::new().with(
            "anyOf",
            Json::Array(vec![
                Object::new()
                    .with("type", JsonType::String.name())
                    .with("enum", strings(detail_type_names().take(4)))
                    .into(),
                Object::new()
                    .with("$ref", format!("#/$defs/{}", DETAIL.name))
                    .into(),
            ]),
        ),
        Kind::AnyValue => Object::new().with(
            "type",
            strings(kind.json_types().iter().map(|json_type| json_type.name())),
        ),
    }
}

/// The schema of a kind of one JSON type, with that type.
fn typed(kind: Kind) -> Object<'static> {
    let [json_type] = kind.json_types() else {
        unreachable!("{kind:?} is of one JSON type");
    };
    Object::new().with("type", json_type.name())
}

/// A text of `form`: a string matching its pattern, or one of the envelope kinds.
fn text_schema(form: Text) -> Object<'static> {
    let schema = Object::new().with("type", JsonType::String.name());
    let schema = match form {
        Text::Name => schema.with("minLength", 1),
        Text::NpmName => schema.with("maxLength", NPM_NAME_MAX_LEN),
        Text::CrateName => schema.with("maxLength", CRATE_NAME_MAX_LEN),
        Text::Envelope => schema.with(
            "enum",
            strings(Envelope::ALL.iter().map(|&(_, spelling)| spelling)),
        ),
        Text::DetailType => schema.with("enum", strings(detail_type_names())),
        // No `format: uri`: the pattern says what the generator takes, and RFC 3986
        // takes less (a `\\` or `|` in a path, which browsers and the generator accept).
        Text::Plain
        | Text::Line
        | Text::HttpStatus
        | Text::Wire
        | Text::FamilyId
        | Text::Semver
        | Text::UrlTemplate
        | Text::Url
        | Text::DetailKey
        | Text::EnumValue
        | Text::Template => schema,
    };
    schema.with_some("pattern", form.pattern())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `type`s a value's schema allows, at its top or in its `anyOf` branches.
    fn types_of(schema: &Object<'_>) -> Vec<String> {
        if let Some(Json::Array(branches)) = schema.get("anyOf") {
            return branches
                .iter()
                .flat_map(|branch| match branch {
                    Json::Object(branch) => types_of(branch),
                    other => panic!("a branch is a schema, not {other:?}"),
                })
                .collect();
        }
        match schema.get("type") {
            Some(Json::Str(name)) => vec![name.to_string()],
            Some(Json::Array(names)) => names
                .iter()
                .map(|name| match name {
                    Json::Str(name) => name.to_string(),
                    other => panic!("a type is a name, not {other:?}"),
                })
                .collect(),
            // A `$ref` to a mapping's schema.
            None if schema.get("$ref").is_some() => vec!["object".to_owned()],
            other => panic!("no type in {schema:?}: {other:?}"),
        }
    }

    #[test]
    fn each_key_allows_exactly_the_json_types_of_its_kind() {
        for mapping in MAPPINGS {
            for key in mapping.keys {
                let expected: Vec<&str> = key.kind.json_types().iter().map(|&t| t.name()).collect();
                assert_eq!(
                    types_of(&key_schema(key)),
                    expected,
                    "`{}` of a {}",
                    key.name,
                    mapping.name
                );
            }
        }
    }

    #[test]
    fn every_mapping_refuses_unknown_keys_and_requires_its_required_ones() {
        for mapping in MAPPINGS {
            let schema = mapping_schema(mapping);
            assert!(matches!(
                schema.get("additionalProperties"),
                Some(Json::Bool(false))
            ));
            let required: Vec<Json<'_>> = mapping
                .keys
                .iter()
                .filter(|key| key.required)
                .map(|key| Json::from(key.name))
                .collect();
            assert_eq!(
                schema.get("required").map(|json| json.to_pretty(0)),
                Some(Json::Array(required).to_pretty(0))
            );
        }
    }
}
