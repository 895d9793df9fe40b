//! The catalog lock: released codes cannot disappear or change status by accident, and
//! can be deprecated, changed or retired on purpose.

use catalog_tests::{generate_file, relative, workspace_root};
use errcat::Source;

/// Each `refused/<case>/catalog.yaml` fails against the `catalog.lock` beside it; the
/// snapshot is the message.
#[test]
fn refused_changes() {
    insta::glob!("../fixtures/lock/refused", "*/catalog.yaml", |path| {
        let report = match generate_file(path) {
            Ok(generated) => panic!(
                "{} should be refused; new lock:\n{}",
                relative(path),
                generated.lock
            ),
            Err(report) => report,
        };
        insta::assert_snapshot!(report.render(false));
    });
}

/// Each `accepted/<case>/catalog.yaml` passes; the snapshot is the lock it writes.
#[test]
fn accepted_changes() {
    insta::glob!("../fixtures/lock/accepted", "*/catalog.yaml", |path| {
        let generated = generate_file(path).unwrap_or_else(|report| panic!("{report}"));
        insta::assert_snapshot!(generated.lock);
    });
}

/// The shipped Relay catalog, edited in memory, against its committed lock.
fn generate_relay(
    edit: impl FnOnce(String) -> String,
) -> Result<errcat::Generated, errcat::Report> {
    let root = workspace_root();
    let catalog = edit(std::fs::read_to_string(root.join("catalog/relay.yaml")).unwrap());
    let lock = std::fs::read(root.join("catalog/relay.lock")).unwrap();
    catalog_tests::config().generate(
        Source {
            path: "catalog/relay.yaml",
            bytes: catalog.as_bytes(),
        },
        Some(Source {
            path: "catalog/relay.lock",
            bytes: &lock,
        }),
    )
}

/// Removes the entry of `wire` from the `codes` list.
fn remove_code(catalog: &str, wire: &str) -> String {
    let start = catalog
        .find(&format!("  - code: {wire}\n"))
        .expect("the code is in the catalog");
    let end = catalog[start + 4..]
        .find("  - code:")
        .map_or(catalog.len(), |i| start + 4 + i);
    format!("{}{}", &catalog[..start], &catalog[end..])
}

#[test]
fn deleting_a_relay_code_is_refused_with_its_name() {
    let report = generate_relay(|c| remove_code(&c, "MERGE_SELF")).unwrap_err();
    let message = report.render(false);
    assert!(
        message.contains("released code \"MERGE_SELF\" is missing from the catalog"),
        "{message}"
    );
    assert!(
        message.contains("catalog/relay.lock:"),
        "points at the lock line: {message}"
    );
}

#[test]
fn changing_ticket_not_found_status_is_refused() {
    let report = generate_relay(|c| {
        c.replace(
            "  - code: TICKET_NOT_FOUND\n    status: 404",
            "  - code: TICKET_NOT_FOUND\n    status: 410",
        )
    })
    .unwrap_err();
    let message = report.render(false);
    assert!(
        message.contains("status of released code \"TICKET_NOT_FOUND\" changed from 404 to 410"),
        "{message}"
    );
    assert!(
        message.contains("version: 0.2.0"),
        "suggests the breaking version: {message}"
    );
}

#[test]
fn deprecating_a_relay_code_passes_and_marks_it() {
    let generated = generate_relay(|c| {
        c.replace(
            "  - code: INVALID_TOKEN\n",
            "  - code: INVALID_TOKEN\n    deprecated:\n      since: 0.1.0\n      replacement: UNAUTHORIZED\n",
        )
    })
    .unwrap_or_else(|report| panic!("{report}"));
    let lib = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("src/lib.rs"))
        .unwrap();
    assert!(lib
        .contents
        .contains("#[deprecated(since = \"0.1.0\", note = \"use `UNAUTHORIZED` instead\")]"));
    let docs = generated
        .files
        .iter()
        .find(|f| f.path.ends_with("ERRORS.md"))
        .unwrap();
    assert!(docs
        .contents
        .contains("**Deprecated** since 0.1.0: use [`UNAUTHORIZED`](#unauthorized) instead."));
    let committed = std::fs::read_to_string(workspace_root().join("catalog/relay.lock")).unwrap();
    let row = committed
        .lines()
        .find(|line| line.starts_with("INVALID_TOKEN "))
        .unwrap();
    assert_eq!(
        generated.lock,
        committed.replace(row, &format!("{row}  deprecated 0.1.0 by UNAUTHORIZED")),
        "the lock records the deprecation and nothing else"
    );
}

#[test]
fn retiring_a_relay_code_passes_with_a_breaking_bump_only() {
    let retire = |version: &'static str| {
        move |c: String| {
            let c = remove_code(&c, "MERGE_SELF")
                .replace("version: 0.1.0", &format!("version: {version}"));
            format!("{c}retired:\n  - code: MERGE_SELF\n    since: {version}\n")
        }
    };
    let refused = generate_relay(retire("0.1.1")).unwrap_err().render(false);
    assert!(
        refused.contains("retiring released code \"MERGE_SELF\" needs a breaking version"),
        "{refused}"
    );
    let generated = generate_relay(retire("0.2.0")).unwrap_or_else(|report| panic!("{report}"));
    assert!(generated.lock.contains("MERGE_SELF"));
    assert!(
        generated
            .lock
            .lines()
            .any(|l| l.starts_with("MERGE_SELF") && l.ends_with("retired 0.2.0")),
        "{}",
        generated.lock
    );
    assert!(generated
        .catalog
        .codes
        .iter()
        .all(|code| code.wire != "MERGE_SELF"));
}

/// A field of the Relay catalog's `VALIDATION_ERROR` violations, as committed.
const VIOLATIONS: &str =
    "            reason: {type: string, description: What is wrong with it.}\n";

#[test]
fn removing_a_relay_detail_passes_with_a_breaking_bump_only() {
    let remove = |version: &'static str| {
        move |c: String| {
            assert!(c.contains(VIOLATIONS));
            c.replace(VIOLATIONS, "")
                .replace(
                    "{field: title, reason: must not be empty}",
                    "{field: title}",
                )
                .replace("version: 0.1.0", &format!("version: {version}"))
        }
    };
    let refused = generate_relay(remove("0.1.1")).unwrap_err().render(false);
    assert!(
        refused.contains(
            "detail `violations[].reason` of released code \"VALIDATION_ERROR\" was removed"
        ),
        "{refused}"
    );
    assert!(refused.contains("catalog/relay.lock:"), "{refused}");
    assert!(refused.contains("version: 0.2.0"), "{refused}");
    let generated = generate_relay(remove("0.2.0")).unwrap_or_else(|report| panic!("{report}"));
    assert!(
        !generated.lock.contains("\n  violations[].reason "),
        "{}",
        generated.lock
    );
    assert!(
        generated
            .lock
            .contains("\n0.2.0  VALIDATION_ERROR  detail  violations[].reason  string  -\n"),
        "the history says it went: {}",
        generated.lock
    );
    assert!(generated.lock.contains("\n  violations[].field "));
}

#[test]
fn making_a_relay_detail_required_or_narrowing_its_enum_is_refused() {
    let report = generate_relay(|c| {
        c.replace(
            "        values: [read, write, search, ai, bulk, webhooks]\n        optional: true\n",
            "        values: [read, write, search, ai, bulk]\n",
        )
    })
    .unwrap_err()
    .render(false);
    assert!(
        report.contains("the type of detail `category` of released code \"TOO_MANY_REQUESTS\" changed from enum(ai,bulk,read,search,webhooks,write) to enum(ai,bulk,read,search,write)"),
        "{report}"
    );
    assert!(
        report.contains("`webhooks` is no longer a value"),
        "{report}"
    );
    // The type is reported, not also the optional detail made required.
    assert_eq!(report.matches("error: ").count(), 2, "{report}");
    let report = generate_relay(|c| {
        c.replace(
            "        values: [read, write, search, ai, bulk, webhooks]\n        optional: true\n",
            "        values: [read, write, search, ai, bulk, webhooks, export]\n",
        )
    })
    .unwrap_err()
    .render(false);
    assert!(
        report.contains("detail `category` of released code \"TOO_MANY_REQUESTS\" became required"),
        "{report}"
    );
}

#[test]
fn adding_relay_details_and_enum_values_passes_without_a_bump() {
    let generated = generate_relay(|c| {
        c.replace(
            "        values: [read, write, search, ai, bulk, webhooks]\n",
            "        values: [read, write, search, ai, bulk, webhooks, export]\n",
        )
        .replace(
            VIOLATIONS,
            &format!("{VIOLATIONS}            hint: {{type: string, optional: true}}\n"),
        )
        .replace(
            "  - code: TICKET_NOT_FOUND\n",
            "  - code: TICKET_NOT_FOUND\n    details:\n      ticket_id: string\n",
        )
    })
    .unwrap_or_else(|report| panic!("{report}"));
    let lock = &generated.lock;
    for line in [
        "  category               enum(ai,bulk,export,read,search,webhooks,write)  optional\n",
        "  violations[].hint      string  optional\n",
        "TICKET_NOT_FOUND         404  0.1.0\n  ticket_id              string\n",
    ] {
        assert!(lock.contains(line), "{line:?} in\n{lock}");
    }
}

/// Every valid fixture's new lock (details of every type among them) reads back, accepts
/// its own catalog, and is written again unchanged.
#[test]
fn each_written_lock_reads_back_and_accepts_its_catalog() {
    let dir = workspace_root().join("tests/fixtures/valid");
    for path in catalog_tests::yaml_files(&dir) {
        let name = relative(&path);
        let text = std::fs::read_to_string(&path).unwrap();
        let first = catalog_tests::generate_text(&name, &text)
            .unwrap_or_else(|report| panic!("{name}: {report}"));
        let again = catalog_tests::config()
            .generate(
                Source {
                    path: &name,
                    bytes: text.as_bytes(),
                },
                Some(Source {
                    path: "written.lock",
                    bytes: first.lock.as_bytes(),
                }),
            )
            .unwrap_or_else(|report| panic!("{name}: {report}\n{}", first.lock));
        assert_eq!(again.lock, first.lock, "{name}");
    }
}
