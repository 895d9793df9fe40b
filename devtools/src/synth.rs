//! Synthetic catalogs of any size, with realistic names and texts, for benchmarks and
//! scale tests (`cargo xtask synth --codes N --out FILE`).
//!
//! Deterministic: the same size always gives the same catalog. Codes read like a real
//! API's (`BILLING_INVOICE_NOT_FOUND`), 50 to a family, with the status, description,
//! resolution and retry flag their condition implies. With details
//! ([`synthetic_catalog_with_details`]) every code carries some, of one of four shapes in
//! turn (a string with a message that inserts it, integers with an optional one, a list
//! of objects, an enum and a list of strings), so that generating them is measured at
//! scale too.

use std::fmt::Write;

const AREAS: &[&str] = &[
    "billing",
    "tickets",
    "accounts",
    "payments",
    "invoices",
    "orders",
    "shipping",
    "catalog",
    "search",
    "reports",
    "exports",
    "imports",
    "webhooks",
    "sessions",
    "users",
    "teams",
    "projects",
    "files",
    "storage",
    "messages",
    "notifications",
    "schedules",
    "workflows",
    "automations",
    "integrations",
    "analytics",
    "audit",
    "compliance",
    "identity",
    "keys",
    "domains",
    "certificates",
    "deployments",
    "builds",
    "queues",
    "streams",
    "models",
    "datasets",
    "labels",
    "comments",
];

const RESOURCES: &[&str] = &[
    "invoice",
    "customer",
    "subscription",
    "plan",
    "coupon",
    "ticket",
    "comment",
    "attachment",
    "user",
    "team",
    "member",
    "role",
    "permission",
    "token",
    "session",
    "project",
    "file",
    "folder",
    "bucket",
    "object",
    "message",
    "thread",
    "channel",
    "webhook",
    "delivery",
    "schedule",
    "job",
    "workflow",
    "step",
    "trigger",
    "report",
    "export",
    "dataset",
    "model",
    "label",
    "domain",
    "certificate",
    "deployment",
    "build",
    "queue",
];

/// A condition: wire suffix, status, how the description ends, the resolution, and
/// whether retrying can help.
const CONDITIONS: &[(&str, u16, &str, &str, bool)] = &[
    (
        "NOT_FOUND",
        404,
        "does not exist",
        "Verify the {r} ID exists",
        false,
    ),
    (
        "ALREADY_EXISTS",
        409,
        "already exists",
        "Use a different identifier for the {r}",
        false,
    ),
    (
        "INVALID",
        400,
        "is invalid",
        "Fix the {r} fields named in the details",
        false,
    ),
    ("EXPIRED", 410, "has expired", "Create a new {r}", false),
    (
        "LOCKED",
        423,
        "is locked for editing",
        "Wait until the {r} is unlocked",
        true,
    ),
    (
        "LIMIT_EXCEEDED",
        429,
        "limit was exceeded",
        "Wait and retry with exponential backoff",
        true,
    ),
    (
        "CONFLICT",
        409,
        "was changed by another request",
        "Reload the {r} and retry",
        false,
    ),
    (
        "FORBIDDEN",
        403,
        "cannot be accessed with this key",
        "Use a key with access to the {r}",
        false,
    ),
    (
        "TOO_LARGE",
        413,
        "exceeds the maximum size",
        "Send a smaller {r}",
        false,
    ),
    (
        "UNSUPPORTED_TYPE",
        415,
        "has a type that is not allowed",
        "Convert the {r} to a supported type",
        false,
    ),
    (
        "DISABLED",
        403,
        "is disabled",
        "Enable the {r} in the dashboard",
        false,
    ),
    (
        "ARCHIVED",
        410,
        "was archived",
        "Restore the {r} before changing it",
        false,
    ),
    (
        "UNAVAILABLE",
        503,
        "is temporarily unavailable",
        "Retry after a short delay",
        true,
    ),
    (
        "TIMEOUT",
        504,
        "did not respond in time",
        "Retry the request",
        true,
    ),
    (
        "MALFORMED",
        400,
        "could not be parsed",
        "Check the {r} for syntax errors",
        false,
    ),
    (
        "MISSING",
        400,
        "is required but missing",
        "Include the {r} in the request",
        false,
    ),
    (
        "IN_USE",
        409,
        "is still in use",
        "Detach the {r} before deleting it",
        false,
    ),
    (
        "QUOTA_EXCEEDED",
        429,
        "quota was exceeded",
        "Upgrade the plan or wait for the quota to reset",
        false,
    ),
    (
        "UPSTREAM_FAILED",
        502,
        "could not be processed upstream",
        "Retry later; contact support if it persists",
        true,
    ),
    (
        "PRECONDITION_FAILED",
        412,
        "does not match the expected version",
        "Fetch the latest {r} and retry",
        false,
    ),
];

/// Codes per family.
const FAMILY_SIZE: usize = 50;

/// The YAML text of a catalog with `codes` codes.
pub fn synthetic_catalog(codes: usize) -> String {
    catalog(codes, false)
}

/// The YAML text of a catalog with `codes` codes, each with details and most with a
/// message template.
pub fn synthetic_catalog_with_details(codes: usize) -> String {
    catalog(codes, true)
}

fn catalog(codes: usize, details: bool) -> String {
    let families = codes.div_ceil(FAMILY_SIZE).max(1);
    let mut out = format!(
        "# A synthetic catalog of {codes} codes, made by `cargo xtask synth`.\n\
         api: Synthetic API\n\
         crate: synthetic-errors\n\
         version: 0.1.0\n\
         docs_url: https://docs.example.com/errors#{{anchor}}\n\
         envelopes: [rest, problem]\n\
         families:\n"
    );
    for family in 0..families {
        let (id, title) = family_name(family);
        let _ = writeln!(
            out,
            "  - id: {id}\n    title: {title} API\n    description: Errors returned by the {title} API."
        );
    }
    out.push_str("codes:\n");
    for index in 0..codes {
        push_code(&mut out, index, details);
    }
    out
}

fn family_name(family: usize) -> (String, String) {
    let area = AREAS[family % AREAS.len()];
    let round = family / AREAS.len();
    let mut title = String::new();
    title.push_str(&area[..1].to_uppercase());
    title.push_str(&area[1..]);
    if round == 0 {
        (area.to_owned(), title)
    } else {
        (
            format!("{area}_v{}", round + 1),
            format!("{title} v{}", round + 1),
        )
    }
}

fn push_code(out: &mut String, index: usize, details: bool) {
    let family = index / FAMILY_SIZE;
    let within = index % FAMILY_SIZE;
    let (id, _) = family_name(family);
    // Resource fastest, then condition, shifted per family: every pair in a family is new.
    let resource = RESOURCES[within % RESOURCES.len()];
    let condition = (within / RESOURCES.len() + family * 7 + within) % CONDITIONS.len();
    let (suffix, status, ending, resolution, retryable) = CONDITIONS[condition];
    let wire = format!("{}_{}_{suffix}", id.to_uppercase(), resource.to_uppercase());
    let resolution = resolution.replace("{r}", resource);
    let _ = writeln!(
        out,
        "  - code: {wire}\n    status: {status}\n    family: {id}\n    description: The {resource} {ending}\n    resolution: {resolution}"
    );
    if retryable {
        out.push_str("    retryable: true\n");
    }
    if details {
        push_details(out, index, resource);
    }
}

/// The details of the code at `index`, one of four shapes in turn.
fn push_details(out: &mut String, index: usize, resource: &str) {
    let _ = match index % 4 {
        0 => writeln!(
            out,
            "    message: \"The {resource} {{id}} was not accepted\"\n    details:\n      id: {{type: string, description: The {resource}'s id., example: {resource}_42}}"
        ),
        1 => writeln!(
            out,
            "    message: \"Limit of {{limit}} reached\"\n    details:\n      limit: {{type: integer, example: 100}}\n      used: integer\n      retry_after: {{type: number, optional: true}}"
        ),
        2 => writeln!(
            out,
            "    details:\n      violations:\n        type: list\n        items:\n          type: object\n          fields:\n            field: string\n            reason: {{type: string, optional: true}}"
        ),
        _ => writeln!(
            out,
            "    message: \"Not allowed in {{region}}; allowed: {{allowed}}\"\n    details:\n      region: {{type: enum, values: [eu, us, apac]}}\n      allowed: {{type: list, items: string}}"
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::synthetic_catalog;
    use errcat::{Config, Source};

    #[test]
    fn synthetic_catalogs_are_valid_at_every_size() {
        let sizes = [1, 49, 50, 51, 1_000];
        for (codes, details) in sizes.into_iter().flat_map(|n| [(n, false), (n, true)]) {
            let text = if details {
                super::synthetic_catalog_with_details(codes)
            } else {
                synthetic_catalog(codes)
            };
            let generated = Config::new()
                .generate(
                    Source {
                        path: "synth.yaml",
                        bytes: text.as_bytes(),
                    },
                    None,
                )
                .unwrap_or_else(|report| panic!("{codes} codes:\n{report}"));
            assert_eq!(generated.catalog.codes.len(), codes);
            assert_eq!(generated.catalog.has_details(), details);
            assert!(generated.warnings.is_none());
        }
    }

    #[test]
    fn synthetic_catalogs_are_deterministic() {
        assert_eq!(synthetic_catalog(300), synthetic_catalog(300));
    }
}
