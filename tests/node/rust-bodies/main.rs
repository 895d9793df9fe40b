//! Prints, as JSON, the error body each generated Rust crate serializes for each of its
//! codes in each envelope it has, so that `openapi.test.js` can hold every crate's
//! `openapi.json` to the real bodies: `{"<crate>": {"<envelope>": {"<code>": "body"}}}`,
//! each crate named as a Rust path (`relay_errors`), each body the text serde_json
//! writes, so the test sees its keys in the order the crate writes them.
//!
//! The Node test builds this in a Cargo project of its own whose dependencies are the
//! crates under test, with their `serde` feature. Those crates differ from run to run
//! (the fixtures), so the test writes the list this program includes, one
//! `bodies!(crate_ident, [envelope, ...])` per crate, into the file the
//! `RUST_BODIES_CATALOGS` variable names when cargo builds it. Each body is built from
//! the code's `Error`, made with `Error::from_details` from the details the file that
//! `RUST_BODIES_DETAILS` names gives for it (`{"<crate>": {"<code>": {...}}}`, `{}` for a
//! code it leaves out), with the crate's own constructors, and serialized with
//! serde_json, nothing else. A code whose details the crate refuses gets `null`.

#![allow(deprecated)] // Deprecated codes are values like any other here.

use serde_json::{Map, Value};

/// The request id the linked bodies carry: the one the OpenAPI examples show.
const REQUEST_ID: &str = "req_8f2a41c0";

/// The tRPC procedure the tRPC bodies name: the one the OpenAPI examples show.
const PROCEDURE: &str = "procedure.name";

/// One error's body in one envelope, as the crate's constructor builds it.
macro_rules! body {
    ($krate:ident, linked, $error:expr) => {
        serde_json::to_string(&$krate::envelopes::LinkedBody::from_error($error, REQUEST_ID))
    };
    ($krate:ident, rest, $error:expr) => {
        serde_json::to_string(&$krate::envelopes::RestBody::from($error))
    };
    ($krate:ident, trpc, $error:expr) => {
        serde_json::to_string(&$krate::envelopes::TrpcBody::from_error($error, PROCEDURE))
    };
    ($krate:ident, problem, $error:expr) => {
        serde_json::to_string(&$krate::envelopes::Problem::from($error))
    };
}

/// Every code's body in each of `$envelope`, keyed by envelope then code.
macro_rules! bodies {
    ($krate:ident, [$($envelope:ident),* $(,)?]) => {{
        #[allow(unused_mut)]
        let mut envelopes = Map::new();
        $(
            let mut codes = Map::new();
            let given = DETAILS.get(stringify!($krate)).and_then(Value::as_object);
            for &code in $krate::ErrorCode::ALL {
                let details = given
                    .and_then(|codes| codes.get(code.as_str()))
                    .and_then(Value::as_object)
                    .cloned()
                    .unwrap_or_default();
                let body = match $krate::Error::from_details(code, &details) {
                    Ok(error) => Value::String(body!($krate, $envelope, error).expect("a body serializes")),
                    Err(_) => Value::Null,
                };
                codes.insert(code.as_str().to_owned(), body);
            }
            envelopes.insert(stringify!($envelope).to_owned(), Value::Object(codes));
        )*
        (stringify!($krate), Value::Object(envelopes))
    }};
}

/// The details of each crate's codes, read once.
static DETAILS: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| {
    let path = std::env::var("RUST_BODIES_DETAILS").expect("RUST_BODIES_DETAILS names a file");
    let text = std::fs::read_to_string(path).expect("the details file is readable");
    serde_json::from_str(&text).expect("the details file is JSON")
});

fn main() {
    let catalogs: Vec<(&str, Value)> = include!(env!("RUST_BODIES_CATALOGS"));
    let mut out = Map::new();
    for (krate, envelopes) in catalogs {
        out.insert(krate.to_owned(), envelopes);
    }
    println!("{}", Value::Object(out));
}
