//! Where the lookups cross over: `ErrorCode::from_str` with each `Lookup` (the switch,
//! the perfect hash, the string `match`) and strum's `EnumString`, on the Relay catalog
//! and synthetic catalogs of 128 to 10,000 codes. `Lookup::Auto` is chosen from these
//! figures (see `codegen::Lookup::SWITCH_LIMIT` and BENCHMARKS.md).
//!
//! The modules are built only on request, since they add about a minute of build:
//!
//! ```sh
//! CATALOG_BENCH_CROSSOVER=1 cargo bench -p catalog-bench --bench crossover
//! ```

use criterion::{criterion_group, criterion_main, Criterion};

#[cfg(crossover)]
mod measured {
    use std::hint::black_box;
    use std::str::FromStr;

    use criterion::{BenchmarkId, Criterion, Throughput};

    /// How many strings one iteration looks up.
    const BATCH: usize = 64;

    /// `BATCH` codes spread over the catalog, and as many misses: each a real code with its
    /// last byte changed (as in `benches/lookup.rs`).
    fn inputs(codes: &[&'static str]) -> [(&'static str, Vec<String>); 2] {
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

    /// Benchmarks `from_str` of each `(name, type)` on the codes of the first.
    macro_rules! bench_size {
        ($c:expr, $size:expr, $first:ty, [$(($name:expr, $ty:ty)),*]) => {{
            let codes: Vec<&'static str> = <$first>::ALL.iter().map(|code| code.as_str()).collect();
            let mut group = $c.benchmark_group(format!("crossover/{}", $size));
            group.throughput(Throughput::Elements(BATCH as u64));
            // Thirty-odd pairs to measure: shorter than criterion's default, still
            // hundreds of thousands of batches each.
            group
                .warm_up_time(std::time::Duration::from_secs(1))
                .measurement_time(std::time::Duration::from_secs(2));
            for (kind, batch) in inputs(&codes) {
                $(
                    group.bench_with_input(BenchmarkId::new($name, kind), &batch, |b, batch| {
                        b.iter(|| {
                            batch
                                .iter()
                                .filter(|s| <$ty>::from_str(black_box(s)).is_ok())
                                .count()
                        })
                    });
                )*
            }
            group.finish();
        }};
    }

    pub(crate) fn crossover(c: &mut Criterion) {
        use catalog_bench::crossover::*;
        bench_size!(
            c,
            "relay",
            relay_switch::ErrorCode,
            [
                ("switch", relay_switch::ErrorCode),
                ("hash", relay_hash::ErrorCode),
                ("match", relay_matching::ErrorCode),
                ("strum", relay_strum::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "128",
            s128_switch::ErrorCode,
            [
                ("switch", s128_switch::ErrorCode),
                ("hash", s128_hash::ErrorCode),
                ("match", s128_matching::ErrorCode),
                ("strum", s128_strum::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "256",
            s256_switch::ErrorCode,
            [
                ("switch", s256_switch::ErrorCode),
                ("hash", s256_hash::ErrorCode),
                ("match", s256_matching::ErrorCode),
                ("strum", s256_strum::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "512",
            s512_switch::ErrorCode,
            [
                ("switch", s512_switch::ErrorCode),
                ("hash", s512_hash::ErrorCode),
                ("match", s512_matching::ErrorCode),
                ("strum", s512_strum::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "1000",
            s1000_switch::ErrorCode,
            [
                ("switch", s1000_switch::ErrorCode),
                ("hash", s1000_hash::ErrorCode),
                ("match", s1000_matching::ErrorCode),
                ("strum", s1000_strum::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "2000",
            s2000_switch::ErrorCode,
            [
                ("switch", s2000_switch::ErrorCode),
                ("hash", s2000_hash::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "4000",
            s4000_switch::ErrorCode,
            [
                ("switch", s4000_switch::ErrorCode),
                ("hash", s4000_hash::ErrorCode)
            ]
        );
        bench_size!(
            c,
            "10000",
            s10000_switch::ErrorCode,
            [
                ("switch", s10000_switch::ErrorCode),
                ("hash", s10000_hash::ErrorCode)
            ]
        );
    }
}

#[cfg(crossover)]
use measured::crossover;

/// Without the modules, says how to build them.
#[cfg(not(crossover))]
fn crossover(_: &mut Criterion) {
    eprintln!(
        "the crossover modules were not built: run with CATALOG_BENCH_CROSSOVER=1 \
         (cargo bench -p catalog-bench --bench crossover)"
    );
}

criterion_group!(benches, crossover);
criterion_main!(benches);
