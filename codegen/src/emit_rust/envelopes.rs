//! `src/envelopes.rs` of the generated crate: the JSON error bodies the catalog declares.
//!
//! The module exists only with the crate's `serde` feature: these types are JSON bodies
//! and nothing else. Each matches its documented shape key for key; `Code` keeps a code
//! this crate version does not know, so an older client still reads a newer server.

use proc_macro2::TokenStream;
use quote::quote;

use super::serde_shape::{self, Field, Presence, Shape};
use super::{docs, inner_docs, prose};
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
    let field_index = serde_shape::expand_field_index();
    let response = expand_json_response(catalog);
    quote! {
        #module_docs
        use alloc::string::String;
        use crate::ErrorCode;
        #code
        #(#kinds)*
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
    quote! {
        #enum_docs
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub enum Code {
            /// A code of this catalog.
            Known(ErrorCode),
            /// A code this version of the crate does not know, exactly as received.
            Unknown(String),
        }

        impl Code {
            /// The wire string.
            pub fn as_str(&self) -> &str {
                match self {
                    Code::Known(code) => code.as_str(),
                    Code::Unknown(code) => code,
                }
            }

            /// The code, if this version of the crate knows it.
            pub fn known(&self) -> Option<ErrorCode> {
                match self {
                    Code::Known(code) => Some(*code),
                    Code::Unknown(_) => None,
                }
            }

            /// The code's HTTP status, or 500 for a code this version does not know.
            pub fn http_status(&self) -> u16 {
                self.known().map_or(500, ErrorCode::http_status)
            }
        }

        impl From<ErrorCode> for Code {
            fn from(code: ErrorCode) -> Self {
                Code::Known(code)
            }
        }

        impl From<&str> for Code {
            /// Looks the string up; keeps it as [`Code::Unknown`] if it is not a known code.
            fn from(code: &str) -> Self {
                match ErrorCode::from_wire(code) {
                    Some(known) => Code::Known(known),
                    None => Code::Unknown(code.into()),
                }
            }
        }

        impl PartialEq<ErrorCode> for Code {
            fn eq(&self, other: &ErrorCode) -> bool {
                self.known() == Some(*other)
            }
        }

        impl ::core::fmt::Display for Code {
            /// Writes the wire string.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl ::serde::Serialize for Code {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for Code {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct CodeVisitor;

                impl ::serde::de::Visitor<'_> for CodeVisitor {
                    type Value = Code;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("an error code string")
                    }

                    fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<Code, E> {
                        Ok(Code::from(code))
                    }
                }

                deserializer.deserialize_str(CodeVisitor)
            }
        }
    }
}

fn expand_linked() -> TokenStream {
    let body = serde_shape::expand(&Shape {
        name: "LinkedBody",
        expecting: "a response body with `request_id`",
        fields: &[
            Field {
                rust: "error",
                json: "error",
                presence: Presence::Optional,
            },
            Field {
                rust: "request_id",
                json: "request_id",
                presence: Presence::Required,
            },
        ],
    });
    let error = serde_shape::expand(&Shape {
        name: "LinkedError",
        expecting: "an error object with `code`, `message` and `docs_url`",
        fields: &[
            Field {
                rust: "code",
                json: "code",
                presence: Presence::Required,
            },
            Field {
                rust: "message",
                json: "message",
                presence: Presence::Required,
            },
            Field {
                rust: "docs_url",
                json: "docs_url",
                presence: Presence::Required,
            },
            Field {
                rust: "action_url",
                json: "action_url",
                presence: Presence::Optional,
            },
        ],
    });
    let response = expand_into_response("LinkedBody", quote! { JSON });
    quote! {
        /// A response body with links: `{"error": {"code", "message", "docs_url", "action_url"}, "request_id"}`.
        ///
        /// `request_id` is always present, on success too; `error` only on failure.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct LinkedBody {
            /// What went wrong; `None` on success.
            pub error: Option<LinkedError>,
            /// The request's unique id: log it, and quote it to support.
            pub request_id: String,
        }

        /// The `error` object of a [`LinkedBody`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct LinkedError {
            /// The machine-readable code to branch on.
            pub code: Code,
            /// What went wrong and, where possible, what to do next.
            pub message: String,
            /// The documentation of this code.
            pub docs_url: String,
            /// The dashboard page where the user can act; absent when there is none.
            pub action_url: Option<String>,
        }

        impl LinkedBody {
            /// The body of a failed request: `code` with its message and links.
            pub fn error(code: ErrorCode, request_id: impl Into<String>) -> Self {
                LinkedBody { error: Some(LinkedError::from(code)), request_id: request_id.into() }
            }

            /// The body of a successful request: only its id.
            pub fn success(request_id: impl Into<String>) -> Self {
                LinkedBody { error: None, request_id: request_id.into() }
            }

            /// The HTTP status to answer with: the code's, or 200 without an error.
            pub fn status(&self) -> u16 {
                self.error.as_ref().map_or(200, |error| error.code.http_status())
            }
        }

        impl LinkedError {
            /// Replaces the default message, e.g. with the fields that failed validation.
            pub fn with_message(mut self, message: impl Into<String>) -> Self {
                self.message = message.into();
                self
            }
        }

        impl From<ErrorCode> for LinkedError {
            fn from(code: ErrorCode) -> Self {
                LinkedError {
                    code: Code::Known(code),
                    message: code.message().into(),
                    docs_url: code.docs_url().into(),
                    action_url: code.action_url().map(String::from),
                }
            }
        }

        #body
        #error
        #response
    }
}

fn expand_rest() -> TokenStream {
    let body = serde_shape::expand(&Shape {
        name: "RestBody",
        expecting: "a REST error body with `error`",
        fields: &[Field {
            rust: "error",
            json: "error",
            presence: Presence::Required,
        }],
    });
    let error = serde_shape::expand(&Shape {
        name: "RestError",
        expecting: "an error object with `code` and `message`",
        fields: &[
            Field {
                rust: "code",
                json: "code",
                presence: Presence::Required,
            },
            Field {
                rust: "message",
                json: "message",
                presence: Presence::Required,
            },
            Field {
                rust: "details",
                json: "details",
                presence: Presence::Defaulted,
            },
        ],
    });
    let response = expand_into_response("RestBody", quote! { JSON });
    quote! {
        /// A REST error body: `{"error": {"code", "message", "details"}}`.
        #[derive(Clone, Debug, PartialEq)]
        pub struct RestBody {
            /// What went wrong.
            pub error: RestError,
        }

        /// The `error` object of a [`RestBody`].
        #[derive(Clone, Debug, PartialEq)]
        pub struct RestError {
            /// The machine-readable code to branch on.
            pub code: Code,
            /// A human-readable explanation.
            pub message: String,
            /// Further facts about this occurrence, such as the fields that failed; `{}`
            /// when there are none.
            pub details: ::serde_json::Map<String, ::serde_json::Value>,
        }

        impl RestBody {
            /// The body for `code`, with its default message and no details.
            pub fn new(code: ErrorCode) -> Self {
                RestBody {
                    error: RestError {
                        code: Code::Known(code),
                        message: code.message().into(),
                        details: ::serde_json::Map::new(),
                    },
                }
            }

            /// Replaces the default message.
            pub fn with_message(mut self, message: impl Into<String>) -> Self {
                self.error.message = message.into();
                self
            }

            /// Sets the details object.
            pub fn with_details(mut self, details: ::serde_json::Map<String, ::serde_json::Value>) -> Self {
                self.error.details = details;
                self
            }

            /// The HTTP status to answer with: the code's.
            pub fn status(&self) -> u16 {
                self.error.code.http_status()
            }
        }

        impl From<ErrorCode> for RestBody {
            fn from(code: ErrorCode) -> Self {
                RestBody::new(code)
            }
        }

        #body
        #error
        #response
    }
}

fn expand_trpc() -> TokenStream {
    let body = serde_shape::expand(&Shape {
        name: "TrpcBody",
        expecting: "a tRPC error body with `error`",
        fields: &[Field {
            rust: "error",
            json: "error",
            presence: Presence::Required,
        }],
    });
    let error = serde_shape::expand(&Shape {
        name: "TrpcError",
        expecting: "a tRPC error object with `message`, `code` and `data`",
        fields: &[
            Field {
                rust: "message",
                json: "message",
                presence: Presence::Required,
            },
            Field {
                rust: "code",
                json: "code",
                presence: Presence::Required,
            },
            Field {
                rust: "data",
                json: "data",
                presence: Presence::Required,
            },
        ],
    });
    let data = serde_shape::expand(&Shape {
        name: "TrpcData",
        expecting: "a tRPC error data object with `code`, `httpStatus` and `path`",
        fields: &[
            Field {
                rust: "code",
                json: "code",
                presence: Presence::Required,
            },
            Field {
                rust: "http_status",
                json: "httpStatus",
                presence: Presence::Required,
            },
            Field {
                rust: "path",
                json: "path",
                presence: Presence::Required,
            },
            Field {
                rust: "stack",
                json: "stack",
                presence: Presence::Optional,
            },
        ],
    });
    let response = expand_into_response("TrpcBody", quote! { JSON });
    quote! {
        /// A tRPC error body: `{"error": {"message", "code", "data": {"code", "httpStatus", "path", "stack"}}}`.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct TrpcBody {
            /// What went wrong.
            pub error: TrpcError,
        }

        /// The `error` object of a [`TrpcBody`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct TrpcError {
            /// A human-readable explanation.
            pub message: String,
            /// The machine-readable code.
            pub code: Code,
            /// The code again, with the status and the procedure.
            pub data: TrpcData,
        }

        /// The `data` object of a [`TrpcError`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct TrpcData {
            /// The machine-readable code to branch on.
            pub code: Code,
            /// The HTTP status (`httpStatus` in JSON).
            pub http_status: u16,
            /// The procedure that failed, e.g. `tickets.get`.
            pub path: String,
            /// The server's stack trace; only ever sent in development.
            pub stack: Option<String>,
        }

        impl TrpcBody {
            /// The body for `code` failing in procedure `path`, with the default message
            /// and no stack.
            pub fn new(code: ErrorCode, path: impl Into<String>) -> Self {
                TrpcBody {
                    error: TrpcError {
                        message: code.message().into(),
                        code: Code::Known(code),
                        data: TrpcData {
                            code: Code::Known(code),
                            http_status: code.http_status(),
                            path: path.into(),
                            stack: None,
                        },
                    },
                }
            }

            /// Replaces the default message.
            pub fn with_message(mut self, message: impl Into<String>) -> Self {
                self.error.message = message.into();
                self
            }

            /// Adds the stack trace. Do this in development only: a stack tells an
            /// attacker about the server.
            pub fn with_stack(mut self, stack: impl Into<String>) -> Self {
                self.error.data.stack = Some(stack.into());
                self
            }

            /// The HTTP status to answer with: `data.httpStatus`.
            pub fn status(&self) -> u16 {
                self.error.data.http_status
            }
        }

        #body
        #error
        #data
        #response
    }
}

fn expand_problem() -> TokenStream {
    let problem = serde_shape::expand(&Shape {
        name: "Problem",
        expecting: "an RFC 9457 problem details object",
        fields: &[
            Field {
                rust: "problem_type",
                json: "type",
                presence: Presence::Required,
            },
            Field {
                rust: "title",
                json: "title",
                presence: Presence::Required,
            },
            Field {
                rust: "status",
                json: "status",
                presence: Presence::Required,
            },
            Field {
                rust: "detail",
                json: "detail",
                presence: Presence::Required,
            },
            Field {
                rust: "instance",
                json: "instance",
                presence: Presence::Optional,
            },
            Field {
                rust: "code",
                json: "code",
                presence: Presence::Required,
            },
        ],
    });
    let response = expand_into_response("Problem", quote! { PROBLEM_JSON });
    quote! {
        /// The media type of [`Problem`] bodies.
        pub const PROBLEM_JSON: &str = "application/problem+json";

        /// RFC 9457 problem details: `{"type", "title", "status", "detail", "instance", "code"}`.
        ///
        /// `type` is the code's documentation link and `code` an extension member with the
        /// wire string; served as [`PROBLEM_JSON`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct Problem {
            /// The problem type: the code's documentation link (`type` in JSON).
            pub problem_type: String,
            /// A short summary of the problem type: the code's description.
            pub title: String,
            /// The HTTP status.
            pub status: u16,
            /// An explanation of this occurrence.
            pub detail: String,
            /// A URI reference to this occurrence, e.g. the request path.
            pub instance: Option<String>,
            /// The machine-readable code to branch on.
            pub code: Code,
        }

        impl Problem {
            /// The problem for `code`: its docs link, description, status and message.
            pub fn new(code: ErrorCode) -> Self {
                Problem {
                    problem_type: code.docs_url().into(),
                    title: code.description().into(),
                    status: code.http_status(),
                    detail: code.message().into(),
                    instance: None,
                    code: Code::Known(code),
                }
            }

            /// Replaces the default detail.
            pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
                self.detail = detail.into();
                self
            }

            /// Sets the instance, e.g. the request path.
            pub fn with_instance(mut self, instance: impl Into<String>) -> Self {
                self.instance = Some(instance.into());
                self
            }

            /// The HTTP status to answer with, as every envelope has it.
            pub fn status(&self) -> u16 {
                self.status
            }
        }

        impl From<ErrorCode> for Problem {
            fn from(code: ErrorCode) -> Self {
                Problem::new(code)
            }
        }

        #problem
        #response
    }
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
