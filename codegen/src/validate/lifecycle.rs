//! A code's lifecycle: `deprecated` (with its replacement) and `retired`.

use crate::fast_hash::HashMap;

use super::codes::check_wire;
use super::{did_you_mean, optional, ValidatedDeprecation, ValidatedRetired, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::load::{RawCatalog, RawCode, RawDeprecation, Spanned};

impl Validator<'_> {
    pub(super) fn deprecation(
        &mut self,
        raw: &RawDeprecation,
        released: Option<&semver::Version>,
    ) -> Option<ValidatedDeprecation> {
        let since = raw
            .since
            .as_ref()
            .and_then(|since| self.since(since, released, "deprecated"));
        let note = raw.note.as_ref().map(|note| self.text(Some(note), "note"));
        Some(ValidatedDeprecation {
            since: since?,
            replacement: raw.replacement.clone(),
            note: optional(note)?,
        })
    }

    /// A `since` version: semver, and not later than the catalog's own version.
    fn since(
        &mut self,
        since: &Spanned<String>,
        released: Option<&semver::Version>,
        what: &str,
    ) -> Option<String> {
        let parsed = match semver::Version::parse(&since.value) {
            Ok(parsed) => parsed,
            Err(error) => {
                self.error(
                    Diagnostic::error(
                        format!("`since` {:?} is not a semver version", since.value),
                        since.span,
                    )
                    .label(error.to_string())
                    .help("write the catalog version it happened in, e.g. `0.3.0`"),
                );
                return None;
            }
        };
        if let Some(released) = released.filter(|released| parsed > **released) {
            self.error(
                Diagnostic::error(
                    format!("{what} since {parsed}, which is later than the catalog's version {released}"),
                    since.span,
                )
                .label("a future version")
                .help(format!("use the version that makes the change, and set `version` to it; at most {released}")),
            );
            return None;
        }
        Some(since.value.clone())
    }

    /// Checks each deprecated code's replacement, as written: it must name another
    /// code of the catalog that is not deprecated itself. Works on the codes as written so
    /// that a replacement is checked even when its code has other problems.
    pub(super) fn check_replacements(&mut self, raw: Option<&Spanned<Vec<RawCode>>>) {
        let codes: Vec<&RawCode> = raw.iter().flat_map(|codes| &codes.value).collect();
        let mut by_wire: HashMap<&str, &RawCode> = HashMap::default();
        for code in &codes {
            if let Some(wire) = &code.code {
                by_wire.entry(wire.value.as_str()).or_insert(code);
            }
        }
        for code in &codes {
            let (Some(wire), Some(wanted)) = (
                &code.code,
                code.deprecated
                    .as_ref()
                    .and_then(|d| d.replacement.as_ref()),
            ) else {
                continue;
            };
            let problem = match by_wire.get(wanted.value.as_str()) {
                None => Diagnostic::error(
                    format!("unknown replacement code {:?}", wanted.value),
                    wanted.span,
                )
                .label("no code of the catalog has this wire string")
                .maybe_help(did_you_mean(&wanted.value, by_wire.keys().copied())),
                Some(_) if wanted.value == wire.value => Diagnostic::error(
                    format!("code {:?} names itself as its replacement", wire.value),
                    wanted.span,
                )
                .label("the replacement must be another code"),
                Some(target) if target.deprecated.is_some() => Diagnostic::error(
                    format!("the replacement {:?} is deprecated too", wanted.value),
                    wanted.span,
                )
                .label("a replacement must be a code clients can move to")
                .note_at(
                    format!("{:?} is deprecated here", wanted.value),
                    target.deprecated.as_ref().map_or(target.span, |d| d.span),
                )
                .help("name the code that replaces both"),
                Some(_) => continue,
            };
            self.error(problem);
        }
    }

    /// Checks `retired`: well-formed, listed once, and never used again as a live code.
    pub(super) fn retired(
        &mut self,
        raw: &RawCatalog,
        released: Option<&semver::Version>,
    ) -> Vec<ValidatedRetired> {
        let live: HashMap<&str, Span> = raw
            .codes
            .iter()
            .flat_map(|codes| &codes.value)
            .filter_map(|code| code.code.as_ref())
            .map(|wire| (wire.value.as_str(), wire.span))
            .collect();
        let mut seen: HashMap<&str, Span> = HashMap::default();
        let mut retired = Vec::new();
        for entry in &raw.retired {
            let Some(wire) = &entry.code else { continue };
            if let Err(problem) = check_wire(&wire.value) {
                self.error(
                    Diagnostic::error(format!("invalid code {:?}", wire.value), wire.span)
                        .label(problem),
                );
                continue;
            }
            if let Some(&first) = seen.get(wire.value.as_str()) {
                self.error(
                    Diagnostic::error(format!("code {:?} is retired twice", wire.value), wire.span)
                        .label("listed again here")
                        .note_at("first listed here", first),
                );
                continue;
            }
            seen.insert(&wire.value, wire.span);
            if let Some(&used) = live.get(wire.value.as_str()) {
                self.error(
                    Diagnostic::error(format!("retired code {:?} is used again", wire.value), used)
                        .label("a retired wire string can never come back")
                        .note_at("retired here", wire.span)
                        .help("clients may still treat it the old way; choose a new code"),
                );
                continue;
            }
            let since = entry
                .since
                .as_ref()
                .and_then(|since| self.since(since, released, "retired"));
            let note = match &entry.note {
                Some(note) => self.text(Some(note), "note"),
                None => None,
            };
            if let Some(since) = since {
                retired.push(ValidatedRetired {
                    wire: wire.clone(),
                    since,
                    note,
                });
            }
        }
        retired
    }
}
