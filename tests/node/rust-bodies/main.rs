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
//! `RUST_BODIES_CATALOGS` variable names when cargo builds it. Each body is built with the
//! crate's own constructor and serialized with serde_json, nothing else.

#![allow(deprecated)] // Deprecated codes are values like any other here.

use serde_json::{Map, Value};

/// The request id the linked bodies carry: the one the OpenAPI examples show.
const REQUEST_ID: &str = "req_8f2a41c0";

/// The tRPC procedure the tRPC bodies name: the one the OpenAPI examples show.
const PROCEDURE: &str = "procedure.name";

/// One code's body in one envelope, as the crate's constructor builds it.
macro_rules! body {
    ($krate:ident, linked, $code:expr) => {
        serde_json::to_string(&$krate::envelopes::LinkedBody::error($code, REQUEST_ID))
    };
    ($krate:ident, rest, $code:expr) => {
        serde_json::to_string(&$krate::envelopes::RestBody::new($code))
    };
    ($krate:ident, trpc, $code:expr) => {
        serde_json::to_string(&$krate::envelopes::TrpcBody::new($code, PROCEDURE))
    };
    ($krate:ident, problem, $code:expr) => {
        serde_json::to_string(&$krate::envelopes::Problem::new($code))
    };
}

/// Every code's body in each of `$envelope`, keyed by envelope then code.
macro_rules! bodies {
    ($krate:ident, [$($envelope:ident),* $(,)?]) => {{
        #[allow(unused_mut)]
        let mut envelopes = Map::new();
        $(
            let mut codes = Map::new();
            for &code in $krate::ErrorCode::ALL {
                let body = body!($krate, $envelope, code).expect("a body serializes");
                codes.insert(code.as_str().to_owned(), Value::String(body));
            }
            envelopes.insert(stringify!($envelope).to_owned(), Value::Object(codes));
        )*
        (stringify!($krate), Value::Object(envelopes))
    }};
}

fn main() {
    let catalogs: Vec<(&str, Value)> = include!(env!("RUST_BODIES_CATALOGS"));
    let mut out = Map::new();
    for (krate, envelopes) in catalogs {
        out.insert(krate.to_owned(), envelopes);
    }
    println!("{}", Value::Object(out));
}
