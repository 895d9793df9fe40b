//! `src/docs_url.rs` of the generated crate: one documentation link constant per code.

use proc_macro2::TokenStream;
use quote::quote;

use super::rows::List;

/// Every item of `docs_url.rs`.
pub(super) fn docs_url_rs() -> TokenStream {
    let constants = List::DocsUrls.stand_in();
    quote! {
        //! Documentation links, one constant per error code, named after its wire string.
        #constants
    }
}
