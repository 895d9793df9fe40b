//! `codes`: wire strings and the Rust names they become, statuses, families, text,
//! actions and per-family wording.

use std::collections::BTreeMap;

use crate::fast_hash::HashMap;

use super::details::{DetailsContext, TypeNames, ValidatedDetail, ValidatedTemplate};
use super::{did_you_mean, optional, Link, ValidatedFamily, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::load::{RawCode, Spanned};
use crate::naming;

/// A code that passed its own checks.
pub(crate) struct ValidatedCode {
    pub(crate) wire: Spanned<String>,
    pub(crate) status: Spanned<u16>,
    pub(crate) families: Vec<usize>,
    pub(crate) description: String,
    pub(crate) resolution: String,
    pub(crate) family_descriptions: BTreeMap<usize, String>,
    pub(crate) retryable: bool,
    pub(crate) action: Option<ValidatedAction>,
    pub(crate) docs_url: Option<String>,
    pub(crate) deprecated: Option<ValidatedDeprecation>,
    pub(crate) details: Vec<ValidatedDetail>,
    pub(crate) template: Option<ValidatedTemplate>,
}

/// A dashboard link from the catalog's `actions`, found under the name a code gave.
pub(crate) struct ValidatedAction {
    /// The key in `actions`.
    pub(crate) name: String,
    /// The dashboard URL.
    pub(crate) url: String,
    /// The label the docs show for it.
    pub(crate) title: Option<String>,
}

/// A code's deprecation, its replacement still a wire string.
pub(crate) struct ValidatedDeprecation {
    pub(crate) since: String,
    pub(crate) replacement: Option<Spanned<String>>,
    pub(crate) note: Option<String>,
}

/// The longest wire string the format accepts.
pub(crate) const MAX_WIRE_LEN: usize = 100;

impl Validator<'_> {
    pub(super) fn codes(
        &mut self,
        raw: Option<&Spanned<Vec<RawCode>>>,
        families: &[ValidatedFamily],
        actions: &HashMap<String, Link>,
        released: Option<&semver::Version>,
        has_problem: bool,
    ) -> Vec<ValidatedCode> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        if raw.value.is_empty() {
            self.error(
                Diagnostic::error("`codes` must not be empty", raw.span)
                    .label("no codes")
                    .help("add a code with `code`, `status`, `family`, `description` and `resolution`"),
            );
        }
        let family_index: HashMap<&str, usize> = families
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.value.as_str(), i))
            .collect();
        let mut names = NameRegistry {
            has_problem,
            ..NameRegistry::default()
        };
        names.wires.reserve(raw.value.len());
        names.variants.reserve(raw.value.len());
        raw.value
            .iter()
            .filter_map(|code| self.code(code, &family_index, actions, &mut names, released))
            .collect()
    }

    fn code<'r>(
        &mut self,
        raw: &'r RawCode,
        family_index: &HashMap<&str, usize>,
        actions: &HashMap<String, Link>,
        names: &mut NameRegistry<'r>,
        released: Option<&semver::Version>,
    ) -> Option<ValidatedCode> {
        let wire = raw
            .code
            .as_ref()
            .and_then(|wire| self.wire(wire, raw, names));
        let status = raw.status.as_ref().and_then(|s| self.status(s));
        let families = raw
            .families
            .as_ref()
            .and_then(|list| self.code_families(list, family_index));
        let description = self.text(raw.description.as_ref(), "description");
        let resolution = self.text(raw.resolution.as_ref(), "resolution");
        let action = raw.action.as_ref().and_then(|a| self.action(a, actions));
        // Every check runs before any early return, so all of a code's problems are reported.
        let docs_url = raw
            .docs_url
            .as_ref()
            .map(|url| self.url_template(Some(url), "docs_url"));
        let family_descriptions = self.family_descriptions(raw, families.as_deref(), family_index);
        let deprecated = raw
            .deprecated
            .as_ref()
            .map(|deprecation| self.deprecation(deprecation, released));
        let details = self.code_details(
            raw.details.as_ref(),
            &mut DetailsContext {
                variant: raw
                    .code
                    .as_ref()
                    .map_or_else(String::new, |w| naming::variant_name(&w.value)),
                has_problem: names.has_problem,
                names: &mut names.detail_types,
            },
        );
        let wire_text = raw.code.as_ref().map_or("", |w| w.value.as_str());
        let template = raw
            .message
            .as_ref()
            .map(|message| self.template(message, details.as_deref(), wire_text));
        if let (Some(description), Some(resolution)) = (&description, &resolution) {
            if description == resolution {
                let span = raw.resolution.as_ref().map_or(raw.span, |r| r.span);
                self.error(
                    Diagnostic::warning("the resolution repeats the description", span)
                        .label("same text as `description`")
                        .help("say what the caller should do to fix or avoid the error"),
                );
            }
        }
        Some(ValidatedCode {
            wire: wire?,
            status: Spanned {
                value: status?,
                span: raw.status.as_ref().map_or(raw.span, |s| s.span),
            },
            families: families?,
            description: description?,
            resolution: resolution?,
            family_descriptions: family_descriptions?,
            retryable: raw.retryable.as_ref().is_some_and(|r| r.value),
            action: match raw.action {
                Some(_) => Some(action?),
                None => None,
            },
            docs_url: optional(docs_url)?,
            deprecated: optional(deprecated)?,
            details: details?,
            template: optional(template)?,
        })
    }

    /// Checks a wire string and claims its Rust names, which must be usable and unique.
    fn wire<'r>(
        &mut self,
        wire: &'r Spanned<String>,
        raw: &'r RawCode,
        names: &mut NameRegistry<'r>,
    ) -> Option<Spanned<String>> {
        if let Err(problem) = check_wire(&wire.value) {
            self.error(
                Diagnostic::error(format!("invalid code {:?}", wire.value), wire.span)
                    .label(problem)
                    .note(format!("a code starts with an ASCII letter, then ASCII letters, digits, `_`, `-`, `.` or `/`; at most {MAX_WIRE_LEN} characters")),
            );
            return None;
        }
        if let Some((first, first_code)) = names.wires.get(wire.value.as_str()) {
            let both = merged_families(first_code, raw);
            self.error(
                Diagnostic::error(format!("duplicate code {:?}", wire.value), wire.span)
                    .label("defined again here")
                    .note_at("first defined here", *first)
                    .help(format!("a code shared by several families is one entry: list every family on it, `family: [{both}]`, and keep each family's wording under `family_descriptions`")),
            );
            return None;
        }
        names.wires.insert(&wire.value, (wire.span, raw));
        let variant = naming::variant_name(&wire.value);
        if naming::is_keyword(&variant) {
            self.error(
                Diagnostic::error(
                    format!("code {:?} becomes the Rust keyword `{variant}`", wire.value),
                    wire.span,
                )
                .label("cannot be an `ErrorCode` variant")
                .help("choose another code; a released code cannot be renamed later"),
            );
            return None;
        }
        // Both names are made from the same words, so they collide together (a test in
        // `naming` holds that); one check covers the variant and the constant.
        if let Some(first) = names.variants.get(&variant) {
            let constant = naming::constant_name(&wire.value);
            self.error(
                Diagnostic::error(
                    format!(
                        "codes {:?} and {:?} both become `ErrorCode::{variant}` and `docs_url::{constant}`",
                        first.value, wire.value
                    ),
                    wire.span,
                )
                .label("collides with an earlier code")
                .note_at("the earlier code", first.span)
                .help("Rust names ignore case and separators; rename one of the two codes"),
            );
            return None;
        }
        names.variants.insert(variant, wire);
        Some(wire.clone())
    }

    fn status(&mut self, status: &Spanned<i64>) -> Option<u16> {
        match u16::try_from(status.value) {
            Ok(value @ 400..=599) => Some(value),
            _ => {
                self.error(
                    Diagnostic::error(
                        format!("status {} is not an HTTP error status", status.value),
                        status.span,
                    )
                    .label("expected 400..=599")
                    .note("error codes carry a client error (4xx) or server error (5xx) status"),
                );
                None
            }
        }
    }

    fn code_families(
        &mut self,
        list: &Spanned<Vec<Spanned<String>>>,
        family_index: &HashMap<&str, usize>,
    ) -> Option<Vec<usize>> {
        if list.value.is_empty() {
            self.error(
                Diagnostic::error("`family` must name at least one family", list.span)
                    .label("empty list"),
            );
            return None;
        }
        let mut indices: Vec<usize> = Vec::new();
        let mut ok = true;
        for id in &list.value {
            match family_index.get(id.value.as_str()) {
                Some(&index) if indices.contains(&index) => {
                    ok = false;
                    self.error(
                        Diagnostic::error(
                            format!("family {:?} is listed twice", id.value),
                            id.span,
                        )
                        .label("listed again here"),
                    );
                }
                Some(&index) => indices.push(index),
                None => {
                    ok = false;
                    self.error(
                        Diagnostic::error(format!("unknown family {:?}", id.value), id.span)
                            .label("no family has this id")
                            .maybe_help(did_you_mean(&id.value, family_index.keys().copied())),
                    );
                }
            }
        }
        ok.then_some(indices)
    }

    fn action(
        &mut self,
        action: &Spanned<String>,
        actions: &HashMap<String, Link>,
    ) -> Option<ValidatedAction> {
        match actions.get(&action.value) {
            Some(link) => Some(ValidatedAction {
                name: action.value.clone(),
                url: link.url.clone(),
                title: link.title.clone(),
            }),
            None => {
                let mut known: Vec<&str> = actions.keys().map(String::as_str).collect();
                known.sort_unstable();
                let help = did_you_mean(&action.value, known.iter().copied()).or_else(|| {
                    Some(format!(
                        "add it under `actions:` at the top of the catalog, e.g. `{}: https://...`",
                        action.value
                    ))
                });
                self.error(
                    Diagnostic::error(format!("unknown action {:?}", action.value), action.span)
                        .label("not a key of `actions`")
                        .maybe_help(help),
                );
                None
            }
        }
    }

    fn family_descriptions(
        &mut self,
        raw: &RawCode,
        families: Option<&[usize]>,
        family_index: &HashMap<&str, usize>,
    ) -> Option<BTreeMap<usize, String>> {
        let mut wordings = BTreeMap::new();
        let mut ok = true;
        for (id, text) in &raw.family_descriptions {
            let index = family_index.get(id.value.as_str()).copied();
            let in_code = index.is_some_and(|i| families.is_none_or(|f| f.contains(&i)));
            if !in_code {
                ok = false;
                self.error(
                    Diagnostic::error(
                        format!("`family_descriptions` names {:?}, which is not one of this code's families", id.value),
                        id.span,
                    )
                    .label("not listed under `family`")
                    .help("add the family to `family`, or remove this wording"),
                );
                continue;
            }
            match (index, self.text(Some(text), "family_descriptions")) {
                (Some(index), Some(text)) => {
                    wordings.insert(index, text);
                }
                _ => ok = false,
            }
        }
        ok.then_some(wordings)
    }
}

/// Which wire strings and Rust names are taken, and by which code.
#[derive(Default)]
struct NameRegistry<'r> {
    /// Each wire string claimed so far, with where and in which entry.
    wires: HashMap<&'r str, (Span, &'r RawCode)>,
    variants: HashMap<String, &'r Spanned<String>>,
    /// The generated `details` types, named by code and key.
    detail_types: TypeNames,
    /// Whether the catalog has the `problem` envelope, whose members details may not be.
    has_problem: bool,
}

/// The families of two entries of one code, each once, in the order written, for the
/// help that merges them; a placeholder when neither names any.
fn merged_families(first: &RawCode, second: &RawCode) -> String {
    let mut merged: Vec<&str> = Vec::new();
    for code in [first, second] {
        for family in code.families.iter().flat_map(|list| &list.value) {
            // A family id is ASCII; anything else is reported where it is written.
            let printable = family.value.bytes().all(|b| b.is_ascii_graphic());
            if printable && !merged.contains(&family.value.as_str()) {
                merged.push(&family.value);
            }
        }
    }
    if merged.is_empty() {
        "first, second".to_owned()
    } else {
        merged.join(", ")
    }
}

/// Why `wire` is not a valid wire string, if it is not.
pub(super) fn check_wire(wire: &str) -> Result<(), String> {
    if wire.is_empty() {
        return Err("empty code".to_owned());
    }
    if wire.len() > MAX_WIRE_LEN {
        return Err(format!("{} characters long", wire.chars().count()));
    }
    if !wire.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err("does not start with an ASCII letter".to_owned());
    }
    match wire
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '/')))
    {
        Some(c) => Err(format!("contains {c:?}")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::check_wire;

    #[test]
    fn wire_strings_follow_the_format() {
        for good in [
            "TICKET_NOT_FOUND",
            "api_key_required",
            "NoSuchBucket",
            "auth/invalid-email",
            "v1.x",
        ] {
            assert_eq!(check_wire(good), Ok(()), "{good}");
        }
        assert!(check_wire("").is_err());
        assert!(check_wire("1ABC").is_err());
        assert!(check_wire("A B").is_err());
        assert!(check_wire(&"A".repeat(101)).is_err());
        assert!(check_wire(&"A".repeat(100)).is_ok());
    }
}
