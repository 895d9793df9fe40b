//! Generates `errors.yaml` into `OUT_DIR` as one Rust module that `src/lib.rs` includes,
//! the way prost-build's `compile_protos` is used.

use errcat::{Config, Feature, Output};

fn main() -> Result<(), errcat::Error> {
    Config::new()
        .catalog("errors.yaml")
        .outputs([Output::Module])
        .module_features([Feature::Serde])
        .tool("cargo build")
        .compile()?;
    Ok(())
}
