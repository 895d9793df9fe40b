//! Stage 4: model -> the Rust sources of the generated crate.
//!
//! Each file is built with `quote!` from small `expand_*` functions, then formatted by
//! prettyplease (pinned by Cargo.lock, so every machine prints the same bytes). `lib_rs`
//! writes `lib.rs` (the codes, families and links), `tables_rs` the static tables,
//! `docs_url_rs` the links, `envelopes` the JSON bodies behind the `serde` feature,
//! `serde_shape` their hand-written (de)serialization, and `retry` the back-off helper.
//! The per-code lists (variants, table rows, constants, arms) are the exception: `rows`
//! prints them itself, in prettyplease's style, into prettyplease's output of the rest,
//! since round-tripping them through syn was most of the generator's time and memory.
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

mod docs_url_rs;
mod envelopes;
mod from_wire;
mod lib_rs;
mod phf;
mod retry;
mod rows;
mod serde_shape;
mod switch;
mod tables_rs;

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::emit::{Blocks, TextOut};
use crate::model::{Catalog, Code, Family};
use crate::text;

/// Doc comment lines are wrapped to this many characters.
const DOC_WIDTH: usize = 90;

/// One Rust source file of the generated crate, built.
#[cfg(test)]
#[derive(Debug)]
pub(crate) struct RustFile {
    /// The file's name under `src/`, e.g. `lib.rs`.
    pub name: &'static str,
    /// The formatted source.
    pub contents: String,
}

/// How the per-code lists of a file are built (see [`rows`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Build {
    /// As placeholders that [`rows::splice`] replaces with the lists, printed without
    /// syn or prettyplease: what the generator writes.
    Spliced,
    /// As tokens like the rest, everything printed by prettyplease: the reference the
    /// spliced files are tested against.
    #[cfg_attr(not(test), allow(dead_code, reason = "the tests' reference"))]
    Tokens,
}

/// Builds the tokens of one file (or module) from the catalog.
type Builder = fn(&Catalog, Build) -> TokenStream;

/// A module of the generated crate besides its root.
struct Submodule {
    name: &'static str,
    /// Its file under `src/` in the crate layout.
    file: &'static str,
    public: bool,
    /// Whether it exists only with the `serde` feature.
    serde_only: bool,
    build: Builder,
}

/// The crate's modules, in declaration order.
fn submodules(catalog: &Catalog) -> Vec<Submodule> {
    let module = |name, file, public, serde_only, build| Submodule {
        name,
        file,
        public,
        serde_only,
        build,
    };
    let mut modules = Vec::new();
    if !catalog.envelopes.is_empty() {
        modules.push(module(
            "envelopes",
            "envelopes.rs",
            true,
            true,
            |catalog, _| envelopes::envelopes_rs(catalog),
        ));
    }
    modules.push(module(
        "docs_url",
        "docs_url.rs",
        true,
        false,
        docs_url_rs::docs_url_rs,
    ));
    modules.push(module("retry", "retry.rs", true, false, |_, _| {
        retry::retry_rs()
    }));
    modules.push(module(
        "tables",
        "tables.rs",
        false,
        false,
        tables_rs::tables_rs,
    ));
    modules
}

/// The declarations of the crate's modules: `mod name;`, or with `inline` the module
/// with its body, for the single-file layout.
fn expand_submodules(catalog: &Catalog, inline: bool, build: Build) -> TokenStream {
    submodules(catalog)
        .into_iter()
        .map(|module| {
            let name = ident(module.name);
            let visibility = module.public.then(|| quote! { pub });
            let cfg = module
                .serde_only
                .then(|| quote! { #[cfg(feature = "serde")] });
            if inline {
                let body = (module.build)(catalog, build);
                quote! { #cfg #visibility mod #name { #body } }
            } else {
                quote! { #cfg #visibility mod #name; }
            }
        })
        .collect()
}

/// `lib.rs`: the crate's docs, its module declarations and its items.
fn lib_rs(catalog: &Catalog, build: Build) -> TokenStream {
    let docs = lib_rs::crate_docs(catalog);
    let modules = expand_submodules(catalog, false, build);
    let items = lib_rs::lib_items(catalog, build);
    quote! { #docs #modules #items }
}

/// One source file of the generated crate, not yet built.
#[derive(Clone, Copy)]
pub(crate) struct RustSource {
    /// The file's name under `src/`, e.g. `lib.rs`.
    pub name: &'static str,
    builder: Builder,
}

impl RustSource {
    /// The file's formatted contents, under `header`.
    pub(crate) fn contents(self, catalog: &Catalog, header: &str) -> String {
        self.contents_with(catalog, header, Build::Spliced)
    }

    /// [`RustSource::contents`], with the per-code lists built as `build` says.
    pub(crate) fn contents_with(self, catalog: &Catalog, header: &str, build: Build) -> String {
        let file = parse_file((self.builder)(catalog, build));
        let mut out = Blocks::whole(0);
        print_file(catalog, &file, header, build, &mut out);
        out.finish()
    }

    /// [`RustSource::contents`], into `out` a code at a time.
    pub(crate) fn write(self, catalog: &Catalog, header: &str, out: &mut dyn TextOut) {
        let file = parse_file((self.builder)(catalog, Build::Spliced));
        let mut out = Blocks::handed_to(out);
        print_file(catalog, &file, header, Build::Spliced, &mut out);
        out.finish();
    }
}

/// Every Rust source file of the generated crate, in a fixed order (`lib.rs` first).
pub(crate) fn sources(catalog: &Catalog) -> Vec<RustSource> {
    let mut sources = vec![RustSource {
        name: "lib.rs",
        builder: lib_rs,
    }];
    sources.extend(submodules(catalog).into_iter().map(|m| RustSource {
        name: m.file,
        builder: m.build,
    }));
    sources
}

/// Every Rust source file of the generated crate, built with `build`.
#[cfg(test)]
pub(crate) fn emit_with(catalog: &Catalog, header: &str, build: Build) -> Vec<RustFile> {
    sources(catalog)
        .into_iter()
        .map(|source| RustFile {
            name: source.name,
            contents: source.contents_with(catalog, header, build),
        })
        .collect()
}

/// The whole crate as one file of items, with its modules inline, to be `include!`d into
/// a module of another crate (crate-level attributes and docs cannot be included, so
/// they are left out; the including module gives its own).
///
/// The including crate has no features of ours, so each `#[cfg(feature = "...")]` item
/// is kept, without the attribute, when its feature is in `features`, and left out
/// otherwise.
pub(crate) fn emit_module(catalog: &Catalog, header: &str, features: &[&str]) -> String {
    emit_module_with(catalog, header, features, Build::Spliced)
}

/// [`emit_module`], with the per-code lists built as `build` says.
pub(crate) fn emit_module_with(
    catalog: &Catalog,
    header: &str,
    features: &[&str],
    build: Build,
) -> String {
    let modules = expand_submodules(catalog, true, build);
    let items = lib_rs::lib_items(catalog, build);
    let mut file: syn::File =
        syn::parse2(quote! { #modules #items }).expect("the generator emits valid Rust");
    resolve_features(&mut file.items, features);
    let mut out = Blocks::whole(0);
    print_file(catalog, &file, header, build, &mut out);
    out.finish()
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

/// Formats a file's tokens with prettyplease, under the generated-file header, with
/// the per-code lists spliced in when they were built as placeholders.
fn parse_file(tokens: TokenStream) -> syn::File {
    syn::parse2(tokens).expect("the generator emits valid Rust")
}

fn print_file(
    catalog: &Catalog,
    file: &syn::File,
    header: &str,
    build: Build,
    out: &mut Blocks<'_>,
) {
    let skeleton = separate_items(&prettyplease::unparse(file));
    out.reserve_whole(header.len() + 4 + skeleton.len());
    out.push_str("// ");
    out.push_str(header);
    out.push('\n');
    match build {
        Build::Spliced => rows::splice(catalog, &skeleton, out),
        Build::Tokens => out.push_str(&skeleton),
    }
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

/// The items of a template: Rust that is the same for every catalog, kept in
/// `templates/` as real source files that rustfmt and editors see.
fn template(source: &'static str) -> TokenStream {
    source.parse().expect("templates are valid Rust")
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
    catalog.lookup == crate::model::Lookup::PerfectHash
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
