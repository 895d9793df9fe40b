//! Property tests of the whole pipeline (load, validate, lock check, emit) on hostile
//! input: it never panics, not on random bytes, damaged locks or versions at the edge of
//! `u64`; whatever it accepts becomes Rust that parses and Markdown whose tables keep
//! their shape; and a sample of what it accepts builds under clippy and rustdoc.
//!
//! The plain tests run a few hundred cases on every `cargo test`. The `#[ignore]`d ones
//! are the long fuzz run:
//! `FUZZ_CASES=1000000 FUZZ_SECONDS=900 cargo test --release -p catalog-tests --test fuzz -- --ignored --nocapture`.

use catalog_tests::TRAIT_AND_PRELUDE_NAMES;
use proc_macro2::{TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_yaml::{Mapping, Value};

/// Runs load + validate + emit and checks what comes out when the input is accepted.
fn check_pipeline(bytes: &[u8]) -> Result<(), TestCaseError> {
    let catalog = errcat::Source {
        path: "fuzz.yaml",
        bytes,
    };
    let Ok(generated) = catalog_tests::config().generate(catalog, None) else {
        return Ok(());
    };
    for file in &generated.files {
        let path = file.path.to_string_lossy();
        if path.ends_with(".rs") {
            syn::parse_file(&file.contents)
                .map_err(|e| TestCaseError::fail(format!("{path} does not parse: {e}")))?;
            check_no_self_path_meets_a_variant(&generated.catalog, &path, &file.contents)?;
        } else if path.ends_with(".md") {
            check_tables(&file.contents)?;
        }
    }
    Ok(())
}

/// No `Self::X` in the generated code where `X` is also a variant: in a trait impl on
/// the enum that path is ambiguous (`Self::Err` in `impl FromStr`), so the generator
/// names variants through their enum and associated items through concrete types.
/// Tokens are compared, not text, so a description that says `Self::Err` is no match.
fn check_no_self_path_meets_a_variant(
    catalog: &errcat::Catalog,
    path: &str,
    source: &str,
) -> Result<(), TestCaseError> {
    let codes = catalog.codes.iter().map(|code| code.variant.as_str());
    let families = catalog
        .families
        .iter()
        .map(|family| family.variant.as_str());
    let variants: Vec<&str> = codes.chain(families).collect();
    let tokens: TokenStream = source.parse().expect("the file parsed with syn above");
    let mut names = Vec::new();
    self_paths(tokens, &mut names);
    for name in names {
        prop_assert!(
            !variants.contains(&name.as_str()),
            "{path} names `Self::{name}`, which is also a variant"
        );
    }
    Ok(())
}

/// The `X` of every `Self::X` in `tokens`, at any depth.
fn self_paths(tokens: TokenStream, names: &mut Vec<String>) {
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (index, token) in tokens.iter().enumerate() {
        if let TokenTree::Group(group) = token {
            self_paths(group.stream(), names);
        }
        if let [TokenTree::Ident(first), TokenTree::Punct(colon), TokenTree::Punct(colon2), TokenTree::Ident(name), ..] =
            &tokens[index..]
        {
            if first == "Self" && colon.as_char() == ':' && colon2.as_char() == ':' {
                names.push(name.to_string());
            }
        }
    }
}

/// Every row of every table has as many cells as the table's header.
fn check_tables(markdown: &str) -> Result<(), TestCaseError> {
    let mut header_cells = 0;
    let mut cells = 0;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => cells = 0,
            Event::Start(Tag::TableCell) => cells += 1,
            Event::End(TagEnd::TableHead) => header_cells = cells,
            Event::End(TagEnd::TableRow) => {
                prop_assert_eq!(cells, header_cells, "a row lost its shape")
            }
            _ => {}
        }
    }
    Ok(())
}

/// Text with every character Markdown, HTML, YAML or Rust treat specially.
fn hostile_text() -> impl Strategy<Value = String> {
    prop_oneof![
        30 => "[a-zA-Z0-9<>|*_`#\\[\\](){}!&$~\\\\\"':;,./=+-][a-zA-Z0-9 <>|*_`#\\[\\](){}!&$~\\\\\"':;,./=+-]{0,40}",
        5 => "[a-z]\\PC{0,20}",
        5 => "[ \n\t]{0,3}[a-z]{1,5}\n[#>=*-][a-z ]{0,10}",
        // Invisible, direction-changing and control characters (the `\PC` above never
        // gives them): some are refused, the rest must not break a comment or a string.
        5 => "[a-z ]{0,5}[\\x{0}-\\x{1f}\\x{7f}-\\x{9f}\\x{200b}-\\x{200f}\\x{2028}\\x{2029}\\x{202a}-\\x{202e}\\x{2066}-\\x{2069}\\x{feff}][a-z ]{0,5}",
        1 => Just(String::new()),
    ]
}

/// One line of hostile text, as a link's title or a table cell holds it; now and then
/// anything [`hostile_text`] gives (two lines, nothing, a control), to be refused.
fn hostile_line() -> impl Strategy<Value = String> {
    prop_oneof![
        9 => "[a-zA-Z0-9<>|*_`#\\[\\](){}!&$~\\\\\"':;,./=+-][a-zA-Z0-9 <>|*_`#\\[\\](){}!&$~\\\\\"':;,./=+-]{0,40}",
        1 => hostile_text(),
    ]
}

/// Wire strings: mostly random, often the names the generated code itself uses (see
/// [`TRAIT_AND_PRELUDE_NAMES`]), sometimes invalid.
fn wire_string() -> impl Strategy<Value = String> {
    prop_oneof![
        45 => "[A-Za-z][A-Za-z0-9_./-]{0,12}",
        15 => proptest::sample::select(TRAIT_AND_PRELUDE_NAMES).prop_map(str::to_owned),
        1 => "\\PC{0,8}",
        1 => Just("Self".to_owned()),
        1 => Just("self".to_owned()),
    ]
}

fn family_id() -> impl Strategy<Value = String> {
    prop_oneof![60 => "[a-z][a-z0-9_]{0,6}", 1 => "\\PC{0,6}", 1 => Just("self".to_owned())]
}

fn status() -> impl Strategy<Value = Value> {
    prop_oneof![
        60 => (400u64..600).prop_map(Value::from),
        1 => (0u64..1000).prop_map(Value::from),
        1 => "[a-z0-9. ]{0,6}".prop_map(Value::from),
        1 => Just(Value::from(404.5)),
    ]
}

fn family_entry() -> impl Strategy<Value = Value> {
    (
        family_id(),
        hostile_text(),
        proptest::option::of(hostile_text()),
    )
        .prop_map(|(id, title, description)| {
            let mut map = Mapping::new();
            map.insert("id".into(), id.into());
            map.insert("title".into(), title.into());
            if let Some(description) = description {
                map.insert("description".into(), description.into());
            }
            Value::Mapping(map)
        })
}

/// Detail keys: mostly the names the generated arms and types use themselves, so a
/// detail that shadows one is caught, and sometimes invalid ones.
fn detail_key() -> impl Strategy<Value = String> {
    prop_oneof![
        20 => "[a-z][a-zA-Z0-9_]{0,8}",
        10 => proptest::sample::select(&[
            "f", "i", "item", "value", "details", "object", "error", "code", "message",
            "type", "self", "Self", "crate", "String", "Vec", "Option", "Some", "retryAfter",
            "retry_after", "key", "map", "state", "serializer",
        ][..])
        .prop_map(str::to_owned),
        1 => "\\PC{0,4}",
    ]
}

/// A detail spec, nested up to `depth` levels: a short type name, or a long form with
/// any of its keys, sometimes where they do not belong.
fn detail_spec(depth: u32) -> BoxedStrategy<Value> {
    let scalar = prop_oneof![
        Just("string"),
        Just("integer"),
        Just("number"),
        Just("boolean"),
        Just("string"),
    ]
    .prop_map(Value::from);
    if depth == 0 {
        return scalar.boxed();
    }
    let values =
        prop::collection::vec(wire_string().prop_map(Value::from), 0..4).prop_map(Value::Sequence);
    let example = prop_oneof![
        Just(Value::from("an example")),
        Just(Value::from(42)),
        Just(Value::from(1.5)),
        Just(Value::from(true)),
    ];
    let long = (
        prop_oneof![
            Just("string"),
            Just("integer"),
            Just("number"),
            Just("boolean"),
            Just("enum"),
            Just("list"),
            Just("object"),
        ],
        proptest::option::of(hostile_text()),
        any::<Option<bool>>(),
        proptest::option::weighted(0.3, example),
        detail_spec(depth - 1),
        prop::collection::vec((detail_key(), detail_spec(depth - 1)), 1..3),
        values,
    )
        .prop_map(
            |(ty, description, optional, example, item, fields, values)| {
                let mut map = Mapping::new();
                map.insert("type".into(), ty.into());
                if let Some(description) = description {
                    map.insert("description".into(), description.into());
                }
                if let Some(optional) = optional {
                    map.insert("optional".into(), optional.into());
                }
                // An example of each type but mostly of its own, so most are accepted.
                if let Some(example) = example.filter(|e| e.is_string() == (ty == "string")) {
                    map.insert("example".into(), example);
                }
                match ty {
                    "list" => {
                        map.insert("items".into(), item);
                    }
                    "object" => {
                        let fields = fields
                            .into_iter()
                            .map(|(k, v)| (Value::from(k), v))
                            .collect();
                        map.insert("fields".into(), Value::Mapping(fields));
                    }
                    "enum" => {
                        map.insert("values".into(), values);
                    }
                    _ => {}
                }
                Value::Mapping(map)
            },
        );
    prop_oneof![2 => scalar, 3 => long].boxed()
}

/// A code's `details` and `message`: the message inserts mostly the code's own keys,
/// sometimes others, with literal and stray braces and hostile text between.
fn details_and_message() -> impl Strategy<Value = (Value, Option<String>)> {
    prop::collection::vec((detail_key(), detail_spec(2)), 1..4).prop_flat_map(|details| {
        let keys: Vec<String> = details.iter().map(|(key, _)| key.clone()).collect();
        let piece = prop_oneof![
            6 => proptest::sample::select(keys).prop_map(|key| format!("{{{key}}}")),
            1 => detail_key().prop_map(|key| format!("{{{key}}}")),
            4 => "[a-zA-Z0-9 <>|*_`#&\"'.,:;\\\\é]{1,12}",
            1 => Just("{{literal}}".to_owned()),
            1 => Just("{".to_owned()),
        ];
        let message = proptest::option::of(prop::collection::vec(piece, 1..5));
        let details: Mapping = details
            .into_iter()
            .map(|(k, v)| (Value::from(k), v))
            .collect();
        (Just(Value::Mapping(details)), message)
            .prop_map(|(details, message)| (details, message.map(|pieces| pieces.concat())))
    })
}

fn code_entry(family_ids: Vec<String>) -> impl Strategy<Value = Value> {
    let most = family_ids.len().min(3);
    let families = proptest::sample::subsequence(family_ids.clone(), most.min(1)..=most);
    (
        wire_string(),
        status(),
        families,
        hostile_text(),
        hostile_text(),
        any::<Option<bool>>(),
        proptest::option::weighted(
            0.2,
            prop_oneof![20 => Just("api_keys".to_owned()), 1 => "[a-z]{1,4}"],
        ),
        proptest::option::weighted(
            0.1,
            prop_oneof![
                10 => Just("https://x.dev/{code}".to_owned()),
                1 => "https?://[a-z{}#/]{0,12}",
            ],
        ),
        proptest::option::weighted(0.25, details_and_message()),
    )
        .prop_map(
            |(
                wire,
                status,
                families,
                description,
                resolution,
                retryable,
                action,
                docs_url,
                details,
            )| {
                let mut map = Mapping::new();
                map.insert("code".into(), wire.into());
                map.insert("status".into(), status);
                let families: Vec<Value> = families.into_iter().map(Value::from).collect();
                map.insert("family".into(), Value::Sequence(families));
                map.insert("description".into(), description.into());
                map.insert("resolution".into(), resolution.into());
                if let Some(retryable) = retryable {
                    map.insert("retryable".into(), retryable.into());
                }
                if let Some(action) = action {
                    map.insert("action".into(), action.into());
                }
                if let Some(url) = docs_url {
                    map.insert("docs_url".into(), url.into());
                }
                if let Some((details, message)) = details {
                    map.insert("details".into(), details);
                    if let Some(message) = message {
                        map.insert("message".into(), message.into());
                    }
                }
                Value::Mapping(map)
            },
        )
}

/// A catalog-shaped YAML document: mostly valid, with every field sometimes wrong.
fn catalog_yaml() -> impl Strategy<Value = String> {
    prop::collection::vec(family_entry(), 1..5)
        .prop_flat_map(|families| {
            let ids: Vec<String> = families
                .iter()
                .filter_map(|f| f.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect();
            let codes = prop::collection::vec(code_entry(ids), 1..8);
            let extra_key = prop::option::weighted(0.05, "[a-z]{1,6}");
            // An action's title and the `statuses` texts are one line of text: hostile,
            // and now and then on two lines, empty, or under a key that is no status.
            let action_title = prop::option::weighted(0.3, hostile_line());
            let status_key = prop_oneof![
                20 => (400u16..600).prop_map(|status| status.to_string()),
                1 => "[0-9a-z]{0,4}",
            ];
            let statuses = prop::option::weighted(
                0.3,
                prop::collection::vec((status_key, hostile_line()), 1..4),
            );
            let envelopes = proptest::sample::subsequence(
                vec!["linked", "rest", "trpc", "problem"],
                0..=4,
            );
            (
                Just(families),
                (codes, envelopes),
                hostile_text(),
                prop_oneof![20 => "[a-z][a-z0-9]{0,4}(-[a-z0-9]{1,3}){0,2}", 1 => "[a-zA-Z][a-z0-9_-]{0,8}"],
                (extra_key, action_title, statuses),
            )
        })
        .prop_map(|(families, (codes, envelopes), api, crate_name, (extra_key, action_title, statuses))| {
            let mut map = Mapping::new();
            map.insert("api".into(), api.into());
            map.insert("crate".into(), crate_name.into());
            map.insert("version".into(), "0.1.0".into());
            map.insert(
                "docs_url".into(),
                "https://docs.example.com/errors#{anchor}".into(),
            );
            let url = "https://dash.example.com/keys";
            let action = match action_title {
                Some(title) => {
                    let mut link = Mapping::new();
                    link.insert("url".into(), url.into());
                    link.insert("title".into(), title.into());
                    Value::Mapping(link)
                }
                None => url.into(),
            };
            let mut actions = Mapping::new();
            actions.insert("api_keys".into(), action);
            map.insert("actions".into(), Value::Mapping(actions));
            if let Some(statuses) = statuses {
                let statuses = statuses
                    .into_iter()
                    .map(|(status, text)| (Value::from(status), Value::from(text)))
                    .collect();
                map.insert("statuses".into(), Value::Mapping(statuses));
            }
            let envelopes = envelopes.into_iter().map(Value::from).collect();
            map.insert("envelopes".into(), Value::Sequence(envelopes));
            map.insert("families".into(), Value::Sequence(families));
            map.insert("codes".into(), Value::Sequence(codes));
            if let Some(key) = extra_key {
                map.insert(key.into(), "surprise".into());
            }
            serde_yaml::to_string(&Value::Mapping(map)).expect("a YAML value serializes")
        })
}

fn run(cases: u32, strategy: impl Strategy<Value = Vec<u8>>) {
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |bytes| check_pipeline(&bytes))
        .unwrap_or_else(|e| panic!("{e}"));
}

/// The long run's budget: `FUZZ_CASES` cases (default 100,000), or `FUZZ_SECONDS`
/// seconds if that is set, whichever ends first.
fn long_run<S: Strategy<Value = Vec<u8>>>(strategy: impl Fn() -> S, name: &str) {
    let cases: u64 = env_number("FUZZ_CASES").unwrap_or(100_000);
    let seconds = env_number("FUZZ_SECONDS").unwrap_or(u64::MAX);
    let started = std::time::Instant::now();
    let mut done = 0;
    while done < cases && started.elapsed().as_secs() < seconds {
        let batch = (cases - done).min(10_000);
        run(batch as u32, strategy());
        done += batch;
    }
    eprintln!(
        "{name}: {done} cases in {:.0?} without a failure",
        started.elapsed()
    );
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok()?.parse().ok()
}

fn arbitrary_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..400),
        // Bytes that mostly look like YAML get further into the loader.
        "[a-z:{}\\[\\]\"'&*!|>#, \n\t-]{0,200}".prop_map(String::into_bytes),
    ]
}

#[test]
fn arbitrary_bytes_never_panic() {
    run(512, arbitrary_bytes());
}

#[test]
fn accepted_catalogs_become_rust_that_parses_and_markdown_that_keeps_its_shape() {
    run(256, catalog_yaml().prop_map(String::into_bytes));
}

#[test]
#[ignore = "long fuzz run; see the module docs"]
fn fuzz_arbitrary_bytes() {
    long_run(arbitrary_bytes, "arbitrary bytes");
}

#[test]
#[ignore = "long fuzz run; see the module docs"]
fn fuzz_catalogs() {
    long_run(|| catalog_yaml().prop_map(String::into_bytes), "catalogs");
}

/// One edit of a lock's text: a line dropped, doubled or swapped with the next, the text
/// cut at a byte, one byte replaced, or a number replaced by an extreme one.
#[derive(Debug, Clone)]
enum LockEdit {
    DropLine(usize),
    DoubleLine(usize),
    SwapLines(usize),
    CutAt(usize),
    SetByte(usize, u8),
    ReplaceNumber(usize, &'static str),
}

const EXTREME_NUMBERS: &[&str] = &[
    "18446744073709551615",
    "18446744073709551616",
    "99999999999999999999999",
    "0",
    "-1",
    "",
];

fn lock_edit() -> impl Strategy<Value = LockEdit> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        index().prop_map(|i| LockEdit::DropLine(i.index(1 << 16))),
        index().prop_map(|i| LockEdit::DoubleLine(i.index(1 << 16))),
        index().prop_map(|i| LockEdit::SwapLines(i.index(1 << 16))),
        index().prop_map(|i| LockEdit::CutAt(i.index(1 << 16))),
        (index(), any::<u8>()).prop_map(|(i, b)| LockEdit::SetByte(i.index(1 << 16), b)),
        (index(), prop::sample::select(EXTREME_NUMBERS))
            .prop_map(|(i, n)| LockEdit::ReplaceNumber(i.index(1 << 16), n)),
    ]
}

fn apply(edit: &LockEdit, lock: &str) -> Vec<u8> {
    let mut lines: Vec<&str> = lock.split_inclusive('\n').collect();
    if lines.is_empty() || !lock.bytes().any(|b| b.is_ascii_digit()) {
        return lock.as_bytes().to_vec();
    }
    let line = |i: usize| i % lines.len();
    match *edit {
        LockEdit::DropLine(i) => {
            lines.remove(line(i));
        }
        LockEdit::DoubleLine(i) => lines.insert(line(i), lines[line(i)]),
        LockEdit::SwapLines(i) => {
            let at = line(i);
            let next = (at + 1) % lines.len();
            lines.swap(at, next);
        }
        LockEdit::CutAt(i) => return lock.as_bytes()[..i % (lock.len() + 1)].to_vec(),
        LockEdit::SetByte(i, byte) => {
            let mut bytes = lock.as_bytes().to_vec();
            let at = i % bytes.len();
            bytes[at] = byte;
            return bytes;
        }
        LockEdit::ReplaceNumber(i, number) => {
            let numbers: Vec<_> = regex::Regex::new("[0-9]+")
                .unwrap()
                .find_iter(lock)
                .collect();
            let found = numbers[i % numbers.len()];
            return format!("{}{number}{}", &lock[..found.start()], &lock[found.end()..])
                .into_bytes();
        }
    }
    lines.concat().into_bytes()
}

/// Catalog versions at the edges of `u64`, for the lock's "next version" help.
const EXTREME_VERSIONS: &[&str] = &[
    "0.1.0",
    "0.18446744073709551615.0",
    "18446744073709551615.0.0",
    "18446744073709551615.18446744073709551615.18446744073709551615",
    "0.0.18446744073709551615",
    "1.0.0-alpha.18446744073709551615",
];

/// A damaged lock, against the Relay catalog at an extreme version (the lock perhaps at
/// that version too) and perhaps with a released code's status changed: refused or
/// accepted, never a panic.
#[test]
fn damaged_locks_and_extreme_versions_never_panic() {
    let root = catalog_tests::workspace_root();
    let catalog = std::fs::read_to_string(root.join("catalog/relay.yaml")).unwrap();
    let lock = std::fs::read_to_string(root.join("catalog/relay.lock")).unwrap();
    let strategy = (
        prop::collection::vec(lock_edit(), 0..3),
        prop::sample::select(EXTREME_VERSIONS),
        any::<bool>(),
        any::<bool>(),
    );
    let mut runner = TestRunner::new(Config {
        cases: 256,
        failure_persistence: None,
        ..Config::default()
    });
    runner
        .run(&strategy, |(edits, version, restatus, lock_at_version)| {
            let mut lock_bytes = if lock_at_version {
                lock.replacen("version 0.1.0", &format!("version {version}"), 1)
            } else {
                lock.clone()
            }
            .into_bytes();
            for edit in &edits {
                let text = String::from_utf8_lossy(&lock_bytes).into_owned();
                lock_bytes = apply(edit, &text);
            }
            let mut yaml = catalog.replacen("version: 0.1.0", &format!("version: {version}"), 1);
            if restatus {
                yaml = yaml.replacen("status: 404", "status: 409", 1);
            }
            let _ = catalog_tests::config().generate(
                errcat::Source {
                    path: "catalog/relay.yaml",
                    bytes: yaml.as_bytes(),
                },
                Some(errcat::Source {
                    path: "catalog/relay.lock",
                    bytes: &lock_bytes,
                }),
            );
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
}

/// Parsing is not compiling: rustc and rustdoc lint what syn accepts (a bidi control in
/// a comment is an error, a bare URL a rustdoc warning). So a deterministic sample of
/// accepted catalogs is built as crates, with every feature, under clippy and rustdoc
/// with `-D warnings`.
#[test]
fn a_sample_of_accepted_catalogs_builds_under_clippy_and_rustdoc() {
    const SAMPLE: usize = 16;
    let temp = tempfile::tempdir().unwrap();
    let mut config = catalog_tests::config();
    config.out_dir(temp.path()).write_locks(false);
    let mut crates = Vec::new();
    let mut runner = TestRunner::deterministic();
    let strategy = catalog_yaml();
    for case in 0..2000 {
        if crates.len() == SAMPLE {
            break;
        }
        let yaml = strategy.new_tree(&mut runner).unwrap().current();
        let source = errcat::Source {
            path: "fuzz.yaml",
            bytes: yaml.as_bytes(),
        };
        let Ok(generated) = catalog_tests::config().generate(source, None) else {
            continue;
        };
        let name = generated.catalog.crate_name.clone();
        if crates.contains(&name) {
            continue;
        }
        let path = temp.path().join(format!("catalog-{case}.yaml"));
        std::fs::write(&path, &yaml).unwrap();
        config.catalog(&path);
        crates.push(name);
    }
    assert_eq!(crates.len(), SAMPLE, "too few accepted catalogs");
    config
        .run(errcat::Mode::Write)
        .unwrap_or_else(|error| panic!("{error}"));
    let members: Vec<String> = crates.iter().map(|name| format!("{name:?}")).collect();
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    std::fs::write(temp.path().join("Cargo.toml"), manifest).unwrap();
    // The build cache the standalone test keeps: the crates' dependencies are built once.
    let target = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("standalone-target");
    let cargo = |args: &[&str], envs: &[(&str, &str)]| {
        catalog_tests::cargo(temp.path(), &target, args, envs)
            .unwrap_or_else(|error| panic!("catalogs in {}: {error}", temp.path().display()))
    };
    let clippy = [
        "clippy",
        "--quiet",
        "--workspace",
        "--all-features",
        "--",
        "-D",
        "warnings",
    ];
    cargo(&clippy, &[]);
    let doc = [
        "doc",
        "--quiet",
        "--workspace",
        "--no-deps",
        "--all-features",
    ];
    cargo(&doc, &[("RUSTDOCFLAGS", "-D warnings")]);
}

/// The generator does accept a good share of the generated catalogs; a strategy that only
/// ever produced rejected input would test nothing past validation. An eighth is enough:
/// every code is a few chances to be wrong (its texts, its details, its message), and the
/// build test above finds its 16 accepted catalogs within its first few hundred.
#[test]
fn the_catalog_strategy_produces_valid_catalogs() {
    let mut runner = TestRunner::deterministic();
    let strategy = catalog_yaml();
    // Enough catalogs that the share, not the luck of one stream, decides: about one in
    // seven is accepted, and the first 200 of a stream can hold fewer than 25.
    const CATALOGS: usize = 1000;
    let accepted = (0..CATALOGS)
        .filter(|_| {
            let yaml = strategy.new_tree(&mut runner).unwrap().current();
            let catalog = errcat::Source {
                path: "fuzz.yaml",
                bytes: yaml.as_bytes(),
            };
            catalog_tests::config().generate(catalog, None).is_ok()
        })
        .count();
    assert!(
        accepted >= CATALOGS / 8,
        "only {accepted} of {CATALOGS} generated catalogs were valid"
    );
}
