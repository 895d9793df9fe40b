//! Fails when anything under `generated/`, or a catalog's lock, differs from what the
//! catalogs generate.

use catalog_tests::{generate_file, relative, shipped_catalogs, workspace_root};
use codegen::output::{self, FileState, Mode};

#[test]
fn generated_files_match_the_catalogs() {
    let catalogs = shipped_catalogs();
    assert!(!catalogs.is_empty(), "no catalog under catalog/");
    let out_dir = workspace_root().join("generated");
    let mut stale = Vec::new();
    for path in &catalogs {
        let generated = generate_file(path).unwrap_or_else(|report| panic!("{report}"));
        let lock = codegen::GeneratedFile {
            path: codegen::lock::path_for(path),
            contents: generated.lock.clone(),
        };
        let mut outcomes = output::sync(&out_dir, &generated.files, Mode::Check).unwrap();
        // The lock's path is absolute, so joining it to the output folder keeps it as is.
        outcomes.extend(output::sync(&out_dir, &[lock], Mode::Check).unwrap());
        for outcome in outcomes {
            if let FileState::Stale { diff } = outcome.state {
                stale.push(format!("stale: {}\n{diff}", relative(&outcome.path)));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated/ is out of date with catalog/; run `cargo xtask gen` and commit the result.\n\n{}",
        stale.join("\n")
    );
}
