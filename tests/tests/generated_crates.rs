//! The generated crates, used the way a service or client uses them, checked against
//! the catalogs read independently (serde_yaml, not the generator's loader) and against
//! ERRORS.md read with a real Markdown parser (pulldown-cmark).

use std::collections::{BTreeMap, BTreeSet};

use catalog_tests::workspace_root;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use serde::Deserialize;

/// The parts of a catalog these tests compare, as serde_yaml reads them.
#[derive(Deserialize)]
struct CatalogFile {
    docs_url: String,
    #[serde(default)]
    actions: BTreeMap<String, ActionEntry>,
    families: Vec<FamilyEntry>,
    codes: Vec<CodeEntry>,
}

/// A dashboard action: its URL alone, or a mapping with it (and a title, which
/// `reference_page.rs` checks).
#[derive(Deserialize)]
#[serde(untagged)]
enum ActionEntry {
    Url(String),
    Link { url: String },
}

impl ActionEntry {
    fn url(&self) -> &str {
        match self {
            ActionEntry::Url(url) | ActionEntry::Link { url } => url,
        }
    }
}

#[derive(Deserialize)]
struct FamilyEntry {
    id: String,
    title: String,
}

#[derive(Deserialize)]
struct CodeEntry {
    code: String,
    status: u16,
    family: OneOrMany,
    description: String,
    resolution: String,
    #[serde(default)]
    retryable: bool,
    action: Option<String>,
    #[serde(default)]
    family_descriptions: BTreeMap<String, String>,
    /// Each detail's spec: its type alone, or a mapping with its `example` and the like.
    #[serde(default)]
    details: serde_yaml::Mapping,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn ids(&self) -> Vec<&str> {
        match self {
            OneOrMany::One(id) => vec![id],
            OneOrMany::Many(ids) => ids.iter().map(String::as_str).collect(),
        }
    }
}

fn read_catalog(name: &str) -> CatalogFile {
    let path = workspace_root().join("catalog").join(name);
    serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn read_reference(crate_name: &str) -> String {
    std::fs::read_to_string(
        workspace_root()
            .join("generated")
            .join(crate_name)
            .join("ERRORS.md"),
    )
    .unwrap()
}

/// One code as the generated crate reports it, so both crates go through one check.
#[derive(Debug, PartialEq)]
struct Observed {
    code: String,
    status: u16,
    description: String,
    resolution: String,
    retryable: bool,
    action_url: Option<String>,
    families: Vec<String>,
    docs_url: String,
}

/// Compares what a crate reports with what the catalog says, code by code, in order.
fn assert_crate_matches_catalog(catalog: &CatalogFile, observed: &[Observed]) {
    assert_eq!(observed.len(), catalog.codes.len(), "one variant per code");
    for (entry, seen) in catalog.codes.iter().zip(observed) {
        let expected_action = entry
            .action
            .as_ref()
            .map(|name| catalog.actions[name].url().to_owned());
        assert_eq!(seen.code, entry.code, "ALL is in catalog order");
        assert_eq!(seen.status, entry.status, "{}", entry.code);
        assert_eq!(seen.description, entry.description.trim(), "{}", entry.code);
        assert_eq!(seen.resolution, entry.resolution.trim(), "{}", entry.code);
        assert_eq!(seen.retryable, entry.retryable, "{}", entry.code);
        assert_eq!(seen.action_url, expected_action, "{}", entry.code);
        assert_eq!(seen.families, entry.family.ids(), "{}", entry.code);
        let base = catalog.docs_url.split('{').next().unwrap();
        assert!(
            seen.docs_url.starts_with(base),
            "{}: {}",
            entry.code,
            seen.docs_url
        );
    }
}

macro_rules! observe {
    ($krate:ident) => {{
        use $krate::ErrorCode;
        ErrorCode::ALL
            .iter()
            .map(|&code: &ErrorCode| Observed {
                code: code.as_str().to_owned(),
                status: code.http_status(),
                description: code.description().to_owned(),
                resolution: code.resolution().to_owned(),
                retryable: code.is_retryable(),
                action_url: code.action_url().map(str::to_owned),
                families: code.families().iter().map(|f| f.id().to_owned()).collect(),
                docs_url: code.docs_url().to_owned(),
            })
            .collect::<Vec<_>>()
    }};
}

#[test]
fn relay_crate_matches_its_catalog() {
    let catalog = read_catalog("relay.yaml");
    assert_eq!(
        catalog.codes.len(),
        66,
        "every distinct code of the Relay seed"
    );
    assert_eq!(
        catalog.families.len(),
        17,
        "5 common groups and 12 API families"
    );
    assert_crate_matches_catalog(&catalog, &observe!(relay_errors));
}

#[test]
fn batch_relay_crate_matches_its_catalog() {
    let catalog = read_catalog("batch-relay.yaml");
    assert_eq!(
        catalog.codes.len(),
        10,
        "every code of the Batch Relay seed"
    );
    assert_crate_matches_catalog(&catalog, &observe!(batch_relay_errors));
}

#[test]
fn every_code_parses_back_from_its_wire_string() {
    use relay_errors::ErrorCode;
    for &code in ErrorCode::ALL {
        assert_eq!(code.as_str().parse::<ErrorCode>(), Ok(code));
        assert_eq!(code.to_string(), code.as_str());
        assert_eq!(ErrorCode::from_wire(code.as_str()), Some(code));
    }
    for &code in batch_relay_errors::ErrorCode::ALL {
        assert_eq!(code.as_str().parse(), Ok(code));
    }
}

#[test]
fn unknown_and_re_cased_strings_do_not_parse() {
    use relay_errors::ErrorCode;
    assert!(
        "ticket_not_found".parse::<ErrorCode>().is_err(),
        "codes are never re-cased"
    );
    assert!("TICKET_NOT_FOUND ".parse::<ErrorCode>().is_err());
    assert!("".parse::<ErrorCode>().is_err());
    let error = "NOPE".parse::<ErrorCode>().unwrap_err();
    assert_eq!(error.to_string(), "not an error code of the Relay API");
    assert!(batch_relay_errors::ErrorCode::from_wire("API_KEY_REQUIRED").is_none());
}

#[test]
fn a_service_can_branch_on_codes_and_statuses() {
    use relay_errors::{ErrorCode, Family};
    let code: ErrorCode = "TICKET_NOT_FOUND".parse().unwrap();
    assert_eq!(code, ErrorCode::TicketNotFound);
    assert_eq!(code.http_status(), 404);
    assert_eq!(code.family(), Family::Tickets);
    assert_eq!(code.docs_url(), relay_errors::docs_url::TICKET_NOT_FOUND);
    assert_eq!(
        code.docs_url(),
        "https://docs.relay.dev/errors#ticket_not_found"
    );
    assert!(ErrorCode::TooManyRequests.is_retryable());
    assert!(!ErrorCode::NotFound.is_retryable());
    // Debug shows the variant, as a derive would; Display the wire string.
    assert_eq!(format!("{:?}", ErrorCode::TicketNotFound), "TicketNotFound");
    assert_eq!(format!("{:?}", Some(ErrorCode::Timeout)), "Some(Timeout)");
    // Display honours width and alignment, as log formats use them.
    assert_eq!(format!("{:>10}", ErrorCode::Timeout), "   TIMEOUT");

    let batch = batch_relay_errors::ErrorCode::ApiKeyRevoked;
    assert_eq!(batch.http_status(), 403);
    assert_eq!(
        batch.action_url(),
        Some("https://dashboard.batchrelay.com/settings/api-keys")
    );
    assert_eq!(
        batch_relay_errors::ErrorCode::InvalidJson.action_url(),
        None
    );
}

#[test]
fn shared_codes_keep_each_familys_wording() {
    use relay_errors::{ErrorCode, Family};
    let code = ErrorCode::InvalidStatus;
    assert_eq!(code.families(), [Family::Tickets, Family::Articles]);
    assert_eq!(
        code.description_in(Family::Tickets),
        "Invalid ticket status value"
    );
    assert_eq!(
        code.description_in(Family::Articles),
        "Invalid article status"
    );
    assert_eq!(code.description_in(Family::Server), code.description());
    assert!(Family::Tickets.codes().contains(&code));
    assert!(Family::Articles.codes().contains(&code));
}

#[test]
fn status_lookup_returns_exactly_the_codes_of_that_status() {
    use relay_errors::ErrorCode;
    for status in 400..=599 {
        let expected: Vec<ErrorCode> = ErrorCode::ALL
            .iter()
            .copied()
            .filter(|code| code.http_status() == status)
            .collect();
        assert_eq!(ErrorCode::with_status(status), expected, "status {status}");
    }
    assert!(ErrorCode::with_status(200).is_empty());
}

#[test]
fn families_and_their_codes_agree() {
    use relay_errors::{ErrorCode, Family};
    let catalog = read_catalog("relay.yaml");
    let ids: Vec<&str> = Family::ALL.iter().map(|f| f.id()).collect();
    let expected: Vec<&str> = catalog.families.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids, expected);
    for (family, entry) in Family::ALL.iter().zip(&catalog.families) {
        assert_eq!(family.title(), entry.title);
        for code in family.codes() {
            assert!(code.families().contains(family), "{code} in {family}");
        }
    }
    for &code in ErrorCode::ALL {
        for family in code.families() {
            assert!(family.codes().contains(&code));
        }
    }
}

/// A heading of ERRORS.md: its level and the text a reader sees.
struct Heading {
    level: HeadingLevel,
    text: String,
}

fn headings(markdown: &str) -> Vec<Heading> {
    let mut headings = Vec::new();
    let mut current: Option<Heading> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(Heading {
                    level,
                    text: String::new(),
                })
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.text.push_str(&text);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            _ => {}
        }
    }
    headings
}

/// The anchors GitHub gives the headings of a page.
fn github_anchors(headings: &[Heading]) -> BTreeSet<String> {
    catalog_tests::github_anchors(headings.iter().map(|h| h.text.as_str()))
        .into_iter()
        .collect()
}

fn assert_docs_urls_land_on_headings(crate_name: &str, docs_urls: &[(&str, &str)]) {
    let markdown = read_reference(crate_name);
    let headings = headings(&markdown);
    let anchors = github_anchors(&headings);
    let code_headings: Vec<&str> = headings
        .iter()
        .filter(|h| h.level == HeadingLevel::H3)
        .map(|h| h.text.as_str())
        .collect();
    for &(code, url) in docs_urls {
        let (_, anchor) = url.split_once('#').expect("docs_url points into the page");
        assert!(
            anchors.contains(anchor),
            "{code}: #{anchor} is not a heading of {crate_name}/ERRORS.md"
        );
        assert!(code_headings.contains(&code), "{code} has its own heading");
    }
}

#[test]
fn every_docs_url_lands_on_a_heading_of_the_reference() {
    let relay: Vec<(&str, &str)> = relay_errors::ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), c.docs_url()))
        .collect();
    assert_docs_urls_land_on_headings("relay-errors", &relay);
    let batch: Vec<(&str, &str)> = batch_relay_errors::ErrorCode::ALL
        .iter()
        .map(|c| (c.as_str(), c.docs_url()))
        .collect();
    assert_docs_urls_land_on_headings("batch-relay-errors", &batch);
}

/// The rows of every table of a page, each row as the text of its cells.
fn table_rows(markdown: &str) -> Vec<Vec<Vec<String>>> {
    let options = pulldown_cmark::Options::ENABLE_TABLES;
    let mut tables = Vec::new();
    let mut in_table = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Table(_)) => {
                in_table = true;
                tables.push(Vec::new());
            }
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => {
                tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => tables
                .last_mut()
                .unwrap()
                .last_mut()
                .unwrap()
                .push(String::new()),
            Event::Text(text) | Event::Code(text) if in_table => {
                if let Some(cell) = tables
                    .last_mut()
                    .and_then(|t| t.last_mut())
                    .and_then(|r| r.last_mut())
                {
                    cell.push_str(&text);
                }
            }
            Event::End(TagEnd::Table) => in_table = false,
            _ => {}
        }
    }
    tables
}

#[test]
fn family_tables_show_every_character_of_the_catalog() {
    let catalog = read_catalog("batch-relay.yaml");
    let tables = table_rows(&read_reference("batch-relay-errors"));
    // The first table is the status summary; then one per family, in order; then one
    // per code with details.
    let families = catalog.families.len();
    assert_eq!(
        tables.len(),
        1 + families + codes_with_details(&catalog).len()
    );
    let rows: Vec<&Vec<String>> = tables[1..=families]
        .iter()
        .flat_map(|t| t.iter().skip(1))
        .collect();
    assert_eq!(rows.len(), catalog.codes.len());
    for (row, entry) in rows.iter().zip(&catalog.codes) {
        assert_eq!(row.len(), 4, "Code | HTTP | Description | Resolution");
        assert_eq!(row[0], entry.code);
        assert_eq!(row[1], entry.status.to_string());
        assert_eq!(row[2], entry.description);
        assert_eq!(
            row[3], entry.resolution,
            "e.g. `Bearer <key>` shows literally"
        );
    }
}

/// Each code with details has a table of them after the family tables: a row per
/// detail in catalog order (its fields' rows, `violations[].field`, after it), whether it
/// is required, and its description as written.
#[test]
fn details_tables_list_every_detail_as_the_catalog_declares_it() {
    for (catalog, page) in [
        ("relay.yaml", "relay-errors"),
        ("batch-relay.yaml", "batch-relay-errors"),
    ] {
        let catalog = read_catalog(catalog);
        let tables = table_rows(&read_reference(page));
        let details = &tables[1 + catalog.families.len()..];
        let codes = codes_with_details(&catalog);
        assert_eq!(details.len(), codes.len(), "{page}");
        for (table, code) in details.iter().zip(codes) {
            assert_eq!(table[0], ["Key", "Type", "Required", "Description"]);
            let top: Vec<&Vec<String>> = table[1..]
                .iter()
                .filter(|row| !row[0].contains(['.', '[']))
                .collect();
            assert_eq!(top.len(), code.details.len(), "{}", code.code);
            for (row, (key, spec)) in top.iter().zip(&code.details) {
                assert_eq!(row[0], key.as_str().unwrap(), "{}", code.code);
                let optional =
                    spec.get("optional").and_then(serde_yaml::Value::as_bool) == Some(true);
                assert_eq!(row[2], if optional { "no" } else { "yes" }, "{}", code.code);
                let description = spec.get("description").and_then(serde_yaml::Value::as_str);
                assert_eq!(row[3], description.unwrap_or(""), "{}", code.code);
                let ty = spec
                    .as_str()
                    .or_else(|| spec.get("type").and_then(serde_yaml::Value::as_str))
                    .unwrap();
                assert!(row[1].starts_with(ty), "{}: {} is {ty}", code.code, row[1]);
            }
        }
    }
}

#[test]
fn shared_codes_show_each_familys_wording_in_its_table() {
    let catalog = read_catalog("relay.yaml");
    let tables = table_rows(&read_reference("relay-errors"));
    for (family, table) in catalog.families.iter().zip(&tables[1..]) {
        let codes: Vec<&CodeEntry> = catalog
            .codes
            .iter()
            .filter(|c| c.family.ids().contains(&family.id.as_str()))
            .collect();
        assert_eq!(table.len() - 1, codes.len(), "{}", family.id);
        for (row, code) in table[1..].iter().zip(codes) {
            let wording = code
                .family_descriptions
                .get(&family.id)
                .unwrap_or(&code.description);
            assert_eq!(row[0], code.code);
            assert_eq!(&row[2], wording, "{} in {}", code.code, family.id);
        }
    }
}

/// The JSON blocks of a page, in order.
fn json_blocks(markdown: &str) -> Vec<String> {
    use pulldown_cmark::CodeBlockKind;
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) if &*lang == "json" => {
                current = Some(String::new())
            }
            Event::Text(text) => {
                if let Some(block) = current.as_mut() {
                    block.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(current.take()),
            _ => {}
        }
    }
    blocks
}

/// The bodies ERRORS.md shows are exactly what the envelope types read and write.
#[test]
fn the_references_json_examples_are_the_envelopes_shapes() {
    fn same_after_round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(json: &str) {
        let body: T = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
        let written: serde_json::Value = serde_json::to_value(&body).unwrap();
        let shown: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(
            written, shown,
            "the example has keys the type drops or lacks"
        );
    }
    let relay = json_blocks(&read_reference("relay-errors"));
    let relay_catalog = read_catalog("relay.yaml");
    // The page's shapes (REST, tRPC, problem), then every code's body in each of them.
    assert_eq!(relay.len(), 3 + 3 * relay_catalog.codes.len());
    same_after_round_trip::<relay_errors::envelopes::RestBody>(&relay[0]);
    same_after_round_trip::<relay_errors::envelopes::TrpcBody>(&relay[1]);
    same_after_round_trip::<relay_errors::envelopes::Problem>(&relay[2]);
    for (blocks, code) in relay[3..].chunks(3).zip(&relay_catalog.codes) {
        same_after_round_trip::<relay_errors::envelopes::RestBody>(&blocks[0]);
        same_after_round_trip::<relay_errors::envelopes::TrpcBody>(&blocks[1]);
        same_after_round_trip::<relay_errors::envelopes::Problem>(&blocks[2]);
        let rest: serde_json::Value = serde_json::from_str(&blocks[0]).unwrap();
        let trpc: serde_json::Value = serde_json::from_str(&blocks[1]).unwrap();
        assert_eq!(rest["error"]["code"], code.code.as_str());
        assert_eq!(trpc["error"]["data"]["code"], code.code.as_str());
        if !code.details.is_empty() {
            assert_examples_shown(code, &rest["error"]["details"]);
            assert_examples_shown(code, &trpc["error"]["data"]["details"]);
        }
    }
    let batch = json_blocks(&read_reference("batch-relay-errors"));
    let batch_catalog = read_catalog("batch-relay.yaml");
    // Linked and problem, then every code's body in each.
    assert_eq!(batch.len(), 2 + 2 * batch_catalog.codes.len());
    same_after_round_trip::<batch_relay_errors::envelopes::LinkedBody>(&batch[0]);
    same_after_round_trip::<batch_relay_errors::envelopes::Problem>(&batch[1]);
    for (blocks, code) in batch[2..].chunks(2).zip(&batch_catalog.codes) {
        same_after_round_trip::<batch_relay_errors::envelopes::LinkedBody>(&blocks[0]);
        same_after_round_trip::<batch_relay_errors::envelopes::Problem>(&blocks[1]);
        let problem: serde_json::Value = serde_json::from_str(&blocks[1]).unwrap();
        assert_eq!(problem["code"], code.code.as_str());
        if !code.details.is_empty() {
            assert_examples_shown(code, &problem);
        }
    }
}

fn codes_with_details(catalog: &CatalogFile) -> Vec<&CodeEntry> {
    catalog
        .codes
        .iter()
        .filter(|code| !code.details.is_empty())
        .collect()
}

/// `details` holds each detail's catalog example, as serde_yaml reads it, and every
/// required detail (one without an example shows a stand-in).
fn assert_examples_shown(code: &CodeEntry, details: &serde_json::Value) {
    for (key, spec) in &code.details {
        let key = key.as_str().expect("detail keys are strings");
        let example = spec.get("example");
        let optional = spec.get("optional").and_then(serde_yaml::Value::as_bool) == Some(true);
        match example {
            Some(example) => assert_eq!(
                details[key],
                serde_json::to_value(example).unwrap(),
                "{}.{key}",
                code.code
            ),
            None if optional => assert!(details.get(key).is_none(), "{}.{key}", code.code),
            None => assert!(details.get(key).is_some(), "{}.{key}", code.code),
        }
    }
}

/// The regression guard of the constant-time lookups, on the emitted code itself: with
/// the perfect hash, `from_wire` hashes once and compares one string; with the switch
/// (what a catalog gets by default), each arm of its `match` on the length ends in one
/// comparison (`one_of`), and no string is matched in a `match`, so neither lookup's cost
/// grows with the catalog. (The unit tests of `phf` and `switch` show that every one of
/// thousands of codes is found at its own slot or leaf, so that one comparison decides.)
#[test]
fn from_wire_compares_exactly_one_string() {
    let text = devtools::synth::synthetic_catalog(300);
    let source = errcat::Source {
        path: "synth.yaml",
        bytes: text.as_bytes(),
    };
    let by_default = catalog_tests::config().generate(source, None).unwrap();
    assert_eq!(by_default.catalog.lookup, errcat::Lookup::Switch);
    assert_from_wire_switches_once(&by_default);
    let mut forced = catalog_tests::config();
    forced.lookup(errcat::Lookup::PerfectHash);
    assert_from_wire_hashes_once(&forced.generate(source, None).unwrap());
}

/// The body of the generated `from_wire`.
fn from_wire_body(generated: &errcat::Generated) -> String {
    let lib = &generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/lib.rs"))
        .unwrap()
        .contents;
    let start = lib
        .find("pub fn from_wire(code: &str)")
        .expect("from_wire is generated");
    lib[start..start + lib[start..].find("\n    }\n").unwrap()].to_owned()
}

fn assert_from_wire_switches_once(generated: &errcat::Generated) {
    let body = from_wire_body(generated);
    let lengths: std::collections::BTreeSet<usize> = generated
        .catalog
        .codes
        .iter()
        .map(|c| c.wire.len())
        .collect();
    assert_eq!(body.matches("one_of(").count(), lengths.len(), "{body}");
    assert!(!body.contains('"'), "no string is matched: {body}");
    assert!(!body.contains("=="), "{body}");
}

fn assert_from_wire_hashes_once(generated: &errcat::Generated) {
    let body = from_wire_body(generated);
    assert_eq!(body.matches("==").count(), 1, "{body}");
    assert_eq!(body.matches("wire_hash(").count(), 1, "{body}");
    assert!(!body.contains("match"), "{body}");
}
