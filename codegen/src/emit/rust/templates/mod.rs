//! Rust that is the same for every catalog, kept here as real source files that rustfmt,
//! editors and reviewers see, and spliced into the generated files as tokens: their
//! `///` docs go along, their `//` comments (which talk about the generator) stay here.
//!
//! Each template is declared once, below: its text for the emitters, and a module of it
//! that is never compiled here (`cfg(any())`: each needs the generated crate around it)
//! so that rustfmt formats it and editors treat it as Rust. Two are compiled besides, to
//! be tested where they are written: `phf_runtime.rs` (the generator's own perfect hash,
//! as `phf::runtime`) and `retry.rs` (its arithmetic, in `retry`'s tests).

use proc_macro2::TokenStream;

/// Declares each template: a constant holding its text, and its never-compiled module.
macro_rules! templates {
    ($($(#[doc = $doc:literal])+ $name:ident, $module:ident = $path:literal;)+) => {
        $(
            $(#[doc = $doc])+
            pub(super) const $name: &str = include_str!($path);

            #[cfg(any())]
            #[path = $path]
            mod $module;
        )+
    };
}

templates! {
    /// `ErrorCode`'s accessors, an `impl ErrorCode` of their own beside the generated one.
    ACCESSORS, accessors = "accessors.rs";
    /// The impls of the envelopes' `Code`.
    CODE, code = "code.rs";
    /// Details between `Error` and JSON: the conversion traits, for a catalog with details.
    DETAILS_JSON, details_json = "details_json.rs";
    /// Why a parsed body gives no `Error`, and the reading that says so.
    FROM_BODY, from_body = "from_body.rs";
    /// The key finder every generated `Deserialize` impl uses.
    FIELD_INDEX, field_index = "field_index.rs";
    /// The key finder of a `Deserialize` impl that keeps the keys it does not define.
    MEMBER_KEY, member_key = "member_key.rs";
    /// The perfect hash's functions, the same file the generator compiles as `phf::runtime`.
    PHF_RUNTIME, phf_runtime = "phf_runtime.rs";
    /// The whole of `retry.rs`: the back-off of retryable codes.
    RETRY, retry = "retry.rs";
    /// The switch lookup's one comparison.
    SWITCH_RUNTIME, switch_runtime = "switch_runtime.rs";
    /// The `linked` envelope's constructors.
    LINKED, linked = "envelopes/linked.rs";
    /// The `problem` envelope's constructors and media type.
    PROBLEM, problem = "envelopes/problem.rs";
    /// The `rest` envelope's constructors.
    REST, rest = "envelopes/rest.rs";
    /// The `trpc` envelope's constructors.
    TRPC, trpc = "envelopes/trpc.rs";
    /// The rest of tRPC's HTTP protocol: `error.code`'s reader, one call's answer, a batch's.
    TRPC_PROTOCOL, trpc_protocol = "envelopes/trpc_protocol.rs";
}

/// The items of `template`, one of the constants above.
pub(super) fn tokens(template: &'static str) -> TokenStream {
    template.parse().expect("templates are valid Rust")
}
