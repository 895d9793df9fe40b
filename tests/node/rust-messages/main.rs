//! Prints the message the generated Rust crates render for each occurrence it reads, so
//! that `details.test.js` can hold `formatMessage` to the crates' `Display` of their
//! `Error`, byte for byte.
//!
//! Each line of standard input is a JSON object `{"crate", "code", "details"}`: the crate
//! (`relay-errors`, or `parcel-errors`, the crate of the fixture
//! `tests/fixtures/valid/details_of_every_type.yaml`), a code and its details. The program
//! builds the REST body `{"error": {"code", "message": "", "details"}}`, parses it with
//! serde_json into the crate's `RestBody`, converts it with `Error::try_from(&body)`, and
//! prints `error.to_string()` as one JSON string per line. serde_json is built with
//! `float_roundtrip`, so every number reads back as the very `f64` JavaScript wrote.

use std::io::{BufRead, Write};

use serde_json::{json, Value};

/// The message of `code` with `details` as `$krate`'s `Error` displays it.
macro_rules! message {
    ($krate:ident, $code:expr, $details:expr) => {{
        let body = json!({"error": {"code": $code, "message": "", "details": $details}});
        let text = body.to_string();
        let body: $krate::envelopes::RestBody =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
        match $krate::Error::try_from(&body) {
            Ok(error) => error.to_string(),
            Err(_) => panic!("{text} is not an Error of {}", stringify!($krate)),
        }
    }};
}

fn main() {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("standard input is UTF-8 text");
        let case: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let (code, details) = (&case["code"], &case["details"]);
        let message = match case["crate"].as_str() {
            Some("relay-errors") => message!(relay_errors, code, details),
            Some("parcel-errors") => message!(parcel_errors, code, details),
            _ => panic!("no such crate here: {line}"),
        };
        writeln!(out, "{}", Value::String(message)).expect("standard output is writable");
    }
}
