//! Stage 4: model -> `openapi.json`, an OpenAPI 3.1 document with no paths whose
//! `components` an API's own OpenAPI file references:
//!
//! - `schemas`: `ErrorCode` (every live code, each with its description), `WireCode`,
//!   the objects of each envelope the catalog enables, rendered from the one description
//!   in [`crate::model::shapes`], each code's details (`Details.TooManyRequests`,
//!   [`details`]), and per HTTP status the codes of that status and each envelope
//!   narrowed to them, its details typed by its code ([`schemas`]);
//! - `responses`: `Error404` and the like, one per status the catalog uses, with every
//!   enabled envelope, and `Error404Rest` and the like with one envelope each
//!   ([`responses`]);
//! - `examples`: each code's body in each envelope, as the Rust crate builds it for the
//!   code's example occurrence: the catalog's example details and the message rendered
//!   from them ([`examples`]), referenced by the responses.
//!
//! The document is built as a [`Json`] value, so keys come out in the order written here
//! on every run, and printed with two-space indentation.

mod details;
mod examples;
mod responses;
mod schemas;

use crate::emit::files::{OutputFile, Settings};
use crate::emit::json::{Json, Object};
use crate::model::shapes::Shape;
use crate::model::{Catalog, Envelope};
use crate::naming::variant_name;

/// `text` as one line of inline Markdown ([`crate::text::inline`]), with `<` written as
/// the entity `&lt;` rather than `\<`: the same text in CommonMark, but documentation
/// tools and linters look for HTML tags in the raw string (Redocly's `no-unsafe-markdown`
/// takes an escaped `\<script>` for a script), and a renderer that is not CommonMark
/// may not know the backslash escape.
fn inline(text: &str) -> String {
    crate::text::inline(text).replace("\\<", "&lt;")
}

/// The OpenAPI version the document declares.
const OPENAPI_VERSION: &str = "3.1.0";

/// `openapi.json`, written a block at a time: the per-code lists are made as they are
/// printed, so the document is never whole in memory.
///
/// JSON has no comments, so the generated-file line is the value of an `x-generated`
/// key, an OpenAPI specification extension that every tool ignores.
pub(crate) fn files<'a>(catalog: &'a Catalog, settings: &Settings<'a>) -> Vec<OutputFile<'a>> {
    let header = settings.header;
    vec![
        OutputFile::new(catalog, "openapi.json", 1400, move |out| {
            document(catalog, header).print_into(out);
        }),
        OutputFile::small(catalog, "redocly.yaml", move || redocly_yaml(header)),
    ]
}

/// The Redocly lint settings `openapi.json` passes with no problem: `recommended`, with
/// each change saying why (the header is one line, so it stays a comment).
fn redocly_yaml(header: &str) -> String {
    format!(
        "# {header}\n\
         # How Redocly lints openapi.json, read by `redocly lint` run in this folder\n\
         # (`npx @redocly/cli lint openapi.json`): its recommended rules, less those that\n\
         # do not fit a document of components alone, each change with its reason.\n\
         extends:\n  - recommended\n\
         rules:\n\
         \x20 # Servers are named by the API's own document, which references these components.\n\
         \x20 no-empty-servers: off\n\
         \x20 # The licence is the API's own document's to state, as its servers are.\n\
         \x20 info-license: off\n\
         \x20 # Every component is here for the API's own document to reference, not this one.\n\
         \x20 no-unused-components: off\n\
         \x20 # The bodies are open objects (a newer server may add a key, which a reader skips),\n\
         \x20 # as the schemas say by leaving them open; by default Redocly checks an example as\n\
         \x20 # if every object were closed. An API document that references these responses\n\
         \x20 # needs this setting in its own redocly.yaml too.\n\
         \x20 no-invalid-media-type-examples:\n\
         \x20   severity: warn\n\
         \x20   allowAdditionalProperties: true\n"
    )
}

fn document<'a>(catalog: &'a Catalog, header: &str) -> Json<'a> {
    let components = Object::new()
        .with("schemas", schemas::schemas(catalog))
        .with("responses", responses::responses(catalog))
        .with("examples", examples::examples(catalog));
    Object::new()
        .with("x-generated", header.to_owned())
        .with("openapi", OPENAPI_VERSION)
        .with("info", info(catalog))
        .with("paths", Object::new())
        .with("components", components)
        .into()
}

fn info(catalog: &Catalog) -> Object<'static> {
    let api = catalog.api.split_whitespace().collect::<Vec<_>>().join(" ");
    let description = format!(
        "The error codes of the {api} and the bodies that carry them, as OpenAPI components \
         to reference from the API's own OpenAPI document, e.g. \
         `$ref: 'openapi.json#/components/responses/Error404'`. There are no paths: \
         this document only defines components.\n\n\
         Each response lists the codes answered with its status and has one example per \
         code: the body the `{crate_name}` crate builds for it, with `{request_id}` as the \
         request id and `{procedure}` as the tRPC procedure where the envelope has them. \
         Readers ignore keys they do not know, so the schemas allow them.{details}",
        api = inline(&api),
        crate_name = catalog.crate_name,
        request_id = examples::REQUEST_ID,
        procedure = examples::PROCEDURE,
        details = match catalog.codes.iter().find(|code| !code.details.is_empty()) {
            Some(code) => format!(
                "\n\nA code's details have a schema of their own, `Details.<Variant>` (e.g. \
                 `{}` for `{}`), which each status's bodies reference by the code they \
                 carry. An example shows the catalog's example details, with the message \
                 rendered from them; a required detail without an example shows a \
                 stand-in: `<key>` for a string, 0, `false`, an enum's first value, a list \
                 of one.",
                details::details_name(code),
                code.wire
            ),
            None => String::new(),
        },
    );
    Object::new()
        .with("title", format!("{api} errors"))
        .with("version", catalog.version.clone())
        .with("description", description)
}

/// The name an envelope gives its responses and examples, e.g. `Rest`.
fn kind_name(envelope: Envelope) -> String {
    variant_name(envelope.spelling())
}

/// `#/components/schemas/<name>`, as a `$ref` object.
fn schema_ref(name: &str) -> Object<'static> {
    Object::new().with("$ref", format!("#/components/schemas/{name}"))
}

/// The object of `envelope` named `name` (a [`Value::Object`](crate::model::shapes::Value)).
fn shape_named(envelope: Envelope, name: &str) -> &'static Shape {
    envelope
        .shapes()
        .iter()
        .copied()
        .find(|shape| shape.name == name)
        .expect("a nested shape belongs to the same envelope")
}

/// The catalog's envelopes grouped by the media type they are served as, in catalog
/// order: the JSON envelopes together, problem details apart.
fn envelopes_by_media_type(catalog: &Catalog) -> Vec<(&'static str, Vec<Envelope>)> {
    let mut groups: Vec<(&'static str, Vec<Envelope>)> = Vec::new();
    for &envelope in &catalog.envelopes {
        let media_type = envelope.media_type();
        match groups.iter_mut().find(|(media, _)| *media == media_type) {
            Some((_, kinds)) => kinds.push(envelope),
            None => groups.push((media_type, vec![envelope])),
        }
    }
    groups
}
