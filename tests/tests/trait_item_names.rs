//! Codes may be named after anything the generated code itself names, and the crate still
//! builds, passes clippy and round-trips every code, under every feature.
//!
//! A variant is always reached as `ErrorCode::Err`, but in a trait impl on the enum
//! `Self::Err` is ambiguous once a code is called `err`, and rustc refuses it.
//! [`TRAIT_AND_PRELUDE_NAMES`] lists every name of that kind; the fixture
//! `trait_item_names.yaml` has a code for each (the snapshot and standalone tests build
//! it with and without features), and the property test below builds crates from random
//! selections of them, in random wire styles, with every envelope, and sends each code
//! through `FromStr`, `Display`, serde, every envelope and axum.
//!
//! A case builds a crate, which takes seconds, so a plain `cargo test` runs 3 cases;
//! `NAME_CASES=40 cargo test -p catalog-tests --test trait_item_names` runs more.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use catalog_tests::{generate_file, workspace_root, TRAIT_AND_PRELUDE_NAMES};
use heck::{ToKebabCase, ToShoutySnakeCase, ToSnakeCase, ToUpperCamelCase};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The package name of every crate the property test builds.
const CRATE: &str = "trait-names-errors";

#[test]
fn the_fixture_has_a_code_for_every_listed_name_in_order() {
    let fixture = workspace_root().join("tests/fixtures/valid/trait_item_names.yaml");
    let generated = generate_file(&fixture).unwrap_or_else(|report| panic!("{report}"));
    let wires: Vec<&str> = generated
        .catalog
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect();
    assert_eq!(wires, TRAIT_AND_PRELUDE_NAMES);
    assert_eq!(generated.catalog.envelopes.len(), 4, "every envelope is on");
}

/// A catalog whose codes and families are named from [`TRAIT_AND_PRELUDE_NAMES`].
#[derive(Clone, Debug)]
struct NamedCatalog {
    /// Lower snake_case family ids, at most as many as there are codes.
    families: Vec<String>,
    codes: Vec<NamedCode>,
}

#[derive(Clone, Debug)]
struct NamedCode {
    wire: String,
    status: u16,
    /// Index into [`NamedCatalog::families`].
    family: usize,
    retryable: bool,
}

/// A name as a wire string in one of the styles the format allows; all give the same
/// variant, so the selection stays free of collisions.
fn styled(name: &str, style: u8) -> String {
    match style {
        0 => name.to_owned(),
        1 => name.to_snake_case(),
        2 => name.to_shouty_snake_case(),
        3 => name.to_kebab_case(),
        4 => name.to_upper_camel_case(),
        _ => name.to_snake_case().replace('_', "/"),
    }
}

/// Up to 48 codes and 4 families from the list. A crate with 48 codes builds about as
/// fast as one with a single code, and each case then covers more of the list.
fn named_catalog() -> impl Strategy<Value = NamedCatalog> {
    let names = proptest::sample::subsequence(TRAIT_AND_PRELUDE_NAMES.to_vec(), 1..=48);
    let families = proptest::sample::subsequence(TRAIT_AND_PRELUDE_NAMES.to_vec(), 1..=4);
    (names, families).prop_flat_map(|(names, families)| {
        let mut ids: Vec<String> = families.iter().map(|name| name.to_snake_case()).collect();
        ids.sort();
        ids.dedup();
        // Every family gets a code, or the catalog would come with a warning.
        ids.truncate(names.len());
        let family_count = ids.len();
        let code_facts = (
            0u8..6,
            proptest::sample::select(vec![400u16, 401, 404, 409, 422, 429, 500, 503]),
            0..family_count,
            any::<bool>(),
        );
        let facts = prop::collection::vec(code_facts, names.len());
        (Just(names), Just(ids), facts).prop_map(|(names, families, facts)| {
            let codes = names
                .iter()
                .zip(facts)
                .enumerate()
                .map(
                    |(index, (name, (style, status, family, retryable)))| NamedCode {
                        wire: styled(name, style),
                        status,
                        family: if index < families.len() {
                            index
                        } else {
                            family
                        },
                        retryable,
                    },
                )
                .collect();
            NamedCatalog { families, codes }
        })
    })
}

impl NamedCatalog {
    /// The catalog as YAML; serde_yaml quotes whatever YAML would read as something else.
    fn yaml(&self) -> String {
        let families: Vec<_> = self
            .families
            .iter()
            .map(|id| serde_json::json!({ "id": id, "title": id }))
            .collect();
        let codes: Vec<_> = self
            .codes
            .iter()
            .map(|code| {
                serde_json::json!({
                    "code": code.wire,
                    "status": code.status,
                    "family": self.families[code.family],
                    "description": format!("Named like {}", code.wire),
                    "resolution": "Nothing to do",
                    "retryable": code.retryable,
                })
            })
            .collect();
        let catalog = serde_json::json!({
            "api": "Trait Names API",
            "crate": CRATE,
            "version": "0.1.0",
            "docs_url": "https://docs.example.com/errors#{anchor}",
            "envelopes": ["linked", "rest", "trpc", "problem"],
            "families": families,
            "codes": codes,
        });
        serde_yaml::to_string(&catalog).expect("a JSON value serializes as YAML")
    }
}

/// An integration test for the generated crate: every code and family, by variant, with
/// what the catalog says about it, through every conversion the crate offers.
fn round_trip_test(catalog: &errcat::Catalog) -> String {
    let krate = CRATE.replace('-', "_");
    let mut codes = String::new();
    for code in &catalog.codes {
        let (variant, wire, status) = (&code.variant, &code.wire, code.status);
        writeln!(codes, "    (ErrorCode::{variant}, {wire:?}, {status}),").unwrap();
    }
    let mut families = String::new();
    for family in &catalog.families {
        let (variant, id) = (&family.variant, &family.id);
        writeln!(families, "    (Family::{variant}, {id:?}),").unwrap();
    }
    format!(
        r#"//! Written by the trait_item_names property test.

use axum_core::response::IntoResponse as _;
use {krate}::envelopes::{{Code, LinkedBody, Problem, RestBody, TrpcBody}};
use {krate}::{{ErrorCode, Family}};

const CODES: &[(ErrorCode, &str, u16)] = &[
{codes}];

const FAMILIES: &[(Family, &str)] = &[
{families}];

fn round_trip<T>(body: &T)
where
    T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + core::fmt::Debug,
{{
    let json = serde_json::to_string(body).unwrap();
    assert_eq!(&serde_json::from_str::<T>(&json).unwrap(), body, "{{json}}");
}}

#[test]
fn every_code_round_trips() {{
    assert_eq!(ErrorCode::ALL.len(), CODES.len());
    for &(code, wire, status) in CODES {{
        assert_eq!(code.as_str(), wire);
        assert_eq!(code.to_string(), wire);
        assert_eq!(wire.parse::<ErrorCode>(), Ok(code));
        assert_eq!(ErrorCode::from_wire(wire), Some(code));
        assert_eq!(code.http_status(), status);
        assert_eq!(code.status_code().as_u16(), status);
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, serde_json::to_string(wire).unwrap());
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
        assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), Code::Known(code));
        round_trip(&LinkedBody::error(code, "req_1"));
        round_trip(&RestBody::new(code));
        round_trip(&TrpcBody::new(code, "procedure.name"));
        round_trip(&Problem::new(code));
        assert_eq!(RestBody::new(code).into_response().status().as_u16(), status);
        assert!(code.families().contains(&code.family()));
        assert!(code.family().codes().contains(&code));
    }}
}}

#[test]
fn every_family_keeps_its_id() {{
    assert_eq!(Family::ALL.len(), FAMILIES.len());
    for &(family, id) in FAMILIES {{
        assert_eq!(family.id(), id);
        assert_eq!(family.to_string(), id);
        assert!(!family.codes().is_empty());
    }}
}}
"#
    )
}

/// One crate folder, reused by every case so that cargo only rebuilds the crate itself.
struct Workspace {
    dir: tempfile::TempDir,
    target: PathBuf,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        // A workspace of its own, or cargo would look for one in the folders above.
        let manifest = format!("[workspace]\nresolver = \"2\"\nmembers = [{CRATE:?}]\n");
        std::fs::write(dir.path().join("Cargo.toml"), manifest).unwrap();
        // The standalone tests' target: the dependencies are built there already.
        let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("standalone-target");
        Workspace { dir, target }
    }

    fn cargo(&self, args: &[&str]) -> Result<(), TestCaseError> {
        catalog_tests::cargo(self.dir.path(), &self.target, args, &[]).map_err(TestCaseError::fail)
    }

    /// Generates `catalog`'s crate, adds the round-trip test, and builds and runs it.
    fn check(&self, catalog: &NamedCatalog) -> Result<(), TestCaseError> {
        let yaml = catalog.yaml();
        let source = errcat::Source {
            path: "trait_names.yaml",
            bytes: yaml.as_bytes(),
        };
        let generated = catalog_tests::config()
            .generate(source, None)
            .map_err(|report| TestCaseError::fail(format!("{yaml}\n{report}")))?;
        prop_assert!(generated.warnings.is_none(), "{:?}", generated.warnings);
        for file in &generated.files {
            write(&self.dir.path().join(&file.path), &file.contents);
        }
        write(
            &self.dir.path().join(CRATE).join("tests/round_trip.rs"),
            &round_trip_test(&generated.catalog),
        );
        self.cargo(&[
            "clippy",
            "--quiet",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ])?;
        self.cargo(&["test", "--quiet", "--all-features"])
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[test]
fn crates_named_after_trait_items_build_and_round_trip_every_code() {
    let cases = std::env::var("NAME_CASES")
        .ok()
        .map(|cases| cases.parse().expect("NAME_CASES is a number"))
        .unwrap_or(3);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        // Each shrinking step builds a crate; a few dozen find a small failing selection.
        max_shrink_iters: 32,
        ..Config::default()
    });
    let workspace = Workspace::new();
    runner
        .run(&named_catalog(), |catalog| workspace.check(&catalog))
        .unwrap_or_else(|error| panic!("{error}"));
}
