//! `src/error.rs` and `src/details.rs` of the generated crate: `Error`, one variant per
//! code carrying the details of one occurrence, and the object and enum types those
//! details declare; and, for `envelopes.rs`, the JSON side of both.
//!
//! Every per-code list is a placeholder the rows printers fill ([`List`]), so a large
//! catalog's `Error` costs no more to generate than its `ErrorCode`.

use proc_macro2::TokenStream;
use quote::quote;

use super::rows::{has_templates, List};
use super::{allow_deprecated, docs, inner_docs, prose};
use crate::model::details::{named_types, Detail, DetailType};
use crate::model::{Catalog, Envelope};
use crate::text;

/// Whether a value of `ty` is (or holds, outside a `details` type) a `String` or a `Vec`.
fn mentions(ty: &DetailType, vec: bool) -> bool {
    match ty {
        DetailType::String => !vec,
        DetailType::List(item) => vec || mentions(item, vec),
        _ => false,
    }
}

/// The `alloc` names the fields of `details` need.
fn alloc_imports(details: &mut dyn Iterator<Item = &Detail>) -> TokenStream {
    let (mut string, mut vec) = (false, false);
    for detail in details {
        string |= mentions(&detail.ty, false);
        vec |= mentions(&detail.ty, true);
    }
    let string = string.then(|| quote! { use alloc::string::String; });
    let vec = vec.then(|| quote! { use alloc::vec::Vec; });
    if string.is_none() && vec.is_none() {
        return TokenStream::new();
    }
    quote! { extern crate alloc; #string #vec }
}

/// Whether the catalog declares any object or enum type, so the crate has `details`.
pub(super) fn has_detail_types(catalog: &Catalog) -> bool {
    catalog
        .codes
        .iter()
        .any(|code| !named_types(&code.details).is_empty())
}

/// The whole of `error.rs`.
pub(super) fn error_rs(catalog: &Catalog) -> TokenStream {
    let module_docs = inner_docs(prose([format!(
        "[`Error`]: one occurrence of an error of the {}, with the details it carries.",
        text::inline(&catalog.api)
    )]));
    let imports = alloc_imports(&mut catalog.codes.iter().flat_map(|code| &code.details));
    let details = has_detail_types(catalog).then(|| quote! { use super::details; });
    let enum_docs = docs(prose([
        format!(
            "One occurrence of an error of the {}: its code, with the facts this \
             occurrence carries as the catalog declares them.",
            text::inline(&catalog.api)
        ),
        String::new(),
        "Its `Display` is the occurrence's message, the code's template filled with the \
         details (or the code's own message). Every envelope builds from it, and a parsed \
         envelope gives it back with `Error::try_from(&body)`. A handler can return it: \
         with the `axum` feature it is a response with the code's status and body. The \
         enum is `#[non_exhaustive]`: later versions of the catalog add codes."
            .to_owned(),
    ]));
    let variants = List::ErrorVariants.stand_in();
    let code_arms = List::ErrorCodeArms.stand_in();
    let allow = allow_deprecated(catalog);
    let display = if has_templates(catalog) {
        let arms = List::DisplayArms.stand_in();
        let rest = (catalog.codes.iter().any(|code| code.template.is_none()))
            .then(|| quote! { _ => f.write_str(self.code().message()), });
        quote! {
            match self {
                #arms
                #rest
            }
        }
    } else {
        quote! { f.write_str(self.code().message()) }
    };
    quote! {
        #module_docs
        #imports
        use super::ErrorCode;
        #details

        #enum_docs
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum Error {
            #variants
        }

        #allow
        impl Error {
            /// The error's code.
            pub fn code(&self) -> ErrorCode {
                match self {
                    #code_arms
                }
            }

            /// The HTTP status to answer with: the code's.
            pub fn http_status(&self) -> u16 {
                self.code().http_status()
            }
        }

        impl ::core::fmt::Display for Error {
            /// Writes the occurrence's message.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
            }
        }

        impl ::core::error::Error for Error {}

        impl From<Error> for ErrorCode {
            fn from(error: Error) -> ErrorCode {
                error.code()
            }
        }
    }
}

/// The whole of `details.rs`.
pub(super) fn details_rs(catalog: &Catalog) -> TokenStream {
    let module_docs = inner_docs(prose([
        "The object and enum types of the errors' details, each named after its code's \
         variant and its detail's key."
            .to_owned(),
    ]));
    let imports = alloc_imports(&mut catalog.codes.iter().flat_map(|code| {
        named_types(&code.details)
            .into_iter()
            .flat_map(|ty| match ty {
                DetailType::Object(object) => object.fields.iter().collect(),
                _ => Vec::new(),
            })
            .collect::<Vec<_>>()
    }));
    let types = List::DetailTypes.stand_in();
    quote! {
        #module_docs
        #imports
        #types
    }
}

/// The JSON side of `Error`, for `envelopes.rs`: its details as the object every
/// envelope carries, read back from one, and `IntoResponse` in the catalog's first
/// envelope that needs nothing beside the error.
pub(super) fn expand_details_json(catalog: &Catalog) -> TokenStream {
    let from_body = super::templates::tokens(super::templates::FROM_BODY);
    let shared = catalog
        .has_details()
        .then(|| super::templates::tokens(super::templates::DETAILS_JSON));
    let details = has_detail_types(catalog).then(|| quote! { use super::details; });
    let to_json = List::ToJsonArms.stand_in();
    let from_json = List::FromJsonArms.stand_in();
    let json_impls = List::JsonImpls.stand_in();
    let rest = catalog
        .codes
        .iter()
        .any(|code| code.details.is_empty())
        .then(|| quote! { _ => {} });
    let allow = allow_deprecated(catalog);
    let with_details = catalog
        .codes
        .iter()
        .filter(|c| !c.details.is_empty())
        .count();
    // One code with details makes the match a single arm and `_`: the same form as for
    // many codes reads better than an `if let` for that one case.
    let single =
        (with_details == 1 && rest.is_some()).then(|| quote! { #[allow(clippy::single_match)] });
    // A code whose only detail is optional has an arm that is one `if let` on it, which
    // clippy would fold into the pattern; the same form for every code reads better.
    let collapsible = catalog
        .codes
        .iter()
        .any(|code| matches!(&code.details[..], [only] if only.optional))
        .then(|| quote! { #[allow(clippy::collapsible_match)] });
    let details_body = if catalog.has_details() {
        quote! {
            let mut details = ::serde_json::Map::new();
            #single
            #collapsible
            match self {
                #to_json
                #rest
            }
            details
        }
    } else {
        quote! { ::serde_json::Map::new() }
    };
    let unused = (!catalog.has_details()).then(|| quote! { let _ = details; });
    let response = catalog
        .envelopes
        .iter()
        .find_map(|envelope| match envelope {
            Envelope::Rest => Some(quote! { RestBody }),
            Envelope::Problem => Some(quote! { Problem }),
            Envelope::Linked | Envelope::Trpc => None,
        });
    let response = response.map(|body| {
        let doc = docs([format!(
            "The `{body}` of the error, with its code's status."
        )]);
        quote! {
            #[cfg(feature = "axum")]
            impl ::axum_core::response::IntoResponse for Error {
                #doc
                fn into_response(self) -> ::axum_core::response::Response {
                    #body::from(self).into_response()
                }
            }
        }
    });
    quote! {
        use super::Error;
        #details
        #from_body
        #shared

        #allow
        impl Error {
            /// The occurrence's details as the JSON object the envelopes carry: one
            /// member per detail, an optional one only when it is there.
            pub fn details(&self) -> ::serde_json::Map<String, ::serde_json::Value> {
                #details_body
            }

            /// The error of `code` with the details an envelope carried, if they are the
            /// ones the code declares (members it does not declare are ignored).
            pub fn from_details(
                code: ErrorCode,
                details: &::serde_json::Map<String, ::serde_json::Value>,
            ) -> ::core::result::Result<Error, DetailsError> {
                #unused
                Ok(match code {
                    #from_json
                })
            }
        }

        #json_impls
        #response
    }
}
