//! Stage 2: raw catalog -> [`Catalog`] model, with every problem of meaning reported.
//!
//! Validation never stops at the first problem: each check adds its diagnostics and the
//! model is only built when none of them is an error. Names come from [`crate::resolve::ident`],
//! anchors from [`crate::resolve::outline`]; this module decides whether they are acceptable.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::diagnostics::suggest::closest;
use crate::diagnostics::{Diagnostic, Span};
use crate::load::{RawCatalog, RawCode, RawDeprecation, RawFamily, Spanned};
use crate::model::{Action, Catalog, Code, Deprecation, Envelope, Family, Retired};
use crate::resolve::ident;
use crate::resolve::outline::{self, Slugger};

/// The longest wire string the format accepts.
pub(crate) const MAX_WIRE_LEN: usize = 100;

/// Checks `raw` and builds the model, adding every problem to `diagnostics`.
///
/// Returns `None` when any error was found; warnings alone do not stop the build.
pub(crate) fn validate(
    raw: &RawCatalog,
    source_path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Catalog> {
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
    let families = v.families(raw.families.as_ref());
    let released = version
        .as_deref()
        .and_then(|v| semver::Version::parse(v).ok());
    let codes = v.codes(raw.codes.as_ref(), &families, &actions, released.as_ref());
    v.check_replacements(raw.codes.as_ref());
    let deprecations = Validator::resolve_deprecations(&codes);
    let retired = v.retired(raw, released.as_ref());
    v.warn_about_empty_families(&families, raw.codes.as_ref());

    let has_errors = v
        .diagnostics
        .iter()
        .any(|d| d.severity == crate::Severity::Error);
    if has_errors {
        return None;
    }
    Some(build(
        source_path,
        Checked {
            api: api?,
            crate_name: crate_name?,
            version: version?,
            npm_name: npm_name?,
            template: template?,
            envelopes,
            families,
            codes,
            deprecations,
            retired,
        },
    ))
}

/// Everything that passed its checks, ready to become the model.
struct Checked {
    api: String,
    crate_name: String,
    version: String,
    npm_name: String,
    template: String,
    envelopes: Vec<Envelope>,
    families: Vec<CheckedFamily>,
    codes: Vec<CheckedCode>,
    deprecations: Vec<Option<Deprecation>>,
    retired: Vec<CheckedRetired>,
}

/// A retired code that passed its checks.
struct CheckedRetired {
    wire: String,
    since: String,
    note: Option<String>,
}

/// A code's deprecation before its replacement is resolved.
struct CheckedDeprecation {
    since: String,
    replacement: Option<Spanned<String>>,
    note: Option<String>,
}

/// A family that passed its own checks, with where it was defined.
struct CheckedFamily {
    id: Spanned<String>,
    variant: String,
    title: String,
    description: Option<String>,
}

/// A code that passed its own checks.
struct CheckedCode {
    wire: String,
    variant: String,
    constant: String,
    status: u16,
    families: Vec<usize>,
    description: String,
    resolution: String,
    family_descriptions: BTreeMap<usize, String>,
    retryable: bool,
    action: Option<Action>,
    docs_url: Option<String>,
    deprecated: Option<CheckedDeprecation>,
}

struct Validator<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
}

impl Validator<'_> {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// Plain text: trimmed, not empty, no control characters but line breaks.
    fn text(&mut self, value: Option<&Spanned<String>>, key: &str) -> Option<String> {
        let value = value?;
        let text = value.value.trim();
        if text.is_empty() {
            self.error(
                Diagnostic::error(format!("`{key}` must not be empty"), value.span)
                    .label("empty text"),
            );
            return None;
        }
        if let Some(c) = text.chars().find(|&c| c.is_control() && c != '\n') {
            self.error(
                Diagnostic::error(
                    format!("`{key}` contains the control character {c:?}"),
                    value.span,
                )
                .label("plain text may only contain printable characters and line breaks"),
            );
            return None;
        }
        Some(text.to_owned())
    }

    fn crate_name(&mut self, value: Option<&Spanned<String>>) -> Option<String> {
        let value = value?;
        let name = value.value.as_str();
        let well_formed = name.len() <= 64
            && name.starts_with(|c: char| c.is_ascii_alphabetic())
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        let as_ident = name.replace('-', "_");
        let reserved = ["core", "std", "alloc", "proc_macro", "test"].contains(&as_ident.as_str());
        if !well_formed || ident::is_keyword(&as_ident) || reserved {
            self.error(
                Diagnostic::error(format!("invalid crate name {name:?}"), value.span)
                    .label("not a usable Cargo package name")
                    .help("use ASCII letters, digits, `-` and `_`, starting with a letter, at most 64 characters, and not a Rust keyword or a standard library crate name, e.g. `relay-errors`"),
            );
            return None;
        }
        Some(name.to_owned())
    }

    /// The TypeScript package's name: `npm` if given, else the crate name, which must then
    /// be a valid npm name too. A crate name that already failed its own check is not
    /// reported twice.
    fn npm_name(
        &mut self,
        npm: Option<&Spanned<String>>,
        crate_name: Option<&Spanned<String>>,
        crate_name_ok: bool,
    ) -> Option<String> {
        if let Some(npm) = npm {
            return match check_npm_name(&npm.value) {
                Ok(()) => Some(npm.value.clone()),
                Err(problem) => {
                    self.error(
                        Diagnostic::error(
                            format!("invalid npm package name {:?}", npm.value),
                            npm.span,
                        )
                        .label(problem)
                        .help(npm_name_help(&npm.value)),
                    );
                    None
                }
            };
        }
        let crate_name = crate_name.filter(|_| crate_name_ok)?;
        self.npm_name_from_crate(crate_name)
    }

    /// The crate's name as the npm name, for a catalog without `npm`.
    fn npm_name_from_crate(&mut self, crate_name: &Spanned<String>) -> Option<String> {
        let Err(problem) = check_npm_name(&crate_name.value) else {
            return Some(crate_name.value.clone());
        };
        let lower = crate_name.value.to_ascii_lowercase();
        let help = if check_npm_name(&lower).is_ok() {
            format!("add `npm: \"{lower}\"` beside `crate`")
        } else {
            format!("add an `npm` key beside `crate`: {NPM_NAME_HELP}")
        };
        self.error(
            Diagnostic::error(
                format!(
                    "the crate name {:?} is not a valid npm package name, and the catalog has no `npm`",
                    crate_name.value
                ),
                crate_name.span,
            )
            .label(problem)
            .note("the TypeScript package is named after the crate unless `npm` names it")
            .help(help),
        );
        None
    }

    fn version(&mut self, value: Option<&Spanned<String>>) -> Option<String> {
        let value = value?;
        match semver::Version::parse(&value.value) {
            Ok(_) => Some(value.value.clone()),
            Err(error) => {
                self.error(
                    Diagnostic::error(
                        format!("`version` {:?} is not a semver version", value.value),
                        value.span,
                    )
                    .label(error.to_string())
                    .help("write MAJOR.MINOR.PATCH, e.g. `0.1.0`"),
                );
                None
            }
        }
    }

    /// An absolute http(s) URL that may use the `{code}` and `{anchor}` placeholders.
    fn url_template(&mut self, value: Option<&Spanned<String>>, key: &str) -> Option<String> {
        let value = value?;
        match check_url(&value.value, true) {
            Ok(()) => Some(value.value.clone()),
            Err((problem, help)) => {
                self.error(
                    Diagnostic::error(format!("invalid `{key}` {:?}", value.value), value.span)
                        .label(problem)
                        .help(help),
                );
                None
            }
        }
    }

    fn envelopes(&mut self, value: Option<&Spanned<Vec<Spanned<String>>>>) -> Vec<Envelope> {
        let Some(value) = value else {
            return vec![Envelope::Rest];
        };
        let mut seen: HashMap<Envelope, Span> = HashMap::new();
        let mut kinds = Vec::new();
        for item in &value.value {
            let known = Envelope::ALL.iter().find(|(_, name)| *name == item.value);
            let Some(&(kind, _)) = known else {
                let names = Envelope::ALL.map(|(_, name)| name);
                self.error(
                    Diagnostic::error(format!("unknown envelope {:?}", item.value), item.span)
                        .label("not an envelope kind")
                        .note(format!("the kinds are: {}", names.join(", ")))
                        .maybe_help(did_you_mean(&item.value, names)),
                );
                continue;
            };
            if let Some(&first) = seen.get(&kind) {
                self.error(
                    Diagnostic::error(
                        format!("envelope {:?} is listed twice", item.value),
                        item.span,
                    )
                    .label("listed again here")
                    .note_at("first listed here", first),
                );
                continue;
            }
            seen.insert(kind, item.span);
            kinds.push(kind);
        }
        kinds
    }

    fn actions(&mut self, raw: &[(Spanned<String>, Spanned<String>)]) -> HashMap<String, String> {
        let mut actions = HashMap::new();
        for (name, url) in raw {
            if let Err((problem, help)) = check_url(&url.value, false) {
                self.error(
                    Diagnostic::error(format!("invalid URL for action `{}`", name.value), url.span)
                        .label(problem)
                        .help(help),
                );
            }
            actions.insert(name.value.clone(), url.value.clone());
        }
        actions
    }

    fn families(&mut self, raw: Option<&Spanned<Vec<RawFamily>>>) -> Vec<CheckedFamily> {
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
        let mut by_id: HashMap<String, Span> = HashMap::new();
        let mut by_variant: HashMap<String, Spanned<String>> = HashMap::new();
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
            let variant = self.family_variant(id, &mut by_variant);
            // The family is kept even when its id or title is faulty, so that codes
            // listing it do not also report it as unknown; the model is never built
            // once an error has been reported.
            families.push(CheckedFamily {
                id: id.clone(),
                variant: variant.unwrap_or_default(),
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
        let variant = ident::variant_name(&id.value);
        if ident::is_keyword(&variant) {
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

    fn codes(
        &mut self,
        raw: Option<&Spanned<Vec<RawCode>>>,
        families: &[CheckedFamily],
        actions: &HashMap<String, String>,
        released: Option<&semver::Version>,
    ) -> Vec<CheckedCode> {
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
        let mut names = NameRegistry::default();
        raw.value
            .iter()
            .filter_map(|code| self.code(code, &family_index, actions, &mut names, released))
            .collect()
    }

    fn code(
        &mut self,
        raw: &RawCode,
        family_index: &HashMap<&str, usize>,
        actions: &HashMap<String, String>,
        names: &mut NameRegistry,
        released: Option<&semver::Version>,
    ) -> Option<CheckedCode> {
        let wire = raw.code.as_ref().and_then(|wire| self.wire(wire, names));
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
        let (wire, variant, constant) = wire?;
        Some(CheckedCode {
            wire,
            variant,
            constant,
            status: status?,
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
        })
    }

    /// Checks a wire string and claims its Rust names; returns (wire, variant, constant).
    fn wire(
        &mut self,
        wire: &Spanned<String>,
        names: &mut NameRegistry,
    ) -> Option<(String, String, String)> {
        if let Err(problem) = check_wire(&wire.value) {
            self.error(
                Diagnostic::error(format!("invalid code {:?}", wire.value), wire.span)
                    .label(problem)
                    .note(format!("a code starts with an ASCII letter, then ASCII letters, digits, `_`, `-`, `.` or `/`; at most {MAX_WIRE_LEN} characters")),
            );
            return None;
        }
        if let Some(first) = names.wires.get(&wire.value) {
            self.error(
                Diagnostic::error(format!("duplicate code {:?}", wire.value), wire.span)
                    .label("defined again here")
                    .note_at("first defined here", *first)
                    .help("a code shared by several families is one entry: list both families on it, e.g. `family: [tickets, articles]`, and keep each wording under `family_descriptions`"),
            );
            return None;
        }
        names.wires.insert(wire.value.clone(), wire.span);
        let variant = ident::variant_name(&wire.value);
        let constant = ident::constant_name(&wire.value);
        if ident::is_keyword(&variant) {
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
        // `ident` holds that); one check covers the variant and the constant.
        if let Some(first) = names.variants.get(&variant) {
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
        names.variants.insert(variant.clone(), wire.clone());
        Some((wire.value.clone(), variant, constant))
    }

    fn deprecation(
        &mut self,
        raw: &RawDeprecation,
        released: Option<&semver::Version>,
    ) -> Option<CheckedDeprecation> {
        let since = raw
            .since
            .as_ref()
            .and_then(|since| self.since(since, released, "deprecated"));
        let note = raw.note.as_ref().map(|note| self.text(Some(note), "note"));
        Some(CheckedDeprecation {
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
    fn check_replacements(&mut self, raw: Option<&Spanned<Vec<RawCode>>>) {
        let codes: Vec<&RawCode> = raw.iter().flat_map(|codes| &codes.value).collect();
        let mut by_wire: HashMap<&str, &RawCode> = HashMap::new();
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

    /// Each code's deprecation, with its replacement as an index. Only called once the
    /// replacements passed [`Validator::check_replacements`].
    fn resolve_deprecations(codes: &[CheckedCode]) -> Vec<Option<Deprecation>> {
        let index: HashMap<&str, usize> = codes
            .iter()
            .enumerate()
            .map(|(i, code)| (code.wire.as_str(), i))
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

    /// Checks `retired`: well-formed, listed once, and never used again as a live code.
    fn retired(
        &mut self,
        raw: &RawCatalog,
        released: Option<&semver::Version>,
    ) -> Vec<CheckedRetired> {
        let live: HashMap<&str, Span> = raw
            .codes
            .iter()
            .flat_map(|codes| &codes.value)
            .filter_map(|code| code.code.as_ref())
            .map(|wire| (wire.value.as_str(), wire.span))
            .collect();
        let mut seen: HashMap<&str, Span> = HashMap::new();
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
                retired.push(CheckedRetired {
                    wire: wire.value.clone(),
                    since,
                    note,
                });
            }
        }
        retired
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
        actions: &HashMap<String, String>,
    ) -> Option<Action> {
        match actions.get(&action.value) {
            Some(url) => Some(Action {
                name: action.value.clone(),
                url: url.clone(),
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

    /// Warns about families no code lists. Uses the codes as written, so a code that
    /// failed its own checks does not make its family look empty as well.
    fn warn_about_empty_families(
        &mut self,
        families: &[CheckedFamily],
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

/// Which wire strings and Rust names are taken, and by which code.
#[derive(Default)]
struct NameRegistry {
    wires: HashMap<String, Span>,
    variants: HashMap<String, Spanned<String>>,
}

/// Builds the model from checked parts, resolving anchors and docs links.
fn build(source_path: &str, checked: Checked) -> Catalog {
    let Checked {
        api,
        crate_name,
        version,
        npm_name,
        template,
        envelopes,
        families,
        codes,
        deprecations,
        retired,
    } = checked;
    // Anchors are handed out in page order, as GitHub and mdBook number repeats, so the
    // page's own section headings take their anchors too, though nothing links to them.
    let mut slugger = Slugger::default();
    slugger.anchor(&outline::page_title(&api));
    if !envelopes.is_empty() {
        slugger.anchor(outline::RESPONSES_SECTION);
    }
    slugger.anchor(outline::STATUS_SECTION);
    let mut families: Vec<Family> = families
        .into_iter()
        .map(|f| Family {
            anchor: slugger.anchor(&f.title),
            id: f.id.value,
            variant: f.variant,
            title: f.title,
            description: f.description,
            codes: Vec::new(),
        })
        .collect();
    slugger.anchor(outline::CODES_SECTION);
    let codes: Vec<Code> = codes
        .into_iter()
        .zip(deprecations)
        .enumerate()
        .map(|(index, (c, deprecated))| {
            for &family in &c.families {
                families[family].codes.push(index);
            }
            let anchor = slugger.anchor(&c.wire);
            let docs_url = expand_url(c.docs_url.as_deref().unwrap_or(&template), &c.wire, &anchor);
            Code {
                wire: c.wire,
                variant: c.variant,
                constant: c.constant,
                status: c.status,
                families: c.families,
                message: default_message(&c.description, &c.resolution),
                description: c.description,
                resolution: c.resolution,
                family_descriptions: c.family_descriptions,
                retryable: c.retryable,
                action: c.action,
                docs_url,
                has_own_docs_url: c.docs_url.is_some(),
                anchor,
                deprecated,
            }
        })
        .collect();
    if !retired.is_empty() {
        slugger.anchor(outline::RETIRED_SECTION);
    }
    let retired = retired
        .into_iter()
        .map(|r| Retired {
            anchor: slugger.anchor(&r.wire),
            wire: r.wire,
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
        families,
        perfect_hash: crate::Lookup::Auto.uses_perfect_hash(codes.len()),
        codes,
        retired,
    }
}

/// The description, then the resolution, each ending as a sentence, on one line:
/// `Ticket with specified ID doesn't exist. Verify the ticket ID exists.`
fn default_message(description: &str, resolution: &str) -> String {
    let sentence = |text: &str| {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.ends_with(['.', '!', '?']) {
            text
        } else {
            format!("{text}.")
        }
    };
    format!("{} {}", sentence(description), sentence(resolution))
}

/// Fills the `{code}` and `{anchor}` placeholders of a checked URL template.
fn expand_url(template: &str, wire: &str, anchor: &str) -> String {
    template.replace("{code}", wire).replace("{anchor}", anchor)
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

fn is_lower_snake_case(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Why `wire` is not a valid wire string, if it is not.
fn check_wire(wire: &str) -> Result<(), String> {
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

/// How to write an npm package name, for messages.
const NPM_NAME_HELP: &str = "an npm name is lower-case ASCII letters, digits, `-`, `.` and `_`, not starting with `.` or `_`, optionally after a `@scope/`, at most 214 characters, e.g. `@relay/errors`";

/// How to fix `name`: its lower-case spelling when that is valid, else the rules.
fn npm_name_help(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    if lower != name && check_npm_name(&lower).is_ok() {
        format!("npm names are lower case: write `{lower}`")
    } else {
        NPM_NAME_HELP.to_owned()
    }
}

/// The longest npm package name the registry accepts.
const MAX_NPM_NAME_LEN: usize = 214;

/// Node.js's built-in modules, whose names npm refuses for new packages.
const NODE_BUILTINS: &[&str] = &[
    "assert",
    "async_hooks",
    "buffer",
    "child_process",
    "cluster",
    "console",
    "constants",
    "crypto",
    "dgram",
    "diagnostics_channel",
    "dns",
    "domain",
    "events",
    "fs",
    "http",
    "http2",
    "https",
    "inspector",
    "module",
    "net",
    "os",
    "path",
    "perf_hooks",
    "process",
    "punycode",
    "querystring",
    "readline",
    "repl",
    "stream",
    "string_decoder",
    "sys",
    "timers",
    "tls",
    "trace_events",
    "tty",
    "url",
    "util",
    "v8",
    "vm",
    "wasi",
    "worker_threads",
    "zlib",
];

/// Why `name` is not a name npm accepts for a new package, if it is not: npm's own rules
/// (validate-npm-package-name), with the characters npm would have to percent-encode
/// refused outright.
fn check_npm_name(name: &str) -> Result<(), String> {
    if name.len() > MAX_NPM_NAME_LEN {
        return Err(format!(
            "{} characters long; npm allows {MAX_NPM_NAME_LEN}",
            name.chars().count()
        ));
    }
    if ["node_modules", "favicon.ico"].contains(&name) || NODE_BUILTINS.contains(&name) {
        return Err(format!("`{name}` is a name npm reserves"));
    }
    let (scope, package) = match name.strip_prefix('@') {
        Some(scoped) => match scoped.split_once('/') {
            Some((scope, package)) => (Some(scope), package),
            None => return Err("a scoped name needs a `/` between scope and name".to_owned()),
        },
        None => (None, name),
    };
    for part in scope.into_iter().chain([package]) {
        check_npm_name_part(part)?;
    }
    Ok(())
}

/// Checks the scope or the name after it.
fn check_npm_name_part(part: &str) -> Result<(), String> {
    if part.is_empty() {
        return Err("an empty scope or name".to_owned());
    }
    if let Some(c) = part.chars().find(|c| c.is_ascii_uppercase()) {
        return Err(format!(
            "contains the upper-case letter {c:?}; npm names are lower case"
        ));
    }
    if let Some(c) = part
        .chars()
        .find(|&c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_')))
    {
        return Err(format!("contains {c:?}"));
    }
    if part.starts_with(['.', '_']) {
        return Err(format!("starts with {:?}", &part[..1]));
    }
    Ok(())
}

/// Why `url` is not an absolute http(s) URL (with known placeholders if `template`).
///
/// Returns the problem and a suggested fix.
fn check_url(url: &str, template: bool) -> Result<(), (String, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            (
                "not an absolute http(s) URL".to_owned(),
                "start it with `https://`".to_owned(),
            )
        })?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if rest[..host_end].is_empty() || rest[..host_end].contains(['{', '}']) {
        return Err((
            "the URL has no host".to_owned(),
            "write the full address, e.g. `https://docs.example.com/errors#{anchor}`".to_owned(),
        ));
    }
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '<' | '>' | '"' | '`'))
    {
        return Err((
            format!("contains {c:?}"),
            "percent-encode the character, e.g. a space as `%20`".to_owned(),
        ));
    }
    check_placeholders(rest, template)
}

fn check_placeholders(url: &str, template: bool) -> Result<(), (String, String)> {
    let mut rest = url;
    while let Some(open) = rest.find(['{', '}']) {
        let after = &rest[open + 1..];
        let close = after.find('}').filter(|_| rest[open..].starts_with('{'));
        let Some(close) = close else {
            return Err((
                "unbalanced `{` or `}`".to_owned(),
                "placeholders are written `{code}` or `{anchor}`".to_owned(),
            ));
        };
        let name = &after[..close];
        if !template || !matches!(name, "code" | "anchor") {
            let problem = if template {
                format!("unknown placeholder `{{{name}}}`")
            } else {
                format!("placeholder `{{{name}}}` where none is allowed")
            };
            return Err((
                problem,
                "the placeholders are `{code}` (the wire string) and `{anchor}` (its heading in ERRORS.md)".to_owned(),
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn npm_names_follow_npms_rules() {
        for good in [
            "relay-errors",
            "@relay/errors",
            "a",
            "x.y_z-1",
            "@a-b/c.d",
            "relay_errors",
        ] {
            assert_eq!(check_npm_name(good), Ok(()), "{good}");
        }
        for bad in [
            "",
            "Relay-Errors",
            "@Relay/errors",
            "@relay",
            "@/errors",
            "@relay/",
            "@relay/a/b",
            ".hidden",
            "_private",
            "@relay/_x",
            "a b",
            "a~b",
            "a*b",
            "(x)",
            "é",
            "http",
            "node_modules",
            "favicon.ico",
        ] {
            assert!(check_npm_name(bad).is_err(), "{bad:?}");
        }
        assert!(check_npm_name(&"a".repeat(214)).is_ok());
        assert!(check_npm_name(&"a".repeat(215)).is_err());
    }

    #[test]
    fn urls_must_be_absolute_with_known_placeholders() {
        assert!(check_url("https://docs.relay.dev/errors#{anchor}", true).is_ok());
        assert!(check_url("http://x.dev/{code}", true).is_ok());
        assert!(check_url("https://x.dev/{code}", false).is_err());
        assert!(check_url("https://x.dev/{slug}", true).is_err());
        assert!(check_url("https://x.dev/{code", true).is_err());
        assert!(check_url("docs.relay.dev/errors", true).is_err());
        assert!(check_url("https:///errors", true).is_err());
        assert!(check_url("https://x.dev/a b", true).is_err());
        assert!(check_url("ftp://x.dev/", true).is_err());
    }
}
