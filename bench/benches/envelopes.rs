//! Serializing and parsing the REST envelope with serde_json: the generated crate's
//! hand-emitted impls against the same body written with serde derives.

use std::hint::black_box;

use catalog_bench::derived;
use catalog_bench::strum_relay::StrumRelayCode;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use relay_errors::envelopes::RestBody;
use relay_errors::ErrorCode;

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

criterion_group!(benches, envelopes);
criterion_main!(benches);
