//! `families`: ids, titles and the `Family` variants they become.

use crate::fast_hash::{HashMap, HashSet};

use super::{ValidatedFamily, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::load::{RawCode, RawFamily, Spanned};
use crate::naming;

impl Validator<'_> {
    pub(super) fn families(
        &mut self,
        raw: Option<&Spanned<Vec<RawFamily>>>,
    ) -> Vec<ValidatedFamily> {
        let Some(raw) = raw else {
            return Vec::new();
        };
        if raw.value.is_empty() {
            self.error(
                Diagnostic::error("`families` must not be empty", raw.span)
                    .label("no families")
                    .help("add a family, e.g. `- { id: general, title: General Errors }`"),
            );
        }
        let mut by_id: HashMap<String, Span> = HashMap::default();
        let mut by_variant: HashMap<String, Spanned<String>> = HashMap::default();
        let mut families = Vec::new();
        for family in &raw.value {
            let title = self.text(family.title.as_ref(), "title");
            let description = family
                .description
                .as_ref()
                .and_then(|d| self.text(Some(d), "description"));
            let Some(id) = &family.id else { continue };
            if let Some(&first) = by_id.get(&id.value) {
                self.error(
                    Diagnostic::error(format!("duplicate family id {:?}", id.value), id.span)
                        .label("defined again here")
                        .note_at("first defined here", first),
                );
                continue;
            }
            by_id.insert(id.value.clone(), id.span);
            self.family_variant(id, &mut by_variant);
            // The family is kept even when its id or title is faulty, so that codes
            // listing it do not also report it as unknown; the model is never built
            // once an error has been reported.
            families.push(ValidatedFamily {
                id: id.clone(),
                title: title.unwrap_or_default(),
                description,
            });
        }
        families
    }

    /// Checks a family id's spelling and claims its `Family` variant.
    fn family_variant(
        &mut self,
        id: &Spanned<String>,
        by_variant: &mut HashMap<String, Spanned<String>>,
    ) -> Option<String> {
        if !is_lower_snake_case(&id.value) {
            self.error(
                Diagnostic::error(
                    format!("family id {:?} is not lower snake_case", id.value),
                    id.span,
                )
                .label(
                    "expected a lower-case ASCII letter, then lower-case letters, digits and `_`",
                )
                .help(format!(
                    "write it as `{}`",
                    heck::ToSnakeCase::to_snake_case(id.value.as_str())
                )),
            );
            return None;
        }
        let variant = naming::variant_name(&id.value);
        if naming::is_keyword(&variant) {
            self.error(
                Diagnostic::error(
                    format!(
                        "family id {:?} becomes the Rust keyword `{variant}`",
                        id.value
                    ),
                    id.span,
                )
                .label("cannot be a `Family` variant")
                .help("choose another id"),
            );
            return None;
        }
        if let Some(first) = by_variant.get(&variant) {
            self.error(
                Diagnostic::error(
                    format!(
                        "family ids {:?} and {:?} both become the variant `Family::{variant}`",
                        first.value, id.value
                    ),
                    id.span,
                )
                .label("collides with an earlier family")
                .note_at("the earlier family", first.span),
            );
            return None;
        }
        by_variant.insert(variant.clone(), id.clone());
        Some(variant)
    }

    /// Warns about families no code lists. Uses the codes as written, so a code that
    /// failed its own checks does not make its family look empty as well.
    pub(super) fn warn_about_empty_families(
        &mut self,
        families: &[ValidatedFamily],
        codes: Option<&Spanned<Vec<RawCode>>>,
    ) {
        let listed: HashSet<&str> = codes
            .iter()
            .flat_map(|codes| &codes.value)
            .filter_map(|code| code.families.as_ref())
            .flat_map(|ids| &ids.value)
            .map(|id| id.value.as_str())
            .collect();
        for family in families {
            if !listed.contains(family.id.value.as_str()) {
                self.error(
                    Diagnostic::warning(
                        format!("family {:?} has no codes", family.id.value),
                        family.id.span,
                    )
                    .label("no code lists this family")
                    .help("add codes to it or remove it; its section in ERRORS.md will be empty"),
                );
            }
        }
    }
}

fn is_lower_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}
