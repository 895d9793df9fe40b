//! Prints, as JSON, what the generated Rust crates return for every code and family, so
//! that `typescript.test.js` can hold the TypeScript packages to the same values.
//!
//! The Node test builds this in a throwaway Cargo project whose dependencies are the two
//! shipped crates and the crate of `tests/fixtures/valid/hostile_text.yaml`, generated
//! into a temporary folder. It uses nothing but the crates' own API, and writes its JSON
//! by hand so it needs no dependency of its own.

#![allow(deprecated)] // Deprecated codes are values like any other here.

/// The `(attempt, random)` pairs each retryable code's `retry_delay` is asked about; the
/// test reads the same list from the output, so only this copy exists.
const RETRY_CASES: &[(u32, f64)] = &[
    (0, 0.0),
    (0, 0.5),
    (0, 1.0),
    (1, 0.25),
    (2, 0.999),
    (3, 0.123_456_789),
    (4, 1.0),
    (5, 0.5),
    (6, 1.0),
    (31, 0.75),
    (32, 1.0),
    (u32::MAX, 0.3),
    (1, -0.5),
    (1, 1.5),
    (1, f64::NAN),
];

fn main() {
    let cases: Vec<String> = RETRY_CASES
        .iter()
        .map(|&(attempt, random)| format!("[{attempt},{}]", number(random)))
        .collect();
    let catalogs = [
        ("relay-errors", relay()),
        ("batch-relay-errors", batch_relay()),
        ("hostile-errors", hostile()),
    ];
    let catalogs: Vec<String> = catalogs
        .iter()
        .map(|(name, json)| format!("{}:{json}", string(name)))
        .collect();
    println!(
        "{{\"retryCases\":[{}],\"catalogs\":{{{}}}}}",
        cases.join(","),
        catalogs.join(",")
    );
}

/// One catalog's JSON: `{"codes": [...], "families": [...], "withStatus": {...}}`.
/// A macro, since each crate has its own `ErrorCode`; `$trpc` is the code's tRPC number,
/// for crates that have one.
macro_rules! catalog {
    ($krate:ident, |$code:ident| $trpc:expr) => {{
        use $krate::{ErrorCode, Family};
        let codes: Vec<String> = ErrorCode::ALL
            .iter()
            .map(|&$code| {
                let families: Vec<String> =
                    $code.families().iter().map(|f| string(f.id())).collect();
                let delays: Vec<String> = RETRY_CASES
                    .iter()
                    .map(|&(attempt, random)| {
                        $code
                            .retry_delay(attempt, random)
                            .map_or("null".to_owned(), |d| number(d.as_secs_f64() * 1000.0))
                    })
                    .collect();
                let trpc: Option<i32> = $trpc;
                object(&[
                    ("code", string($code.as_str())),
                    ("status", $code.http_status().to_string()),
                    ("families", format!("[{}]", families.join(","))),
                    ("description", string($code.description())),
                    ("resolution", string($code.resolution())),
                    ("message", string($code.message())),
                    ("docsUrl", string($code.docs_url())),
                    ("actionUrl", $code.action_url().map_or("null".to_owned(), string)),
                    ("retryable", $code.is_retryable().to_string()),
                    ("since", string($code.since())),
                    ("deprecated", $code.is_deprecated().to_string()),
                    (
                        "replacement",
                        $code.replacement().map_or("null".to_owned(), |r| string(r.as_str())),
                    ),
                    ("trpcCode", trpc.map_or("null".to_owned(), |n| n.to_string())),
                    ("retryDelays", format!("[{}]", delays.join(","))),
                ])
            })
            .collect();
        let families: Vec<String> = Family::ALL
            .iter()
            .map(|&family| {
                let codes: Vec<String> = family.codes().iter().map(|c| string(c.as_str())).collect();
                object(&[
                    ("id", string(family.id())),
                    ("title", string(family.title())),
                    ("description", family.description().map_or("null".to_owned(), string)),
                    ("codes", format!("[{}]", codes.join(","))),
                ])
            })
            .collect();
        let with_status: Vec<String> = (0..=999u16)
            .filter(|&status| !ErrorCode::with_status(status).is_empty())
            .map(|status| {
                let codes: Vec<String> = ErrorCode::with_status(status)
                    .iter()
                    .map(|c| string(c.as_str()))
                    .collect();
                format!("\"{status}\":[{}]", codes.join(","))
            })
            .collect();
        object(&[
            ("codes", format!("[{}]", codes.join(","))),
            ("families", format!("[{}]", families.join(","))),
            ("withStatus", format!("{{{}}}", with_status.join(","))),
        ])
    }};
}

fn relay() -> String {
    catalog!(relay_errors, |code| Some(code.trpc_code()))
}

fn batch_relay() -> String {
    // The Batch Relay API has no tRPC envelope, so its crate has no `trpc_code`.
    catalog!(batch_relay_errors, |code| None)
}

fn hostile() -> String {
    catalog!(hostile_errors, |code| Some(code.trpc_code()))
}

fn object(fields: &[(&str, String)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|(key, value)| format!("{}:{value}", string(key)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// A JSON string: `"`, `\` and control characters escaped, everything else as is.
fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON number, or the string `"NaN"` (JSON has no NaN; the test reads it back).
fn number(value: f64) -> String {
    if value.is_nan() {
        "\"NaN\"".to_owned()
    } else {
        format!("{value:?}")
    }
}
