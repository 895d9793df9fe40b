//! Stage 1: catalog text -> raw structs that remember where every value was written.
//!
//! The text is parsed once, by yaml-rust2 into a small [`tree`] that keeps where every
//! node starts and refuses what a catalog never needs (anchors, aliases, tags, keys given
//! twice). The tree is then read into the `Raw*` structs by hand rather than through
//! serde, so that every wrong type, unknown key and missing key is reported with its
//! location, all of them in one run. This stage checks shape only; meaning is
//! [`crate::validate`]'s.

mod details;
mod syntax;
mod tree;
mod values;

#[cfg(test)]
pub(crate) use details::DETAIL_KEYS;
pub(crate) use details::{RawDetails, RawSpec, RawTemplate, RawValue};

use syntax::{forbidden_characters, syntax_diagnostics, Locator};
use tree::{Mapping, Node};
use values::{is_null, Backticked};

use crate::diagnostics::{Diagnostic, Span};

/// A value and the place in the catalog where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Spanned<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

/// The catalog as written, before any check of meaning.
#[derive(Debug, Default)]
pub(crate) struct RawCatalog {
    /// Where the top-level mapping starts.
    pub span: Span,
    /// `api`: the API's human name.
    pub api: Option<Spanned<String>>,
    /// `crate`: the Cargo package name of the generated crate.
    pub crate_name: Option<Spanned<String>>,
    /// `version`: the generated crate's version.
    pub version: Option<Spanned<String>>,
    /// `npm`: the npm package name of the generated TypeScript package, if given.
    pub npm: Option<Spanned<String>>,
    /// `docs_url`: the documentation link template.
    pub docs_url: Option<Spanned<String>>,
    /// `envelopes`: the envelope kinds to generate, if given.
    pub envelopes: Option<Spanned<Vec<Spanned<String>>>>,
    /// `actions`: named dashboard links, in file order.
    pub actions: Vec<RawAction>,
    /// `statuses`: an HTTP status as written (checked later) -> what it means in this
    /// API, in file order.
    pub statuses: Vec<(Spanned<String>, Spanned<String>)>,
    /// `families`, in file order; `None` when the key is missing or malformed.
    pub families: Option<Spanned<Vec<RawFamily>>>,
    /// `codes`, in file order; `None` when the key is missing or malformed.
    pub codes: Option<Spanned<Vec<RawCode>>>,
    /// `retired`: codes that were released and are no longer returned.
    pub retired: Vec<RawRetired>,
}

/// One entry of `actions` as written: a URL alone, or a mapping with `url` and `title`.
#[derive(Debug)]
pub(crate) struct RawAction {
    /// The action's name, its key in `actions`.
    pub name: Spanned<String>,
    /// The URL: the value itself, or the mapping's `url`; `None` when it is missing or
    /// malformed (and reported).
    pub url: Option<Spanned<String>>,
    /// `title`: the link's label, in the long form.
    pub title: Option<Spanned<String>>,
}

/// A code's `deprecated` mapping as written.
#[derive(Debug, Default)]
pub(crate) struct RawDeprecation {
    /// Where the mapping starts.
    pub span: Span,
    /// `since`: the catalog version that deprecated the code.
    pub since: Option<Spanned<String>>,
    /// `replacement`: the code to use instead.
    pub replacement: Option<Spanned<String>>,
    /// `note`: why, in a sentence.
    pub note: Option<Spanned<String>>,
}

/// One entry of `retired` as written.
#[derive(Debug, Default)]
pub(crate) struct RawRetired {
    /// Where the entry starts.
    pub span: Span,
    /// `code`: the retired wire string.
    pub code: Option<Spanned<String>>,
    /// `since`: the catalog version that retired it.
    pub since: Option<Spanned<String>>,
    /// `note`: why, in a sentence.
    pub note: Option<Spanned<String>>,
}

/// One entry of `families` as written.
#[derive(Debug, Default)]
pub(crate) struct RawFamily {
    /// `id`.
    pub id: Option<Spanned<String>>,
    /// `title`.
    pub title: Option<Spanned<String>>,
    /// `description`.
    pub description: Option<Spanned<String>>,
}

/// One entry of `codes` as written.
#[derive(Debug, Default)]
pub(crate) struct RawCode {
    /// Where the entry starts.
    pub span: Span,
    /// `code`: the wire string.
    pub code: Option<Spanned<String>>,
    /// `status`, as written; the range is checked later.
    pub status: Option<Spanned<i64>>,
    /// `family`: one id or a list of ids, always read as a list.
    pub families: Option<Spanned<Vec<Spanned<String>>>>,
    /// `description`.
    pub description: Option<Spanned<String>>,
    /// `resolution`.
    pub resolution: Option<Spanned<String>>,
    /// `retryable`.
    pub retryable: Option<Spanned<bool>>,
    /// `action`: a key of `actions`.
    pub action: Option<Spanned<String>>,
    /// `docs_url`: a per-code override of the template.
    pub docs_url: Option<Spanned<String>>,
    /// `family_descriptions`: family id -> that family's wording, in file order.
    pub family_descriptions: Vec<(Spanned<String>, Spanned<String>)>,
    /// `deprecated`, if the code is (boxed: few codes are, and every code's struct is
    /// held at once).
    pub deprecated: Option<Box<RawDeprecation>>,
    /// `message`: the template of an occurrence's message.
    pub message: Option<RawTemplate>,
    /// `details`: the facts an occurrence carries, in file order.
    pub details: Option<Spanned<RawDetails>>,
}

pub(crate) const CATALOG_KEYS: &[&str] = &[
    "api",
    "crate",
    "version",
    "npm",
    "docs_url",
    "envelopes",
    "actions",
    "statuses",
    "families",
    "codes",
    "retired",
];
pub(crate) const ACTION_KEYS: &[&str] = &["url", "title"];
pub(crate) const DEPRECATION_KEYS: &[&str] = &["since", "replacement", "note"];
pub(crate) const RETIRED_KEYS: &[&str] = &["code", "since", "note"];
pub(crate) const FAMILY_KEYS: &[&str] = &["id", "title", "description"];
pub(crate) const CODE_KEYS: &[&str] = &[
    "code",
    "status",
    "family",
    "description",
    "resolution",
    "retryable",
    "action",
    "docs_url",
    "family_descriptions",
    "deprecated",
    "message",
    "details",
];

/// Reads the catalog `text`, adding every shape problem to `diagnostics`.
///
/// Returns `None` only when the text is not YAML at all; otherwise returns what could be
/// read, with the faulty values left out, so that validation can still report the rest.
pub(crate) fn load(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<RawCatalog> {
    let locator = Locator::new(text);
    if text.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error("the catalog is empty", Span::default())
                .label("expected a mapping with `api`, `crate`, `version`, `docs_url`, `families` and `codes`"),
        );
        return None;
    }
    let forbidden = forbidden_characters(text);
    if !forbidden.is_empty() {
        diagnostics.extend(forbidden);
        return None;
    }
    let root = match tree::parse(text) {
        Ok(root) => root,
        Err(error) => {
            diagnostics.extend(syntax_diagnostics(&locator, error));
            return None;
        }
    };
    let mut reader = Reader {
        locator,
        diagnostics,
    };
    let map = reader.mapping(&root, "the catalog")?;
    Some(reader.catalog(map))
}

/// Reads the tree's nodes into raw structs, collecting every shape problem.
struct Reader<'a> {
    locator: Locator<'a>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn catalog(&mut self, map: &Mapping) -> RawCatalog {
        let fields = self.fields(map, "catalog", CATALOG_KEYS);
        let whole = fields.span;
        let mut catalog = RawCatalog {
            span: whole,
            ..RawCatalog::default()
        };
        catalog.api = self.required_text(&fields, "api");
        catalog.crate_name = self.required_text(&fields, "crate");
        catalog.version = self.required_text(&fields, "version");
        catalog.npm = fields.get("npm").and_then(|node| self.text(node, "`npm`"));
        catalog.docs_url = self.required_text(&fields, "docs_url");
        catalog.envelopes = fields
            .get("envelopes")
            .and_then(|node| self.text_list(node, "`envelopes`"));
        if let Some(node) = fields.get("actions") {
            catalog.actions = self.actions(node);
        }
        if let Some(node) = fields.get("statuses") {
            catalog.statuses = self.text_map(node, "`statuses`");
        }
        catalog.families = self
            .required(&fields, "families")
            .and_then(|node| self.list(node, "`families`", |reader, item| reader.family(item)));
        catalog.codes = self
            .required(&fields, "codes")
            .and_then(|node| self.list(node, "`codes`", |reader, item| reader.code(item)));
        if let Some(node) = fields.get("retired") {
            catalog.retired = self
                .list(node, "`retired`", |reader, item| reader.retired(item))
                .map_or_else(Vec::new, |list| list.value);
        }
        catalog
    }

    /// `actions`: each a URL alone, or a mapping with `url` and an optional `title`.
    fn actions(&mut self, node: &Node) -> Vec<RawAction> {
        let Some(map) = self.mapping(node, "`actions`") else {
            return Vec::new();
        };
        map.entries
            .iter()
            .map(|(key, value)| {
                let name = self.spanned(key);
                let (url, title) = match value {
                    Node::Mapping(link) => {
                        let fields = self.fields(link, "dashboard action", ACTION_KEYS);
                        let url = match fields.get("url") {
                            Some(node) => self.text(node, "`url`"),
                            None => {
                                self.missing_action_url(&name);
                                None
                            }
                        };
                        let title = fields.get("title").and_then(|n| self.text(n, "`title`"));
                        (url, title)
                    }
                    Node::Scalar(scalar) if !is_null(scalar) => {
                        (self.text(value, Backticked(&name.value)), None)
                    }
                    other => {
                        self.wrong_type(
                            other,
                            Backticked(&name.value),
                            "a URL, or a mapping with `url` and `title`",
                        );
                        (None, None)
                    }
                };
                RawAction { name, url, title }
            })
            .collect()
    }

    /// An action's mapping has no `url`: said at the action's name, which the mapping's
    /// first key (where other missing keys are reported) may be far from.
    fn missing_action_url(&mut self, name: &Spanned<String>) {
        self.diagnostics.push(
            Diagnostic::error(
                format!("missing key `url` in action `{}`", name.value),
                name.span,
            )
            .label("this dashboard action has no `url`")
            .help(format!(
                "add the page's address, `url: https://...`, or write the address alone: `{}: https://...`",
                name.value
            )),
        );
    }

    fn family(&mut self, node: &Node) -> Option<RawFamily> {
        let map = self.mapping(node, "a family")?;
        let fields = self.fields(map, "family", FAMILY_KEYS);
        Some(RawFamily {
            id: self.required_text(&fields, "id"),
            title: self.required_text(&fields, "title"),
            description: fields
                .get("description")
                .and_then(|n| self.text(n, "`description`")),
        })
    }

    fn code(&mut self, node: &Node) -> Option<RawCode> {
        let map = self.mapping(node, "a code")?;
        let fields = self.fields(map, "code", CODE_KEYS);
        let mut code = RawCode {
            span: fields.span,
            code: self.required_text(&fields, "code"),
            ..RawCode::default()
        };
        code.status = self
            .required(&fields, "status")
            .and_then(|n| self.integer(n, "`status`"));
        code.families = self
            .required(&fields, "family")
            .and_then(|n| self.text_list(n, "`family`"));
        code.description = self.required_text(&fields, "description");
        code.resolution = self.required_text(&fields, "resolution");
        code.retryable = fields
            .get("retryable")
            .and_then(|n| self.boolean(n, "`retryable`"));
        code.action = fields.get("action").and_then(|n| self.text(n, "`action`"));
        code.docs_url = fields
            .get("docs_url")
            .and_then(|n| self.text(n, "`docs_url`"));
        if let Some(node) = fields.get("family_descriptions") {
            code.family_descriptions = self.text_map(node, "`family_descriptions`");
        }
        code.deprecated = fields.get("deprecated").and_then(|n| self.deprecation(n));
        code.message = fields.get("message").and_then(|n| self.template(n));
        code.details = fields
            .get("details")
            .and_then(|n| self.details(n, "details"));
        Some(code)
    }

    fn deprecation(&mut self, node: &Node) -> Option<Box<RawDeprecation>> {
        let map = self.mapping(node, "`deprecated`")?;
        let fields = self.fields(map, "deprecation", DEPRECATION_KEYS);
        Some(Box::new(RawDeprecation {
            span: fields.span,
            since: self.required_text(&fields, "since"),
            replacement: fields
                .get("replacement")
                .and_then(|n| self.text(n, "`replacement`")),
            note: fields.get("note").and_then(|n| self.text(n, "`note`")),
        }))
    }

    fn retired(&mut self, node: &Node) -> Option<RawRetired> {
        let map = self.mapping(node, "a retired code")?;
        let fields = self.fields(map, "retired code", RETIRED_KEYS);
        Some(RawRetired {
            span: fields.span,
            code: self.required_text(&fields, "code"),
            since: self.required_text(&fields, "since"),
            note: fields.get("note").and_then(|n| self.text(n, "`note`")),
        })
    }
}
