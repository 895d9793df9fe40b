//! `ErrorCode::from_wire`: a switch on the length and a byte or two, a perfect hash, or
//! a string `match` (the choice is the model's `lookup`, from the configured one).

use proc_macro2::TokenStream;
use quote::quote;

use super::rows::List;
use crate::config::Lookup;
use crate::model::Catalog;

/// `ErrorCode::from_wire`, as the catalog's lookup says.
pub(super) fn expand_from_wire(catalog: &Catalog) -> TokenStream {
    match catalog.lookup {
        Lookup::Switch => expand_switch_from_wire(catalog),
        Lookup::PerfectHash => expand_hash_from_wire(),
        _ => expand_match_from_wire(),
    }
}

fn expand_hash_from_wire() -> TokenStream {
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

fn expand_match_from_wire() -> TokenStream {
    let arms = List::WireArms.stand_in();
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

fn expand_switch_from_wire(catalog: &Catalog) -> TokenStream {
    let arms = List::SwitchArms.stand_in();
    let inline = if catalog.codes.len() <= INLINE_SWITCH_LIMIT {
        quote! { #[inline(always)] }
    } else {
        quote! { #[inline] }
    };
    quote! {
        /// The code whose wire string is `code`, if this catalog has one.
        ///
        /// Matching is exact: wire strings are never re-cased. The lookup switches on the
        /// length, picks the one code of that length `code` can be by the byte (or two)
        /// that the generator found tells them apart, and compares the two.
        #inline
        pub fn from_wire(code: &str) -> Option<ErrorCode> {
            let bytes = code.as_bytes();
            match bytes.len() {
                #arms
                _ => None,
            }
        }
    }
}

/// Up to this many codes, the switch is inlined wherever `from_wire` is called: a few
/// kilobytes of code that save a call (about 1 ns of a 3 ns lookup, measured on the
/// Relay catalog).
const INLINE_SWITCH_LIMIT: usize = 256;
