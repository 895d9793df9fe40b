//! What the benchmarks compare the generated crates with: the hand-written alternative a
//! team would pick (an enum with strum and serde derives), and, in release builds, the
//! generated crates of large synthetic catalogs. See `build.rs` and `BENCHMARKS.md`.

/// How many strings one iteration of a lookup benchmark looks up.
pub const BATCH: usize = 64;

/// What a lookup benchmark looks up, by kind: `BATCH` wire strings spread over all of
/// `codes` ("hit"), and as many that are not codes ("miss", each a real code with its
/// last byte changed: the hardest kind of miss for a `match` and a hash alike).
pub fn lookup_inputs(codes: &[&str]) -> [(&'static str, Vec<String>); 2] {
    let step = (codes.len() / BATCH).max(1);
    let hits: Vec<String> = codes
        .iter()
        .step_by(step)
        .cycle()
        .take(BATCH)
        .map(|code| code.to_string())
        .collect();
    let misses = hits
        .iter()
        .map(|code| {
            let mut miss = code.clone();
            let last = miss.pop().unwrap_or('X');
            miss.push(if last == 'Z' { 'Y' } else { 'Z' });
            miss
        })
        .collect();
    [("hit", hits), ("miss", misses)]
}

/// The Relay codes as a hand-written strum enum.
pub mod strum_relay {
    include!(concat!(env!("OUT_DIR"), "/strum_relay.rs"));
}

/// The 1,000 synthetic codes as a hand-written strum enum.
#[cfg(synthetic_crates)]
pub mod strum_1k {
    include!(concat!(env!("OUT_DIR"), "/strum_1k.rs"));
}

/// The 10,000 synthetic codes as a hand-written strum enum.
#[cfg(synthetic_crates)]
pub mod strum_10k {
    include!(concat!(env!("OUT_DIR"), "/strum_10k.rs"));
}

/// The generated crate of the 1,000-code synthetic catalog.
#[cfg(synthetic_crates)]
pub extern crate synth_1k;

/// The generated crate of the 10,000-code synthetic catalog.
#[cfg(synthetic_crates)]
pub extern crate synth_10k;

/// The Relay catalog and synthetic ones, each with every lookup (see `build.rs`).
#[cfg(crossover)]
pub mod crossover {
    include!(concat!(env!("OUT_DIR"), "/crossover.rs"));
}

/// The REST envelope written with serde derives, as a team would without the generator.
pub mod derived {
    use serde::{Deserialize, Serialize};

    use crate::strum_relay::StrumRelayCode;

    /// `{"error": {"code", "message", "details"}}` by derive.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct RestBody {
        /// What went wrong.
        pub error: RestError,
    }

    /// A REST body of `TOO_MANY_REQUESTS` with its details typed, by derive: what a
    /// service writing its own struct for that body would serialize.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct RateLimitedBody {
        /// What went wrong.
        pub error: RateLimitedError,
    }

    /// The `error` object of [`RateLimitedBody`].
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct RateLimitedError {
        /// The code.
        pub code: StrumRelayCode,
        /// The rendered message.
        pub message: String,
        /// The details.
        pub details: RateLimitedDetails,
    }

    /// `TOO_MANY_REQUESTS`'s details, fields in the order the generated crate's map
    /// writes its keys, so the JSON is the same.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct RateLimitedDetails {
        /// The endpoint category.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub category: Option<String>,
        /// Requests allowed.
        pub limit: i64,
        /// Requests left.
        pub remaining: i64,
        /// When the window resets.
        pub reset: i64,
    }

    /// The `error` object, by derive.
    #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
    pub struct RestError {
        /// The code.
        pub code: StrumRelayCode,
        /// The message.
        pub message: String,
        /// Further facts.
        #[serde(default)]
        pub details: serde_json::Map<String, serde_json::Value>,
    }
}
