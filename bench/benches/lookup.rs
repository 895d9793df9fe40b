//! Looking codes up by wire string, and reading their metadata: the generated crates
//! against a strum-derived enum of the same codes and a `HashMap<&str, ErrorCode>`.
//!
//! Each iteration looks up a fixed batch of strings, so the figures are per batch; the
//! throughput line gives the time per lookup.

use std::collections::HashMap;
use std::hint::black_box;
use std::str::FromStr;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use catalog_bench::{lookup_inputs, BATCH};

/// Benchmarks `from_str` for one catalog size with the three implementations.
macro_rules! bench_from_str {
    ($c:expr, $size:expr, $generated:ty, $strum:ty) => {{
        let codes: Vec<&'static str> = <$generated>::ALL.iter().map(|code| code.as_str()).collect();
        let map: HashMap<&'static str, $generated> = <$generated>::ALL
            .iter()
            .map(|&code| (code.as_str(), code))
            .collect();
        let mut group = $c.benchmark_group(format!("from_str/{}", $size));
        group.throughput(Throughput::Elements(BATCH as u64));
        for (kind, batch) in lookup_inputs(&codes) {
            group.bench_with_input(BenchmarkId::new("generated", kind), &batch, |b, batch| {
                b.iter(|| {
                    batch
                        .iter()
                        .filter(|s| <$generated>::from_str(black_box(s)).is_ok())
                        .count()
                })
            });
            group.bench_with_input(BenchmarkId::new("strum", kind), &batch, |b, batch| {
                b.iter(|| {
                    batch
                        .iter()
                        .filter(|s| <$strum>::from_str(black_box(s)).is_ok())
                        .count()
                })
            });
            group.bench_with_input(BenchmarkId::new("hashmap", kind), &batch, |b, batch| {
                b.iter(|| {
                    batch
                        .iter()
                        .filter(|s| map.get(black_box(s.as_str())).is_some())
                        .count()
                })
            });
        }
        group.finish();
    }};
}

fn from_str(c: &mut Criterion) {
    use catalog_bench::strum_relay::StrumRelayCode;
    bench_from_str!(c, "relay", relay_errors::ErrorCode, StrumRelayCode);
    #[cfg(synthetic_crates)]
    {
        bench_from_str!(
            c,
            "1k",
            catalog_bench::synth_1k::ErrorCode,
            catalog_bench::strum_1k::Strum1KCode
        );
        bench_from_str!(
            c,
            "10k",
            catalog_bench::synth_10k::ErrorCode,
            catalog_bench::strum_10k::Strum10KCode
        );
    }
}

fn accessors(c: &mut Criterion) {
    use catalog_bench::strum_relay::StrumRelayCode;
    use relay_errors::ErrorCode;
    let generated: Vec<ErrorCode> = ErrorCode::ALL.iter().copied().cycle().take(BATCH).collect();
    let strum: Vec<StrumRelayCode> = StrumRelayCode::ALL
        .iter()
        .copied()
        .cycle()
        .take(BATCH)
        .collect();
    let mut group = c.benchmark_group("accessors/relay");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function(BenchmarkId::new("generated", "as_str"), |b| {
        b.iter(|| {
            black_box(&generated)
                .iter()
                .map(|code| code.as_str().len())
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("strum", "as_str"), |b| {
        b.iter(|| {
            black_box(&strum)
                .iter()
                .map(|code| code.as_str().len())
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("generated", "http_status"), |b| {
        b.iter(|| {
            black_box(&generated)
                .iter()
                .map(|code| u32::from(code.http_status()))
                .sum::<u32>()
        })
    });
    group.bench_function(BenchmarkId::new("strum", "http_status"), |b| {
        b.iter(|| {
            black_box(&strum)
                .iter()
                .map(|code| u32::from(code.http_status()))
                .sum::<u32>()
        })
    });
    group.bench_function(BenchmarkId::new("generated", "docs_url"), |b| {
        b.iter(|| {
            black_box(&generated)
                .iter()
                .map(|code| code.docs_url().len())
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("strum", "docs_url"), |b| {
        b.iter(|| {
            black_box(&strum)
                .iter()
                .map(|code| code.docs_url().len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, from_str, accessors);
criterion_main!(benches);
