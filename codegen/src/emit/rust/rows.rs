//! The per-code parts of the generated Rust, printed straight into the file in
//! prettyplease's style.
//!
//! Nine tenths of a large catalog's Rust is data: one enum variant with its docs, one
//! table row, one `docs_url` constant and a few list entries per code. Building that as
//! tokens, parsing it with syn and printing it with prettyplease cost most of the
//! generator's time and memory (12 MB of Rust for 10,000 codes), for text whose layout
//! never varies. So each file is built twice over, in one of two ways ([`Build`]):
//!
//! - [`Build::Spliced`], what `gen` does: quote! builds the file with a placeholder
//!   ([`List::placeholder`]) wherever a per-code list goes, prettyplease prints that
//!   small skeleton, and [`splice`] replaces each placeholder with the list printed here.
//! - [`Build::Tokens`]: quote! builds every list too, and prettyplease prints it all.
//!   This is the specification: the tests print every fixture and catalogs made to hit
//!   every layout boundary both ways and require the same bytes.
//!
//! Printing like prettyplease takes only its few rules for these shapes: a list, a call
//! or an attribute stays on one line when the line fits in [`MARGIN`] columns (a comma
//! prettyplease adds only when it breaks the line does not count), and otherwise puts one
//! element per line, four columns in (integer arrays are filled instead); a match arm
//! that does not fit moves its body into a block; a struct literal as wide as a table
//! row is always broken; string literals are escaped as proc-macro2 escapes them.

use std::cell::OnceCell;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::{docs, family_variant, variant, Build, DOC_WIDTH};
use crate::emit::rust::phf::PerfectHash;
use crate::emit::rust::switch::{Node, Switch};
use crate::emit::Blocks;
use crate::model::{Catalog, Code};
use crate::text;

/// prettyplease's line width: a group that would make its line longer is broken.
const MARGIN: usize = 89;

/// prettyplease's indentation step.
const INDENT: usize = 4;

/// Every placeholder starts with this, so [`splice`] finds them with one search a line.
const PLACEHOLDER_PREFIX: &str = "__codegen_rows_";

/// A per-code list of a generated file, standing in the skeleton as a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum List {
    /// `ErrorCode`'s variants, each with its docs: `__codegen_rows_variants,` in the enum.
    Variants,
    /// The elements of `ErrorCode::ALL`: `&[__codegen_rows_all_codes]`.
    AllCodes,
    /// The arms of `ErrorCode::with_status`: `__codegen_rows_status_arms => {}`.
    StatusArms,
    /// The arms of the `match` in `ErrorCode::from_wire`: `__codegen_rows_wire_arms => {}`.
    WireArms,
    /// The rows of `tables::CODES`: `[__codegen_rows_code_rows]`.
    CodeRows,
    /// The rows of `tables::FAMILIES`: `[__codegen_rows_family_rows]`.
    FamilyRows,
    /// The perfect hash's seed: `= __codegen_rows_hash_seed;`.
    HashSeed,
    /// The perfect hash's displacement pairs: `[__codegen_rows_displacements]`.
    Displacements,
    /// The perfect hash's slots: `[__codegen_rows_slots]`.
    Slots,
    /// The constants of `docs_url`: the item `struct __codegen_rows_docs_urls;`.
    DocsUrls,
    /// The arms of the switch on the length in `ErrorCode::from_wire`:
    /// `__codegen_rows_switch_arms => {}`.
    SwitchArms,
    /// The switch's tables of the codes of each length: the item
    /// `struct __codegen_rows_length_tables;`.
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

    /// The identifier that stands for the list in a skeleton.
    pub(super) fn placeholder(self) -> Ident {
        format_ident!("{PLACEHOLDER_PREFIX}{}", self.name())
    }

    /// The tokens for this list: its placeholder, placed by `stand_in`, when the file is
    /// spliced; the list itself, from `tokens`, when prettyplease prints everything.
    pub(super) fn build(
        self,
        build: Build,
        stand_in: impl FnOnce(Ident) -> TokenStream,
        tokens: impl FnOnce() -> TokenStream,
    ) -> TokenStream {
        match build {
            Build::Spliced => stand_in(self.placeholder()),
            Build::Tokens => tokens(),
        }
    }
}

/// Appends `skeleton`, prettyplease's output of a file built with [`Build::Spliced`], to
/// `out`, with each placeholder line replaced by the list it stands for.
pub(super) fn splice(catalog: &Catalog, skeleton: &str, out: &mut Blocks<'_>) {
    let printer = Printer {
        catalog,
        perfect_hash: OnceCell::new(),
        switch: OnceCell::new(),
    };
    // Sized once: a file grown by doubling would hold up to twice its size in memory.
    let lists: usize = skeleton
        .lines()
        .filter_map(placeholder)
        .map(|(_, list, _)| list.estimated_len(catalog))
        .sum();
    out.reserve_whole(skeleton.len() + lists);
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

impl List {
    /// About how many bytes the printed list takes (a little more, rarely less): the
    /// catalog text it repeats plus its punctuation, at the usual indentation.
    fn estimated_len(self, catalog: &Catalog) -> usize {
        let per_code = |f: fn(&Code) -> usize| catalog.codes.iter().map(f).sum::<usize>();
        match self {
            List::Variants => per_code(|code| {
                code.description.len()
                    + code.resolution.len()
                    + code.docs_url.len()
                    + code.wire.len()
                    + code.variant.len()
                    + 160
            }),
            List::AllCodes | List::StatusArms => per_code(|code| code.variant.len() + 24),
            List::WireArms => per_code(|code| code.wire.len() + code.variant.len() + 40),
            List::CodeRows => per_code(|code| {
                code.variant.len()
                    + code.wire.len()
                    + code.description.len()
                    + code.resolution.len()
                    + code.message.len()
                    + code.constant.len()
                    + code.action.as_ref().map_or(0, |action| action.url.len())
                    + 40 * code.families.len()
                    + 330
            }),
            List::FamilyRows => {
                per_code(|code| 28 * code.families.len() + code.variant.len())
                    + 200 * catalog.families.len()
            }
            List::HashSeed => 24,
            List::Displacements => 16 * catalog.codes.len() / 4 + 16,
            List::Slots => 7 * catalog.codes.len() + 16,
            List::DocsUrls => per_code(|code| {
                code.wire.len()
                    + code.variant.len()
                    + code.constant.len()
                    + code.docs_url.len()
                    + 80
            }),
            List::SwitchArms => per_code(|_| 48),
            List::LengthTables => per_code(|code| code.wire.len() + code.variant.len() + 24),
        }
    }
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
        match list {
            List::Variants => {
                let mut buffer = String::new();
                for code in &catalog.codes {
                    print_variant(catalog, code, place.indent, &mut buffer, out);
                    out.part_done();
                }
            }
            List::AllCodes => {
                let elements = catalog
                    .codes
                    .iter()
                    .map(|code| Path("ErrorCode::", &code.variant));
                print_list(out, place.indent, place.head(), elements, place.tail(), 0);
                out.push('\n');
            }
            List::StatusArms => {
                for (status, codes) in catalog.codes_by_status() {
                    let elements = codes.iter().map(|code| Path("ErrorCode::", &code.variant));
                    print_status_arm(out, place.indent, status, elements);
                    out.part_done();
                }
            }
            List::WireArms => {
                for code in &catalog.codes {
                    print_wire_arm(out, place.indent, code);
                    out.part_done();
                }
            }
            List::CodeRows => {
                print_rows(out, place, catalog.codes.iter(), |out, indent, code| {
                    print_code_row(out, indent, catalog, code);
                });
            }
            List::FamilyRows => {
                print_rows(
                    out,
                    place,
                    catalog.families.iter(),
                    |out, indent, family| {
                        print_family_row(out, indent, catalog, family);
                    },
                );
            }
            List::HashSeed => {
                out.push_str(place.before);
                out.push_str(&self.perfect_hash().seed.to_string());
                out.push_str(place.after);
                out.push('\n');
            }
            List::Displacements => {
                let pairs = self.perfect_hash().displacements.iter().copied().map(Pair);
                print_list(out, place.indent, place.head(), pairs, place.tail(), 0);
                out.push('\n');
            }
            List::Slots => {
                let slots = &self.perfect_hash().slots;
                print_filled(out, place.indent, place.head(), slots, place.tail());
                out.push('\n');
            }
            List::DocsUrls => {
                for (i, code) in catalog.codes.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    print_docs_url(out, place.indent, code);
                    out.part_done();
                }
            }
            List::SwitchArms => {
                for (len, node) in &self.switch().lengths {
                    print_switch_arm(out, place.indent, *len, node);
                    out.part_done();
                }
            }
            List::LengthTables => {
                for (i, (len, node)) in self.switch().lengths.iter().enumerate() {
                    if i > 0 {
                        out.push('\n');
                    }
                    print_length_table(out, place.indent, catalog, *len, node);
                    out.part_done();
                }
            }
        }
    }

    fn switch(&self) -> &Switch {
        self.switch.get_or_init(|| switch(self.catalog))
    }

    fn perfect_hash(&self) -> &PerfectHash {
        self.perfect_hash.get_or_init(|| perfect_hash(self.catalog))
    }
}

/// The switch over the catalog's wire strings.
fn switch(catalog: &Catalog) -> Switch {
    let wires: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect();
    Switch::new(&wires)
}

/// The perfect hash over the catalog's wire strings.
pub(super) fn perfect_hash(catalog: &Catalog) -> PerfectHash {
    let wires: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect();
    PerfectHash::new(&wires)
}

// The lists as tokens: what prettyplease prints with `Build::Tokens`, and so the
// specification of the printers below.

/// `ErrorCode`'s variants, each with its docs and deprecation.
pub(super) fn variants(catalog: &Catalog, build: Build) -> TokenStream {
    List::Variants.build(
        build,
        |placeholder| quote! { #placeholder, },
        || {
            catalog
                .codes
                .iter()
                .map(|code| {
                    let mut lines = Vec::new();
                    variant_doc_lines(catalog, code, &mut String::new(), |line| {
                        lines.push(line.to_owned());
                    });
                    let docs = docs(lines);
                    let deprecated = match deprecation(catalog, code) {
                        Some((since, note)) => {
                            quote! { #[deprecated(since = #since, note = #note)] }
                        }
                        None => TokenStream::new(),
                    };
                    let name = variant(code);
                    quote! { #docs #deprecated #name, }
                })
                .collect()
        },
    )
}

/// The elements of `ErrorCode::ALL`.
pub(super) fn all_codes(catalog: &Catalog, build: Build) -> TokenStream {
    List::AllCodes.build(
        build,
        |placeholder| quote! { #placeholder },
        || {
            let all = catalog.codes.iter().map(variant);
            quote! { #(ErrorCode::#all),* }
        },
    )
}

/// The arms of `with_status`: each status with its codes.
pub(super) fn status_arms(catalog: &Catalog, build: Build) -> TokenStream {
    List::StatusArms.build(
        build,
        |placeholder| quote! { #placeholder => {} },
        || {
            catalog
                .codes_by_status()
                .into_iter()
                .map(|(status, codes)| {
                    let status = Literal::u16_unsuffixed(status);
                    let codes = codes.iter().map(|code| variant(code));
                    quote! { #status => &[#(ErrorCode::#codes),*], }
                })
                .collect()
        },
    )
}

/// The arms of the `match` of `from_wire`: each wire string with its code.
pub(super) fn wire_arms(catalog: &Catalog, build: Build) -> TokenStream {
    List::WireArms.build(
        build,
        |placeholder| quote! { #placeholder => {} },
        || {
            catalog
                .codes
                .iter()
                .map(|code| {
                    let wire = &code.wire;
                    let name = variant(code);
                    quote! { #wire => Some(ErrorCode::#name), }
                })
                .collect()
        },
    )
}

/// The rows of `tables::CODES`.
pub(super) fn code_rows(catalog: &Catalog, build: Build) -> TokenStream {
    List::CodeRows.build(
        build,
        |placeholder| quote! { #placeholder },
        || {
            catalog
                .codes
                .iter()
                .map(|code| code_row(catalog, code))
                .collect()
        },
    )
}

fn code_row(catalog: &Catalog, code: &Code) -> TokenStream {
    let wire = &code.wire;
    let variant_name = &code.variant;
    let status = Literal::u16_unsuffixed(code.status);
    let (description, resolution, message) = (&code.description, &code.resolution, &code.message);
    let constant = super::ident(&code.constant);
    let action_url = match &code.action {
        Some(action) => {
            let url = &action.url;
            quote! { Some(#url) }
        }
        None => quote! { None },
    };
    let retryable = code.retryable;
    let deprecated = code.deprecated.is_some();
    let replacement = match replacement(catalog, code) {
        Some(replacement) => {
            let name = variant(replacement);
            quote! { Some(ErrorCode::#name) }
        }
        None => quote! { None },
    };
    let families = code
        .families
        .iter()
        .map(|&i| family_variant(&catalog.families[i]));
    quote! {
        CodeMeta {
            variant: #variant_name,
            code: #wire,
            status: #status,
            description: #description,
            resolution: #resolution,
            message: #message,
            docs_url: docs_url::#constant,
            action_url: #action_url,
            retryable: #retryable,
            deprecated: #deprecated,
            replacement: #replacement,
            families: &[#(Family::#families),*],
        },
    }
}

/// The rows of `tables::FAMILIES`.
pub(super) fn family_rows(catalog: &Catalog, build: Build) -> TokenStream {
    List::FamilyRows.build(
        build,
        |placeholder| quote! { #placeholder },
        || {
            catalog
                .families
                .iter()
                .map(|family| {
                    let (id, title) = (&family.id, &family.title);
                    let description = match &family.description {
                        Some(text) => quote! { Some(#text) },
                        None => quote! { None },
                    };
                    let codes = catalog.codes_of(family).map(variant);
                    quote! {
                        FamilyMeta {
                            id: #id,
                            title: #title,
                            description: #description,
                            codes: &[#(ErrorCode::#codes),*],
                        },
                    }
                })
                .collect()
        },
    )
}

/// The perfect hash's seed, displacement pairs and slots, as `table` has them (built
/// only for [`Build::Tokens`]; the spliced file builds its own when it prints them).
pub(super) fn perfect_hash_tables(
    build: Build,
    table: impl FnOnce() -> PerfectHash,
) -> [TokenStream; 3] {
    match build {
        Build::Spliced => [List::HashSeed, List::Displacements, List::Slots].map(|list| {
            let placeholder = list.placeholder();
            quote! { #placeholder }
        }),
        Build::Tokens => {
            let table = table();
            let seed = Literal::u64_unsuffixed(table.seed);
            let displacements = table.displacements.iter().map(|&(d1, d2)| {
                let (d1, d2) = (Literal::u32_unsuffixed(d1), Literal::u32_unsuffixed(d2));
                quote! { (#d1, #d2) }
            });
            let slots = table
                .slots
                .iter()
                .map(|&index| Literal::u32_unsuffixed(index));
            [
                quote! { #seed },
                quote! { #(#displacements),* },
                quote! { #(#slots),* },
            ]
        }
    }
}

/// The arms of `from_wire`'s switch on the length: the one code of a length, or the
/// expression that picks the code of that length the string can be.
pub(super) fn switch_arms(catalog: &Catalog, build: Build) -> TokenStream {
    List::SwitchArms.build(
        build,
        |placeholder| quote! { #placeholder => {} },
        || {
            switch(catalog)
                .lengths
                .iter()
                .map(|(len, node)| {
                    let table = length_table(*len);
                    let len = Literal::usize_unsuffixed(*len);
                    match node {
                        Node::Key(_) => quote! { #len => one_of(bytes, &tables::#table, 0), },
                        Node::Byte { .. } => {
                            let index = expand_index(node, &mut 0);
                            quote! {
                                #len => {
                                    let index = #index;
                                    one_of(bytes, &tables::#table, index)
                                }
                            }
                        }
                    }
                })
                .collect()
        },
    )
}

/// The name of the table of the codes `len` bytes long.
fn length_table(len: usize) -> Ident {
    format_ident!("LENGTH_{len}")
}

/// The expression that picks a code's place in its length's table by the bytes `node`
/// switches on. The table lists the codes in the tree's order, so a leaf's place is the
/// number of leaves before it: `next`, counted as the arms are built in that order.
fn expand_index(node: &Node, next: &mut usize) -> TokenStream {
    match node {
        Node::Key(_) => {
            let at = Literal::usize_unsuffixed(*next);
            *next += 1;
            quote! { #at }
        }
        Node::Byte { position, branches } => {
            let position = Literal::usize_unsuffixed(*position);
            // The last branch takes every other byte too: a string with a byte no code
            // has there fails the comparison anyway, and a `match` without a miss arm
            // compiles to a table read instead of a jump.
            let (last, others) = branches.split_last().expect("a switch has branches");
            let arms: Vec<TokenStream> = others
                .iter()
                .map(|(byte, node)| {
                    let byte = Literal::byte_character(*byte);
                    let index = expand_index(node, next);
                    quote! { #byte => #index, }
                })
                .collect();
            let other = expand_index(&last.1, next);
            quote! {
                match bytes[#position] {
                    #(#arms)*
                    _ => #other,
                }
            }
        }
    }
}

/// The switch's tables: the codes of each length, in the order `from_wire` picks them.
pub(super) fn length_tables(catalog: &Catalog, build: Build) -> TokenStream {
    List::LengthTables.build(
        build,
        |placeholder| quote! { struct #placeholder; },
        || {
            switch(catalog)
                .lengths
                .iter()
                .map(|(len, node)| {
                    let doc = format!(" {}", length_table_doc(*len));
                    let table = length_table(*len);
                    let keys = node.keys();
                    let allow = if lists_deprecated(catalog, &keys) {
                        quote! { #[allow(deprecated)] }
                    } else {
                        TokenStream::new()
                    };
                    let count = Literal::usize_unsuffixed(keys.len());
                    let rows = keys.iter().map(|&key| {
                        let code = &catalog.codes[key];
                        let wire = Literal::byte_string(code.wire.as_bytes());
                        let name = variant(code);
                        quote! { (#wire, ErrorCode::#name) }
                    });
                    let len = Literal::usize_unsuffixed(*len);
                    quote! {
                        #[doc = #doc]
                        #allow
                        pub(crate) const #table: [(&[u8; #len], ErrorCode); #count] = [#(#rows),*];
                    }
                })
                .collect()
        },
    )
}

/// Whether any of `keys` is a deprecated code, which the table naming it must allow.
fn lists_deprecated(catalog: &Catalog, keys: &[usize]) -> bool {
    keys.iter()
        .any(|&key| catalog.codes[key].deprecated.is_some())
}

fn length_table_doc(len: usize) -> String {
    let bytes = if len == 1 { "byte" } else { "bytes" };
    format!(
        "The codes whose wire string is {len} {bytes} long, in the order `from_wire` picks them."
    )
}

/// The constants of `docs_url`, each documented with its code.
pub(super) fn docs_urls(catalog: &Catalog, build: Build) -> TokenStream {
    List::DocsUrls.build(
        build,
        |placeholder| quote! { struct #placeholder; },
        || {
            catalog
                .codes
                .iter()
                .map(|code| {
                    let doc = format!(" {}", docs_url_doc(code));
                    let name = format_ident!("{}", code.constant);
                    let url = &code.docs_url;
                    quote! {
                        #[doc = #doc]
                        pub const #name: &str = #url;
                    }
                })
                .collect()
        },
    )
}

// What the token and printed forms share.

/// Calls `line` with each doc line of a code's variant: description, facts, resolution,
/// link. `buffer` is scratch space, so a caller with many codes allocates it once.
fn variant_doc_lines(
    catalog: &Catalog,
    code: &Code,
    buffer: &mut String,
    mut line: impl FnMut(&str),
) {
    buffer.clear();
    text::push_inline(buffer, &code.description);
    text::for_each_wrapped(buffer, DOC_WIDTH, &mut line);
    line("");
    buffer.clear();
    buffer.push('`');
    buffer.push_str(&code.wire);
    buffer.push_str("` · HTTP ");
    push_decimal(buffer, u32::from(code.status));
    buffer.push_str(" · ");
    for (i, &family) in code.families.iter().enumerate() {
        let family = &catalog.families[family];
        if i > 0 {
            buffer.push_str(", ");
        }
        buffer.push('[');
        text::push_inline(buffer, &family.title);
        buffer.push_str("](Family::");
        buffer.push_str(&family.variant);
        buffer.push(')');
    }
    line(buffer);
    line("");
    buffer.clear();
    buffer.push_str("Resolution: ");
    text::push_inline_words(buffer, &code.resolution);
    text::for_each_wrapped(buffer, DOC_WIDTH, &mut line);
    line("");
    buffer.clear();
    buffer.push_str("[Documentation](<");
    buffer.push_str(&code.docs_url);
    buffer.push_str(">)");
    line(buffer);
}

/// `since` and `note` of a deprecated code's `#[deprecated]`; the note names the
/// replacement.
fn deprecation(catalog: &Catalog, code: &Code) -> Option<(String, String)> {
    let deprecation = code.deprecated.as_ref()?;
    let mut note = match deprecation.replacement {
        Some(index) => format!("use `{}` instead", catalog.codes[index].wire),
        None => "no longer returned".to_owned(),
    };
    if let Some(extra) = &deprecation.note {
        note = format!("{note}: {extra}");
    }
    Some((deprecation.since.clone(), note))
}

fn replacement<'a>(catalog: &'a Catalog, code: &Code) -> Option<&'a Code> {
    let index = code.deprecated.as_ref()?.replacement?;
    Some(&catalog.codes[index])
}

fn docs_url_doc(code: &Code) -> String {
    format!(
        "Documentation of [`{0}`](super::ErrorCode::{1}).",
        code.wire, code.variant
    )
}

// The printers.

/// One element of a list, printed on one line.
trait Element {
    fn width(&self) -> usize;
    fn push(&self, out: &mut String);
}

/// A path such as `ErrorCode::TicketNotFound`: its prefix and its name.
struct Path<'a>(&'static str, &'a str);

impl Element for Path<'_> {
    fn width(&self) -> usize {
        self.0.len() + self.1.len()
    }

    fn push(&self, out: &mut String) {
        out.push_str(self.0);
        out.push_str(self.1);
    }
}

/// A pair of integers, `(d1, d2)`.
struct Pair((u32, u32));

impl Element for Pair {
    fn width(&self) -> usize {
        decimal_width(self.0 .0) + decimal_width(self.0 .1) + 4
    }

    fn push(&self, out: &mut String) {
        use std::fmt::Write as _;
        let _ = write!(out, "({}, {})", self.0 .0, self.0 .1);
    }
}

fn decimal_width(value: u32) -> usize {
    value.checked_ilog10().unwrap_or(0) as usize + 1
}

fn push_indent(out: &mut String, indent: usize) {
    out.extend(std::iter::repeat_n(' ', indent));
}

/// `head[a, b]tail` on one line when it fits, else one element per line:
///
/// ```text
/// head[
///     a,
///     b,
/// ]tail
/// ```
///
/// `free` is how many characters at the end of `tail` prettyplease adds only when the
/// line breaks (a trailing comma), so they do not count against the margin. No line
/// break is pushed after `tail`.
fn print_list<E: Element>(
    out: &mut String,
    indent: usize,
    head: &str,
    elements: impl ExactSizeIterator<Item = E> + Clone,
    tail: &str,
    free: usize,
) {
    push_indent(out, indent);
    out.push_str(head);
    if elements.len() == 0 {
        out.push_str("[]");
        out.push_str(tail);
        return;
    }
    let count = elements.len();
    let inline: usize = elements.clone().map(|e| e.width()).sum::<usize>() + 2 * (count - 1);
    if indent + head.len() + inline + 2 + tail.len() - free <= MARGIN {
        out.push('[');
        for (i, element) in elements.enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            element.push(out);
        }
        out.push(']');
    } else {
        out.push_str("[\n");
        for element in elements {
            push_indent(out, indent + INDENT);
            element.push(out);
            out.push_str(",\n");
        }
        push_indent(out, indent);
        out.push(']');
    }
    out.push_str(tail);
}

/// `head[1, 2, 3]tail` on one line when it fits, else the integers filled into lines
/// of at most [`MARGIN`] columns, as prettyplease prints an array of literals.
fn print_filled(out: &mut String, indent: usize, head: &str, values: &[u32], tail: &str) {
    push_indent(out, indent);
    out.push_str(head);
    let inline: usize = values.iter().map(|&v| decimal_width(v)).sum::<usize>()
        + 2 * values.len().saturating_sub(1);
    if values.is_empty() {
        out.push_str("[]");
    } else if indent + head.len() + inline + 2 + tail.len() <= MARGIN {
        out.push('[');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            push_decimal(out, *value);
        }
        out.push(']');
    } else {
        out.push_str("[\n");
        let start = indent + INDENT;
        push_indent(out, start);
        let mut column = start;
        for (i, &value) in values.iter().enumerate() {
            let last = i + 1 == values.len();
            // The element and its comma; the last one's comma comes with the break.
            let width = decimal_width(value) + usize::from(!last);
            if column > start {
                if column + 1 + width <= MARGIN {
                    out.push(' ');
                    column += 1;
                } else {
                    out.push('\n');
                    push_indent(out, start);
                    column = start;
                }
            }
            push_decimal(out, value);
            out.push(',');
            column += decimal_width(value) + 1;
        }
        out.push('\n');
        push_indent(out, indent);
        out.push(']');
    }
    out.push_str(tail);
}

fn push_decimal(out: &mut String, value: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    let mut rest = value;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&digits[at..]).expect("ASCII digits"));
}

/// A string literal as proc-macro2 writes `Literal::string(value)`, which is what
/// prettyplease prints: `"`, `\` and control characters escaped as `char::escape_debug`
/// escapes them, `'` as is, and NUL as `\0` (`\x00` before an octal digit).
fn push_literal(out: &mut String, value: &str) {
    out.push('"');
    let mut rest = value;
    while let Some(at) = rest
        .bytes()
        .position(|b| !(b' '..=b'~').contains(&b) || b == b'"' || b == b'\\')
    {
        out.push_str(&rest[..at]);
        let mut chars = rest[at..].chars();
        let c = chars.next().expect("a character at a char boundary");
        let after = chars.as_str();
        match c {
            '\0' if after.starts_with(|next: char| ('0'..='7').contains(&next)) => {
                out.push_str(r"\x00");
            }
            '\0' => out.push_str(r"\0"),
            '\'' => out.push('\''),
            c => out.extend(c.escape_debug()),
        }
        rest = after;
    }
    out.push_str(rest);
    out.push('"');
}

/// The width of [`push_literal`]'s output.
fn literal_width(value: &str) -> usize {
    if value
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        return value.len() + 2;
    }
    let mut scratch = String::new();
    push_literal(&mut scratch, value);
    scratch.len()
}

/// `///` and the line, as prettyplease prints `#[doc = " line"]` (trailing spaces
/// trimmed). No doc line the generator writes has a line break or starts with `/`,
/// which prettyplease would print another way.
fn print_doc(out: &mut String, indent: usize, line: &str) {
    debug_assert!(!line.contains('\n'));
    push_indent(out, indent);
    out.push_str("///");
    if !line.is_empty() {
        out.push(' ');
        out.push_str(line.trim_end_matches(' '));
    }
    out.push('\n');
}

fn print_variant(
    catalog: &Catalog,
    code: &Code,
    indent: usize,
    buffer: &mut String,
    out: &mut String,
) {
    variant_doc_lines(catalog, code, buffer, |line| print_doc(out, indent, line));
    if let Some((since, note)) = deprecation(catalog, code) {
        // `#[deprecated(since = "…", note = "…")]`
        let width = indent + 32 + literal_width(&since) + literal_width(&note);
        push_indent(out, indent);
        if width <= MARGIN {
            out.push_str("#[deprecated(since = ");
            push_literal(out, &since);
            out.push_str(", note = ");
            push_literal(out, &note);
            out.push_str(")]\n");
        } else {
            out.push_str("#[deprecated(\n");
            push_indent(out, indent + INDENT);
            out.push_str("since = ");
            push_literal(out, &since);
            out.push_str(",\n");
            push_indent(out, indent + INDENT);
            out.push_str("note = ");
            push_literal(out, &note);
            out.push('\n');
            push_indent(out, indent);
            out.push_str(")]\n");
        }
    }
    push_indent(out, indent);
    out.push_str(&code.variant);
    out.push_str(",\n");
}

/// `400 => &[ErrorCode::A, ErrorCode::B],`, or its body in a block when it does not fit.
fn print_status_arm<'a>(
    out: &mut String,
    indent: usize,
    status: u16,
    codes: impl ExactSizeIterator<Item = Path<'a>> + Clone,
) {
    let pattern = format!("{status} => ");
    let count = codes.len();
    let inline = codes.clone().map(|e| e.width()).sum::<usize>() + 2 * (count - 1) + 3;
    // The arm's comma is printed only when it fits, so it does not count.
    if indent + pattern.len() + inline <= MARGIN {
        print_list(out, indent, &format!("{pattern}&"), codes, ",", 1);
        out.push('\n');
    } else {
        push_indent(out, indent);
        out.push_str(&pattern);
        out.push_str("{\n");
        print_list(out, indent + INDENT, "&", codes, "", 0);
        out.push('\n');
        push_indent(out, indent);
        out.push_str("}\n");
    }
}

/// `"WIRE" => Some(ErrorCode::Wire),`, or its body in a block when it does not fit.
fn print_wire_arm(out: &mut String, indent: usize, code: &Code) {
    let wire = literal_width(&code.wire);
    let call = "Some(ErrorCode::".len() + code.variant.len() + 1;
    push_indent(out, indent);
    push_literal(out, &code.wire);
    // The arm's comma is printed only when it fits, so it does not count.
    if indent + wire + 4 + call <= MARGIN {
        out.push_str(" => Some(ErrorCode::");
        out.push_str(&code.variant);
        out.push_str("),\n");
        return;
    }
    out.push_str(" => {\n");
    print_some_path(out, indent + INDENT, "", &code.variant, "", 0);
    out.push('\n');
    push_indent(out, indent);
    out.push_str("}\n");
}

/// `headSome(ErrorCode::Name)tail`, or the argument on a line of its own when that does
/// not fit; `free` as in [`print_list`].
fn print_some_path(
    out: &mut String,
    indent: usize,
    head: &str,
    name: &str,
    tail: &str,
    free: usize,
) {
    let argument_width = "ErrorCode::".len() + name.len();
    push_indent(out, indent);
    out.push_str(head);
    if indent + head.len() + 6 + argument_width + tail.len() - free <= MARGIN {
        out.push_str("Some(ErrorCode::");
        out.push_str(name);
        out.push(')');
    } else {
        out.push_str("Some(\n");
        push_indent(out, indent + INDENT);
        out.push_str("ErrorCode::");
        out.push_str(name);
        out.push_str(",\n");
        push_indent(out, indent);
        out.push(')');
    }
    out.push_str(tail);
}

/// `headSome("text")tail`, or the literal on a line of its own when that does not fit.
fn print_some_literal(out: &mut String, indent: usize, head: &str, value: &str, tail: &str) {
    push_indent(out, indent);
    out.push_str(head);
    if indent + head.len() + 6 + literal_width(value) + tail.len() <= MARGIN {
        out.push_str("Some(");
        push_literal(out, value);
        out.push(')');
    } else {
        out.push_str("Some(\n");
        push_indent(out, indent + INDENT);
        push_literal(out, value);
        out.push_str(",\n");
        push_indent(out, indent);
        out.push(')');
    }
    out.push_str(tail);
}

/// A static array of struct rows: always one row per line group, since a row is wider
/// than prettyplease ever puts on one line.
fn print_rows<T>(
    out: &mut Blocks<'_>,
    place: &Place<'_>,
    rows: impl Iterator<Item = T>,
    mut print_row: impl FnMut(&mut String, usize, T),
) {
    push_indent(out, place.indent);
    out.push_str(place.head());
    out.push_str("[\n");
    for row in rows {
        print_row(out, place.indent + INDENT, row);
        out.part_done();
    }
    push_indent(out, place.indent);
    out.push(']');
    out.push_str(place.tail());
    out.push('\n');
}

/// `name: "text",` on a line of its own.
fn print_text_field(out: &mut String, indent: usize, name: &str, value: &str) {
    push_indent(out, indent);
    out.push_str(name);
    out.push_str(": ");
    push_literal(out, value);
    out.push_str(",\n");
}

fn print_code_row(out: &mut String, indent: usize, catalog: &Catalog, code: &Code) {
    let field = indent + INDENT;
    push_indent(out, indent);
    out.push_str("CodeMeta {\n");
    print_text_field(out, field, "variant", &code.variant);
    print_text_field(out, field, "code", &code.wire);
    push_indent(out, field);
    out.push_str("status: ");
    push_decimal(out, u32::from(code.status));
    out.push_str(",\n");
    print_text_field(out, field, "description", &code.description);
    print_text_field(out, field, "resolution", &code.resolution);
    print_text_field(out, field, "message", &code.message);
    push_indent(out, field);
    out.push_str("docs_url: docs_url::");
    out.push_str(&code.constant);
    out.push_str(",\n");
    match &code.action {
        Some(action) => {
            print_some_literal(out, field, "action_url: ", &action.url, ",");
            out.push('\n');
        }
        None => {
            push_indent(out, field);
            out.push_str("action_url: None,\n");
        }
    }
    push_indent(out, field);
    out.push_str(if code.retryable {
        "retryable: true,\n"
    } else {
        "retryable: false,\n"
    });
    push_indent(out, field);
    out.push_str(if code.deprecated.is_some() {
        "deprecated: true,\n"
    } else {
        "deprecated: false,\n"
    });
    match replacement(catalog, code) {
        Some(replacement) => {
            print_some_path(out, field, "replacement: ", &replacement.variant, ",", 0);
            out.push('\n');
        }
        None => {
            push_indent(out, field);
            out.push_str("replacement: None,\n");
        }
    }
    let families = code
        .families
        .iter()
        .map(|&i| Path("Family::", &catalog.families[i].variant));
    // The last field's comma comes with the line break, so it does not count.
    print_list(out, field, "families: &", families, ",", 1);
    out.push('\n');
    push_indent(out, indent);
    out.push_str("},\n");
}

fn print_family_row(
    out: &mut String,
    indent: usize,
    catalog: &Catalog,
    family: &crate::model::Family,
) {
    let field = indent + INDENT;
    push_indent(out, indent);
    out.push_str("FamilyMeta {\n");
    print_text_field(out, field, "id", &family.id);
    print_text_field(out, field, "title", &family.title);
    match &family.description {
        Some(text) => {
            print_some_literal(out, field, "description: ", text, ",");
            out.push('\n');
        }
        None => {
            push_indent(out, field);
            out.push_str("description: None,\n");
        }
    }
    let codes = family
        .codes
        .iter()
        .map(|&i| Path("ErrorCode::", &catalog.codes[i].variant));
    // The last field's comma comes with the line break, so it does not count.
    print_list(out, field, "codes: &", codes, ",", 1);
    out.push('\n');
    push_indent(out, indent);
    out.push_str("},\n");
}

/// One arm of the switch on the length, as prettyplease prints [`switch_arms`]' arm.
fn print_switch_arm(out: &mut String, indent: usize, len: usize, node: &Node) {
    push_indent(out, indent);
    push_decimal(out, len as u32);
    if let Node::Key(_) = node {
        // At most 48 columns past an indentation of at most 16: always on one line.
        out.push_str(" => one_of(bytes, &tables::LENGTH_");
        push_decimal(out, len as u32);
        out.push_str(", 0),\n");
        return;
    }
    out.push_str(" => {\n");
    print_index(out, indent + INDENT, "let index = ", node, &mut 0, ";");
    push_indent(out, indent + INDENT);
    out.push_str("one_of(bytes, &tables::LENGTH_");
    push_decimal(out, len as u32);
    out.push_str(", index)\n");
    push_indent(out, indent);
    out.push_str("}\n");
}

/// [`expand_index`]'s `match` for a switch `node`, as a line starting with `head` and
/// ending with `tail`; a `match` has one arm a line, and an arm whose value is another
/// `match` puts it in a block. `next` counts the leaves, as in [`expand_index`].
fn print_index(
    out: &mut String,
    indent: usize,
    head: &str,
    node: &Node,
    next: &mut usize,
    tail: &str,
) {
    let Node::Byte { position, branches } = node else {
        unreachable!("an index `match` is printed for a switch on a byte");
    };
    push_indent(out, indent);
    out.push_str(head);
    out.push_str("match bytes[");
    push_decimal(out, *position as u32);
    out.push_str("] {\n");
    let arm = indent + INDENT;
    for (i, (byte, branch)) in branches.iter().enumerate() {
        push_indent(out, arm);
        if i + 1 == branches.len() {
            out.push('_');
        } else {
            push_byte_literal(out, *byte);
        }
        match branch {
            Node::Key(_) => {
                out.push_str(" => ");
                push_decimal(out, *next as u32);
                *next += 1;
                out.push_str(",\n");
            }
            Node::Byte { .. } => {
                out.push_str(" => {\n");
                print_index(out, arm + INDENT, "", branch, next, "");
                push_indent(out, arm);
                out.push_str("}\n");
            }
        }
    }
    push_indent(out, indent);
    out.push('}');
    out.push_str(tail);
    out.push('\n');
}

/// A byte literal as proc-macro2 writes `Literal::byte_character`: wire strings hold only
/// letters, digits, `_`, `-`, `.` and `/`, none of which is escaped.
fn push_byte_literal(out: &mut String, byte: u8) {
    debug_assert!(byte.is_ascii_graphic() && byte != b'\'' && byte != b'\\');
    out.push_str("b'");
    out.push(char::from(byte));
    out.push('\'');
}

/// A byte string literal as proc-macro2 writes `Literal::byte_string` for a wire string
/// (printable ASCII, never `"` or `\`).
fn push_byte_string(out: &mut String, value: &str) {
    debug_assert!(value
        .bytes()
        .all(|b| b.is_ascii_graphic() && b != b'"' && b != b'\\'));
    out.push_str("b\"");
    out.push_str(value);
    out.push('"');
}

/// One of the switch's tables, as prettyplease prints [`length_tables`]' item.
fn print_length_table(out: &mut String, indent: usize, catalog: &Catalog, len: usize, node: &Node) {
    print_doc(out, indent, &length_table_doc(len));
    let keys = node.keys();
    if lists_deprecated(catalog, &keys) {
        push_indent(out, indent);
        out.push_str("#[allow(deprecated)]\n");
    }
    let head = format!(
        "pub(crate) const LENGTH_{len}: [(&[u8; {len}], ErrorCode); {}] = ",
        keys.len()
    );
    let rows: Vec<Row<'_>> = keys
        .iter()
        .map(|&key| {
            let code = &catalog.codes[key];
            Row(&code.wire, &code.variant)
        })
        .collect();
    let inline = rows.iter().map(Row::width).sum::<usize>() + 2 * (rows.len() - 1) + 2;
    push_indent(out, indent);
    out.push_str(&head);
    // The item's `;` counts against the margin.
    if indent + head.len() + inline + ";".len() <= MARGIN {
        out.push('[');
        for (i, row) in rows.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            row.push(out);
        }
        out.push_str("];\n");
        return;
    }
    out.push_str("[\n");
    let element = indent + INDENT;
    for (i, row) in rows.iter().enumerate() {
        // An element's comma counts against the margin, but the last one's, which
        // prettyplease adds only when it breaks the list, does not.
        let comma = usize::from(i + 1 < rows.len());
        push_indent(out, element);
        if element + row.width() + comma <= MARGIN {
            row.push(out);
        } else {
            out.push_str("(\n");
            push_indent(out, element + INDENT);
            push_byte_string(out, row.0);
            out.push_str(",\n");
            push_indent(out, element + INDENT);
            out.push_str("ErrorCode::");
            out.push_str(row.1);
            out.push_str(",\n");
            push_indent(out, element);
            out.push(')');
        }
        out.push_str(",\n");
    }
    push_indent(out, indent);
    out.push_str("];\n");
}

/// A row of a switch table, `(b"WIRE", ErrorCode::Wire)`: the wire string and variant.
struct Row<'a>(&'a str, &'a str);

impl Row<'_> {
    fn width(&self) -> usize {
        "(b\"".len() + self.0.len() + "\", ErrorCode::".len() + self.1.len() + ")".len()
    }

    fn push(&self, out: &mut String) {
        out.push('(');
        push_byte_string(out, self.0);
        out.push_str(", ErrorCode::");
        out.push_str(self.1);
        out.push(')');
    }
}

fn print_docs_url(out: &mut String, indent: usize, code: &Code) {
    print_doc(out, indent, &docs_url_doc(code));
    push_indent(out, indent);
    out.push_str("pub const ");
    out.push_str(&code.constant);
    out.push_str(": &str = ");
    push_literal(out, &code.docs_url);
    out.push_str(";\n");
}

#[cfg(test)]
mod tests {
    //! The spliced files against prettyplease's own printing of the same files: every
    //! fixture and catalog of the repository, and catalogs made to put every kind of
    //! list just under, at and just over the margin, at both module depths.

    use super::super::{emit_module_with, emit_with, Build};
    use crate::{Config, Lookup, Source};

    fn catalog(text: &str, lookup: Lookup) -> crate::Catalog {
        let source = Source {
            path: "test.yaml",
            bytes: text.as_bytes(),
        };
        match Config::new().lookup(lookup).generate(source, None) {
            Ok(generated) => generated.catalog,
            Err(report) => panic!("{}\n{text}", report.render(false)),
        }
    }

    /// Asserts that every Rust output of `text` is the same both ways.
    fn assert_spliced_as_printed(name: &str, text: &str) {
        for lookup in [Lookup::Match, Lookup::Switch, Lookup::PerfectHash] {
            let catalog = catalog(text, lookup);
            let spliced = emit_with(&catalog, "header", Build::Spliced);
            let printed = emit_with(&catalog, "header", Build::Tokens);
            for (spliced, printed) in spliced.iter().zip(&printed) {
                assert_same(name, spliced.name, &spliced.contents, &printed.contents);
            }
            for features in [&[][..], &["serde", "http", "axum"]] {
                let spliced = emit_module_with(&catalog, "header", features, Build::Spliced);
                let printed = emit_module_with(&catalog, "header", features, Build::Tokens);
                assert_same(name, "the module", &spliced, &printed);
            }
        }
    }

    fn assert_same(catalog: &str, file: &str, spliced: &str, printed: &str) {
        if spliced == printed {
            return;
        }
        let line = spliced
            .lines()
            .zip(printed.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| spliced.lines().count().min(printed.lines().count()));
        let context = |text: &str| {
            text.lines()
                .skip(line.saturating_sub(3))
                .take(8)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{catalog}, {file}: spliced and printed differ at line {}\n--- spliced\n{}\n--- printed\n{}",
            line + 1,
            context(spliced),
            context(printed)
        );
    }

    #[test]
    fn every_fixture_and_catalog_is_spliced_as_prettyplease_prints_it() {
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
                assert_spliced_as_printed(&path.display().to_string(), &text);
                checked += 1;
            }
        }
        assert!(checked > 10, "found the fixtures");
    }

    /// A small deterministic random source (xorshift), so failures reproduce.
    struct Random(u64);

    impl Random {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn word(&mut self, len: usize) -> String {
            (0..len)
                .map(|i| {
                    if i > 0 && i % 7 == 0 {
                        '_'
                    } else {
                        char::from(b'A' + self.below(26) as u8)
                    }
                })
                .collect()
        }

        /// Text of about `len` bytes, with characters that need escaping now and then.
        fn text(&mut self, len: usize) -> String {
            const ODD: &[&str] = &["\\\"", "\\\\", "é", "\\n", "'", "\\u00ad", "🚀", "\\u0301"];
            let mut text = String::from("T");
            while text.len() < len {
                if self.below(12) == 0 {
                    text.push_str(ODD[self.below(ODD.len())]);
                } else if self.below(6) == 0 {
                    text.push(' ');
                } else {
                    text.push(char::from(b'a' + self.below(26) as u8));
                }
            }
            text
        }
    }

    /// A catalog whose lists, calls, arms and attributes cross the margin: the lengths
    /// of action URLs, family descriptions, deprecation notes and replacements step
    /// through it one column at a time, and wire strings, family lists and status groups
    /// vary at random around it.
    fn boundary_catalog(seed: u64, codes: usize) -> String {
        let mut random = Random(seed);
        let mut yaml = String::from(
            "api: Boundary API\ncrate: boundary-errors\nversion: 2.0.0\n\
             docs_url: https://docs.example.com/errors#{anchor}\n\
             envelopes: [linked, rest, trpc, problem]\nactions:\n",
        );
        // `action_url: Some("…"),` is 89 columns at 8 spaces in with a 60-byte URL.
        let actions = 30;
        for i in 0..actions {
            let path = "p".repeat(28 + i);
            yaml.push_str(&format!("  a{i}: https://example.com/{path}\n"));
        }
        yaml.push_str("families:\n");
        let families = 24;
        let family_id = |f: usize| format!("f{f}_{}", "x".repeat(f * 3));
        for f in 0..families {
            let id = family_id(f);
            yaml.push_str(&format!(
                "  - id: {id}\n    title: {}\n",
                random.text(5 + f * 4)
            ));
            if f % 4 != 0 {
                // `description: Some("…"),` is 89 columns at 8 spaces in with 56 bytes.
                let description = "d".repeat(46 + f);
                yaml.push_str(&format!("    description: \"{description}\"\n"));
            }
        }
        yaml.push_str("codes:\n");
        let mut live: Vec<(String, usize)> = Vec::new();
        let mut deprecations = 0;
        for i in 0..codes {
            // The first codes have a status each, and variants whose `with_status` arm
            // steps through the margin; the others have wire strings of any length.
            let (wire, status) = if i < 24 {
                (
                    format!("S{}", "s".repeat(48 + i / 2)) + &"t".repeat(i % 2),
                    400 + i,
                )
            } else if i < 42 {
                // Pairs of codes 30 to 38 bytes long, one with a variant a letter
                // shorter, whose rows in the switch's tables step through the margin.
                let len = 30 + (i - 24) / 2;
                let wire = if i % 2 == 0 {
                    format!("X{}", "x".repeat(len - 1))
                } else {
                    format!("W_{}", "w".repeat(len - 2))
                };
                (wire, 404)
            } else {
                let len = 3 + (i * 7 + random.below(5)) % 90;
                let wire = format!("{}_{i}", random.word(len));
                let wire = wire[wire.len().saturating_sub(100)..]
                    .trim_start_matches(|c: char| !c.is_ascii_alphabetic())
                    .to_owned();
                (wire, [400, 401, 404, 409][random.below(4)])
            };
            let family_count = 1 + random.below(3);
            let mut code_families: Vec<String> = (0..family_count)
                .map(|_| family_id(random.below(families)))
                .collect();
            code_families.sort();
            code_families.dedup();
            let (description, resolution) = (5 + random.below(120), 5 + random.below(80));
            let (description, resolution) = (random.text(description), random.text(resolution));
            yaml.push_str(&format!(
                "  - code: {wire}\n    status: {status}\n    family: [{}]\n    \
                 description: \"{description}\"\n    resolution: \"{resolution}\"\n",
                code_families.join(", "),
            ));
            if i % 3 == 0 {
                yaml.push_str(&format!("    action: a{}\n", (i / 3) % actions));
            }
            if random.below(5) == 0 {
                yaml.push_str("    retryable: true\n");
            }
            let deprecated = i > 0 && i % 3 == 1;
            if deprecated {
                deprecations += 1;
                yaml.push_str(&format!("    deprecated:\n      since: 1.{}.0\n", i % 3));
                if deprecations % 2 == 0 {
                    // `replacement: Some(ErrorCode::…),` is 89 columns at 8 spaces in
                    // with a 50-byte variant: pick the live code nearest the sweep.
                    let wanted = 44 + (deprecations / 2) % 12;
                    let (replacement, _) = live
                        .iter()
                        .min_by_key(|(_, len)| len.abs_diff(wanted))
                        .expect("a live code");
                    yaml.push_str(&format!("      replacement: {replacement}\n"));
                }
                if deprecations % 3 != 0 {
                    // With `use `…` instead: ` before it, the note steps through the
                    // attribute's margin.
                    let note = "n".repeat(5 + deprecations % 37);
                    yaml.push_str(&format!("      note: \"{note}\"\n"));
                }
            } else {
                let variant = crate::naming::variant_name(&wire).len();
                live.push((wire, variant));
            }
        }
        yaml
    }

    #[test]
    fn catalogs_at_every_layout_boundary_are_spliced_as_prettyplease_prints_them() {
        for seed in 1..=2 {
            let text = boundary_catalog(seed, 240);
            assert_spliced_as_printed(&format!("boundary catalog {seed}"), &text);
        }
    }
}
