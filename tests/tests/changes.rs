//! CHANGES.md and the lock's history: a catalog taken through three versions (codes
//! added, deprecated, retired, re-statused, details added, retyped and made required),
//! with the lock and the page checked after each.

use catalog_tests::config;
use errcat::{Generated, Source};

/// The catalog at each step, built from the parts that change.
struct Step {
    version: &'static str,
    not_found_status: u16,
    /// Whether TICKET_LOCKED is still live (else retired in this version).
    locked_live: bool,
    deprecate_locked: bool,
    read_only: bool,
    merge_details: &'static str,
    /// TICKET_NOT_FOUND's details, if any.
    not_found_details: &'static str,
}

fn catalog(step: &Step) -> String {
    let mut text = format!(
        "api: Ticket API\ncrate: ticket-errors\nversion: {}\n\
         docs_url: https://docs.example.com/errors#{{anchor}}\n\
         families:\n  - id: tickets\n    title: Tickets\ncodes:\n\
         \x20 - code: TICKET_NOT_FOUND\n    status: {}\n    family: tickets\n\
         \x20   description: No such ticket.\n    resolution: Check the id.\n{}\
         \x20 - code: MERGE_SELF\n    status: 400\n    family: tickets\n\
         \x20   description: A ticket cannot be merged into itself.\n\
         \x20   resolution: Pick another ticket.\n    details:\n{}",
        step.version, step.not_found_status, step.not_found_details, step.merge_details
    );
    if step.locked_live {
        text.push_str(
            "  - code: TICKET_LOCKED\n    status: 409\n    family: tickets\n\
             \x20   description: The ticket is locked.\n    resolution: Wait.\n",
        );
        if step.deprecate_locked {
            text.push_str(
                "    deprecated:\n      since: 0.1.1\n      replacement: TICKET_READ_ONLY\n",
            );
        }
    }
    if step.read_only {
        text.push_str(
            "  - code: TICKET_READ_ONLY\n    status: 409\n    family: tickets\n\
             \x20   description: The ticket is read-only.\n    resolution: Ask an admin.\n",
        );
    }
    if !step.locked_live {
        text.push_str("retired:\n  - code: TICKET_LOCKED\n    since: 0.2.0\n    note: Use TICKET_READ_ONLY.\n");
    }
    text
}

fn generate(step: &Step, lock: Option<&str>) -> Result<Generated, String> {
    let text = catalog(step);
    let lock = lock.map(|text| Source {
        path: "catalog/tickets.lock",
        bytes: text.as_bytes(),
    });
    let source = Source {
        path: "catalog/tickets.yaml",
        bytes: text.as_bytes(),
    };
    config()
        .generate(source, lock)
        .map_err(|report| report.render(false))
}

fn changes_md(generated: &Generated) -> &str {
    let file = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("CHANGES.md"));
    &file.expect("CHANGES.md is generated").contents
}

/// The lock's lines after its header comments and counts: rows and changes.
fn body(lock: &str) -> Vec<&str> {
    lock.lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect()
}

/// The section of `version` in CHANGES.md, from its heading to the next.
fn section<'a>(page: &'a str, heading: &str) -> &'a str {
    let start = page
        .find(&format!("\n## {heading}\n"))
        .unwrap_or_else(|| panic!("no `## {heading}` in:\n{page}"));
    let rest = &page[start + 1..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |i| i + 4);
    &rest[..end]
}

const FIRST: Step = Step {
    version: "0.1.0",
    not_found_status: 404,
    locked_live: true,
    deprecate_locked: false,
    read_only: false,
    merge_details: "      ticket_id: string\n",
    not_found_details: "",
};

#[test]
fn three_versions_make_three_sections_and_the_lock_remembers_each() {
    // 0.1.0: the first release.
    let first = generate(&FIRST, None).unwrap();
    assert_eq!(
        body(&first.lock),
        [
            "version 0.1.0",
            "codes 3",
            "details 1",
            "changes 0",
            "MERGE_SELF        400  0.1.0",
            "  ticket_id       string",
            "TICKET_LOCKED     409  0.1.0",
            "TICKET_NOT_FOUND  404  0.1.0",
        ]
    );
    let page = changes_md(&first);
    assert!(page.contains("\n## 0.1.0\n\n**Added:**\n\n- [`MERGE_SELF`](ERRORS.md#merge_self): A ticket cannot be merged into itself.\n- [`TICKET_LOCKED`](ERRORS.md#ticket_locked): The ticket is locked.\n"), "{page}");

    // 0.1.1: a code added, one deprecated for it, an optional detail added.
    let second_step = Step {
        version: "0.1.1",
        deprecate_locked: true,
        read_only: true,
        merge_details: "      ticket_id: string\n      other_id: {type: string, optional: true}\n",
        ..FIRST
    };
    let second = generate(&second_step, Some(&first.lock)).unwrap();
    assert_eq!(
        body(&second.lock),
        [
            "version 0.1.1",
            "codes 4",
            "details 2",
            "changes 1",
            "MERGE_SELF        400  0.1.0",
            "  other_id        string  optional",
            "  ticket_id       string",
            "TICKET_LOCKED     409  0.1.0  deprecated 0.1.1 by TICKET_READ_ONLY",
            "TICKET_NOT_FOUND  404  0.1.0",
            "TICKET_READ_ONLY  409  0.1.1",
            "0.1.1  MERGE_SELF  detail  other_id  -  string?",
        ]
    );
    let page = changes_md(&second);
    assert_eq!(
        section(page, "0.1.1"),
        "## 0.1.1\n\n\
         **Added:**\n\n- [`TICKET_READ_ONLY`](ERRORS.md#ticket_read_only): The ticket is read-only.\n\n\
         **Deprecated:**\n\n- [`TICKET_LOCKED`](ERRORS.md#ticket_locked): use [`TICKET_READ_ONLY`](ERRORS.md#ticket_read_only) instead\n\n\
         **Changed:**\n\n- [`MERGE_SELF`](ERRORS.md#merge_self): detail `other_id` added (`string`, optional)\n\n"
    );
    assert!(
        page.find("## 0.1.1").unwrap() < page.find("## 0.1.0").unwrap(),
        "newest first"
    );

    // 0.2.0, breaking: retired, re-statused, a detail retyped and one made required,
    // and a detail added, then made optional before the next run: the lock keeps the
    // net change of a version.
    let third_step = Step {
        version: "0.2.0",
        not_found_status: 410,
        locked_live: false,
        merge_details: "      ticket_id: integer\n      other_id: string\n",
        not_found_details: "    details:\n      hint: string\n",
        ..second_step
    };
    let draft = generate(&third_step, Some(&second.lock)).unwrap();
    assert!(body(&draft.lock).contains(&"0.2.0  TICKET_NOT_FOUND  detail  hint  -  string"));
    let third_step = Step {
        not_found_details: "    details:\n      hint: {type: string, optional: true}\n",
        ..third_step
    };
    let third = generate(&third_step, Some(&draft.lock)).unwrap();
    assert_eq!(
        body(&third.lock),
        [
            "version 0.2.0",
            "codes 4",
            "details 3",
            "changes 5",
            "MERGE_SELF        400  0.1.0",
            "  other_id        string",
            "  ticket_id       integer",
            "TICKET_LOCKED     409  0.1.0  deprecated 0.1.1 by TICKET_READ_ONLY  retired 0.2.0",
            "TICKET_NOT_FOUND  410  0.1.0",
            "  hint            string  optional",
            "TICKET_READ_ONLY  409  0.1.1",
            "0.1.1  MERGE_SELF  detail  other_id  -  string?",
            "0.2.0  MERGE_SELF  detail  other_id  string?  string",
            "0.2.0  MERGE_SELF  detail  ticket_id  string  integer",
            "0.2.0  TICKET_NOT_FOUND  status  404  410",
            "0.2.0  TICKET_NOT_FOUND  detail  hint  -  string?",
        ]
    );
    let page = changes_md(&third);
    assert_eq!(
        section(page, "0.2.0 (breaking)"),
        "## 0.2.0 (breaking)\n\n\
         **Retired:**\n\n- [`TICKET_LOCKED`](ERRORS.md#ticket_locked): Use TICKET_READ_ONLY.\n\n\
         **Changed:**\n\n\
         - [`MERGE_SELF`](ERRORS.md#merge_self): detail `other_id` is now required\n\
         - [`MERGE_SELF`](ERRORS.md#merge_self): detail `ticket_id`: `string` → `integer`\n\
         - [`TICKET_NOT_FOUND`](ERRORS.md#ticket_not_found): status 404 Not Found → 410 Gone\n\
         - [`TICKET_NOT_FOUND`](ERRORS.md#ticket_not_found): detail `hint` added (`string`, optional)\n\n"
    );
    // The older sections are as they were, but for what a retired code was: the
    // history is kept, not rebuilt.
    assert_eq!(
        section(page, "0.1.1"),
        section(changes_md(&second), "0.1.1")
    );
    assert_eq!(
        section(page, "0.1.0"),
        section(changes_md(&first), "0.1.0").replace(
            "(ERRORS.md#ticket_locked): The ticket is locked.",
            "(ERRORS.md#ticket_locked) (retired in 0.2.0)"
        )
    );
    // The page is rebuilt identically from the repository: the catalog and its lock.
    let again = generate(&third_step, Some(&third.lock)).unwrap();
    assert_eq!(again.lock, third.lock);
    assert_eq!(changes_md(&again), page);
    // ERRORS.md says since when each code exists.
    let errors = third
        .files
        .iter()
        .find(|f| f.path.ends_with("ERRORS.md"))
        .unwrap();
    let read_only = &errors.contents[errors.contents.find("### `TICKET_READ_ONLY`").unwrap()..];
    assert!(read_only.contains("- **Since:** 0.1.1\n"), "{read_only}");
}

#[test]
fn a_lock_written_before_changes_were_recorded_still_reads() {
    let old = "# @generated by `cargo xtask gen` from catalog/tickets.yaml. Do not edit by hand.\n\
               version 0.1.0\ncodes 3\ndetails 1\n\n\
               MERGE_SELF        400  0.1.0\n  ticket_id       string\n\
               TICKET_LOCKED     409  0.1.0\nTICKET_NOT_FOUND  404  0.1.0\n";
    let step = Step {
        version: "0.2.0",
        not_found_status: 410,
        ..FIRST
    };
    let generated = generate(&step, Some(old)).unwrap();
    assert!(body(&generated.lock).contains(&"0.2.0  TICKET_NOT_FOUND  status  404  410"));
    assert!(changes_md(&generated).contains("\n## 0.2.0 (breaking)\n"));
}

#[test]
fn a_lock_whose_changes_were_cut_short_is_refused() {
    let step = Step {
        version: "0.2.0",
        not_found_status: 410,
        ..FIRST
    };
    let first = generate(&FIRST, None).unwrap();
    let second = generate(&step, Some(&first.lock)).unwrap();
    let cut = second
        .lock
        .replace("0.2.0  TICKET_NOT_FOUND  status  404  410\n", "");
    let message = generate(&step, Some(&cut)).unwrap_err();
    assert!(
        message.contains("the lock says it lists 1 changes, but it lists 0"),
        "{message}"
    );
    let orphan = second
        .lock
        .replace("0.2.0  TICKET_NOT_FOUND", "0.2.0  NO_SUCH_CODE");
    let message = generate(&step, Some(&orphan)).unwrap_err();
    assert!(
        message.contains("a change of NO_SUCH_CODE, which the lock has no row for"),
        "{message}"
    );
}
