//! ERRORS.md and CHANGES.md as readers see them: rendered to HTML by pulldown-cmark with
//! GitHub's extensions (what mdBook renders with), every heading given the id GitHub and
//! mdBook give it (`catalog_tests::github_anchors`), then every in-page and cross-page link checked to land, every
//! `<details>` block checked to close, and the HTML of both shipped catalogs' pages kept
//! as a snapshot.

use std::collections::HashSet;

use catalog_tests::workspace_root;
use pulldown_cmark::{html, Event, Options, Parser, Tag, TagEnd};

/// GitHub-flavoured Markdown: tables, strikethrough, task lists, footnotes.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// A rendered page: its HTML, the ids its headings get, and the links in it.
struct Rendered {
    html: String,
    ids: HashSet<String>,
    links: Vec<String>,
}

fn render(markdown: &str) -> Rendered {
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
    let mut headings = Vec::new();
    let mut links = Vec::new();
    let mut heading: Option<String> = None;
    for event in &events {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(text) | Event::Code(text) => {
                if let Some(heading) = &mut heading {
                    heading.push_str(text);
                }
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(heading.take()),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            _ => {}
        }
    }
    let ids = catalog_tests::github_anchors(headings.iter().map(String::as_str));
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    Rendered {
        html: out,
        ids: ids.into_iter().collect(),
        links,
    }
}

/// Checks that `<details>` and `<summary>` blocks of `html` open and close in order.
fn assert_balanced(html: &str, page: &str) {
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        for tag in ["details", "summary"] {
            if rest.starts_with(tag) && rest[tag.len()..].starts_with(['>', ' ']) {
                open.push(tag);
            } else if rest.starts_with('/') && rest[1..].starts_with(tag) {
                assert_eq!(
                    open.pop(),
                    Some(tag),
                    "{page}: </{tag}> closes nothing open"
                );
            }
        }
    }
    assert!(open.is_empty(), "{page}: {open:?} never closed");
}

fn read(crate_name: &str, file: &str) -> String {
    let path = workspace_root()
        .join("generated")
        .join(crate_name)
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn check_crate(crate_name: &str) -> (Rendered, Rendered) {
    let errors = render(&read(crate_name, "ERRORS.md"));
    let changes = render(&read(crate_name, "CHANGES.md"));
    for (page, rendered) in [("ERRORS.md", &errors), ("CHANGES.md", &changes)] {
        let name = format!("{crate_name}/{page}");
        assert_balanced(&rendered.html, &name);
        for link in &rendered.links {
            let (file, anchor) = link.split_once('#').unwrap_or((link, ""));
            let target = match file {
                "" => rendered,
                "ERRORS.md" => &errors,
                "CHANGES.md" => &changes,
                _ if link.starts_with("https://") => continue,
                _ => panic!("{name}: a link to {link:?}, which is no page of the crate"),
            };
            assert!(
                anchor.is_empty() || target.ids.contains(anchor),
                "{name}: the link {link:?} lands on no heading"
            );
        }
    }
    (errors, changes)
}

#[test]
fn every_link_of_the_shipped_pages_lands_and_every_details_block_closes() {
    for crate_name in ["relay-errors", "batch-relay-errors"] {
        let (errors, changes) = check_crate(crate_name);
        // The links are there to check: every code is linked from its family's table and
        // from the release that added it.
        let to_codes =
            |rendered: &Rendered| rendered.links.iter().filter(|l| l.contains('#')).count();
        assert!(
            to_codes(&errors) > 2 * 10,
            "{crate_name}: ERRORS.md links its codes"
        );
        assert!(
            to_codes(&changes) >= 10,
            "{crate_name}: CHANGES.md links its codes"
        );
        assert!(
            errors.html.contains("<details>"),
            "{crate_name}: examples are folded"
        );
        let name = crate_name.replace('-', "_");
        insta::assert_snapshot!(format!("{name}_ERRORS_html"), errors.html);
        insta::assert_snapshot!(format!("{name}_CHANGES_html"), changes.html);
    }
}

#[test]
fn a_broken_anchor_or_an_open_details_block_is_caught() {
    let page = render("# Title\n\n## Codes\n\n[ok](#codes) [broken](#nowhere)\n");
    assert!(page.ids.contains("codes") && page.ids.contains("title"));
    assert!(!page.ids.contains("nowhere"));
    let repeated = render("## `A`\n\n## A\n\n## A\n");
    assert_eq!(
        repeated.ids,
        HashSet::from(["a".to_owned(), "a-1".to_owned(), "a-2".to_owned()])
    );
    let open = render("<details>\n<summary>x</summary>\n\ntext\n");
    let result = std::panic::catch_unwind(|| assert_balanced(&open.html, "test"));
    assert!(result.is_err(), "an unclosed <details> is caught");
    assert_balanced(
        &render("<details>\n<summary>x</summary>\n\ntext\n\n</details>\n").html,
        "test",
    );
}

/// Every link destination in `markdown`, as a renderer resolves it.
fn destinations(markdown: &str) -> Vec<String> {
    render(markdown).links
}

#[test]
fn a_docs_url_with_escapes_and_a_character_reference_is_linked_exactly() {
    // As written in the fixture: a `\`, parentheses, and `&amp;`, which a Markdown link
    // destination would decode to `&` unless it is escaped.
    const URL: &str = "https://docs.example.com/a*/b@c?q='x'&y=\\z&amp;w=(1)";
    let path = catalog_tests::workspace_root().join("tests/fixtures/valid/hostile_text.yaml");
    let generated = catalog_tests::generate_file(&path).unwrap_or_else(|r| panic!("{r}"));
    let file = |name: &str| {
        let file = generated.files.iter().find(|f| f.path.ends_with(name));
        &file.unwrap_or_else(|| panic!("no {name}")).contents
    };
    // rustdoc renders each item's doc comment as Markdown.
    let rustdoc: String = file("src/lib.rs")
        .lines()
        .filter_map(|line| line.trim_start().strip_prefix("///"))
        .map(|line| format!("{}\n", line.strip_prefix(' ').unwrap_or(line)))
        .collect();
    assert!(
        destinations(&rustdoc).iter().any(|url| url == URL),
        "rustdoc"
    );
    // OpenAPI descriptions are CommonMark too.
    let openapi: serde_json::Value = serde_json::from_str(file("openapi.json")).unwrap();
    let mut descriptions = Vec::new();
    let mut stack = vec![&openapi];
    while let Some(value) = stack.pop() {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(text)) = map.get("description") {
                    descriptions.push(text.clone());
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    let linked: Vec<String> = descriptions
        .iter()
        .flat_map(|text| destinations(text))
        .filter(|url| url.contains("docs.example.com/a*"))
        .collect();
    assert!(!linked.is_empty(), "OpenAPI links the code's docs");
    assert!(linked.iter().all(|url| url == URL), "{linked:?}");
}
