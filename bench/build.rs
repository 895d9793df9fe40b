//! Prepares what the benchmarks compare.
//!
//! - `strum_*.rs`: the hand-written alternative to each generated crate, an enum with
//!   strum and serde derives plus `match` accessors, as a team would write it.
//! - In release builds (`cargo bench`) only: the generated crates of 1,000- and
//!   10,000-code synthetic catalogs, compiled with rustc into `OUT_DIR` as rlibs that the
//!   benchmarks link as `synth_1k` and `synth_10k`. They are real generated crates, too
//!   large to commit; debug builds (tests, clippy) skip them.

use std::fmt::Write as _;
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
        &strum_enum("StrumRelayCode", &relay, true),
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
            &strum_enum(&strum_name, &catalog, false),
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

/// The enum a team would write by hand for `catalog`: strum for parsing and printing,
/// serde derives (when `serde`), and a `match` per accessor.
fn strum_enum(name: &str, catalog: &Catalog, serde: bool) -> String {
    let derives = if serde {
        "Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr, serde::Serialize, serde::Deserialize"
    } else {
        "Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumString, strum::IntoStaticStr"
    };
    let mut out = format!("/// The hand-written alternative: strum and serde derives.\n#[derive({derives})]\npub enum {name} {{\n");
    for code in &catalog.codes {
        let serde_rename = if serde {
            format!("    #[serde(rename = {:?})]\n", code.wire)
        } else {
            String::new()
        };
        let _ = write!(
            out,
            "    #[strum(serialize = {:?})]\n{serde_rename}    {},\n",
            code.wire, code.variant
        );
    }
    out.push_str("}\n\n");
    let _ = write!(out, "impl {name} {{\n    /// Every code, in catalog order.\n    pub const ALL: &'static [{name}] = &[\n");
    for code in &catalog.codes {
        let _ = writeln!(out, "        {name}::{},", code.variant);
    }
    out.push_str("    ];\n\n    /// The wire string, by strum.\n    pub fn as_str(self) -> &'static str {\n        self.into()\n    }\n\n");
    out.push_str("    /// The HTTP status, by `match`.\n    pub fn http_status(self) -> u16 {\n        match self {\n");
    for code in &catalog.codes {
        let _ = writeln!(
            out,
            "            {name}::{} => {},",
            code.variant, code.status
        );
    }
    out.push_str("        }\n    }\n\n    /// The documentation link, by `match`.\n    pub fn docs_url(self) -> &'static str {\n        match self {\n");
    for code in &catalog.codes {
        let _ = writeln!(
            out,
            "            {name}::{} => {:?},",
            code.variant, code.docs_url
        );
    }
    out.push_str("        }\n    }\n}\n");
    out
}
