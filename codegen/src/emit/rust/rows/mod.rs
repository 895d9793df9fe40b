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

mod error;
mod print;

pub(super) use error::has_templates;

pub(super) use print::{push_literal, push_option};

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
    /// `Error`'s variants, each with its docs and typed fields.
    ErrorVariants,
    /// The arms of `Error::code`.
    ErrorCodeArms,
    /// The arms of `Error`'s `Display`, for the codes with a template.
    DisplayArms,
    /// The object and enum types of the `details` module.
    DetailTypes,
    /// The arms of `Error::details`, for the codes with details.
    ToJsonArms,
    /// The arms of `Error::from_details`.
    FromJsonArms,
    /// `ToJson` and `FromJson` of the `details` types.
    JsonImpls,
}

impl List {
    const ALL: [List; 19] = [
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
        List::ErrorVariants,
        List::ErrorCodeArms,
        List::DisplayArms,
        List::DetailTypes,
        List::ToJsonArms,
        List::FromJsonArms,
        List::JsonImpls,
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
            List::ErrorVariants => "error_variants",
            List::ErrorCodeArms => "error_code_arms",
            List::DisplayArms => "display_arms",
            List::DetailTypes => "detail_types",
            List::ToJsonArms => "to_json_arms",
            List::FromJsonArms => "from_json_arms",
            List::JsonImpls => "json_impls",
        }
    }

    /// The tokens that stand for the list in a file's skeleton, where the list goes: an
    /// enum variant, an array's one element (the caller writes the brackets), a match
    /// arm, or an item. prettyplease prints each on a line of its own.
    pub(super) fn stand_in(self) -> TokenStream {
        let placeholder = format_ident!("{PLACEHOLDER_PREFIX}{}", self.name());
        match self {
            List::Variants | List::ErrorVariants => quote! { #placeholder, },
            List::AllCodes
            | List::CodeRows
            | List::FamilyRows
            | List::HashSeed
            | List::Displacements
            | List::Slots => quote! { #placeholder },
            List::StatusArms
            | List::WireArms
            | List::SwitchArms
            | List::ErrorCodeArms
            | List::DisplayArms
            | List::ToJsonArms
            | List::FromJsonArms => {
                quote! { #placeholder => {} }
            }
            List::DocsUrls | List::LengthTables | List::DetailTypes | List::JsonImpls => {
                quote! { struct #placeholder; }
            }
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
            List::ErrorVariants
            | List::ErrorCodeArms
            | List::DisplayArms
            | List::ToJsonArms
            | List::FromJsonArms => {
                let print = match list {
                    List::ErrorVariants => error::print_error_variant,
                    List::ErrorCodeArms => error::print_code_arm,
                    List::DisplayArms => error::print_display_arm,
                    List::ToJsonArms => error::print_to_json_arm,
                    _ => error::print_from_json_arm,
                };
                for code in &catalog.codes {
                    print(out, indent, code);
                    out.part_done();
                }
            }
            List::DetailTypes | List::JsonImpls => {
                let print = match list {
                    List::DetailTypes => error::print_detail_types,
                    _ => error::print_json_impls,
                };
                let mut first = true;
                for code in &catalog.codes {
                    print(out, indent, code, &mut first);
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
mod tests;
