//! `src/tables.rs` of the generated crate: one row of facts per code and per family, and
//! the perfect hash's tables when `from_wire` uses it.

use proc_macro2::{Literal, TokenStream};
use quote::quote;

use super::code_meta::CODE_META;
use super::rows::List;
use super::templates;
use super::{allow_deprecated, inner_docs, phf, prose, uses_perfect_hash};
use crate::config::Lookup;
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
    let purpose = match catalog.lookup {
        Lookup::PerfectHash => {
            "The catalog's facts as static tables, one row per variant, and the perfect hash \
             behind `ErrorCode::from_wire`."
        }
        Lookup::Switch => {
            "The catalog's facts as static tables, one row per variant, and the comparison \
             behind `ErrorCode::from_wire`."
        }
        _ => "The catalog's facts as static tables, one row per variant.",
    };
    let docs = inner_docs(prose([purpose.to_owned()]));
    quote! {
        #docs
        use super::{docs_url, ErrorCode, Family};
    }
}

fn expand_code_table(catalog: &Catalog) -> TokenStream {
    let len = Literal::usize_unsuffixed(catalog.codes.len());
    let rows = List::CodeRows.stand_in();
    let fields = CODE_META.iter().map(|field| {
        let name = super::ident(field.name);
        let ty: TokenStream = field.ty.parse().expect("a Rust type");
        quote! { pub(crate) #name: #ty, }
    });
    quote! {
        /// What the catalog says about one code.
        pub(crate) struct CodeMeta {
            #(#fields)*
        }

        /// One row per code, in variant order, so `ErrorCode as usize` is the row.
        pub(crate) static CODES: [CodeMeta; #len] = [#rows];
    }
}

fn expand_family_table(catalog: &Catalog) -> TokenStream {
    let allow = allow_deprecated(catalog);
    let len = Literal::usize_unsuffixed(catalog.families.len());
    let rows = List::FamilyRows.stand_in();
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
        pub(crate) static FAMILIES: [FamilyMeta; #len] = [#rows];
    }
}

/// The perfect hash behind `from_wire`: its functions and tables.
fn expand_lookup_tables(catalog: &Catalog) -> TokenStream {
    if catalog.lookup == Lookup::Switch {
        let runtime = templates::tokens(templates::SWITCH_RUNTIME);
        let tables = List::LengthTables.stand_in();
        return quote! { #runtime #tables };
    }
    if !uses_perfect_hash(catalog) {
        return TokenStream::new();
    }
    let runtime = templates::tokens(templates::PHF_RUNTIME);
    let codes = catalog.codes.len();
    let buckets = Literal::usize_unsuffixed(phf::bucket_count(codes));
    let len = Literal::usize_unsuffixed(phf::slot_count(codes));
    let [seed, displacements, slots] =
        [List::HashSeed, List::Displacements, List::Slots].map(List::stand_in);
    // Slots hold variant indices; 16 bits are enough for all but the largest catalogs.
    let slot_type = if phf::slot_count(codes) <= usize::from(u16::MAX) {
        quote! { u16 }
    } else {
        quote! { u32 }
    };
    quote! {
        #runtime

        /// The seed the generator picked so that every code gets a slot of its own.
        pub(crate) const HASH_SEED: u64 = #seed;

        /// One displacement pair per bucket of the perfect hash.
        pub(crate) static DISPLACEMENTS: [(u32, u32); #buckets] = [#displacements];

        /// For each slot of the perfect hash, the index in [`ErrorCode::ALL`] of its code.
        pub(crate) static SLOTS: [#slot_type; #len] = [#slots];
    }
}
