//! `src/docs_url.rs` of the generated crate: one documentation link constant per code.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use crate::model::Catalog;

/// Every item of `docs_url.rs`.
pub(super) fn docs_url_rs(catalog: &Catalog) -> TokenStream {
    let constants = catalog.codes.iter().map(|code| {
        let doc = format!(
            " Documentation of [`{0}`](super::ErrorCode::{1}).",
            code.wire, code.variant
        );
        let name = format_ident!("{}", code.constant);
        let url = &code.docs_url;
        quote! {
            #[doc = #doc]
            pub const #name: &str = #url;
        }
    });
    quote! {
        //! Documentation links, one constant per error code, named after its wire string.
        #(#constants)*
    }
}
