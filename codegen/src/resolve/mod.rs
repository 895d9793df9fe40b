//! Stage 3: the validated catalog -> the [`Catalog`] model: Rust names (from
//! [`crate::naming`]), the page's headings and anchors (from [`crate::outline`]), resolved
//! docs links and deprecations, the lookup strategy, and the places in the catalog that
//! later messages point at.

mod details;

use crate::fast_hash::HashMap;

use crate::config::Lookup;
use crate::model::{Action, Catalog, Code, CodeSpans, Deprecation, Family, Retired};
use crate::naming;
use crate::outline::{self, Heading, Slugger};
use crate::validate::{Validated, ValidatedCode};

/// Builds the model of a validated catalog shown as `source_path`.
pub(crate) fn resolve(validated: Validated, source_path: &str, lookup: Lookup) -> Catalog {
    let anchors = anchors(&validated);
    let deprecations = deprecations(&validated.codes);
    let Validated {
        api,
        crate_name,
        version,
        npm_name,
        template,
        envelopes,
        statuses,
        families,
        codes,
        retired,
        spans,
    } = validated;
    let mut families: Vec<Family> = families
        .into_iter()
        .zip(anchors.families)
        .map(|(f, anchor)| Family {
            variant: naming::variant_name(&f.id.value),
            anchor,
            id: f.id.value,
            title: f.title,
            description: f.description,
            codes: Vec::new(),
        })
        .collect();
    for (index, code) in codes.iter().enumerate() {
        for &family in &code.families {
            families[family].codes.push(index);
        }
    }
    let codes: Vec<Code> = codes
        .into_iter()
        .zip(deprecations)
        .zip(anchors.codes)
        .map(|((code, deprecated), anchor)| {
            resolve_code(code, deprecated, anchor, &template, &version)
        })
        .collect();
    let retired = retired
        .into_iter()
        .zip(anchors.retired)
        .map(|(r, anchor)| Retired {
            anchor,
            span: r.wire.span,
            wire: r.wire.value,
            since: r.since,
            note: r.note,
        })
        .collect();
    Catalog {
        source_path: source_path.to_owned(),
        api,
        crate_name,
        version,
        npm_name,
        envelopes,
        statuses,
        families,
        lookup: lookup.for_codes(codes.len()),
        codes,
        retired,
        // The lock stage fills these in, from what the lock records.
        releases: Vec::new(),
        spans,
        section_anchors: anchors.sections,
    }
}

fn resolve_code(
    c: ValidatedCode,
    deprecated: Option<Deprecation>,
    anchor: String,
    template: &str,
    version: &str,
) -> Code {
    let wire = c.wire.value;
    let docs_url = expand_url(c.docs_url.as_deref().unwrap_or(template), &wire, &anchor);
    let variant = naming::variant_name(&wire);
    Code {
        details: details::details(c.details, &variant),
        template: c.template.map(details::template),
        variant,
        constant: naming::constant_name(&wire),
        status: c.status.value,
        // The lock stage replaces it with the version the lock records, if older.
        since: version.to_owned(),
        families: c.families,
        message: default_message(&c.description, &c.resolution),
        description: c.description,
        resolution: c.resolution,
        family_descriptions: c.family_descriptions,
        retryable: c.retryable,
        action: c.action.map(|action| Action {
            name: action.name,
            url: action.url,
            title: action.title,
        }),
        docs_url,
        has_own_docs_url: c.docs_url.is_some(),
        anchor,
        deprecated,
        spans: CodeSpans {
            code: c.wire.span,
            status: c.status.span,
        },
        wire,
    }
}

/// The anchors of the headings links point at, from the page's outline.
struct Anchors {
    sections: Vec<(&'static str, String)>,
    families: Vec<String>,
    codes: Vec<String>,
    retired: Vec<String>,
}

/// Hands out every heading's anchor in page order, as GitHub and mdBook number repeats,
/// the page's own section headings included (its contents list links to them).
fn anchors(validated: &Validated) -> Anchors {
    let mut slugger = Slugger::default();
    let mut anchors = Anchors {
        sections: Vec::new(),
        families: Vec::new(),
        codes: Vec::new(),
        retired: Vec::new(),
    };
    let page = outline::Page {
        has_envelopes: !validated.envelopes.is_empty(),
        families: validated.families.len(),
        codes: validated.codes.len(),
        retired: validated.retired.len(),
    };
    for heading in outline::headings(page) {
        match heading {
            Heading::Title => {
                slugger.anchor(&outline::page_title(&validated.api));
            }
            Heading::Responses
            | Heading::StatusSummary
            | Heading::Codes
            | Heading::RetiredCodes
            | Heading::Retrying => {
                let title = heading.fixed_title().expect("a fixed section");
                anchors.sections.push((title, slugger.anchor(title)));
            }
            Heading::Family(i) => anchors
                .families
                .push(slugger.anchor(&validated.families[i].title)),
            Heading::Code(i) => anchors
                .codes
                .push(slugger.anchor(&validated.codes[i].wire.value)),
            Heading::Retired(i) => anchors
                .retired
                .push(slugger.anchor(&validated.retired[i].wire.value)),
        }
    }
    anchors
}

/// Each code's deprecation, with its replacement as an index (validation made sure it
/// names another live code).
fn deprecations(codes: &[ValidatedCode]) -> Vec<Option<Deprecation>> {
    let index: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, code)| (code.wire.value.as_str(), i))
        .collect();
    codes
        .iter()
        .map(|code| {
            let deprecation = code.deprecated.as_ref()?;
            Some(Deprecation {
                since: deprecation.since.clone(),
                replacement: deprecation
                    .replacement
                    .as_ref()
                    .and_then(|wanted| index.get(wanted.value.as_str()).copied()),
                note: deprecation.note.clone(),
            })
        })
        .collect()
}

/// The description, then the resolution, each ending as a sentence, on one line:
/// `Ticket with specified ID doesn't exist. Verify the ticket ID exists.`
fn default_message(description: &str, resolution: &str) -> String {
    let mut message = String::with_capacity(description.len() + resolution.len() + 3);
    push_sentence(&mut message, description);
    message.push(' ');
    push_sentence(&mut message, resolution);
    message
}

/// Appends `text` with its whitespace runs made single spaces, and a full stop unless it
/// ends as a sentence already.
fn push_sentence(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
}

/// Fills the `{code}` and `{anchor}` placeholders of a checked URL template.
fn expand_url(template: &str, wire: &str, anchor: &str) -> String {
    let mut url = String::with_capacity(template.len() + wire.len() + anchor.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        url.push_str(&rest[..open]);
        let after = &rest[open..];
        if let Some(tail) = after.strip_prefix("{code}") {
            url.push_str(wire);
            rest = tail;
        } else if let Some(tail) = after.strip_prefix("{anchor}") {
            url.push_str(anchor);
            rest = tail;
        } else {
            url.push('{');
            rest = &after[1..];
        }
    }
    url.push_str(rest);
    url
}
