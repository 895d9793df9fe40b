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

use codegen::{Catalog, Source};

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
        &codegen::baseline::strum_enum(&relay, "StrumRelayCode", true),
    );

    if std::env::var("PROFILE").as_deref() != Ok("release") {
        return;
    }
    for (name, codes) in [("1k", 1_000), ("10k", 10_000)] {
        let text = codegen::synth::synthetic_catalog(codes);
        let catalog = generate("synthetic.yaml", text.as_bytes());
        build_generated_crate(&out, &format!("synth_{name}"), &catalog);
        let strum_name = format!("Strum{}Code", name.to_uppercase());
        write(
            &out.join(format!("strum_{name}.rs")),
            &codegen::baseline::strum_enum(&catalog, &strum_name, false),
        );
    }
    println!("cargo::rustc-cfg=synthetic_crates");
    println!("cargo::rustc-link-search=all={}", out.display());
}

fn generate(path: &str, bytes: &[u8]) -> Catalog {
    match codegen::generate(Source { path, bytes }, None) {
        Ok(generated) => generated.catalog,
        Err(report) => panic!("{report}"),
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("a writable OUT_DIR");
    std::fs::write(path, contents).expect("a writable OUT_DIR");
}

/// Writes the generated crate of `catalog` and compiles it, optimized, to an rlib.
fn build_generated_crate(out: &Path, crate_name: &str, catalog: &Catalog) {
    let dir = out.join(crate_name);
    for file in codegen::emit(catalog) {
        let relative = file
            .path
            .strip_prefix(&catalog.crate_name)
            .expect("under the crate");
        write(&dir.join(relative), &file.contents);
    }
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
        .arg(dir.join("src/lib.rs"))
        .status()
        .expect("rustc runs");
    assert!(
        status.success(),
        "the generated {crate_name} crate compiles"
    );
}
