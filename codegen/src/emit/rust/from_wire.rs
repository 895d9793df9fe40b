//! `ErrorCode::from_wire`: a string `match`, or a perfect hash for large catalogs (the
//! choice is the model's `perfect_hash`, from the configured lookup).

use proc_macro2::TokenStream;
use quote::quote;

use super::{rows, uses_perfect_hash, Build};
use crate::model::Catalog;

/// `ErrorCode::from_wire`, as the catalog's lookup says.
pub(super) fn expand_from_wire(catalog: &Catalog, build: Build) -> TokenStream {
    if !uses_perfect_hash(catalog) {
        return expand_match_from_wire(catalog, build);
    }
    quote! {
        /// The code whose wire string is `code`, if this catalog has one.
        ///
        /// Matching is exact: wire strings are never re-cased. The lookup is a perfect
        /// hash chosen by the generator: one hash of `code`, two table reads and a single
        /// string comparison, however many codes the catalog has.
        #[inline]
        pub fn from_wire(code: &str) -> Option<ErrorCode> {
            let hash = wire_hash(code.as_bytes(), HASH_SEED);
            let displacement = DISPLACEMENTS[wire_bucket(hash, DISPLACEMENTS.len() as u32) as usize];
            let slot = wire_slot(hash, displacement, SLOTS.len() as u32);
            let candidate = ErrorCode::ALL[SLOTS[slot as usize] as usize];
            if candidate.as_str() == code {
                Some(candidate)
            } else {
                None
            }
        }
    }
}

fn expand_match_from_wire(catalog: &Catalog, build: Build) -> TokenStream {
    let arms = rows::wire_arms(catalog, build);
    quote! {
        /// The code whose wire string is `code`, if this catalog has one.
        ///
        /// Matching is exact: wire strings are never re-cased. With this few codes the
        /// lookup is a `match`, which rustc turns into a switch on the length and a few
        /// inlined comparisons; larger catalogs get a perfect hash instead.
        #[inline]
        pub fn from_wire(code: &str) -> Option<ErrorCode> {
            match code {
                #arms
                _ => None,
            }
        }
    }
}
