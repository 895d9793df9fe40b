//! A custom xtask of another repository, reduced to what it needs from the generator:
//! one [`Config`] that names this repository's catalogs, output folder and command.

use std::path::Path;

use errcat::{Config, Output};

/// The command that regenerates this repository's error crates.
pub const TOOL: &str = "cargo run -p example-xtask";

/// The generator as this repository uses it: every `catalog/*.yaml` into `generated/`,
/// the Rust crates only (this API publishes its docs elsewhere).
pub fn config() -> Config {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut config = Config::new();
    config
        .tool(TOOL)
        .relative_to(root)
        .catalog_dir(root.join("catalog"))
        .out_dir(root.join("generated"))
        .outputs([Output::Crate]);
    config
}
