//! ERRORS.md of the shipped crates, read with a real Markdown parser (pulldown-cmark)
//! against their catalogs read independently (serde_yaml): dashboard actions shown as
//! their titles linking to their URLs, the status summary saying what each status means
//! in the API, and the section on retrying, last on the page, that every retryable code
//! links to; and every link within the page lands on one of its headings.

use std::collections::{BTreeMap, BTreeSet};

use catalog_tests::workspace_root;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Deserialize;

/// The parts of a catalog these tests compare, as serde_yaml reads them.
#[derive(Deserialize)]
struct CatalogFile {
    #[serde(default)]
    actions: BTreeMap<String, ActionEntry>,
    #[serde(default)]
    statuses: BTreeMap<u16, String>,
    codes: Vec<CodeEntry>,
}

/// A dashboard action: its URL alone, or a mapping with its title.
#[derive(Deserialize)]
#[serde(untagged)]
enum ActionEntry {
    Url(String),
    Link { url: String, title: Option<String> },
}

#[derive(Deserialize)]
struct CodeEntry {
    code: String,
    status: u16,
    #[serde(default)]
    retryable: bool,
    action: Option<String>,
}

fn read_catalog(name: &str) -> CatalogFile {
    let path = workspace_root().join("catalog").join(name);
    serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn read_reference(crate_name: &str) -> String {
    let path = workspace_root()
        .join("generated")
        .join(crate_name)
        .join("ERRORS.md");
    std::fs::read_to_string(path).unwrap()
}

/// What the page says, as a reader sees it.
#[derive(Default)]
struct Page {
    /// Each heading: its level, its text and the anchor GitHub gives it.
    headings: Vec<(HeadingLevel, String, String)>,
    /// Each list item: the heading it is under, its text, and its links (text,
    /// destination).
    items: Vec<Item>,
    /// Each paragraph under a level-2 heading: that heading, its text and its links.
    paragraphs: Vec<Item>,
    /// Each table, its rows (the header first) as the text of their cells.
    tables: Vec<Vec<Vec<String>>>,
}

#[derive(Clone, Debug, Default)]
struct Item {
    under: String,
    text: String,
    links: Vec<(String, String)>,
}

fn read_page(markdown: &str) -> Page {
    let mut page = Page::default();
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut under = String::new();
    let mut current: Option<Item> = None;
    let mut link: Option<(String, String)> = None;
    let mut in_paragraph_of_item = false;
    let mut in_cell = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let (level, text) = heading.take().unwrap();
                under = text.clone();
                page.headings.push((level, text, String::new()));
            }
            Event::Start(Tag::Item) => {
                current = Some(Item {
                    under: under.clone(),
                    ..Item::default()
                })
            }
            Event::End(TagEnd::Item) => page.items.extend(current.take()),
            Event::Start(Tag::Paragraph) if current.is_some() => in_paragraph_of_item = true,
            Event::End(TagEnd::Paragraph) if in_paragraph_of_item => in_paragraph_of_item = false,
            Event::Start(Tag::Paragraph) => {
                current = Some(Item {
                    under: under.clone(),
                    ..Item::default()
                })
            }
            Event::End(TagEnd::Paragraph) => page.paragraphs.extend(current.take()),
            Event::Start(Tag::Link { dest_url, .. }) => {
                link = Some((String::new(), dest_url.to_string()))
            }
            Event::End(TagEnd::Link) => {
                let done = link.take().unwrap();
                if let Some(item) = current.as_mut() {
                    item.links.push(done);
                }
            }
            Event::Start(Tag::Table(_)) => page.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                page.tables.last_mut().unwrap().push(Vec::new())
            }
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                let row = page.tables.last_mut().and_then(|t| t.last_mut()).unwrap();
                row.push(String::new());
            }
            Event::End(TagEnd::TableCell) => in_cell = false,
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, heading)) = heading.as_mut() {
                    heading.push_str(&text);
                }
                if let Some((label, _)) = link.as_mut() {
                    label.push_str(&text);
                }
                if let Some(item) = current.as_mut() {
                    item.text.push_str(&text);
                }
                if in_cell {
                    let row = page.tables.last_mut().and_then(|t| t.last_mut()).unwrap();
                    row.last_mut().unwrap().push_str(&text);
                }
            }
            Event::SoftBreak => {
                if let Some(item) = current.as_mut() {
                    item.text.push(' ');
                }
            }
            _ => {}
        }
    }
    github_anchors(&mut page.headings);
    page
}

/// Fills in the anchors GitHub gives the headings.
fn github_anchors(headings: &mut [(HeadingLevel, String, String)]) {
    let anchors = catalog_tests::github_anchors(headings.iter().map(|h| h.1.as_str()));
    for (heading, anchor) in headings.iter_mut().zip(anchors) {
        heading.2 = anchor;
    }
}

/// The item of code `code`'s section that starts with `label`.
fn code_item<'p>(page: &'p Page, code: &str, label: &str) -> &'p Item {
    page.items
        .iter()
        .find(|item| item.under == code && item.text.starts_with(label))
        .unwrap_or_else(|| panic!("{code} has no {label} line"))
}

const PAGES: [(&str, &str); 2] = [
    ("relay.yaml", "relay-errors"),
    ("batch-relay.yaml", "batch-relay-errors"),
];

#[test]
fn dashboard_actions_show_their_titles_linking_to_their_urls() {
    let catalog = read_catalog("batch-relay.yaml");
    let page = read_page(&read_reference("batch-relay-errors"));
    let mut shown = 0;
    for code in &catalog.codes {
        let Some(name) = &code.action else {
            continue;
        };
        let (url, title) = match &catalog.actions[name] {
            ActionEntry::Link {
                url,
                title: Some(title),
            } => (url, title),
            ActionEntry::Url(url) | ActionEntry::Link { url, .. } => {
                panic!("{name} ({url}) has no title; every shipped action has one")
            }
        };
        let item = code_item(&page, &code.code, "Action:");
        assert_eq!(item.text, format!("Action: {title}"), "{}", code.code);
        assert_eq!(item.links, [(title.clone(), url.clone())], "{}", code.code);
        shown += 1;
    }
    assert_eq!(shown, 6, "api_key_* and scope_required, billing_required");
}

#[test]
fn the_status_summary_says_what_each_status_means_in_the_api() {
    let catalog = read_catalog("relay.yaml");
    let page = read_page(&read_reference("relay-errors"));
    let summary = &page.tables[0];
    assert_eq!(
        summary[0],
        ["HTTP", "Meaning", "In this API", "tRPC error.code", "Codes"]
    );
    let statuses: BTreeSet<u16> = catalog.codes.iter().map(|code| code.status).collect();
    assert_eq!(summary.len() - 1, statuses.len(), "a row per status in use");
    for (row, status) in summary[1..].iter().zip(&statuses) {
        assert_eq!(row[0], status.to_string());
        let meaning = catalog.statuses.get(status).map_or("", String::as_str);
        assert_eq!(row[2], meaning, "{status}");
    }
    // The seed's table, each row after its reason phrase.
    let described: Vec<(&str, &str)> = summary[1..]
        .iter()
        .filter(|row| !row[2].is_empty())
        .map(|row| (row[1].as_str(), row[2].as_str()))
        .collect();
    assert_eq!(
        described,
        [
            ("Bad Request", "Invalid input parameters"),
            ("Unauthorized", "Missing or invalid authentication"),
            ("Forbidden", "Insufficient permissions"),
            ("Not Found", "Resource doesn't exist"),
            ("Conflict", "Resource already exists or state conflict"),
            ("Too Many Requests", "Rate limit exceeded"),
            ("Internal Server Error", "Unexpected server error"),
        ]
    );
    // A catalog without `statuses` has no column for them.
    let batch = read_page(&read_reference("batch-relay-errors"));
    assert_eq!(batch.tables[0][0], ["HTTP", "Meaning", "Codes"]);
}

/// The section on retrying is the page's last heading, so no anchor of another heading
/// moved when it was added; it lists exactly the retryable codes, in catalog order;
/// each of them links to it; and it states the schedule the crate implements.
#[test]
fn retryable_codes_link_to_the_section_on_retrying_which_states_the_crates_schedule() {
    let backoff = relay_errors::retry::Backoff::DEFAULT;
    let batch = batch_relay_errors::retry::Backoff::DEFAULT;
    assert_eq!((backoff.base, backoff.cap), (batch.base, batch.cap));
    let schedule = format!(
        "min({} s, {} s * 2^attempt)",
        backoff.cap.as_secs(),
        backoff.base.as_secs()
    );
    for (catalog, crate_name) in PAGES {
        let catalog = read_catalog(catalog);
        let page = read_page(&read_reference(crate_name));
        let (level, title, anchor) = page.headings.last().unwrap();
        assert_eq!((*level, title.as_str()), (HeadingLevel::H2, "Retrying"));
        let contents = page.items.iter().find(|item| item.text == "Retrying");
        assert_eq!(
            contents.unwrap().links,
            [("Retrying".to_owned(), format!("#{anchor}"))]
        );
        let retryable: Vec<&str> = catalog
            .codes
            .iter()
            .filter(|code| code.retryable)
            .map(|code| code.code.as_str())
            .collect();
        assert!(!retryable.is_empty(), "{crate_name}");
        for code in &catalog.codes {
            let item = code_item(&page, &code.code, "Retryable:");
            if code.retryable {
                assert_eq!(item.text, "Retryable: yes", "{}", code.code);
                assert_eq!(item.links, [("yes".to_owned(), format!("#{anchor}"))]);
            } else {
                assert_eq!(item.text, "Retryable: no", "{}", code.code);
                assert!(item.links.is_empty());
            }
        }
        let section: Vec<&Item> = page
            .paragraphs
            .iter()
            .filter(|paragraph| paragraph.under == "Retrying")
            .collect();
        let listed: Vec<&str> = section[0]
            .links
            .iter()
            .map(|(text, _)| text.as_str())
            .collect();
        assert_eq!(listed, retryable, "{crate_name}");
        assert!(section[1].text.contains(&schedule), "{}", section[1].text);
        assert!(section[1].text.contains("full jitter"));
    }
}

/// A catalog whose family, code and retired code are named like the section on retrying.
const RETRYING_CATALOG: &str = "\
api: Test API
crate: test-errors
version: 1.0.0
docs_url: https://docs.example.com/errors#{anchor}
families:
  - id: retrying
    title: Retrying
codes:
  - code: retrying
    status: 503
    family: retrying
    description: Retrying already
    resolution: Wait
    retryable: true
  - code: STOP
    status: 400
    family: retrying
    description: Stop
    resolution: Fix the request
retired:
  - code: retrying-2
    since: 1.0.0
";

/// ERRORS.md of `yaml`, and the docs_url of its first code.
fn retrying_page(yaml: &str) -> (String, String) {
    let generated = catalog_tests::generate_text("test.yaml", yaml).unwrap();
    let page = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("ERRORS.md"))
        .unwrap();
    (
        page.contents.clone(),
        generated.catalog.codes[0].docs_url.clone(),
    )
}

/// A family titled like the section, a code and a retired code whose anchors are the
/// section's and its first repeat: all keep the anchors they had before the section
/// existed, and the section, last on the page, takes the next one. Every link to it (the
/// contents, each "Retryable: yes") uses that anchor.
#[test]
fn the_section_comes_last_so_headings_named_like_it_keep_their_anchors() {
    let (markdown, docs_url) = retrying_page(RETRYING_CATALOG);
    let anchors: Vec<(String, String)> = read_page(&markdown)
        .headings
        .into_iter()
        .map(|(_, text, anchor)| (text, anchor))
        .collect();
    let anchor_of = |text: &str| {
        let found = anchors.iter().find(|(heading, _)| heading == text);
        found.map(|(_, anchor)| anchor.as_str())
    };
    assert_eq!(
        anchors.last().unwrap(),
        &("Retrying".to_owned(), "retrying-3".to_owned())
    );
    assert_eq!(anchor_of("retrying"), Some("retrying-1"), "the code");
    assert_eq!(
        anchor_of("retrying-2"),
        Some("retrying-2"),
        "the retired code"
    );
    // The family, the first heading named so, keeps the plain anchor.
    assert_eq!(anchor_of("Retrying"), Some("retrying"));
    assert_eq!(docs_url, "https://docs.example.com/errors#retrying-1");
    assert!(
        markdown.contains("- [Retrying](#retrying-3)\n"),
        "{markdown}"
    );
    assert!(markdown.contains("- **Retryable:** [yes](#retrying-3)\n"));
    assert!(markdown.contains("- **Retryable:** no\n"));
    assert!(markdown
        .contains("only when its code is [`retrying`](#retrying-1), the one retryable code."));
    let without_section = &markdown[..markdown.rfind("## Retrying\n\n").unwrap()];
    let before: Vec<String> = read_page(without_section)
        .headings
        .into_iter()
        .map(|(_, _, anchor)| anchor)
        .collect();
    let after: Vec<&String> = anchors.iter().map(|(_, anchor)| anchor).collect();
    assert_eq!(
        before.iter().collect::<Vec<_>>(),
        after[..after.len() - 1],
        "no other anchor moved"
    );
}

/// A catalog without a retryable code still has the section (its anchor stays for good),
/// saying so instead of describing a schedule no code uses.
#[test]
fn without_retryable_codes_the_section_says_not_to_retry() {
    let (markdown, _) = retrying_page(&RETRYING_CATALOG.replace("    retryable: true\n", ""));
    let section = &markdown[markdown.rfind("## Retrying\n\n").unwrap()..];
    assert!(section.starts_with("## Retrying\n\nNo code of the Test API is worth retrying"));
    assert!(!section.contains("back-off"), "{section}");
    assert!(!markdown.contains("[yes]"), "{markdown}");
}
