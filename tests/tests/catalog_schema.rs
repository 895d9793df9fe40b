//! `catalog/catalog.schema.json` against the generator: each pattern, length and range
//! the schema gives a value accepts exactly the values the generator accepts, on good
//! and bad samples of each form.
//!
//! (Which keys exist, which are required and which JSON types each takes is held to the
//! loader by `errcat`'s own test of its format description; whether the fixtures
//! validate against the schema is `tests/node/catalog-schema.test.js`'s, with ajv.)
//! What a JSON Schema cannot say is left out of the samples on purpose: a name that
//! becomes a Rust keyword (`Self`, `self`), a reserved npm name (`http`), or two codes
//! whose names collide are validation's alone.

use catalog_tests::{generate_text, workspace_root};
use regex::Regex;
use serde_json::Value;

/// The shipped schema, parsed.
fn schema() -> Value {
    let path = workspace_root().join("catalog/catalog.schema.json");
    let text = std::fs::read_to_string(&path).expect("catalog/catalog.schema.json");
    serde_json::from_str(&text).expect("the schema is JSON")
}

/// The schema of one value, by its JSON pointer in the schema.
fn at<'a>(schema: &'a Value, pointer: &str) -> &'a Value {
    schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("no {pointer} in the schema"))
}

/// Whether the string schema `rule` (`pattern`, `minLength`, `maxLength`) accepts
/// `value`, counting length in characters as JSON Schema does.
fn accepts(rule: &Value, value: &str) -> bool {
    let pattern = rule["pattern"]
        .as_str()
        .map(|p| Regex::new(p).expect("a valid pattern"));
    let length = value.chars().count() as u64;
    pattern.is_none_or(|p| p.is_match(value))
        && rule["maxLength"].as_u64().is_none_or(|max| length <= max)
        && rule["minLength"].as_u64().is_none_or(|min| length >= min)
}

/// A valid catalog with one value replaced: `field` names the placeholder.
fn catalog(field: &str, value: &str) -> String {
    let quoted = |name: &str, default: &str| {
        let chosen = if name == field { value } else { default };
        serde_json::to_string(chosen).unwrap()
    };
    format!(
        "api: Probe API\n\
         crate: {crate_name}\n\
         version: {version}\n\
         npm: {npm}\n\
         docs_url: {docs_url}\n\
         actions:\n  a: {action}\n  b:\n    url: https://dashboard.probe.dev/b\n    title: {title}\n\
         statuses:\n  {status_key}: {meaning}\n\
         families:\n  - id: {family}\n    title: Probe\n\
         codes:\n  - code: {wire}\n    status: {status}\n    family: {family}\n    \
         description: Probe\n    resolution: Probe it\n    action: a\n",
        crate_name = quoted("crate", "probe-errors"),
        version = quoted("version", "1.0.0"),
        npm = quoted("npm", "probe-errors"),
        docs_url = quoted("docs_url", "https://docs.probe.dev/errors#{anchor}"),
        action = quoted("action", "https://dashboard.probe.dev/settings"),
        title = quoted("title", "Probe settings"),
        status_key = quoted("status_key", "404"),
        meaning = quoted("meaning", "Probe not there"),
        family = quoted("family", "probe"),
        wire = quoted("wire", "PROBE_FAILED"),
        status = if field == "status" { value } else { "404" },
    )
}

/// For each sample, the schema's verdict equals the generator's.
fn agree(field: &str, pointer: &str, good: &[&str], bad: &[&str]) {
    let schema = schema();
    let rule = at(&schema, pointer);
    for (samples, valid) in [(good, true), (bad, false)] {
        for &sample in samples {
            let generated = generate_text("probe.yaml", &catalog(field, sample));
            assert_eq!(
                generated.is_ok(),
                valid,
                "the generator on {field} {sample:?}: {:?}",
                generated.err().map(|report| report.render(false))
            );
            assert_eq!(
                accepts(rule, sample),
                valid,
                "the schema's {pointer} on {sample:?}"
            );
        }
    }
}

#[test]
fn the_baseline_catalog_is_valid() {
    let generated = generate_text("probe.yaml", &catalog("", ""));
    assert!(
        generated.is_ok(),
        "{:?}",
        generated.err().map(|r| r.render(false))
    );
}

#[test]
fn wire_strings() {
    let longest = "A".repeat(100);
    let too_long = "A".repeat(101);
    agree(
        "wire",
        "/$defs/code/properties/code",
        &[
            "TICKET_NOT_FOUND",
            "api_key_required",
            "NoSuchBucket",
            "auth/invalid-email",
            "v1.x",
            "A",
            &longest,
        ],
        &["", "1ABC", "A B", &too_long, "_x", "a:b", "é", "-x"],
    );
}

#[test]
fn family_ids() {
    agree(
        "family",
        "/$defs/family/properties/id",
        &["tickets", "rate_limiting", "a1", "v2_api"],
        &["Tickets", "1a", "rate-limiting", "_x", "", "a b"],
    );
}

#[test]
fn crate_names() {
    let longest = "a".repeat(64);
    let too_long = "a".repeat(65);
    agree(
        "crate",
        "/properties/crate",
        &["relay-errors", "relay_errors", "a", "v1-2_x", &longest],
        &[
            "",
            "1abc",
            "a b",
            &too_long,
            "a.b",
            "-a",
            "Relay_Errors",
            "a--b",
            "a_-b",
            "a-",
        ],
    );
}

#[test]
fn versions() {
    agree(
        "version",
        "/properties/version",
        &[
            "0.1.0",
            "1.0.0-alpha.1",
            "1.0.0+build.5",
            "1.2.3-0.3.7",
            "10.20.30",
            "1.0.0-x-y.z--1",
        ],
        &[
            "1.0",
            "01.0.0",
            "1.0.0-01",
            "v1.0.0",
            "1.0.0-",
            "1.0.0 ",
            "1.0.0+",
            "1.0.0-a..b",
        ],
    );
}

#[test]
fn npm_names() {
    let longest = "a".repeat(214);
    let too_long = "a".repeat(215);
    agree(
        "npm",
        "/properties/npm",
        &[
            "relay-errors",
            "@relay/errors",
            "x.y_z-1",
            "@a-b/c.d",
            &longest,
        ],
        &[
            "Relay",
            "@relay",
            "@relay/",
            "@/errors",
            ".hidden",
            "_private",
            &too_long,
            "a b",
            "a~b",
            "@relay/a/b",
        ],
    );
}

#[test]
fn docs_url_templates() {
    agree(
        "docs_url",
        "/properties/docs_url",
        &[
            "https://docs.relay.dev/errors#{anchor}",
            "http://x.dev/{code}",
            "https://x.dev/errors/{code}#{anchor}",
        ],
        &[
            "https://x.dev/{slug}",
            "https://x.dev/{code",
            "https://x.dev/code}",
            "docs.relay.dev/errors#{anchor}",
            "https:///errors#{anchor}",
            "https://{code}/errors",
            "https://x.dev/a b#{anchor}",
            "ftp://x.dev/#{anchor}",
            "https://x.dev/a<b>#{anchor}",
        ],
    );
}

#[test]
fn action_urls() {
    agree(
        "action",
        "/properties/actions/additionalProperties/oneOf/0",
        &[
            "https://dashboard.relay.dev/settings/api-keys",
            "http://x.dev",
            "https://x.dev/a?b=c#d",
        ],
        &[
            "https://x.dev/{code}",
            "dashboard.relay.dev",
            "https://x.dev/a b",
            "https://",
            "mailto:a@b.c",
        ],
    );
}

/// One line of plain text, as an action's `title` and a `statuses` text are.
const ONE_LINE: (&[&str], &[&str]) = (
    &[
        "API keys settings",
        "a",
        "  padded  ",
        "Title\n",
        "\n lead",
        "Tabs\tinside",
    ],
    &[
        "",
        "  ",
        "\n",
        "two\nlines",
        "a\u{2028}b",
        "a\u{2029}b",
        "trailing\n\nbreaks\nx",
    ],
);

#[test]
fn action_titles() {
    let (good, bad) = ONE_LINE;
    agree("title", "/$defs/action/properties/title", good, bad);
}

#[test]
fn status_meanings() {
    let (good, bad) = ONE_LINE;
    agree(
        "meaning",
        "/properties/statuses/additionalProperties",
        good,
        bad,
    );
}

#[test]
fn status_keys() {
    agree(
        "status_key",
        "/properties/statuses/propertyNames",
        // Statuses no code has are only warned about.
        &["404", "100", "200", "418", "599"],
        &[
            "",
            "99",
            "099",
            "600",
            "0404",
            "4o4",
            "404 ",
            "404.0",
            "+404",
            "NOT_FOUND",
        ],
    );
}

#[test]
fn statuses() {
    let schema = schema();
    let rule = at(&schema, "/$defs/code/properties/status");
    let (min, max) = (
        rule["minimum"].as_i64().unwrap(),
        rule["maximum"].as_i64().unwrap(),
    );
    for status in [399, 400, 404, 599, 600, 0, 1000] {
        let generated = generate_text("probe.yaml", &catalog("status", &status.to_string()));
        assert_eq!(
            generated.is_ok(),
            (min..=max).contains(&status),
            "status {status}"
        );
    }
}
