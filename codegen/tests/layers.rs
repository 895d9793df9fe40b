//! The generator's modules import only downward: a stage reads the stages before it and
//! the leaf modules, never a later stage, and a leaf reads only other leaves.
//!
//! Read from the sources, so a new upward `use` fails here with its file and path rather
//! than surfacing later as a cycle that is hard to undo. Test modules are skipped: a test
//! may drive the whole pipeline to build what it checks.

use std::path::{Path, PathBuf};

/// Modules that belong to no stage, which any module may import.
const LEAVES: &[&str] = &[
    "naming",
    "outline",
    "text",
    "format",
    "diagnostics",
    "fast_hash",
    "http_status",
    "trpc",
    "config",
];

/// The stages in data-flow order; modules of one rank may import each other. `lib` stands
/// for the crate root's own items (`crate::Config` and the like).
const STAGES: &[&[&str]] = &[
    &["load"],
    &["validate"],
    &["model"],
    &["resolve"],
    &["emit"],
    &["lock"],
    &["output"],
    &["pipeline", "driver", "build_script", "lib"],
];

/// Where a module sits: a leaf, or a stage's rank.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Leaf,
    Stage(usize),
}

#[test]
fn stages_import_only_earlier_stages_and_leaves() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).expect("under src");
        let module = module_of(relative);
        let from = place(&module)
            .unwrap_or_else(|| panic!("{}: module `{module}` has no place", relative.display()));
        let text = std::fs::read_to_string(&file).expect("readable source");
        let code = non_test_code(&text);
        for name in crate_references(&code) {
            // Anything but a module is an item of the crate root, such as `crate::Config`.
            let to = place(name)
                .or_else(|| place("lib"))
                .expect("lib has a place");
            if !may_import(from, to) {
                problems.push(format!(
                    "{} (`{module}`) names `crate::{name}`",
                    relative.display()
                ));
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(
        problems.is_empty(),
        "imports against the data flow:\n{}",
        problems.join("\n")
    );
}

/// Whether a module at `from` may name one at `to`.
fn may_import(from: Place, to: Place) -> bool {
    match (from, to) {
        (_, Place::Leaf) => true,
        (Place::Leaf, Place::Stage(_)) => false,
        (Place::Stage(from), Place::Stage(to)) => to <= from,
    }
}

/// The place of a top-level module; `None` for one neither list names.
fn place(module: &str) -> Option<Place> {
    if LEAVES.contains(&module) {
        return Some(Place::Leaf);
    }
    STAGES
        .iter()
        .position(|rank| rank.contains(&module))
        .map(Place::Stage)
}

/// The top-level module a file under `src` belongs to: `emit/rust/mod.rs` is `emit`.
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .expect("a file under src")
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// Every `.rs` file under `dir` but the test files and the generated crate's own
/// sources, which errcat includes as text.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("readable entry").path();
        let name = path.file_name().expect("a name").to_string_lossy();
        if path.is_dir() {
            if name != "templates" {
                files.extend(rust_files(&path));
            }
        } else if name.ends_with(".rs") && name != "tests.rs" {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// `text` without its comments and its inline `mod tests { ... }`, which rustfmt closes
/// with a `}` at the indentation it opened at.
fn non_test_code(text: &str) -> String {
    let mut code = String::new();
    let mut test_module_end: Option<String> = None;
    for line in text.lines() {
        if let Some(end) = &test_module_end {
            if line == end {
                test_module_end = None;
            }
            continue;
        }
        if line.trim() == "mod tests {" {
            let indent = &line[..line.len() - line.trim_start().len()];
            test_module_end = Some(format!("{indent}}}"));
            continue;
        }
        let without_comment = line.find("//").map_or(line, |at| &line[..at]);
        code.push_str(without_comment);
        code.push('\n');
    }
    code
}

/// The first segment of each `crate::` path in `code`, a group `crate::{a, b::c}` giving
/// one per member.
fn crate_references(code: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => names.extend(group_members(group)),
            None => names.push(leading_name(rest)),
        }
    }
    names
}

/// The first segment of each member of a `{ ... }` group, from just after its `{`.
fn group_members(group: &str) -> Vec<&str> {
    let mut members = vec![leading_name(group)];
    let mut depth = 0;
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => break,
            '}' => depth -= 1,
            ',' if depth == 0 => members.push(leading_name(&group[at + 1..])),
            _ => {}
        }
    }
    members.retain(|name| !name.is_empty());
    members
}

/// The identifier `text` starts with, after any whitespace.
fn leading_name(text: &str) -> &str {
    let text = text.trim_start();
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len());
    &text[..end]
}
