//! Serializing and parsing the REST envelope with serde_json: the generated crate's
//! hand-emitted impls against the same body written with serde derives.

use std::hint::black_box;

use catalog_bench::derived;
use catalog_bench::strum_relay::StrumRelayCode;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relay_errors::details::TooManyRequestsCategory;
use relay_errors::envelopes::RestBody;
use relay_errors::{Error, ErrorCode};

fn envelopes(c: &mut Criterion) {
    let generated = RestBody::new(ErrorCode::TicketNotFound);
    let derived = derived::RestBody {
        error: derived::RestError {
            code: StrumRelayCode::TicketNotFound,
            message: ErrorCode::TicketNotFound.message().to_owned(),
            details: serde_json::Map::new(),
        },
    };
    let json = serde_json::to_string(&generated).unwrap();
    assert_eq!(
        json,
        serde_json::to_string(&derived).unwrap(),
        "the same JSON either way"
    );

    let mut group = c.benchmark_group("envelope/rest");
    group.bench_function(BenchmarkId::new("generated", "serialize"), |b| {
        b.iter(|| serde_json::to_string(black_box(&generated)).unwrap())
    });
    group.bench_function(BenchmarkId::new("derive", "serialize"), |b| {
        b.iter(|| serde_json::to_string(black_box(&derived)).unwrap())
    });
    group.bench_function(BenchmarkId::new("generated", "deserialize"), |b| {
        b.iter(|| serde_json::from_str::<RestBody>(black_box(&json)).unwrap())
    });
    group.bench_function(BenchmarkId::new("derive", "deserialize"), |b| {
        b.iter(|| serde_json::from_str::<derived::RestBody>(black_box(&json)).unwrap())
    });
    group.finish();
}

/// A body with details: the generated crate's `RestBody::from(Error)` (details in a
/// JSON map) against a derived struct with the same details typed.
fn envelopes_with_details(c: &mut Criterion) {
    let error = Error::TooManyRequests {
        limit: 100,
        remaining: 0,
        reset: 1_705_312_800,
        category: Some(TooManyRequestsCategory::Write),
    };
    let generated = RestBody::from(error.clone());
    let derived = derived::RateLimitedBody {
        error: derived::RateLimitedError {
            code: StrumRelayCode::TooManyRequests,
            message: error.to_string(),
            details: derived::RateLimitedDetails {
                category: Some("write".to_owned()),
                limit: 100,
                remaining: 0,
                reset: 1_705_312_800,
            },
        },
    };
    assert_eq!(
        serde_json::to_string(&generated).unwrap(),
        serde_json::to_string(&derived).unwrap(),
        "the same JSON either way"
    );
    let mut group = c.benchmark_group("envelope/rest-details");
    group.bench_function(BenchmarkId::new("generated", "serialize"), |b| {
        b.iter(|| serde_json::to_string(black_box(&generated)).unwrap())
    });
    group.bench_function(BenchmarkId::new("derive", "serialize"), |b| {
        b.iter(|| serde_json::to_string(black_box(&derived)).unwrap())
    });
    group.bench_function(
        BenchmarkId::new("generated", "from-error-and-serialize"),
        |b| b.iter(|| serde_json::to_string(&RestBody::from(black_box(&error).clone())).unwrap()),
    );
    group.bench_function(BenchmarkId::new("derive", "clone-and-serialize"), |b| {
        b.iter(|| serde_json::to_string(&black_box(&derived).clone()).unwrap())
    });
    group.finish();
}

criterion_group!(benches, envelopes, envelopes_with_details);
criterion_main!(benches);
