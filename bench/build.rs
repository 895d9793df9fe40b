//! Prepares what the benchmarks compare.
//!
//! - `strum_*.rs`: the hand-written alternative to each generated crate, an enum with
//!   strum and serde derives plus `match` accessors, as a team would write it.
//! - In release builds (`cargo bench`) only: the generated crates of 1,000- and
//!   10,000-code synthetic catalogs, compiled with rustc into `OUT_DIR` as rlibs that the
//!   benchmarks link as `synth_1k` and `synth_10k`. They are real generated crates, too
//!   large to commit; debug builds (tests, clippy) skip them.
//! - With `CATALOG_BENCH_CROSSOVER=1` too (`benches/crossover.rs`): the Relay catalog and
//!   synthetic ones of 128 to 10,000 codes, each generated with every lookup
//!   (`Lookup::Switch`, `PerfectHash`, and up to 1,000 codes `Match` and the strum enum),
//!   as modules of this crate, to measure where the lookups cross over. A minute more of
//!   build, so only on request.

use std::path::{Path, PathBuf};
use std::process::Command;

use errcat::{Catalog, Config, Lookup, Mode, Output, Source};

/// The command the generated files' headers name.
const TOOL: &str = "bench/build.rs";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo::rustc-check-cfg=cfg(synthetic_crates)");
    println!("cargo::rustc-check-cfg=cfg(crossover)");
    println!("cargo::rerun-if-env-changed=CATALOG_BENCH_CROSSOVER");
    println!("cargo::rerun-if-changed=../catalog/relay.yaml");

    let relay_path = manifest.join("../catalog/relay.yaml");
    let relay = generate(
        "catalog/relay.yaml",
        &std::fs::read(&relay_path).expect("the Relay catalog"),
    );
    write(
        &out.join("strum_relay.rs"),
        &devtools::baseline::strum_enum(&relay, "StrumRelayCode", true),
    );

    if std::env::var("PROFILE").as_deref() != Ok("release") {
        return;
    }
    for (name, codes) in [("1k", 1_000), ("10k", 10_000)] {
        let crate_name = format!("synth_{name}");
        let catalog = build_generated_crate(&out, &crate_name, codes);
        let strum_name = format!("Strum{}Code", name.to_uppercase());
        write(
            &out.join(format!("strum_{name}.rs")),
            &devtools::baseline::strum_enum(&catalog, &strum_name, false),
        );
    }
    println!("cargo::rustc-cfg=synthetic_crates");
    println!("cargo::rustc-link-search=all={}", out.display());
    if std::env::var_os("CATALOG_BENCH_CROSSOVER").is_some() {
        write_crossover_modules(&out, &relay_path);
        println!("cargo::rustc-cfg=crossover");
    }
}

/// The sizes the crossover benchmark measures, besides the Relay catalog's 66 codes.
const CROSSOVER_SIZES: [usize; 7] = [128, 256, 512, 1_000, 2_000, 4_000, 10_000];

/// Up to this size a catalog also gets the string `match` and the strum enum, whose
/// build time grows with the square of the size.
const CROSSOVER_MATCH_LIMIT: usize = 1_000;

/// Writes `OUT_DIR/crossover.rs`: one module per catalog and lookup, each the generated
/// code as one file of items (`Output::Module`), named `<catalog>_<lookup>`; and
/// `OUT_DIR/crossover_benches.rs`, the benchmark's `bench_size!` call for each catalog.
fn write_crossover_modules(out: &Path, relay_path: &Path) {
    let mut catalogs = vec![(
        "relay".to_owned(),
        std::fs::read_to_string(relay_path).expect("the Relay catalog"),
    )];
    for codes in CROSSOVER_SIZES {
        catalogs.push((
            format!("s{codes}"),
            devtools::synth::synthetic_catalog(codes),
        ));
    }
    let mut modules = String::new();
    // The benchmarks' calls, one per catalog, so the sizes are listed once (above).
    let mut benches = String::from("{\n");
    for (name, text) in &catalogs {
        let mut measured = Vec::new();
        let mut lookups = vec![("switch", Lookup::Switch), ("hash", Lookup::PerfectHash)];
        let codes = text.matches("\n  - code: ").count();
        if codes <= CROSSOVER_MATCH_LIMIT {
            lookups.push(("matching", Lookup::Match));
        }
        for (lookup_name, lookup) in lookups {
            let generated = Config::new()
                .tool(TOOL)
                .outputs([Output::Module])
                .lookup(lookup)
                .generate(
                    Source {
                        path: "catalog.yaml",
                        bytes: text.as_bytes(),
                    },
                    None,
                )
                .unwrap_or_else(|report| panic!("{report}"));
            let path = out.join(format!("crossover_{name}_{lookup_name}.rs"));
            write(&path, &generated.files[0].contents);
            modules.push_str(&format!(
                "#[allow(dead_code, deprecated, missing_docs)]\npub mod {name}_{lookup_name} {{\n    include!({:?});\n}}\n",
                path.display().to_string()
            ));
            // Shown as `match`, the lookup's name; `match` cannot name a module.
            let shown = if lookup == Lookup::Match {
                "match"
            } else {
                lookup_name
            };
            measured.push(format!("(\"{shown}\", {name}_{lookup_name}::ErrorCode)"));
            if lookup == Lookup::Switch && codes <= CROSSOVER_MATCH_LIMIT {
                let path = out.join(format!("crossover_{name}_strum.rs"));
                write(
                    &path,
                    &devtools::baseline::strum_enum(&generated.catalog, "ErrorCode", false),
                );
                modules.push_str(&format!(
                    "#[allow(dead_code, missing_docs)]\npub mod {name}_strum {{\n    include!({:?});\n}}\n",
                    path.display().to_string()
                ));
            }
        }
        if codes <= CROSSOVER_MATCH_LIMIT {
            measured.push(format!("(\"strum\", {name}_strum::ErrorCode)"));
        }
        let size = name.trim_start_matches('s');
        benches.push_str(&format!(
            "    bench_size!(c, \"{size}\", {name}_switch::ErrorCode, [{}]);\n",
            measured.join(", ")
        ));
    }
    benches.push_str("}\n");
    write(&out.join("crossover.rs"), &modules);
    write(&out.join("crossover_benches.rs"), &benches);
}

fn generate(path: &str, bytes: &[u8]) -> Catalog {
    match Config::new()
        .tool(TOOL)
        .generate(Source { path, bytes }, None)
    {
        Ok(generated) => generated.catalog,
        Err(report) => panic!("{report}"),
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("a writable OUT_DIR");
    std::fs::write(path, contents).expect("a writable OUT_DIR");
}

/// Generates a synthetic catalog of `codes` codes into `OUT_DIR/<crate_name>/` with the
/// library's own build-script path, compiles its crate, optimized, to an rlib, and
/// returns the catalog.
fn build_generated_crate(out: &Path, crate_name: &str, codes: usize) -> Catalog {
    let dir = out.join(crate_name);
    let catalog_path = dir.join("synthetic.yaml");
    write(&catalog_path, &devtools::synth::synthetic_catalog(codes));
    let summary = Config::new()
        .tool(TOOL)
        .catalog(&catalog_path)
        .out_dir(&dir)
        .relative_to(&dir)
        .outputs([Output::Crate])
        .write_locks(false)
        .run(Mode::Write)
        .unwrap_or_else(|error| panic!("{error}"));
    let catalog = summary
        .catalogs
        .into_iter()
        .next()
        .expect("one catalog")
        .catalog;
    let lib_rs = dir.join(&catalog.crate_name).join("src/lib.rs");
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let status = Command::new(rustc)
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "rlib",
            "--crate-name",
            crate_name,
        ])
        .args(["-C", "opt-level=3", "--out-dir"])
        .arg(out)
        .arg(lib_rs)
        .status()
        .expect("rustc runs");
    assert!(
        status.success(),
        "the generated {crate_name} crate compiles"
    );
    catalog
}
