//! Stage 2: raw catalog -> the validated catalog, with every problem of meaning reported.
//!
//! Checks only: validation never stops at the first problem, each check adds its
//! diagnostics, and what passed comes back as [`Validated`] for [`crate::resolve`] to turn
//! into the model, only when no check reported an error. One file per subject: the
//! catalog's header keys, families, codes, their lifecycle (deprecation, retirement) and
//! URLs.

mod codes;
mod details;
mod examples;
mod families;
mod header;
mod lifecycle;
mod statuses;
mod template;
mod urls;

pub(crate) use codes::{ValidatedCode, ValidatedDeprecation};
pub(crate) use details::{TemplatePiece, ValidatedDetail, ValidatedTemplate, ValidatedType};

use std::collections::BTreeMap;
use std::fmt;

use crate::diagnostics::suggest::closest;
use crate::diagnostics::{Diagnostic, Severity, Span};
use crate::format::Envelope;
use crate::load::{RawCatalog, Spanned};

/// Checks `raw`, adding every problem to `diagnostics`; what passed, when nothing failed.
///
/// Returns `None` when any error was found; warnings alone do not stop generation.
pub(crate) fn validate(raw: &RawCatalog, diagnostics: &mut Vec<Diagnostic>) -> Option<Validated> {
    let mut v = Validator { diagnostics };
    let api = v.text(raw.api.as_ref(), "api");
    let crate_name = v.crate_name(raw.crate_name.as_ref());
    let version = v.version(raw.version.as_ref());
    let npm_name = v.npm_name(
        raw.npm.as_ref(),
        raw.crate_name.as_ref(),
        crate_name.is_some(),
    );
    let template = v.url_template(raw.docs_url.as_ref(), "docs_url");
    let envelopes = v.envelopes(raw.envelopes.as_ref());
    let actions = v.actions(&raw.actions);
    let statuses = v.statuses(&raw.statuses);
    let families = v.families(raw.families.as_ref());
    let released = version
        .as_deref()
        .and_then(|v| semver::Version::parse(v).ok());
    let codes = v.codes(
        raw.codes.as_ref(),
        &families,
        &actions,
        released.as_ref(),
        envelopes.contains(&Envelope::Problem),
    );
    v.check_replacements(raw.codes.as_ref());
    let retired = v.retired(raw, released.as_ref());
    v.warn_about_empty_families(&families, raw.codes.as_ref());
    v.warn_about_unused_statuses(&raw.statuses, raw.codes.as_ref());

    let has_errors = v.diagnostics.iter().any(|d| d.severity == Severity::Error);
    if has_errors {
        return None;
    }
    let codes_span = raw.codes.as_ref().map_or(raw.span, |codes| codes.span);
    let crate_span = raw.crate_name.as_ref().map_or(raw.span, |name| name.span);
    Some(Validated {
        api: api?,
        crate_name: crate_name?,
        version: version?,
        npm_name: npm_name?,
        template: template?,
        envelopes,
        statuses,
        families,
        codes,
        retired,
        spans: CatalogSpans {
            version: raw.version.as_ref().map_or(raw.span, |v| v.span),
            codes: codes_span,
            retired: raw.retired.first().map_or(codes_span, |first| first.span),
            crate_name: crate_span,
            npm_name: raw.npm.as_ref().map_or(crate_span, |npm| npm.span),
        },
    })
}

/// Everything that passed its checks: what [`crate::resolve`] builds the model from.
pub(crate) struct Validated {
    pub(crate) api: String,
    pub(crate) crate_name: String,
    pub(crate) version: String,
    pub(crate) npm_name: String,
    /// The `docs_url` template.
    pub(crate) template: String,
    pub(crate) envelopes: Vec<Envelope>,
    /// What each HTTP status means in this API, from `statuses`.
    pub(crate) statuses: BTreeMap<u16, String>,
    pub(crate) families: Vec<ValidatedFamily>,
    pub(crate) codes: Vec<ValidatedCode>,
    pub(crate) retired: Vec<ValidatedRetired>,
    pub(crate) spans: CatalogSpans,
}

/// Where a catalog's lists and version were written, for messages that point at them
/// (such as the lock's, which run after the model is built).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CatalogSpans {
    /// The `version` value.
    pub(crate) version: Span,
    /// The `codes` list.
    pub(crate) codes: Span,
    /// The first `retired` entry, or the `codes` list when there is none.
    pub(crate) retired: Span,
    /// The `crate` value.
    pub(crate) crate_name: Span,
    /// The `npm` value, or the `crate` value when the npm name defaults to it.
    pub(crate) npm_name: Span,
}

/// A family that passed its own checks, with where its id was written.
pub(crate) struct ValidatedFamily {
    pub(crate) id: Spanned<String>,
    pub(crate) title: String,
    pub(crate) description: Option<String>,
}

/// A dashboard link of `actions` that passed its checks.
pub(crate) struct Link {
    /// The dashboard URL.
    pub(crate) url: String,
    /// The label the docs show for it, one line of plain text.
    pub(crate) title: Option<String>,
}

/// A retired code that passed its checks.
pub(crate) struct ValidatedRetired {
    pub(crate) wire: Spanned<String>,
    pub(crate) since: String,
    pub(crate) note: Option<String>,
}

/// Collects the diagnostics of every check.
struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Plain text: trimmed, not empty, and no character that
    /// [`crate::text::refused_character`] refuses (controls but the line break, and
    /// bidirectional controls).
    fn text(&mut self, value: Option<&Spanned<String>>, key: &str) -> Option<String> {
        self.plain(value?, Backticked(key))
    }

    /// [`Validator::text`] for a value messages name as `what`, e.g. "the `title` of
    /// action `api_keys`".
    fn plain(&mut self, value: &Spanned<String>, what: impl fmt::Display) -> Option<String> {
        let text = value.value.trim();
        if text.is_empty() {
            self.error(
                Diagnostic::error(format!("{what} must not be empty"), value.span)
                    .label("empty text"),
            );
            return None;
        }
        if let Some((c, why)) = text
            .chars()
            .find_map(|c| crate::text::refused_character(c).map(|why| (c, why)))
        {
            self.error(
                Diagnostic::error(format!("{what} contains {}", character_name(c)), value.span)
                .label(why)
                .help(
                    "plain text may hold any printable character and line breaks; remove this one",
                ),
            );
            return None;
        }
        Some(text.to_owned())
    }
}

impl Validator<'_> {
    /// Plain text on one line, as a link's label or a table cell holds it:
    /// [`Validator::plain`], and no line break inside (blank space around it is
    /// trimmed, as for any text).
    fn line(&mut self, value: &Spanned<String>, what: &str) -> Option<String> {
        let text = self.plain(value, what)?;
        if text.contains(['\n', '\u{2028}', '\u{2029}']) {
            self.error(
                Diagnostic::error(format!("{what} is more than one line"), value.span)
                    .label("this text holds a line break")
                    .help("write it on one line: a `|` block keeps its line breaks, a plain or `>` value joins its lines with spaces"),
            );
            return None;
        }
        Some(text)
    }
}

/// A key in backticks, for messages.
#[derive(Clone, Copy)]
struct Backticked<'a>(&'a str);

impl fmt::Display for Backticked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// `c` as messages name it: its code point, and how a YAML double-quoted string writes
/// it, since it is invisible or hard to see.
pub(crate) fn character_name(c: char) -> String {
    format!(
        "U+{:04X} (written \"\\u{:04x}\" in a YAML double-quoted string)",
        c as u32, c as u32
    )
}

/// The result of checking an optional key: `Some(None)` when the key is absent,
/// `Some(Some(value))` when it passed, `None` when it failed.
fn optional<T>(checked: Option<Option<T>>) -> Option<Option<T>> {
    match checked {
        None => Some(None),
        Some(value) => value.map(Some),
    }
}

fn did_you_mean<'c>(name: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<String> {
    closest(name, candidates).map(|near| format!("did you mean `{near}`?"))
}
