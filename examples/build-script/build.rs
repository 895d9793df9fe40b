//! Generates `errors.yaml` into `OUT_DIR` as one Rust module that `src/lib.rs` includes,
//! the way prost-build's `compile_protos` is used. The build reads `errors.lock` but never
//! writes it: `errcat lock --catalog errors.yaml`, run in this folder, does, and the build
//! warns while it is missing or behind the catalog.

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
