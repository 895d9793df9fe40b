//! `components.responses`: for each HTTP status the catalog uses, `Error<status>`, and
//! `Error<status><Kind>` when the catalog has several JSON envelopes.
//!
//! `Error404` answers in every envelope the catalog enables, one content entry per media
//! type: problem details as `application/problem+json`, the JSON envelopes as
//! `application/json`. Several JSON envelopes share that entry as an `anyOf` (not
//! `oneOf`: a linked body also reads as a REST one, since neither forbids the other's
//! keys). An endpoint answers in one of them, though (Relay's REST endpoints REST bodies,
//! its tRPC ones tRPC bodies), so then `Error404Rest`, `Error404Trpc` and
//! `Error404Linked` each keep one JSON envelope, with problem details beside it where a
//! client can ask for them: not for tRPC, whose protocol has no content negotiation.
//! With one JSON envelope these would repeat `Error404`, so there are none.

use std::fmt::Write as _;

use super::examples::example_ref;
use super::inline;
use super::schemas::{body_name, deprecation};
use super::{envelopes_by_media_type, kind_name, schema_ref};
use crate::emit::json::{Json, Object};
use crate::http_status::reason_phrase;
use crate::model::{Catalog, Code, Envelope};

/// Every response, by status, each status's combined response first; one status's
/// responses are made at a time, as they are printed.
pub(super) fn responses(catalog: &Catalog) -> Json<'_> {
    Json::lazy_object(move |responses| {
        let all = envelopes_by_media_type(catalog);
        let json: Vec<Envelope> = catalog
            .envelopes
            .iter()
            .copied()
            .filter(|envelope| envelope.media_type() == "application/json")
            .collect();
        let one_each = if json.len() > 1 { json.as_slice() } else { &[] };
        for (status, codes) in catalog.codes_by_status() {
            let description = description(catalog, status, &codes);
            responses.entry(
                &format!("Error{status}"),
                response(&description, status, &codes, &all),
            );
            for &envelope in one_each {
                let media_types = alone(catalog, envelope);
                responses.entry(
                    &format!("Error{status}{}", kind_name(envelope)),
                    response(&description, status, &codes, &media_types),
                );
            }
        }
    })
}

/// The media types of a response in one JSON envelope: that envelope, and problem details
/// if the catalog has them and the envelope's protocol lets a client ask for them.
fn alone(catalog: &Catalog, envelope: Envelope) -> Vec<(&'static str, Vec<Envelope>)> {
    let mut media_types = vec![(envelope.media_type(), vec![envelope])];
    if envelope != Envelope::Trpc && catalog.envelopes.contains(&Envelope::Problem) {
        media_types.push((Envelope::Problem.media_type(), vec![Envelope::Problem]));
    }
    media_types
}

/// One response: its description and a content entry per media type.
fn response<'a>(
    description: &str,
    status: u16,
    codes: &[&'a Code],
    media_types: &[(&'static str, Vec<Envelope>)],
) -> Object<'a> {
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
fn media_type_object<'a>(status: u16, codes: &[&'a Code], envelopes: &[Envelope]) -> Object<'a> {
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
        let kind = kind_name(envelope);
        for code in codes {
            let key: std::borrow::Cow<'a, str> = match envelopes {
                [_] => code.wire.as_str().into(),
                _ => format!("{} ({})", code.wire, envelope.spelling()).into(),
            };
            examples.insert(key, Object::new().with("$ref", example_ref(&kind, code)));
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
        let _ = write!(text, "\n- [`{}`](", code.wire);
        crate::text::push_link_destination(&mut text, &code.docs_url);
        let _ = write!(text, "): {}", inline(&code.description));
        if let Some(line) = deprecation(catalog, code) {
            let _ = write!(text, " ({line})");
        }
    }
    text
}
