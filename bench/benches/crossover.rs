//! Where the lookups cross over: `ErrorCode::from_str` with each `Lookup` (the switch,
//! the perfect hash, the string `match`) and strum's `EnumString`, on the Relay catalog
//! and synthetic catalogs of 128 to 10,000 codes. `Lookup::Auto` is chosen from these
//! figures (see `errcat::Lookup::SWITCH_LIMIT` and BENCHMARKS.md).
//!
//! The modules are built only on request, since they add about a minute of build:
//!
//! ```sh
//! CATALOG_BENCH_CROSSOVER=1 cargo bench -p catalog-bench --bench crossover
//! ```

use criterion::{criterion_group, criterion_main};

#[cfg(crossover)]
mod measured {
    use std::hint::black_box;
    use std::str::FromStr;

    use criterion::{BenchmarkId, Criterion, Throughput};

    use catalog_bench::{lookup_inputs, BATCH};

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
            for (kind, batch) in lookup_inputs(&codes) {
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
        // One `bench_size!` per catalog, written by build.rs beside the modules.
        include!(concat!(env!("OUT_DIR"), "/crossover_benches.rs"));
    }
}

#[cfg(crossover)]
use measured::crossover;

/// Without the modules, says how to build them.
#[cfg(not(crossover))]
fn crossover(_: &mut criterion::Criterion) {
    eprintln!(
        "the crossover modules were not built: run with CATALOG_BENCH_CROSSOVER=1 \
         (cargo bench -p catalog-bench --bench crossover)"
    );
}

criterion_group!(benches, crossover);
criterion_main!(benches);
