//! `src/envelopes.rs` of the generated crate: the JSON error bodies the catalog declares.
//!
//! The module exists only with the crate's `serde` feature: these types are JSON bodies
//! and nothing else. Each matches its documented shape key for key; `Code` keeps a code
//! this crate version does not know, so an older client still reads a newer server.

use proc_macro2::TokenStream;
use quote::quote;

use super::serde_shape;
use super::{docs, inner_docs, prose};
use crate::model::shapes;
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
        extern crate alloc;
        use alloc::string::String;
        use super::ErrorCode;
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

/// The impls of `Code`, as written in the template.
const CODE_RS: &str = include_str!("templates/code.rs");

/// The template, seen by rustfmt and editors; compiled only inside generated crates.
#[cfg(any())]
#[path = "templates/code.rs"]
mod code_template;

fn expand_code(catalog: &Catalog) -> TokenStream {
    let enum_docs = docs([format!(
        "An error code as received from the {}: one this crate knows, or one it does not.",
        text::inline(&catalog.api)
    )]);
    let impls = super::template(CODE_RS);
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
    let body = serde_shape::expand(&shapes::LINKED_BODY);
    let error = serde_shape::expand(&shapes::LINKED_ERROR);
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
    let body = serde_shape::expand(&shapes::REST_BODY);
    let error = serde_shape::expand(&shapes::REST_ERROR);
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
    let body = serde_shape::expand(&shapes::TRPC_BODY);
    let error = serde_shape::expand(&shapes::TRPC_ERROR);
    let data = serde_shape::expand(&shapes::TRPC_DATA);
    let types = expand_trpc_types();
    let json_rpc_code = expand_json_rpc_code();
    let protocol = expand_trpc_protocol();
    let response = expand_into_response("TrpcBody", quote! { JSON });
    quote! {
        #types
        #body
        #error
        #data
        #json_rpc_code
        #response
        #protocol
    }
}

fn expand_trpc_types() -> TokenStream {
    quote! {
        /// A tRPC error body: `{"error": {"message", "code", "data": {"code", "httpStatus", "path", "stack"}}}`.
        ///
        /// As tRPC sends it: `error.code` is tRPC's JSON-RPC number for the status (the
        /// only form tRPC's client accepts), and `error.data.code` is the catalog's wire
        /// string, which is what clients branch on.
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
            /// tRPC's JSON-RPC number for the status, e.g. `-32004` for a 404; see
            /// [`ErrorCode::trpc_code`]. Read from a string too, as older servers sent the
            /// wire string here: it becomes that code's number (-32603 if unknown).
            pub code: i32,
            /// The catalog's code, the status and the procedure.
            pub data: TrpcData,
        }

        /// The `data` object of a [`TrpcError`].
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct TrpcData {
            /// The machine-readable code to branch on: the catalog's wire string.
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
                        code: code.trpc_code(),
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
    }
}

/// The reader of `error.code`: tRPC's number, or the wire string older servers sent.
fn expand_json_rpc_code() -> TokenStream {
    quote! {
        /// `error.code` of a tRPC body as read: a JSON-RPC number, or a wire string from
        /// an older server, which becomes that code's number.
        struct JsonRpcCode(i32);

        impl<'de> ::serde::Deserialize<'de> for JsonRpcCode {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                struct JsonRpcCodeVisitor;

                impl ::serde::de::Visitor<'_> for JsonRpcCodeVisitor {
                    type Value = JsonRpcCode;

                    fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                        f.write_str("a JSON-RPC error number or an error code string")
                    }

                    fn visit_i64<E: ::serde::de::Error>(self, number: i64) -> ::core::result::Result<JsonRpcCode, E> {
                        i32::try_from(number).map(JsonRpcCode).map_err(|_| {
                            E::invalid_value(::serde::de::Unexpected::Signed(number), &self)
                        })
                    }

                    fn visit_u64<E: ::serde::de::Error>(self, number: u64) -> ::core::result::Result<JsonRpcCode, E> {
                        i32::try_from(number).map(JsonRpcCode).map_err(|_| {
                            E::invalid_value(::serde::de::Unexpected::Unsigned(number), &self)
                        })
                    }

                    fn visit_str<E: ::serde::de::Error>(self, code: &str) -> ::core::result::Result<JsonRpcCode, E> {
                        let number = ErrorCode::from_wire(code).map_or(TRPC_INTERNAL_SERVER_ERROR, ErrorCode::trpc_code);
                        Ok(JsonRpcCode(number))
                    }
                }

                deserializer.deserialize_any(JsonRpcCodeVisitor)
            }
        }
    }
}

/// The rest of tRPC's HTTP protocol: one call's answer, success or error, and the answer
/// to a batch.
fn expand_trpc_protocol() -> TokenStream {
    let response = expand_into_response("TrpcResponse", quote! { JSON });
    let batch = expand_into_response("TrpcBatch", quote! { JSON });
    quote! {
        /// tRPC's number for an error it knows nothing better about: `INTERNAL_SERVER_ERROR`.
        pub const TRPC_INTERNAL_SERVER_ERROR: i32 = -32603;

        /// One call's answer in tRPC's HTTP protocol: `{"result": {"data": …}}` on
        /// success, a [`TrpcBody`] on failure.
        #[derive(Clone, Debug, PartialEq)]
        pub enum TrpcResponse {
            /// The procedure's result, sent as `{"result": {"data": …}}`.
            Data(::serde_json::Value),
            /// The procedure's error.
            Error(TrpcBody),
        }

        impl TrpcResponse {
            /// The HTTP status of this answer on its own: 200, or the error's.
            pub fn status(&self) -> u16 {
                match self {
                    TrpcResponse::Data(_) => 200,
                    TrpcResponse::Error(body) => body.status(),
                }
            }

            /// The result, or the error.
            pub fn into_result(self) -> ::core::result::Result<::serde_json::Value, TrpcBody> {
                match self {
                    TrpcResponse::Data(data) => Ok(data),
                    TrpcResponse::Error(body) => Err(body),
                }
            }
        }

        impl From<TrpcBody> for TrpcResponse {
            fn from(body: TrpcBody) -> Self {
                TrpcResponse::Error(body)
            }
        }

        impl From<::core::result::Result<::serde_json::Value, TrpcBody>> for TrpcResponse {
            fn from(result: ::core::result::Result<::serde_json::Value, TrpcBody>) -> Self {
                match result {
                    Ok(data) => TrpcResponse::Data(data),
                    Err(body) => TrpcResponse::Error(body),
                }
            }
        }

        /// `{"data": …}`, the `result` object of a successful [`TrpcResponse`].
        struct TrpcResult<'a>(&'a ::serde_json::Value);

        impl ::serde::Serialize for TrpcResult<'_> {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let mut state = serializer.serialize_struct("TrpcResult", 1)?;
                state.serialize_field("data", self.0)?;
                state.end()
            }
        }

        impl ::serde::Serialize for TrpcResponse {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                match self {
                    TrpcResponse::Data(data) => {
                        let mut state = serializer.serialize_struct("TrpcResponse", 1)?;
                        state.serialize_field("result", &TrpcResult(data))?;
                        state.end()
                    }
                    TrpcResponse::Error(body) => body.serialize(serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for TrpcResponse {
            /// An object with `error` is an error; one with `result` a success, whose
            /// missing `data` (a procedure that returned nothing) reads as `null`.
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                use ::serde::de::Error as _;
                let mut object = ::serde_json::Map::deserialize(deserializer)?;
                if object.contains_key("error") {
                    let body = ::serde_json::Value::Object(object);
                    return TrpcBody::deserialize(body).map(TrpcResponse::Error).map_err(D::Error::custom);
                }
                match object.remove("result") {
                    Some(::serde_json::Value::Object(mut result)) => Ok(TrpcResponse::Data(
                        result.remove("data").unwrap_or(::serde_json::Value::Null),
                    )),
                    _ => Err(D::Error::custom("a tRPC response needs `result` or `error`")),
                }
            }
        }

        /// The answer to a batched call (`?batch=1`): one [`TrpcResponse`] per call, in
        /// call order, sent as a JSON array.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct TrpcBatch(pub alloc::vec::Vec<TrpcResponse>);

        impl TrpcBatch {
            /// The HTTP status of the whole batch, as tRPC sets it: the calls' common
            /// status, or 207 (Multi-Status) when they differ; 200 for no calls.
            pub fn status(&self) -> u16 {
                let mut statuses = self.0.iter().map(TrpcResponse::status);
                let first = statuses.next().unwrap_or(200);
                if statuses.all(|status| status == first) {
                    first
                } else {
                    207
                }
            }
        }

        impl ::serde::Serialize for TrpcBatch {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error> {
                serializer.collect_seq(&self.0)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for TrpcBatch {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                alloc::vec::Vec::deserialize(deserializer).map(TrpcBatch)
            }
        }

        #response
        #batch
    }
}

fn expand_problem() -> TokenStream {
    let problem = serde_shape::expand(&shapes::PROBLEM);
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
