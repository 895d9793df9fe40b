//! Stage 4: model -> the Rust sources of the generated crate.
//!
//! Each file is built with `quote!` from small `expand_*` functions, then formatted by
//! prettyplease (pinned by Cargo.lock, so every machine prints the same bytes). `lib_rs`
//! writes `lib.rs` (the codes, families and links), `tables_rs` the static tables,
//! `docs_url_rs` the links, `envelopes` the JSON bodies behind the `serde` feature,
//! `serde_shape` their hand-written (de)serialization, and `retry` the back-off helper.
//! The per-code lists (variants, table rows, constants, arms) are the exception: `rows`
//! prints them itself, one element a line, into prettyplease's output of the rest, since
//! round-tripping them through syn was most of the generator's time and memory.
//!
//! Names from a catalog become only `ErrorCode` and `Family` variants and the constants
//! of `docs_url`. Variants are always reached through their enum (`ErrorCode::Err`),
//! never imported, so they cannot shadow the prelude (`Some`, `Ok`, `String`) or the
//! crate's own items, which the emitted code names unqualified; `docs_url` holds nothing
//! else. What a variant does shadow is an associated item named through `Self::` in a
//! trait impl on its enum: `Self::Err` in `impl FromStr for ErrorCode` is ambiguous once
//! a code is called `err`. So those impls name the concrete type instead, and
//! `tests/fixtures/valid/trait_item_names.yaml` has a code named after every associated
//! item, prelude name and crate item the generated code uses.

mod code_meta;
mod docs_url_rs;
mod envelopes;
mod error_rs;
mod from_wire;
mod lib_rs;
mod phf;
mod retry;
mod rows;
mod serde_shape;
mod switch;
mod tables_rs;
mod templates;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use std::path::Path;

use crate::emit::files::{OutputFile, Settings};
use crate::emit::{Blocks, TextOut};
use crate::model::{Catalog, Code, Family};
use crate::text;

/// Doc comment lines are wrapped to this many characters.
const DOC_WIDTH: usize = 90;

/// Builds the tokens of one file (or module) from the catalog.
type Builder = fn(&Catalog) -> TokenStream;

/// A module of the generated crate besides its root.
struct Submodule {
    name: &'static str,
    /// Its file under `src/` in the crate layout.
    file: &'static str,
    public: bool,
    /// Whether it exists only with the `serde` feature.
    serde_only: bool,
    build: Builder,
    /// About how many bytes of its file each code takes.
    bytes_per_code: usize,
}

/// The crate's modules, in declaration order.
fn submodules(catalog: &Catalog) -> Vec<Submodule> {
    let mut modules = Vec::new();
    if !catalog.envelopes.is_empty() {
        modules.push(Submodule {
            name: "envelopes",
            file: "envelopes.rs",
            public: true,
            serde_only: true,
            build: envelopes::envelopes_rs,
            bytes_per_code: 0,
        });
    }
    modules.push(Submodule {
        name: "error",
        file: "error.rs",
        public: false,
        serde_only: false,
        build: error_rs::error_rs,
        bytes_per_code: 300,
    });
    if error_rs::has_detail_types(catalog) {
        modules.push(Submodule {
            name: "details",
            file: "details.rs",
            public: true,
            serde_only: false,
            build: error_rs::details_rs,
            bytes_per_code: 0,
        });
    }
    modules.push(Submodule {
        name: "docs_url",
        file: "docs_url.rs",
        public: true,
        serde_only: false,
        build: |_| docs_url_rs::docs_url_rs(),
        bytes_per_code: 220,
    });
    modules.push(Submodule {
        name: "retry",
        file: "retry.rs",
        public: true,
        serde_only: false,
        build: |_| retry::retry_rs(),
        bytes_per_code: 0,
    });
    modules.push(Submodule {
        name: "tables",
        file: "tables.rs",
        public: false,
        serde_only: false,
        build: tables_rs::tables_rs,
        bytes_per_code: 600,
    });
    modules
}

/// The declarations of the crate's modules: `mod name;`, or with `inline` the module
/// with its body, for the single-file layout.
fn expand_submodules(catalog: &Catalog, inline: bool) -> TokenStream {
    let modules: TokenStream = submodules(catalog)
        .into_iter()
        .map(|module| {
            let name = ident(module.name);
            let visibility = module.public.then(|| quote! { pub });
            let cfg = module
                .serde_only
                .then(|| quote! { #[cfg(feature = "serde")] });
            if inline {
                let body = (module.build)(catalog);
                quote! { #cfg #visibility mod #name { #body } }
            } else {
                quote! { #cfg #visibility mod #name; }
            }
        })
        .collect();
    quote! {
        #modules
        pub use error::Error;
    }
}

/// `lib.rs`: the crate's docs, its module declarations and its items.
fn lib_rs(catalog: &Catalog) -> TokenStream {
    let docs = lib_rs::crate_docs(catalog);
    let modules = expand_submodules(catalog, false);
    let items = lib_rs::lib_items(catalog);
    quote! { #docs #modules #items }
}

/// The crate's sources under `src/`, `lib.rs` first, each written a code at a time.
pub(crate) fn source_files<'a>(
    catalog: &'a Catalog,
    settings: &Settings<'a>,
) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    let root = ("lib.rs", lib_rs as Builder, 450);
    let modules = submodules(catalog)
        .into_iter()
        .map(|module| (module.file, module.build, module.bytes_per_code));
    std::iter::once(root)
        .chain(modules)
        .map(|(name, build, bytes_per_code)| {
            OutputFile::new(
                catalog,
                Path::new("src").join(name),
                bytes_per_code,
                move |out| {
                    print_file(catalog, &parse_file(build(catalog)), header, out);
                },
            )
        })
        .collect()
}

/// The single-file module, `<crate_name>.rs`: see [`write_module`].
pub(crate) fn module_files<'a>(
    catalog: &'a Catalog,
    settings: &Settings<'a>,
) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    let features: Vec<&'static str> = settings.module_features.iter().map(|f| f.name()).collect();
    let path = format!("{}.rs", catalog.crate_name.replace('-', "_"));
    vec![OutputFile::new(catalog, path, 1300, move |out| {
        write_module(catalog, header, &features, out);
    })]
}

/// The whole crate as one file of items, with its modules inline, to be `include!`d into
/// a module of another crate (crate-level attributes and docs cannot be included, so
/// they are left out; the including module gives its own).
///
/// The including crate has no features of ours, so each `#[cfg(feature = "...")]` item
/// is kept, without the attribute, when its feature is in `features`, and left out
/// otherwise.
fn write_module(catalog: &Catalog, header: &str, features: &[&str], out: &mut dyn TextOut) {
    let modules = expand_submodules(catalog, true);
    let items = lib_rs::lib_items(catalog);
    let mut file: syn::File =
        syn::parse2(quote! { #modules #items }).expect("the generator emits valid Rust");
    resolve_features(&mut file.items, features);
    print_file(catalog, &file, header, out);
}

/// Keeps the items whose `cfg(feature = ...)` is enabled, without that attribute, and
/// drops the others, in inline modules too.
fn resolve_features(items: &mut Vec<syn::Item>, features: &[&str]) {
    items.retain_mut(|item| {
        let Some(attrs) = item_attrs(item) else {
            return true;
        };
        let mut enabled = true;
        attrs.retain(|attr| match feature_of(attr) {
            Some(feature) => {
                enabled &= features.contains(&feature.as_str());
                false
            }
            None => true,
        });
        enabled
    });
    for item in items {
        if let syn::Item::Mod(syn::ItemMod {
            content: Some((_, items)),
            ..
        }) = item
        {
            resolve_features(items, features);
        }
    }
}

/// The attributes of the kinds of item the generator puts behind a feature.
fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    match item {
        syn::Item::Const(item) => Some(&mut item.attrs),
        syn::Item::Enum(item) => Some(&mut item.attrs),
        syn::Item::ExternCrate(item) => Some(&mut item.attrs),
        syn::Item::Fn(item) => Some(&mut item.attrs),
        syn::Item::Impl(item) => Some(&mut item.attrs),
        syn::Item::Mod(item) => Some(&mut item.attrs),
        syn::Item::Static(item) => Some(&mut item.attrs),
        syn::Item::Struct(item) => Some(&mut item.attrs),
        syn::Item::Use(item) => Some(&mut item.attrs),
        _ => None,
    }
}

/// `serde` for `#[cfg(feature = "serde")]`.
fn feature_of(attr: &syn::Attribute) -> Option<String> {
    if !attr.path().is_ident("cfg") {
        return None;
    }
    let condition: syn::MetaNameValue = attr.parse_args().ok()?;
    if !condition.path.is_ident("feature") {
        return None;
    }
    match condition.value {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(name),
            ..
        }) => Some(name.value()),
        _ => None,
    }
}

/// A file's tokens as syn's tree, for prettyplease.
fn parse_file(tokens: TokenStream) -> syn::File {
    syn::parse2(tokens).expect("the generator emits valid Rust")
}

/// Writes `file` under the generated-file `header`, its per-code lists spliced in, into
/// `out` a code at a time.
fn print_file(catalog: &Catalog, file: &syn::File, header: &str, out: &mut dyn TextOut) {
    let skeleton = separate_items(&prettyplease::unparse(file));
    let mut out = Blocks::handed_to(out);
    out.reserve_whole(header.len() + 4 + skeleton.len());
    out.push_str("// ");
    out.push_str(header);
    out.push('\n');
    rows::splice(catalog, &skeleton, &mut out);
    out.finish();
}

/// Puts a blank line between items, as people write them; prettyplease leaves none.
///
/// An item starts on a line that opens with a doc comment, an attribute or a keyword
/// and follows a line that closed the previous item (`}` or `;`), or the crate's inner
/// attributes. Every string literal the generator emits is on one line, so this never
/// touches the inside of a literal.
fn separate_items(source: &str) -> String {
    const ITEM_STARTS: &[&str] = &[
        "///", "#[", "pub ", "impl ", "impl<", "const ", "fn ", "static ", "struct ", "enum ",
        "mod ", "use ", "extern ",
    ];
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut previous = "";
    for line in source.lines() {
        let current = line.trim_start();
        let after_item =
            !previous.starts_with("//") && (previous.ends_with('}') || previous.ends_with(';'));
        let after_inner_attributes = previous.starts_with("#![") && !current.starts_with("#![");
        let after_module_docs = previous.starts_with("//!") && !current.starts_with("//!");
        let starts_item = ITEM_STARTS.iter().any(|start| current.starts_with(start));
        if (after_item && starts_item) || after_inner_attributes || after_module_docs {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = current;
    }
    out
}

/// `#[doc = " line"]` attributes that print as `/// line`.
fn docs<I: IntoIterator<Item = String>>(lines: I) -> TokenStream {
    lines
        .into_iter()
        .map(|line| {
            let line = doc_line(line);
            quote! { #[doc = #line] }
        })
        .collect()
}

/// `#![doc = " line"]` attributes that print as `//! line`.
fn inner_docs<I: IntoIterator<Item = String>>(lines: I) -> TokenStream {
    lines
        .into_iter()
        .map(|line| {
            let line = doc_line(line);
            quote! { #![doc = #line] }
        })
        .collect()
}

/// A doc attribute's text: a space after the `///`, except on blank lines.
fn doc_line(line: String) -> String {
    if line.is_empty() {
        line
    } else {
        format!(" {line}")
    }
}

/// Paragraphs of Markdown wrapped for doc comments; empty strings separate paragraphs.
fn prose<I: IntoIterator<Item = String>>(paragraphs: I) -> Vec<String> {
    paragraphs
        .into_iter()
        .flat_map(|line| {
            if line.is_empty() {
                vec![line]
            } else {
                text::wrap_markdown(&line, DOC_WIDTH)
            }
        })
        .collect()
}

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

/// The `ErrorCode` variant of `code`.
fn variant(code: &Code) -> Ident {
    ident(&code.variant)
}

/// The `Family` variant of `family`.
fn family_variant(family: &Family) -> Ident {
    ident(&family.variant)
}

/// Whether `from_wire` uses the perfect hash (and `tables.rs` has its tables).
fn uses_perfect_hash(catalog: &Catalog) -> bool {
    catalog.lookup == crate::config::Lookup::PerfectHash
}

/// `#[allow(deprecated)]` on items that name every variant, when some are deprecated:
/// the crate's own code must not warn about the codes it still has to list.
fn allow_deprecated(catalog: &Catalog) -> TokenStream {
    if catalog.has_deprecated() {
        quote! { #[allow(deprecated)] }
    } else {
        TokenStream::new()
    }
}
