//! How long the generator takes for 1,000, 10,000 and 100,000 codes, beside the floor:
//! only parsing the same YAML with serde_yaml; and for 10,000 codes that all carry
//! details, beside the parse of that YAML.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use errcat::{Config, Source};

fn generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    let config = Config::new();
    let catalogs = [1_000, 10_000, 100_000].map(|codes| {
        (
            codes.to_string(),
            codes,
            devtools::synth::synthetic_catalog(codes),
        )
    });
    let with_details = (
        "10000-details".to_owned(),
        10_000,
        devtools::synth::synthetic_catalog_with_details(10_000),
    );
    for (name, codes, text) in catalogs.into_iter().chain([with_details]) {
        group.throughput(Throughput::Elements(codes as u64));
        if codes >= 100_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_with_input(BenchmarkId::new("codegen", &name), &text, |b, text| {
            b.iter(|| {
                let source = Source {
                    path: "synthetic.yaml",
                    bytes: black_box(text.as_bytes()),
                };
                config
                    .generate(source, None)
                    .map(|g| g.files.len())
                    .unwrap()
            })
        });
        group.bench_with_input(
            BenchmarkId::new("serde_yaml_parse", &name),
            &text,
            |b, text| {
                b.iter(|| serde_yaml::from_str::<serde_yaml::Value>(black_box(text)).unwrap())
            },
        );
    }
    group.finish();
}

criterion_group!(benches, generate);
criterion_main!(benches);
