//! Stage 3's output, what resolve builds and emit reads: the validated catalog, with every
//! name resolved and every link built.
//!
//! Emitters read only this model. Everything in it is already checked, so an emitter
//! never has to decide whether a value is acceptable, only how to print it.

pub mod details;
pub mod releases;
pub(crate) mod shapes;

use std::collections::BTreeMap;

use crate::config::Lookup;
use crate::diagnostics::Span;
pub use crate::format::Envelope;
use crate::validate::CatalogSpans;
use details::{Detail, Template};

/// One catalog, validated and resolved. Order of families and codes is the catalog's.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Catalog {
    /// The catalog's path as shown in generated headers, e.g. `catalog/relay.yaml`.
    pub source_path: String,
    /// The API's human name, e.g. `Relay API`.
    pub api: String,
    /// The Cargo package name of the generated crate, e.g. `relay-errors`.
    pub crate_name: String,
    /// The generated crate's semver version, also the TypeScript package's.
    pub version: String,
    /// The npm package name of the generated TypeScript package: the catalog's `npm`,
    /// or the crate name when it has none, e.g. `@relay/errors`.
    pub npm_name: String,
    /// The envelope kinds the crate provides, in the catalog's order.
    pub envelopes: Vec<Envelope>,
    /// What each HTTP status means in this API, plain text on one line, from the
    /// catalog's `statuses` (a status it does not describe is not there).
    pub statuses: BTreeMap<u16, String>,
    /// Every family, in docs order.
    pub families: Vec<Family>,
    /// Every code, in enum and docs order.
    pub codes: Vec<Code>,
    /// Codes that were released and are no longer returned, in catalog order.
    pub retired: Vec<Retired>,
    /// Every catalog version that changed the codes, newest first, as the lock records
    /// them: what `CHANGES.md` lists.
    pub releases: Vec<releases::Release>,
    /// How `ErrorCode::from_wire` finds a code: the configured [`Lookup`], decided for
    /// this catalog's size (never [`Lookup::Auto`]).
    pub lookup: Lookup,
    /// Where the catalog-wide keys were written.
    pub(crate) spans: CatalogSpans,
    /// The anchors of the page's fixed sections (`Error responses` and the like), in
    /// page order, with their titles: what the page's contents list links to.
    pub(crate) section_anchors: Vec<(&'static str, String)>,
}

/// Where a code's keys were written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CodeSpans {
    /// The `code` value, its wire string.
    pub(crate) code: Span,
    /// The `status` value.
    pub(crate) status: Span,
}

impl Catalog {
    /// Whether any code is deprecated, so generated code must allow using it.
    pub fn has_deprecated(&self) -> bool {
        self.codes.iter().any(|code| code.deprecated.is_some())
    }

    /// Whether any code carries details.
    pub fn has_details(&self) -> bool {
        self.codes.iter().any(|code| !code.details.is_empty())
    }

    /// The codes of each HTTP status, statuses ascending, codes in catalog order.
    pub fn codes_by_status(&self) -> BTreeMap<u16, Vec<&Code>> {
        let mut by_status: BTreeMap<u16, Vec<&Code>> = BTreeMap::new();
        for code in &self.codes {
            by_status.entry(code.status).or_default().push(code);
        }
        by_status
    }

    /// The anchor of the page's fixed section titled `title` (an `outline` constant).
    pub(crate) fn section_anchor(&self, title: &str) -> &str {
        self.section_anchors
            .iter()
            .find(|(section, _)| *section == title)
            .map(|(_, anchor)| anchor.as_str())
            .expect("every fixed section of the page has its anchor")
    }

    /// The codes of `family`, in catalog order.
    pub fn codes_of<'a>(&'a self, family: &'a Family) -> impl Iterator<Item = &'a Code> + 'a {
        family.codes.iter().map(|&index| &self.codes[index])
    }
}

/// A group of codes, shown as one section with one table in the docs.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Family {
    /// The catalog id, lower snake_case, e.g. `rate_limiting`.
    pub id: String,
    /// The `Family` enum variant, e.g. `RateLimiting`.
    pub variant: String,
    /// The section title, plain text.
    pub title: String,
    /// A sentence about the family, plain text.
    pub description: Option<String>,
    /// The anchor of the family's section heading.
    pub(crate) anchor: String,
    /// Indices into [`Catalog::codes`] of the family's codes, in catalog order.
    pub codes: Vec<usize>,
}

/// One error code.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Code {
    /// The wire string, exactly as sent in `error.code`.
    pub wire: String,
    /// The `ErrorCode` variant, e.g. `TicketNotFound`.
    pub variant: String,
    /// The `docs_url` constant, e.g. `TICKET_NOT_FOUND`.
    pub constant: String,
    /// The HTTP status, 400..=599.
    pub status: u16,
    /// The catalog version that introduced it, as the lock records it (the catalog's
    /// version for a code the lock does not list yet).
    pub since: String,
    /// Indices into [`Catalog::families`]; the first is the code's primary family.
    pub families: Vec<usize>,
    /// What went wrong, plain text.
    pub description: String,
    /// What to do about it, plain text.
    pub resolution: String,
    /// The description and resolution as one message that stands on its own.
    pub message: String,
    /// Per-family wording of the description, keyed by family index.
    pub family_descriptions: BTreeMap<usize, String>,
    /// Whether retrying the same request can succeed.
    pub retryable: bool,
    /// The dashboard page where the user can act on the error.
    pub action: Option<Action>,
    /// The resolved documentation link.
    pub docs_url: String,
    /// Whether the code sets its own `docs_url` instead of using the catalog's template,
    /// so the link may lead somewhere other than its heading in the generated page.
    pub(crate) has_own_docs_url: bool,
    /// The anchor of the code's heading in the generated Markdown.
    pub(crate) anchor: String,
    /// Set when the code is deprecated.
    pub deprecated: Option<Deprecation>,
    /// The facts one occurrence carries, in catalog order.
    pub details: Vec<Detail>,
    /// The template of an occurrence's message; without one, the message is
    /// [`Code::message`].
    pub template: Option<Template>,
    /// Where its keys were written.
    pub(crate) spans: CodeSpans,
}

/// Why and since when a code is deprecated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deprecation {
    /// The catalog version that deprecated the code.
    pub since: String,
    /// Index into [`Catalog::codes`] of the code to use instead: live, not deprecated.
    pub replacement: Option<usize>,
    /// Why, plain text.
    pub note: Option<String>,
}

/// A code that was released and is no longer returned; its wire string is never reused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Retired {
    /// The wire string.
    pub wire: String,
    /// The catalog version that retired it.
    pub since: String,
    /// Why, plain text.
    pub note: Option<String>,
    /// The anchor of its heading in the generated Markdown, so old links still land.
    pub(crate) anchor: String,
    /// Where its wire string was written under `retired`.
    pub(crate) span: Span,
}

impl Code {
    /// The description to show in `family`'s table: its own wording if it has one.
    pub fn description_in(&self, family: usize) -> &str {
        self.family_descriptions
            .get(&family)
            .map_or(&self.description, String::as_str)
    }
}

/// A named dashboard link from the catalog's `actions`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Action {
    /// The key in `actions`, e.g. `api_keys`.
    pub name: String,
    /// The dashboard URL.
    pub url: String,
    /// The label the docs show for the link, plain text on one line; without one they
    /// show the URL.
    pub title: Option<String>,
}
