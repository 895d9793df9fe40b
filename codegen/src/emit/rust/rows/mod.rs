//! The per-code lists of the generated Rust, printed straight into prettyplease's output
//! of the rest of the file.
//!
//! Nine tenths of a large catalog's Rust is data: one enum variant with its docs, one
//! table row, one `docs_url` constant and a few list entries per code. Building that as
//! tokens, parsing it with syn and printing it with prettyplease cost most of the
//! generator's time and memory, for text whose layout never varies. So quote! builds each
//! file with a placeholder wherever a per-code list goes ([`List::stand_in`]),
//! prettyplease prints that small skeleton, and [`splice`] replaces each placeholder line
//! with the list printed here.
//!
//! The lists have one fixed layout, whatever the width of their lines (the generated
//! crates turn rustfmt off, so nothing reflows them):
//! - a list is `[`, then one element a line with its comma, then `]`; an empty one `[]`;
//! - a table row is a struct literal with one field a line, except that a code's few
//!   families stay on its `families` line;
//! - an enum variant, a match arm, an attribute or a constant is one line, however long;
//! - the perfect hash's number tables have [`print::NUMBERS_PER_LINE`] numbers a line.

mod print;

pub(super) use print::CODE_META;

use std::cell::OnceCell;
use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::emit::rust::phf::PerfectHash;
use crate::emit::rust::switch::Switch;
use crate::emit::Blocks;
use crate::model::Catalog;

/// The indentation step, prettyplease's.
pub(super) const INDENT: usize = 4;

/// Every placeholder starts with this, so [`splice`] finds them with one search a line.
const PLACEHOLDER_PREFIX: &str = "__codegen_rows_";

/// A per-code list of a generated file, standing in the skeleton as a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    /// `ErrorCode`'s variants, each with its docs.
    Variants,
    /// The elements of `ErrorCode::ALL`.
    AllCodes,
    /// The arms of `ErrorCode::with_status`.
    StatusArms,
    /// The arms of the `match` in `ErrorCode::from_wire`.
    WireArms,
    /// The rows of `tables::CODES`.
    CodeRows,
    /// The rows of `tables::FAMILIES`.
    FamilyRows,
    /// The perfect hash's seed.
    HashSeed,
    /// The perfect hash's displacement pairs.
    Displacements,
    /// The perfect hash's slots.
    Slots,
    /// The constants of `docs_url`.
    DocsUrls,
    /// The arms of the switch on the length in `ErrorCode::from_wire`.
    SwitchArms,
    /// The switch's tables of the codes of each length.
    LengthTables,
}

impl List {
    const ALL: [List; 12] = [
        List::Variants,
        List::AllCodes,
        List::StatusArms,
        List::WireArms,
        List::CodeRows,
        List::FamilyRows,
        List::HashSeed,
        List::Displacements,
        List::Slots,
        List::DocsUrls,
        List::SwitchArms,
        List::LengthTables,
    ];

    fn name(self) -> &'static str {
        match self {
            List::Variants => "variants",
            List::AllCodes => "all_codes",
            List::StatusArms => "status_arms",
            List::WireArms => "wire_arms",
            List::CodeRows => "code_rows",
            List::FamilyRows => "family_rows",
            List::HashSeed => "hash_seed",
            List::Displacements => "displacements",
            List::Slots => "slots",
            List::DocsUrls => "docs_urls",
            List::SwitchArms => "switch_arms",
            List::LengthTables => "length_tables",
        }
    }

    /// The tokens that stand for the list in a file's skeleton, where the list goes: an
    /// enum variant, an array's one element (the caller writes the brackets), a match
    /// arm, or an item. prettyplease prints each on a line of its own.
    pub(super) fn stand_in(self) -> TokenStream {
        let placeholder = format_ident!("{PLACEHOLDER_PREFIX}{}", self.name());
        match self {
            List::Variants => quote! { #placeholder, },
            List::AllCodes
            | List::CodeRows
            | List::FamilyRows
            | List::HashSeed
            | List::Displacements
            | List::Slots => quote! { #placeholder },
            List::StatusArms | List::WireArms | List::SwitchArms => {
                quote! { #placeholder => {} }
            }
            List::DocsUrls | List::LengthTables => quote! { struct #placeholder; },
        }
    }
}

/// Appends `skeleton`, prettyplease's output of a file built with stand-ins, to `out`,
/// with each placeholder line replaced by the list it stands for.
pub(super) fn splice(catalog: &Catalog, skeleton: &str, out: &mut Blocks<'_>) {
    let printer = Printer {
        catalog,
        perfect_hash: OnceCell::new(),
        switch: OnceCell::new(),
    };
    for line in skeleton.split_inclusive('\n') {
        let Some((at, list, name_len)) = placeholder(line) else {
            out.push_str(line);
            continue;
        };
        let rest = &line[at + PLACEHOLDER_PREFIX.len()..];
        let place = Place {
            indent: line.len() - line.trim_start_matches(' ').len(),
            before: &line[..at],
            after: rest[name_len..].trim_end_matches('\n'),
        };
        printer.print(list, &place, out);
    }
}

/// The placeholder on `line`, if it has one: where it starts, its list, and the length
/// of the list's name.
fn placeholder(line: &str) -> Option<(usize, List, usize)> {
    let at = line.find(PLACEHOLDER_PREFIX)?;
    let rest = &line[at + PLACEHOLDER_PREFIX.len()..];
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let list = List::ALL
        .into_iter()
        .find(|list| list.name() == &rest[..name_len])
        .expect("every placeholder names a list");
    Some((at, list, name_len))
}

/// Where a placeholder is: its line's indentation and the text around it on the line.
struct Place<'a> {
    indent: usize,
    /// The line up to the placeholder, indentation included.
    before: &'a str,
    /// The line after the placeholder, without the line break.
    after: &'a str,
}

impl Place<'_> {
    /// The text before an array placeholder, without the indentation and the `[`.
    fn head(&self) -> &str {
        self.before[self.indent..]
            .strip_suffix('[')
            .expect("the placeholder is an array's only element")
    }

    /// The text after an array placeholder, without the `]`.
    fn tail(&self) -> &str {
        self.after
            .strip_prefix(']')
            .expect("the placeholder is an array's only element")
    }
}

/// Prints the lists of one file.
struct Printer<'a> {
    catalog: &'a Catalog,
    /// Built on first use: only `tables.rs` of a catalog with the perfect hash needs it.
    perfect_hash: OnceCell<PerfectHash>,
    /// Built on first use, for a catalog whose `from_wire` is a switch.
    switch: OnceCell<Switch>,
}

impl Printer<'_> {
    /// Prints `list` in place of its placeholder, handing the text on after each code
    /// (or length, or status) when it is streamed.
    fn print(&self, list: List, place: &Place<'_>, out: &mut Blocks<'_>) {
        let catalog = self.catalog;
        let indent = place.indent;
        match list {
            List::Variants => {
                let mut buffer = String::new();
                for code in &catalog.codes {
                    print::print_variant(out, indent, catalog, code, &mut buffer);
                    out.part_done();
                }
            }
            List::AllCodes => {
                let codes = catalog.codes.iter();
                print::print_list(
                    out,
                    indent,
                    place.head(),
                    codes,
                    place.tail(),
                    print::code_path,
                );
                out.push('\n');
            }
            List::StatusArms => {
                for (status, codes) in catalog.codes_by_status() {
                    let head = format!("{status} => &");
                    print::print_list(out, indent, &head, codes, ",", print::code_path);
                    out.push('\n');
                }
            }
            List::WireArms => {
                for code in &catalog.codes {
                    print::print_wire_arm(out, indent, code);
                    out.part_done();
                }
            }
            List::CodeRows => {
                let (head, tail) = (place.head(), place.tail());
                print::print_list(
                    out,
                    indent,
                    head,
                    &catalog.codes,
                    tail,
                    |out, indent, code| {
                        print::print_code_row(out, indent, catalog, code);
                    },
                );
                out.push('\n');
            }
            List::FamilyRows => {
                let (head, tail) = (place.head(), place.tail());
                print::print_list(
                    out,
                    indent,
                    head,
                    &catalog.families,
                    tail,
                    |out, indent, family| {
                        print::print_family_row(out, indent, catalog, family);
                    },
                );
                out.push('\n');
            }
            List::HashSeed => {
                out.push_str(place.before);
                let _ = write!(out, "{}", self.perfect_hash().seed);
                out.push_str(place.after);
                out.push('\n');
            }
            List::Displacements => {
                let pairs = &self.perfect_hash().displacements;
                print::print_numbers(
                    out,
                    indent,
                    place.head(),
                    pairs,
                    place.tail(),
                    |out, (d1, d2)| {
                        let _ = write!(out, "({d1}, {d2})");
                    },
                );
            }
            List::Slots => {
                let slots = &self.perfect_hash().slots;
                print::print_numbers(
                    out,
                    indent,
                    place.head(),
                    slots,
                    place.tail(),
                    |out, slot| {
                        let _ = write!(out, "{slot}");
                    },
                );
            }
            List::DocsUrls => {
                for (i, code) in catalog.codes.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    print::print_docs_url(out, indent, code);
                    out.part_done();
                }
            }
            List::SwitchArms => {
                for (len, node) in &self.switch().lengths {
                    print::print_switch_arm(out, indent, *len, node);
                    out.part_done();
                }
            }
            List::LengthTables => {
                for (i, (len, node)) in self.switch().lengths.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    print::print_length_table(out, indent, catalog, *len, node);
                    out.part_done();
                }
            }
        }
    }

    fn switch(&self) -> &Switch {
        self.switch
            .get_or_init(|| Switch::new(&wires(self.catalog)))
    }

    fn perfect_hash(&self) -> &PerfectHash {
        self.perfect_hash
            .get_or_init(|| PerfectHash::new(&wires(self.catalog)))
    }
}

/// The catalog's wire strings, in code order.
fn wires(catalog: &Catalog) -> Vec<&str> {
    catalog
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::{Config, Lookup, Output, Source};

    /// The Rust files (the crate's sources and the single-file module) of `text`.
    fn rust_files(text: &str, lookup: Lookup) -> Vec<(String, String)> {
        let source = Source {
            path: "test.yaml",
            bytes: text.as_bytes(),
        };
        let generated = Config::new()
            .lookup(lookup)
            .outputs([Output::Crate, Output::Module])
            .generate(source, None)
            .unwrap_or_else(|report| panic!("{}\n{text}", report.render(false)));
        generated
            .files
            .into_iter()
            .filter(|file| file.path.extension().is_some_and(|ext| ext == "rs"))
            .map(|file| (file.path.display().to_string(), file.contents))
            .collect()
    }

    const LOOKUPS: [Lookup; 3] = [Lookup::Match, Lookup::Switch, Lookup::PerfectHash];

    #[test]
    fn every_fixture_is_spliced_into_rust_that_parses_with_no_placeholder_left() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut checked = 0;
        for dir in [
            "catalog",
            "tests/fixtures/valid",
            "examples/custom-xtask/catalog",
        ] {
            let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
                .collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(&path).unwrap();
                for lookup in LOOKUPS {
                    for (name, rust) in rust_files(&text, lookup) {
                        let at = format!("{}, {lookup:?}, {name}", path.display());
                        assert!(!rust.contains(super::PLACEHOLDER_PREFIX), "{at}");
                        if let Err(error) = syn::parse_file(&rust) {
                            panic!("{at}: {error}\n{rust}");
                        }
                    }
                }
                checked += 1;
            }
        }
        assert!(checked > 10, "found the fixtures");
    }

    /// A catalog whose wire strings all start with `prefix`: a deprecated code with a
    /// replacement, one with an action, codes in two families, statuses shared and not, and a
    /// family without codes.
    fn catalog_with_prefix(prefix: &str) -> String {
        let code = |wire: &str, status: u16, family: &str, extra: &str| {
            format!(
                "  - code: {prefix}{wire}\n    status: {status}\n    family: {family}\n    \
                 description: Something went wrong\n    resolution: Try again\n{extra}"
            )
        };
        let codes = [
            code("NOT_FOUND", 404, "[tickets, articles]", ""),
            code("GONE", 404, "tickets", ""),
            code(
                "OLD_KEY",
                401,
                "auth",
                &format!(
                    "    deprecated:\n      since: 0.1.0\n      replacement: {prefix}BAD_KEY\n"
                ),
            ),
            code("BAD_KEY", 401, "auth", "    action: keys\n"),
            code("LIMITED", 429, "auth", "    retryable: true\n"),
        ];
        format!(
            "api: Width API\ncrate: width-errors\nversion: 0.1.0\n\
             docs_url: https://docs.example.com/errors#{{anchor}}\n\
             actions:\n  keys: https://dashboard.example.com/settings/keys\n\
             families:\n  - id: auth\n    title: Auth\n  - id: tickets\n    title: Tickets\n\
             \x20 - id: articles\n    title: Articles\n    description: Article errors\n\
             \x20 - id: unused\n    title: Unused\n\
             codes:\n{}",
            codes.concat()
        )
    }

    #[test]
    fn the_lists_keep_their_layout_however_wide_their_lines() {
        let narrow = catalog_with_prefix("");
        let wide = catalog_with_prefix(&"VERY_LONG_PREFIX_".repeat(3));
        for lookup in LOOKUPS {
            let narrow = rust_files(&narrow, lookup);
            let wide = rust_files(&wide, lookup);
            assert!(
                wide.iter()
                    .any(|(_, rust)| rust.lines().any(|line| line.len() > 120)),
                "{lookup:?}: some lines are wide"
            );
            for ((name, narrow), (_, wide)) in narrow.iter().zip(&wide) {
                assert_eq!(
                    narrow.lines().count(),
                    wide.lines().count(),
                    "{lookup:?}, {name}: the same lines, only wider"
                );
            }
        }
    }

    #[test]
    fn a_list_has_one_element_a_line_and_an_empty_one_none() {
        let files = rust_files(&catalog_with_prefix(""), Lookup::Match);
        let lib = &files
            .iter()
            .find(|(name, _)| name.ends_with("lib.rs"))
            .unwrap()
            .1;
        assert!(
            lib.contains(
                "            429 => &[\n                ErrorCode::Limited,\n            ],\n"
            ),
            "{lib}"
        );
        let tables = &files
            .iter()
            .find(|(name, _)| name.ends_with("tables.rs"))
            .unwrap()
            .1;
        assert!(
            tables.contains("        families: &[Family::Tickets, Family::Articles],\n"),
            "a code's families stay on one line: {tables}"
        );
        assert!(tables.contains("        codes: &[],\n"), "{tables}");
        assert!(
            tables.contains(
                "        action_url: Some(\"https://dashboard.example.com/settings/keys\"),\n"
            ),
            "{tables}"
        );
    }

    #[test]
    fn a_literal_reads_back_as_the_text_it_was_made_from() {
        for text in [
            "plain",
            "",
            "quotes \" and \\ backslashes \\\" and 'apostrophes'",
            "tab\tnew\nline\rreturn",
            "nul \0 7 and \u{7f} delete",
            "line separator \u{2028} zero width \u{200b} combining \u{301}",
            "ünïcødé — “typographic” 𝄞",
        ] {
            let mut literal = String::new();
            super::print::push_literal(&mut literal, text);
            let parsed: syn::LitStr = syn::parse_str(&literal).unwrap();
            assert_eq!(parsed.value(), text, "{literal}");
            assert!(
                !literal.contains(['\n', '\r', '\t', '\u{2028}']),
                "{literal}"
            );
        }
    }
}
