//! `src/lib.rs` of the generated crate: `ErrorCode`, `Family` and their accessors.
//!
//! The crate is `no_std` with no dependencies by default; per-code facts live in one
//! static table indexed by the variant (`tables_rs`), so each accessor is a `const fn`
//! that compiles to a load.

use std::collections::BTreeMap;

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::code_meta::CODE_META;
use super::rows::List;
use super::templates;
use super::{
    allow_deprecated, docs, family_variant, from_wire, ident, inner_docs, prose, uses_perfect_hash,
    variant, DOC_WIDTH,
};
use crate::model::{Catalog, Envelope};
use crate::{text, trpc};

/// The crate's documentation and attributes, which open `lib.rs`.
pub(super) fn crate_docs(catalog: &Catalog) -> TokenStream {
    expand_crate_docs(catalog)
}

/// Every item of `lib.rs` after the module declarations, in file order.
pub(super) fn lib_items(catalog: &Catalog) -> TokenStream {
    let items = [
        expand_table_imports(catalog),
        expand_error_code(catalog),
        expand_error_code_impl(catalog),
        expand_error_code_traits(),
        expand_error_code_serde(catalog),
        expand_error_code_http(),
        expand_unknown_code(catalog),
        expand_family(catalog),
        expand_family_impl(catalog),
    ];
    items.into_iter().collect()
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn expand_crate_docs(catalog: &Catalog) -> TokenStream {
    let crate_ident = catalog.crate_name.replace('-', "_");
    let example = &catalog.codes[0];
    let mut lines = vec![
        format!(
            "Error codes of the {}, generated from its error catalog.",
            text::inline(&catalog.api)
        ),
        String::new(),
        format!(
            "{} in {}. [`ErrorCode`] has one variant per code, with its HTTP status, \
             description, resolution and documentation link; [`Family`] groups the codes as \
             the API reference does; [`docs_url`] has each code's link as a constant.",
            plural(catalog.codes.len(), "code", "codes"),
            plural(catalog.families.len(), "family", "families"),
        ),
        String::new(),
        "```".to_owned(),
        format!("use {crate_ident}::ErrorCode;"),
        String::new(),
        format!("let code: ErrorCode = {:?}.parse().unwrap();", example.wire),
        format!("assert_eq!(code, ErrorCode::{});", example.variant),
        format!("assert_eq!(code.http_status(), {});", example.status),
        format!("assert_eq!(code.as_str(), {:?});", example.wire),
        "```".to_owned(),
    ];
    lines = text_lines_to_doc(lines);
    let docs = inner_docs(lines);
    quote! {
        #docs
        #![no_std]
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
    }
}

/// Long prose lines are wrapped; code lines and blank lines are kept as they are.
fn text_lines_to_doc(lines: Vec<String>) -> Vec<String> {
    let mut in_code = false;
    let mut out = Vec::new();
    for line in lines {
        if line.starts_with("```") {
            in_code = !in_code;
        }
        if in_code || line.starts_with("```") || line.len() <= DOC_WIDTH {
            out.push(line);
        } else {
            out.extend(text::wrap_markdown(&line, DOC_WIDTH));
        }
    }
    out
}

fn expand_table_imports(catalog: &Catalog) -> TokenStream {
    if uses_perfect_hash(catalog) {
        quote! { use tables::{CodeMeta, FamilyMeta, CODES, DISPLACEMENTS, FAMILIES, HASH_SEED, SLOTS, wire_bucket, wire_hash, wire_slot}; }
    } else if catalog.lookup == crate::config::Lookup::Switch {
        quote! { use tables::{one_of, CodeMeta, FamilyMeta, CODES, FAMILIES}; }
    } else {
        quote! { use tables::{CodeMeta, FamilyMeta, CODES, FAMILIES}; }
    }
}

fn expand_error_code(catalog: &Catalog) -> TokenStream {
    let enum_docs = docs(prose([
        format!("An error code of the {}.", text::inline(&catalog.api)),
        String::new(),
        "Each variant is one wire string, the value of `error.code` in an error body. \
         Parse one with [`str::parse`] and print it with [`Display`](::core::fmt::Display) \
         or [`ErrorCode::as_str`]."
            .to_owned(),
        String::new(),
        "The enum is `#[non_exhaustive]`: later versions of the catalog add codes.".to_owned(),
    ]));
    let variants = List::Variants.stand_in();
    quote! {
        #enum_docs
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            #variants
        }
    }
}

fn expand_error_code_impl(catalog: &Catalog) -> TokenStream {
    let all = List::AllCodes.stand_in();
    let accessors = templates::tokens(templates::ACCESSORS);
    let field_accessors = CODE_META.iter().filter_map(|field| {
        let accessor = field.accessor.as_ref()?;
        let docs = docs(prose(accessor.doc.iter().enumerate().flat_map(
            |(i, paragraph)| {
                let gap = (i > 0).then(String::new);
                gap.into_iter().chain([(*paragraph).to_owned()])
            },
        )));
        let (name, field_name) = (ident(accessor.name), ident(field.name));
        let ty: TokenStream = field.ty.parse().expect("a Rust type");
        Some(quote! {
            #docs
            #[inline]
            pub const fn #name(self) -> #ty {
                self.meta().#field_name
            }
        })
    });
    let description_in = expand_description_in(catalog);
    let with_status = expand_with_status();
    let from_wire = from_wire::expand_from_wire(catalog);
    let trpc_code = expand_trpc_code(catalog);
    let allow = allow_deprecated(catalog);
    quote! {
        #allow
        impl ErrorCode {
            /// Every code, in catalog order.
            pub const ALL: &'static [ErrorCode] = &[#all];

            /// The catalog's facts about this code.
            #[inline]
            const fn meta(self) -> &'static CodeMeta {
                &CODES[self as usize]
            }

            #(#field_accessors)*
            #description_in
            #with_status
            #trpc_code
            #from_wire
        }

        #accessors
    }
}

fn expand_description_in(catalog: &Catalog) -> TokenStream {
    let arms: Vec<TokenStream> = catalog
        .codes
        .iter()
        .flat_map(|code| {
            code.family_descriptions
                .iter()
                .map(move |(&family, wording)| {
                    let name = variant(code);
                    let family = family_variant(&catalog.families[family]);
                    quote! { (ErrorCode::#name, Family::#family) => #wording, }
                })
        })
        .collect();
    let body = if arms.is_empty() {
        quote! {
            let _ = family;
            self.description()
        }
    } else {
        quote! {
            match (self, family) {
                #(#arms)*
                _ => self.description(),
            }
        }
    };
    quote! {
        /// The description as `family`'s section of the reference words it.
        ///
        /// A code listed under several families can be worded differently in each; for
        /// any other pair this is [`ErrorCode::description`].
        pub const fn description_in(self, family: Family) -> &'static str {
            #body
        }
    }
}

fn expand_with_status() -> TokenStream {
    let arms = List::StatusArms.stand_in();
    quote! {
        /// Every code the API answers with `status`, in catalog order; empty if none.
        pub const fn with_status(status: u16) -> &'static [ErrorCode] {
            match status {
                #arms
                _ => &[],
            }
        }
    }
}

/// `ErrorCode::trpc_code`, for catalogs with the tRPC envelope: a `match` on the status
/// with one arm per number the catalog's statuses give, so the table is tRPC's and not
/// one more column per code.
fn expand_trpc_code(catalog: &Catalog) -> TokenStream {
    if !catalog.envelopes.contains(&Envelope::Trpc) {
        return TokenStream::new();
    }
    let mut statuses_by_number: BTreeMap<i32, Vec<u16>> = BTreeMap::new();
    for status in catalog.codes_by_status().into_keys() {
        let number = trpc::number_for_status(status);
        if number != trpc::FALLBACK_NUMBER {
            statuses_by_number.entry(number).or_default().push(status);
        }
    }
    let mut groups: Vec<(i32, Vec<u16>)> = statuses_by_number.into_iter().collect();
    groups.sort_by_key(|(_, statuses)| statuses[0]);
    let arms = groups.iter().map(|(number, statuses)| {
        let statuses = statuses
            .iter()
            .map(|&status| Literal::u16_unsuffixed(status));
        let number = Literal::i32_unsuffixed(*number);
        quote! { #(#statuses)|* => #number, }
    });
    let fallback = Literal::i32_unsuffixed(trpc::FALLBACK_NUMBER);
    // With no status of its own (every code a 5xx tRPC has no number for), the match
    // would be its fallback alone, which clippy flags.
    let body = if groups.is_empty() {
        quote! { #fallback }
    } else {
        quote! {
            match self.http_status() {
                #(#arms)*
                _ => #fallback,
            }
        }
    };
    quote! {
        /// The JSON-RPC number tRPC sends in `error.code` for this code, e.g. `-32004` for
        /// a 404: tRPC's number for the code's HTTP status.
        ///
        /// tRPC's client accepts an error body only with this number there; the wire
        /// string goes in `error.data.code`, which is what clients branch on. Statuses
        /// tRPC has no number of its own for share `INTERNAL_SERVER_ERROR`'s, -32603.
        pub const fn trpc_code(self) -> i32 {
            #body
        }
    }
}

fn expand_error_code_traits() -> TokenStream {
    // `from_str` returns `UnknownErrorCode` by name, not `Self::Err`: a code whose variant
    // is `Err` makes `Self::Err` ambiguous between the variant and the associated type
    // (rustc's `ambiguous_associated_items`, an error). The same holds for any associated
    // item named through `Self::` on the two enums, so the generator never does that.
    quote! {
        // Written out rather than derived: the derive is a `match` with an arm per code,
        // which costs seconds of build time on a large catalog; the table has the names.
        impl ::core::fmt::Debug for ErrorCode {
            /// Writes the variant's name, as the derive would.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.meta().variant)
            }
        }

        impl ::core::fmt::Display for ErrorCode {
            /// Writes the wire string.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::core::str::FromStr for ErrorCode {
            type Err = UnknownErrorCode;

            /// Parses a wire string; see [`ErrorCode::from_wire`].
            #[inline]
            fn from_str(code: &str) -> ::core::result::Result<Self, UnknownErrorCode> {
                ErrorCode::from_wire(code).ok_or(UnknownErrorCode { _private: () })
            }
        }
    }
}

fn expand_unknown_code(catalog: &Catalog) -> TokenStream {
    let message = format!("not an error code of the {}", catalog.api);
    quote! {
        /// The error of parsing a string that is not a code of this catalog.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct UnknownErrorCode {
            _private: (),
        }

        impl ::core::fmt::Display for UnknownErrorCode {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(#message)
            }
        }

        impl ::core::error::Error for UnknownErrorCode {}
    }
}

fn expand_error_code_serde(catalog: &Catalog) -> TokenStream {
    // A catalog without envelopes has no `envelopes::Code` to point at.
    let deserialize_docs = if catalog.envelopes.is_empty() {
        docs([
            "Deserializes from the wire string; a string this version does not know is an error."
                .to_owned(),
        ])
    } else {
        docs([
            "Deserializes from the wire string; a string this version does not know is an"
                .to_owned(),
            "error (use [`envelopes::Code`] to keep unknown codes).".to_owned(),
        ])
    };
    quote! {
        /// Serializes as the wire string.
        #[cfg(feature = "serde")]
        impl ::serde::Serialize for ErrorCode {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #deserialize_docs
        #[cfg(feature = "serde")]
        impl<'de> ::serde::Deserialize<'de> for ErrorCode {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                deserializer.deserialize_str(ErrorCodeVisitor)
            }
        }

        /// Reads an [`ErrorCode`] from a string without allocating.
        #[cfg(feature = "serde")]
        struct ErrorCodeVisitor;

        #[cfg(feature = "serde")]
        impl ::serde::de::Visitor<'_> for ErrorCodeVisitor {
            type Value = ErrorCode;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an error code string")
            }

            fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<ErrorCode, E> {
                ErrorCode::from_wire(code)
                    .ok_or_else(|| E::invalid_value(::serde::de::Unexpected::Str(code), &self))
            }
        }
    }
}

fn expand_error_code_http() -> TokenStream {
    quote! {
        #[cfg(feature = "http")]
        impl ErrorCode {
            /// The HTTP status as an [`http::StatusCode`].
            pub fn status_code(self) -> ::http::StatusCode {
                // Every catalog status is in 400..=599, which `from_u16` always accepts.
                ::http::StatusCode::from_u16(self.http_status())
                    .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR)
            }
        }
    }
}

fn expand_family(catalog: &Catalog) -> TokenStream {
    let variants = catalog.families.iter().map(|family| {
        let mut lines = text::wrapped(&family.title, DOC_WIDTH);
        if let Some(description) = &family.description {
            lines.push(String::new());
            lines.extend(text::wrapped(description, DOC_WIDTH));
        }
        let docs = docs(lines);
        let name = family_variant(family);
        quote! { #docs #name, }
    });
    quote! {
        /// A group of codes, as the sections of the API reference group them.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Family {
            #(#variants)*
        }
    }
}

fn expand_family_impl(catalog: &Catalog) -> TokenStream {
    let all = catalog.families.iter().map(family_variant);
    quote! {
        impl Family {
            /// Every family, in the reference's order.
            pub const ALL: &'static [Family] = &[#(Family::#all),*];

            /// The catalog's facts about this family.
            const fn meta(self) -> &'static FamilyMeta {
                &FAMILIES[self as usize]
            }

            /// The family's id in the catalog, e.g. `rate_limiting`.
            pub const fn id(self) -> &'static str {
                self.meta().id
            }

            /// The title of the family's section in the reference.
            pub const fn title(self) -> &'static str {
                self.meta().title
            }

            /// A sentence about the family, if the catalog has one.
            pub const fn description(self) -> Option<&'static str> {
                self.meta().description
            }

            /// The family's codes, in catalog order.
            pub const fn codes(self) -> &'static [ErrorCode] {
                self.meta().codes
            }
        }

        impl ::core::fmt::Display for Family {
            /// Writes the family's id.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.id())
            }
        }
    }
}
