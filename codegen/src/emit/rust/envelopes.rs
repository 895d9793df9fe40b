//! `src/envelopes.rs` of the generated crate: the JSON error bodies the catalog declares.
//!
//! The module exists only with the crate's `serde` feature: these types are JSON bodies
//! and nothing else. Each matches its documented shape key for key; `Code` keeps a code
//! this crate version does not know, so an older client still reads a newer server.

use proc_macro2::TokenStream;
use quote::quote;

use super::{docs, inner_docs, prose};
use super::{serde_shape, templates};
use crate::model::{Catalog, Envelope};
use crate::text;

/// The whole of `envelopes.rs`.
pub(super) fn envelopes_rs(catalog: &Catalog) -> TokenStream {
    let module_docs = expand_module_docs(catalog);
    let kinds = catalog.envelopes.iter().map(|kind| match kind {
        Envelope::Linked => expand_linked(),
        Envelope::Rest => expand_rest(),
        Envelope::Trpc => expand_trpc(),
        Envelope::Problem => expand_problem(),
    });
    let code = expand_code(catalog);
    let field_index = serde_shape::expand_field_index(&catalog.envelopes);
    let response = expand_json_response(catalog);
    let details = super::error_rs::expand_details_json(catalog);
    // Only the conversions of details name `Vec`.
    let vec = catalog
        .has_details()
        .then(|| quote! { use alloc::vec::Vec; });
    quote! {
        #module_docs
        extern crate alloc;
        use alloc::string::{String, ToString};
        #vec
        use super::ErrorCode;
        #code
        #(#kinds)*
        #details
        #field_index
        #response
    }
}

fn expand_module_docs(catalog: &Catalog) -> TokenStream {
    let names: Vec<&str> = catalog
        .envelopes
        .iter()
        .map(|kind| match kind {
            Envelope::Linked => "[`LinkedBody`]",
            Envelope::Rest => "[`RestBody`]",
            Envelope::Trpc => "[`TrpcBody`]",
            Envelope::Problem => "[`Problem`]",
        })
        .collect();
    let intro = format!(
        "The JSON error bodies of the {}: {}.",
        text::inline(&catalog.api),
        names.join(", ")
    );
    let lines = [
        intro,
        String::new(),
        "Each builds from an [`ErrorCode`] in one call, with the code's own message and \
         links, and (de)serializes to exactly the documented keys. A body carrying a code \
         this version of the crate does not know still deserializes: the code is kept as \
         [`Code::Unknown`] and serializes back unchanged. With the `axum` feature every \
         body is an `IntoResponse` with the code's status and the right content type."
            .to_owned(),
    ];
    inner_docs(prose(lines))
}

fn expand_code(catalog: &Catalog) -> TokenStream {
    let enum_docs = docs([format!(
        "An error code as received from the {}: one this crate knows, or one it does not.",
        text::inline(&catalog.api)
    )]);
    let impls = templates::tokens(templates::CODE);
    quote! {
        #enum_docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            /// A code of this catalog.
            Known(ErrorCode),
            /// A code this version of the crate does not know, exactly as received.
            Unknown(String),
        }

        #impls
    }
}

fn expand_linked() -> TokenStream {
    let types = serde_shape::expand_envelope(Envelope::Linked);
    let impls = templates::tokens(templates::LINKED);
    let response = expand_into_response("LinkedBody", quote! { JSON });
    quote! { #types #impls #response }
}

fn expand_rest() -> TokenStream {
    let types = serde_shape::expand_envelope(Envelope::Rest);
    let impls = templates::tokens(templates::REST);
    let response = expand_into_response("RestBody", quote! { JSON });
    quote! { #types #impls #response }
}

fn expand_trpc() -> TokenStream {
    let types = serde_shape::expand_envelope(Envelope::Trpc);
    let impls = templates::tokens(templates::TRPC);
    let protocol = templates::tokens(templates::TRPC_PROTOCOL);
    let responses = ["TrpcBody", "TrpcResponse", "TrpcBatch"]
        .map(|name| expand_into_response(name, quote! { JSON }));
    quote! {
        #types
        #impls
        #protocol
        #(#responses)*
    }
}

fn expand_problem() -> TokenStream {
    let types = serde_shape::expand_envelope(Envelope::Problem);
    let impls = templates::tokens(templates::PROBLEM);
    let response = expand_into_response("Problem", quote! { PROBLEM_JSON });
    quote! { #types #impls #response }
}

/// `IntoResponse` for an envelope type, behind the `axum` feature.
fn expand_into_response(name: &str, media_type: TokenStream) -> TokenStream {
    let name = super::ident(name);
    quote! {
        #[cfg(feature = "axum")]
        impl ::axum_core::response::IntoResponse for #name {
            fn into_response(self) -> ::axum_core::response::Response {
                json_response(self.status(), #media_type, &self)
            }
        }
    }
}

fn expand_json_response(catalog: &Catalog) -> TokenStream {
    // Only a catalog with the `problem` envelope has `Problem` to link to; a link to a
    // missing item breaks the crate's docs.
    let json_docs = if catalog.envelopes.contains(&Envelope::Problem) {
        "The media type of the JSON bodies other than [`Problem`]."
    } else {
        "The media type of the JSON bodies."
    };
    let json_docs = docs([json_docs.to_owned()]);
    quote! {
        #json_docs
        pub const JSON: &str = "application/json";

        /// A response with `status`, a `Content-Type` of `media_type` and `body` as JSON.
        #[cfg(feature = "axum")]
        fn json_response<T: ::serde::Serialize>(status: u16, media_type: &'static str, body: &T) -> ::axum_core::response::Response {
            use ::axum_core::response::IntoResponse as _;
            let status = ::http::StatusCode::from_u16(status)
                .unwrap_or(::http::StatusCode::INTERNAL_SERVER_ERROR);
            match ::serde_json::to_vec(body) {
                Ok(bytes) => (
                    status,
                    [(::http::header::CONTENT_TYPE, ::http::HeaderValue::from_static(media_type))],
                    bytes,
                )
                    .into_response(),
                // Envelopes hold only strings, numbers and JSON maps, which always serialize.
                Err(_) => ::http::StatusCode::INTERNAL_SERVER_ERROR.into_response(),
            }
        }
    }
}
