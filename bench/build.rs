//! Prepares what the benchmarks compare.
//!
//! - `strum_*.rs`: the hand-written alternative to each generated crate, an enum with
//!   strum and serde derives plus `match` accessors, as a team would write it.
//! - In release builds (`cargo bench`) only: the generated crates of 1,000- and
//!   10,000-code synthetic catalogs, compiled with rustc into `OUT_DIR` as rlibs that the
//!   benchmarks link as `synth_1k` and `synth_10k`. They are real generated crates, too
//!   large to commit; debug builds (tests, clippy) skip them.

use std::path::{Path, PathBuf};
use std::process::Command;

use codegen::{Catalog, Config, Mode, Output, Source};

/// The command the generated files' headers name.
const TOOL: &str = "bench/build.rs";

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    println!("cargo::rustc-check-cfg=cfg(synthetic_crates)");
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
