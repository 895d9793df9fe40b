//! How long the generator takes for 1,000, 10,000 and 100,000 codes, beside the floor:
//! only parsing the same YAML with serde_yaml.

use std::hint::black_box;
use std::time::Duration;

use codegen::{Config, Source};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn generate(c: &mut Criterion) {
    let mut group = c.benchmark_group("generate");
    group.sample_size(10).warm_up_time(Duration::from_secs(1));
    let config = Config::new();
    for codes in [1_000, 10_000, 100_000] {
        let text = devtools::synth::synthetic_catalog(codes);
        group.throughput(Throughput::Elements(codes as u64));
        if codes >= 100_000 {
            group.measurement_time(Duration::from_secs(60));
        }
        group.bench_with_input(BenchmarkId::new("codegen", codes), &text, |b, text| {
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
            BenchmarkId::new("serde_yaml_parse", codes),
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
