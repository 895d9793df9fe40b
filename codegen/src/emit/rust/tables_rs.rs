//! `src/tables.rs` of the generated crate: one row of facts per code and per family, and
//! the perfect hash's tables when `from_wire` uses it.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::{
    allow_deprecated, family_variant, ident, inner_docs, prose, uses_perfect_hash, variant,
};
use crate::model::Catalog;

/// Every item of `tables.rs`: the per-code and per-family rows, and the perfect hash.
pub(super) fn tables_rs(catalog: &Catalog) -> TokenStream {
    let items = [
        expand_tables_header(catalog),
        expand_code_table(catalog),
        expand_lookup_tables(catalog),
        expand_family_table(catalog),
    ];
    items.into_iter().collect()
}

fn expand_tables_header(catalog: &Catalog) -> TokenStream {
    let purpose = if uses_perfect_hash(catalog) {
        "The catalog's facts as static tables, one row per variant, and the perfect hash \
         behind `ErrorCode::from_wire`."
    } else {
        "The catalog's facts as static tables, one row per variant."
    };
    let docs = inner_docs(prose([purpose.to_owned()]));
    quote! {
        #docs
        use super::{docs_url, ErrorCode, Family};
    }
}

fn expand_code_table(catalog: &Catalog) -> TokenStream {
    let len = Literal::usize_unsuffixed(catalog.codes.len());
    let rows = catalog.codes.iter().map(|code| {
        let wire = &code.wire;
        let variant_name = &code.variant;
        let status = Literal::u16_unsuffixed(code.status);
        let (description, resolution, message) =
            (&code.description, &code.resolution, &code.message);
        let constant = ident(&code.constant);
        let action_url = match &code.action {
            Some(action) => {
                let url = &action.url;
                quote! { Some(#url) }
            }
            None => quote! { None },
        };
        let retryable = code.retryable;
        let deprecated = code.deprecated.is_some();
        let replacement = match code.deprecated.as_ref().and_then(|d| d.replacement) {
            Some(index) => {
                let name = variant(&catalog.codes[index]);
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
    });
    quote! {
        /// What the catalog says about one code.
        pub(crate) struct CodeMeta {
            pub(crate) variant: &'static str,
            pub(crate) code: &'static str,
            pub(crate) status: u16,
            pub(crate) description: &'static str,
            pub(crate) resolution: &'static str,
            pub(crate) message: &'static str,
            pub(crate) docs_url: &'static str,
            pub(crate) action_url: Option<&'static str>,
            pub(crate) retryable: bool,
            pub(crate) deprecated: bool,
            pub(crate) replacement: Option<ErrorCode>,
            pub(crate) families: &'static [Family],
        }

        /// One row per code, in variant order, so `ErrorCode as usize` is the row.
        pub(crate) static CODES: [CodeMeta; #len] = [#(#rows)*];
    }
}

fn expand_family_table(catalog: &Catalog) -> TokenStream {
    let allow = allow_deprecated(catalog);
    let len = Literal::usize_unsuffixed(catalog.families.len());
    let rows = catalog.families.iter().map(|family| {
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
    });
    quote! {
        /// What the catalog says about one family.
        pub(crate) struct FamilyMeta {
            pub(crate) id: &'static str,
            pub(crate) title: &'static str,
            pub(crate) description: Option<&'static str>,
            pub(crate) codes: &'static [ErrorCode],
        }

        /// One row per family, in variant order, so `Family as usize` is the row.
        #allow
        pub(crate) static FAMILIES: [FamilyMeta; #len] = [#(#rows)*];
    }
}

/// The perfect hash's functions, the same file the generator compiles as `phf::runtime`.
const PHF_RUNTIME: &str = include_str!("templates/phf_runtime.rs");

/// The perfect hash behind `from_wire`: its functions and tables.
fn expand_lookup_tables(catalog: &Catalog) -> TokenStream {
    if !uses_perfect_hash(catalog) {
        return TokenStream::new();
    }
    let wires: Vec<&str> = catalog
        .codes
        .iter()
        .map(|code| code.wire.as_str())
        .collect();
    let table = crate::emit::rust::phf::PerfectHash::new(&wires);
    let runtime = super::template(PHF_RUNTIME);
    let seed = Literal::u64_unsuffixed(table.seed);
    let buckets = Literal::usize_unsuffixed(table.displacements.len());
    let displacements = table.displacements.iter().map(|&(d1, d2)| {
        let (d1, d2) = (Literal::u32_unsuffixed(d1), Literal::u32_unsuffixed(d2));
        quote! { (#d1, #d2) }
    });
    let len = Literal::usize_unsuffixed(table.slots.len());
    let slots = table
        .slots
        .iter()
        .map(|&index| Literal::u32_unsuffixed(index));
    // Slots hold variant indices; 16 bits are enough for all but the largest catalogs.
    let slot_type = if table.slots.len() <= usize::from(u16::MAX) {
        quote! { u16 }
    } else {
        quote! { u32 }
    };
    quote! {
        #runtime

        /// The seed the generator picked so that every code gets a slot of its own.
        pub(crate) const HASH_SEED: u64 = #seed;

        /// One displacement pair per bucket of the perfect hash.
        pub(crate) static DISPLACEMENTS: [(u32, u32); #buckets] = [#(#displacements),*];

        /// For each slot of the perfect hash, the index in [`ErrorCode::ALL`] of its code.
        pub(crate) static SLOTS: [#slot_type; #len] = [#(#slots),*];
    }
}
