//! `components.responses`: for each HTTP status the catalog uses, `Error<status>` with
//! every envelope the catalog enables, and `Error<status><Kind>` with one envelope each.
//!
//! An endpoint usually answers in one envelope (a REST endpoint REST bodies, a tRPC one
//! tRPC bodies), so its OpenAPI file references the response of that envelope,
//! `Error404Rest`; `Error404` suits an API with one envelope, or one JSON envelope and
//! problem details by content negotiation. Several JSON envelopes share
//! `application/json` in `Error404` as an `anyOf`: a linked body can also read as a REST
//! one, since neither forbids the other's keys, so `oneOf` would refuse it.

use super::examples::example_name;
use super::schemas::{body_name, deprecation};
use super::{envelopes_by_media_type, kind_name, schema_ref, spelling};
use crate::emit::json::{Json, Object};
use crate::http_status::reason_phrase;
use crate::model::{Catalog, Code, Envelope};
use crate::text::inline;

/// Every response, by status, each status's combined response first.
pub(super) fn responses(catalog: &Catalog) -> Object {
    let mut responses = Object::new();
    let all = envelopes_by_media_type(catalog);
    for (status, codes) in catalog.codes_by_status() {
        let description = description(catalog, status, &codes);
        responses.insert(
            format!("Error{status}"),
            response(&description, status, &codes, &all),
        );
        for &envelope in &catalog.envelopes {
            let one = [(envelope.media_type(), vec![envelope])];
            responses.insert(
                format!("Error{status}{}", kind_name(envelope)),
                response(&description, status, &codes, &one),
            );
        }
    }
    responses
}

/// One response: its description and a content entry per media type.
fn response(
    description: &str,
    status: u16,
    codes: &[&Code],
    media_types: &[(&'static str, Vec<Envelope>)],
) -> Object {
    let mut content = Object::new();
    for (media_type, envelopes) in media_types {
        content.insert(*media_type, media_type_object(status, codes, envelopes));
    }
    let response = Object::new().with("description", description.to_owned());
    if content.is_empty() {
        response
    } else {
        response.with("content", content)
    }
}

/// The schema of the envelopes served as one media type, and an example per code and
/// envelope, named by the code (and the envelope, when there are several).
fn media_type_object(status: u16, codes: &[&Code], envelopes: &[Envelope]) -> Object {
    let schema = match envelopes {
        [envelope] => schema_ref(&body_name(*envelope, status)),
        several => Object::new().with(
            "anyOf",
            several
                .iter()
                .map(|&envelope| Json::from(schema_ref(&body_name(envelope, status))))
                .collect::<Vec<_>>(),
        ),
    };
    let mut examples = Object::new();
    for &envelope in envelopes {
        for code in codes {
            let key = match envelopes {
                [_] => code.wire.clone(),
                _ => format!("{} ({})", code.wire, spelling(envelope)),
            };
            let reference = format!("#/components/examples/{}", example_name(envelope, code));
            examples.insert(key, Object::new().with("$ref", reference));
        }
    }
    Object::new()
        .with("schema", schema)
        .with("examples", examples)
}

/// The status, then each code with its link and description, as a Markdown list.
fn description(catalog: &Catalog, status: u16, codes: &[&Code]) -> String {
    let mut text = match reason_phrase(status) {
        Some(reason) => format!("HTTP {status} {reason}"),
        None => format!("HTTP {status}"),
    };
    text.push_str(if codes.len() == 1 {
        ": the error body carries this code.\n"
    } else {
        ": the error body carries one of these codes.\n"
    });
    for code in codes {
        text.push_str(&format!(
            "\n- [`{}`](<{}>): {}",
            code.wire,
            code.docs_url,
            inline(&code.description)
        ));
        if let Some(line) = deprecation(catalog, code) {
            text.push_str(&format!(" ({line})"));
        }
    }
    text
}
