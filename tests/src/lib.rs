//! Helpers shared by the repository's tests.
//!
//! The README is included below as a hidden item, so that its Rust examples run as
//! doctests and cannot drift from the generated crates.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;

use std::path::{Path, PathBuf};
use std::process::Command;

use errcat::{Config, Generated, Report, Source};

/// The repository root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is a folder of the repository")
        .to_path_buf()
}

/// `path` relative to the repository, with `/` separators, as the generator shows it.
pub fn relative(path: &Path) -> String {
    path.strip_prefix(workspace_root())
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The generator as `cargo xtask gen` configures it, without catalogs: paths shown
/// relative to the repository, headers naming the xtask.
pub fn config() -> Config {
    let mut config = Config::new();
    config.tool("cargo xtask gen").relative_to(workspace_root());
    config
}

/// [`config`] with the shipped catalogs, into `generated/`: `cargo xtask gen` itself.
pub fn shipped_config() -> Config {
    let root = workspace_root();
    let mut config = config();
    config
        .catalog_dir(root.join("catalog"))
        .catalog_schema_in(root.join("catalog"))
        .out_dir(root.join("generated"));
    config
}

/// Generates the catalog at `path` with [`config`], named by its path relative to the
/// repository, checked against the lock beside it (`<name>.lock`) when there is one.
pub fn generate_file(path: &Path) -> Result<Generated, Report> {
    generate_file_with(&config(), path)
}

/// [`generate_file`] with another configuration, e.g. another lookup.
pub fn generate_file_with(config: &Config, path: &Path) -> Result<Generated, Report> {
    let read =
        |path: &Path| std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let bytes = read(path);
    let lock_path = errcat::lock_path(path);
    let lock_bytes = lock_path.exists().then(|| read(&lock_path));
    let (name, lock_name) = (relative(path), relative(&lock_path));
    let lock = lock_bytes.as_deref().map(|bytes| Source {
        path: &lock_name,
        bytes,
    });
    config.generate(
        Source {
            path: &name,
            bytes: &bytes,
        },
        lock,
    )
}

/// Generates catalog text that has no file, as `name`, with [`config`].
pub fn generate_text(name: &str, text: &str) -> Result<Generated, Report> {
    let source = Source {
        path: name,
        bytes: text.as_bytes(),
    };
    config().generate(source, None)
}

/// Every `*.yaml` in `dir`, sorted.
pub fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .collect();
    files.sort();
    files
}

/// The shipped catalogs, `catalog/*.yaml`.
pub fn shipped_catalogs() -> Vec<PathBuf> {
    yaml_files(&workspace_root().join("catalog"))
}

/// Runs `cargo <args>` offline in `dir`, building into `target`, and returns its output
/// when it fails.
///
/// Tests that build generated crates share one `target` (under `CARGO_TARGET_TMPDIR`),
/// so the crates' dependencies are compiled once and kept between test runs. `RUSTFLAGS`
/// is dropped so that a caller's flags do not invalidate that cache.
pub fn cargo(
    dir: &Path,
    target: &Path,
    args: &[&str],
    envs: &[(&str, &str)],
) -> Result<(), String> {
    let (subcommand, rest) = args.split_first().expect("a cargo subcommand");
    let output = Command::new(env!("CARGO"))
        .arg(subcommand)
        .arg("--offline")
        .arg("--target-dir")
        .arg(target)
        .args(rest)
        .current_dir(dir)
        .envs(envs.iter().copied())
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    if output.status.success() {
        Ok(())
    } else {
        // A failing test run says why on stdout; cargo itself writes to stderr.
        Err(format!(
            "cargo {} failed in {}:\n{}{}",
            args.join(" "),
            dir.display(),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

/// Code names that read like what the generated crates name through `Self::`, call
/// unqualified or define themselves: every associated type, const and method of every
/// trait the generated code implements or calls, the prelude, the primitive types, and
/// the generated crate's own items and dependencies.
///
/// A variant may be named like any of them (`err` becomes `ErrorCode::Err`), and the
/// crate must still build, under every feature, without a warning. No two names give the
/// same variant, and none is a keyword, so any selection is a valid catalog; each is
/// spelled as Rust spells the item, and works as a wire string or, snake-cased, a family
/// id. `tests/fixtures/valid/trait_item_names.yaml` has a code for each, the property
/// test in `tests/tests/trait_item_names.rs` builds crates from random selections, and
/// the fuzz target draws wire strings from it.
pub const TRAIT_AND_PRELUDE_NAMES: &[&str] = &[
    // core::str::FromStr, core::fmt::{Display, Debug}, core::error::Error.
    "Err",
    "from_str",
    "fmt",
    "Formatter",
    "Display",
    "Debug",
    "Error",
    "source",
    "description",
    "cause",
    "provide",
    // core::convert, core::cmp, core::hash, core::clone, core::default.
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "AsRef",
    "PartialEq",
    "Eq",
    "ne",
    "PartialOrd",
    "Ord",
    "cmp",
    "partial_cmp",
    "Ordering",
    "Hash",
    "Hasher",
    "Clone",
    "Copy",
    "Default",
    // Associated types of the iterator, deref, operator, future and ownership traits.
    "Item",
    "IntoIter",
    "Iterator",
    "IntoIterator",
    "next",
    "Target",
    "deref",
    "Output",
    "add",
    "index",
    "poll",
    "Owned",
    "ToOwned",
    "Residual",
    // serde: Serialize, Serializer and its associated types.
    "Serialize",
    "Serializer",
    "Ok",
    "SerializeSeq",
    "SerializeTuple",
    "SerializeTupleStruct",
    "SerializeTupleVariant",
    "SerializeMap",
    "SerializeStruct",
    "SerializeStructVariant",
    "serialize_str",
    "serialize_field",
    "skip_field",
    "end",
    // serde: Deserialize, Deserializer, Visitor, DeserializeSeed, MapAccess, de::Error.
    "Deserialize",
    "Deserializer",
    "deserialize_str",
    "deserialize_struct",
    "deserialize_identifier",
    "Visitor",
    "Value",
    "expecting",
    "visit_str",
    "visit_map",
    "DeserializeSeed",
    "MapAccess",
    "next_key_seed",
    "next_value",
    "EnumAccess",
    "Variant",
    "custom",
    "invalid_value",
    "missing_field",
    "IgnoredAny",
    "Unexpected",
    // http, axum-core and serde_json.
    "IntoResponse",
    "Response",
    "Rejection",
    "StatusCode",
    "HeaderValue",
    "CONTENT_TYPE",
    "INTERNAL_SERVER_ERROR",
    "from_u16",
    "from_static",
    "Map",
    "to_vec",
    // The prelude.
    "Option",
    "Some",
    "None",
    "Result",
    "String",
    "Vec",
    "Box",
    "ToString",
    "Send",
    "Sync",
    "Sized",
    "Unpin",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "Extend",
    "FromIterator",
    // Primitive types.
    "bool",
    "char",
    "str",
    "u16",
    "u32",
    "u64",
    "usize",
    "f64",
    // The generated crate's own modules, items and dependencies.
    "core",
    "alloc",
    "std",
    "serde",
    "serde_json",
    "http",
    "axum_core",
    "crate",
    "super",
    "ErrorCode",
    "Family",
    "UnknownErrorCode",
    "ErrorCodeVisitor",
    "Code",
    "Known",
    "Unknown",
    "CodeVisitor",
    "CodeMeta",
    "FamilyMeta",
    "CODES",
    "FAMILIES",
    "ALL",
    "meta",
    "as_str",
    "from_wire",
    "http_status",
    "docs_url",
    "retry",
    "tables",
    "envelopes",
    "Backoff",
    "Duration",
    "LinkedBody",
    "LinkedError",
    "RestBody",
    "RestError",
    "TrpcBody",
    "TrpcError",
    "TrpcData",
    "Problem",
    "PROBLEM_JSON",
    "JSON",
    "FieldIndex",
    "Fields",
    "KEYS",
    "wire_hash",
    "SLOTS",
    "DISPLACEMENTS",
    "HASH_MULTIPLIER",
    "HASH_SEED",
    "json_response",
    "TrpcResponse",
    "TrpcBatch",
    "TrpcResult",
    "JsonRpcCode",
    "trpc_code",
    "TRPC_INTERNAL_SERVER_ERROR",
];

/// The anchors GitHub gives headings with these texts, in page order, as github-slugger
/// makes them (mdBook's are the same for ASCII headings): lower case; letters, digits,
/// `-` and `_` kept, spaces made `-`, anything else dropped; a repeat gets `-1`, `-2`...,
/// its base's count going up until the anchor is free. Written here, apart from the
/// generator's `outline::Slugger`, so that the tests check it.
pub fn github_anchors<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut taken: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut anchors = Vec::new();
    for text in texts {
        let base: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut anchor = base.clone();
        while taken.contains_key(&anchor) {
            let count = taken.get_mut(&base).expect("the base is taken");
            *count += 1;
            anchor = format!("{base}-{count}");
        }
        taken.insert(anchor.clone(), 0);
        anchors.push(anchor);
    }
    anchors
}
