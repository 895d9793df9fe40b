//! Stage 1: catalog text -> raw structs that remember where every value was written.
//!
//! The text is parsed once, by yaml-rust2 into a small [`tree`] that keeps where every
//! node starts and refuses what a catalog never needs (anchors, aliases, tags, keys given
//! twice). The tree is then read into the `Raw*` structs by hand rather than through
//! serde, so that every wrong type, unknown key and missing key is reported with its
//! location, all of them in one run. This stage checks shape only; meaning is
//! [`crate::validate`]'s.

mod details;
mod tree;

#[cfg(test)]
pub(crate) use details::DETAIL_KEYS;
pub(crate) use details::{RawDetails, RawSpec, RawTemplate, RawValue};

use std::cell::OnceCell;
use std::fmt;

use tree::{LoadError, Mapping, Node, Scalar};

use crate::diagnostics::suggest::closest;
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

/// Turns a parser error into diagnostics at the place the mistake is, which is often
/// not where the parser gave up.
fn syntax_diagnostics(locator: &Locator, error: LoadError) -> Vec<Diagnostic> {
    // A tab in indentation derails the parser somewhere later; every such tab is the
    // mistake, so report them all instead of the parser's complaint.
    let tabs = tab_indentation(locator);
    if !tabs.is_empty() {
        return tabs;
    }
    vec![match error {
        LoadError::DuplicateKey { key, first, again } => Diagnostic::error(
            format!("key `{key}` is given twice"),
            locator.span_at(again),
        )
        .label("given again here")
        .note_at("first given here", locator.span_at(first))
        .help("remove one of the two; YAML keeps only one value per key"),
        LoadError::UnexpectedAnchor(at) => Diagnostic::error(
            "anchors and aliases are not allowed in a catalog",
            Span::new(at, at),
        )
        .label("anchor defined here")
        .help("write the value out in full where it is used"),
        LoadError::UnexpectedTag(at) => {
            Diagnostic::error("YAML tags are not allowed in a catalog", Span::new(at, at))
                .label("tag used here")
        }
        LoadError::MappingKeyMustBeScalar(at) => {
            Diagnostic::error("a mapping key must be plain text", Span::new(at, at))
                .label("this key is a list or a mapping")
        }
        LoadError::TopLevelMustBeMapping(at) => {
            Diagnostic::error("the catalog must be a mapping", Span::new(at, at))
                .label("expected `api: ...`, `codes: ...` and the other keys here")
        }
        LoadError::SecondDocument(at) => Diagnostic::error(
            "a second YAML document in the catalog",
            locator.span_at(at),
        )
        .label("the first document ended before this")
        .help("a catalog is one YAML document: move what follows into it, or delete it along with the `---` or `...` marker"),
        LoadError::Scan(at, scan) => scan_diagnostic(locator, at, scan.info()),
    }]
}

/// One diagnostic for each character YAML does not allow in a file (the first few):
/// control characters other than tab and line breaks, such as NUL, which would otherwise
/// end the parse early and drop every code after it without a word.
fn forbidden_characters(text: &str) -> Vec<Diagnostic> {
    const SHOWN: usize = 5;
    let is_allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | ' '..='~' | '\u{85}' | '\u{A0}'..='\u{D7FF}')
            || matches!(c, '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    };
    let found: Vec<(usize, char)> = text
        .char_indices()
        .filter(|&(_, c)| !is_allowed(c))
        .collect();
    let mut diagnostics: Vec<Diagnostic> = found
        .iter()
        .take(SHOWN)
        .map(|&(at, c)| {
            Diagnostic::error(
                format!(
                    "the catalog holds the control character U+{:04X}",
                    u32::from(c)
                ),
                Span::new(at, at + c.len_utf8()),
            )
            .label("YAML does not allow this character in a file")
            .help("remove it: no catalog text needs it (was the file cut short or corrupted?)")
        })
        .collect();
    if found.len() > SHOWN {
        if let Some(last) = diagnostics.pop() {
            diagnostics.push(last.note(format!(
                "{} more such characters follow; each is an error",
                found.len() - SHOWN
            )));
        }
    }
    diagnostics
}

/// One diagnostic per line whose indentation contains a tab.
fn tab_indentation(locator: &Locator) -> Vec<Diagnostic> {
    locator
        .lines()
        .filter_map(|(start, line)| {
            let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
            let tab = indent.find('\t')?;
            Some(
                Diagnostic::error(
                    "tab used for indentation",
                    Span::new(start + tab, start + tab + 1),
                )
                .label("a tab")
                .help("YAML indents with spaces only; replace the tab with spaces"),
            )
        })
        .collect()
}

/// Explains a scanner error: an unclosed quote, bad indentation, an unquoted `: `, or
/// nesting past the parser's limit; anything else is shown as the parser words it.
fn scan_diagnostic(locator: &Locator, offset: usize, info: &str) -> Diagnostic {
    let at = Span::new(offset, offset);
    if info.contains("quoted scalar") {
        // The parser gives up where the string's continuation goes wrong, often at the
        // end of the file; the mistake is the quote that was opened and not closed.
        return Diagnostic::error("unterminated quoted string", at)
            .label("this quote is never closed")
            .note(format!("the YAML parser says: {info}"))
            .help("close the quote on the same line, or indent the lines that continue it");
    }
    if info.contains("recursion limit") {
        return Diagnostic::error("the catalog is nested too deeply", at)
            .label("nesting goes past the parser's limit here")
            .note("a catalog needs at most four levels: catalog, list, entry, value");
    }
    let indentation_error =
        info.contains("mapping values are not allowed") || info.contains("did not find expected");
    if indentation_error {
        if let Some(diagnostic) = misplaced_line(locator, at.start) {
            return diagnostic;
        }
    }
    Diagnostic::error(format!("invalid YAML: {info}"), at).label("the YAML parser stopped here")
}

/// The line at `offset` is indented unlike the line before it, or (when indented alike)
/// has a `: ` in an unquoted value.
fn misplaced_line(locator: &Locator, offset: usize) -> Option<Diagnostic> {
    let (start, line) = locator.line_at(offset);
    let indent = indentation(line);
    let (previous_start, previous) = locator.previous_content_line(start)?;
    let previous_indent = indentation(previous);
    let first_char = Span::new(start + indent, start + indent + 1);
    if indent == previous_indent {
        let colon = line.find(": ")?;
        let second = line[colon + 2..].find(": ")? + colon + 2;
        return Some(
            Diagnostic::error(
                "a value contains `: ` but is not quoted",
                Span::new(start + second, start + second + 1),
            )
            .label("YAML reads this as the start of another key")
            .help("put the whole value in double quotes"),
        );
    }
    Some(
        Diagnostic::error("inconsistent indentation", first_char)
            .label(format!("indented {indent} spaces"))
            .note_at(
                format!("the line before is indented {previous_indent} spaces"),
                Span::new(previous_start + previous_indent, previous_start + previous_indent + 1),
            )
            .help("keys of one mapping must line up exactly; indent with the same number of spaces as the keys beside it"),
    )
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
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
                let name = Spanned {
                    value: key.value.clone(),
                    span: self.locator.span_at(key.start),
                };
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

    /// Checks the keys of `map` against `known`, reporting each unknown key.
    fn fields<'m>(&mut self, map: &'m Mapping, what: &'static str, known: &[&str]) -> Fields<'m> {
        for (key, _) in &map.entries {
            if !known.contains(&key.value.as_str()) {
                let span = self.locator.span_at(key.start);
                let help = closest(&key.value, known.iter().copied())
                    .map(|near| format!("did you mean `{near}`?"));
                self.diagnostics.push(
                    Diagnostic::error(format!("unknown key `{}` in {what}", key.value), span)
                        .label("not a key of the catalog format")
                        .note(format!("the keys of a {what} are: {}", known.join(", ")))
                        .maybe_help(help),
                );
            }
        }
        let span = self
            .locator
            .span_at(map.entries.first().map_or(map.start, |(key, _)| key.start));
        Fields { map, span, what }
    }

    fn required<'m>(&mut self, fields: &Fields<'m>, key: &str) -> Option<&'m Node> {
        let node = fields.get(key);
        if node.is_none() {
            self.diagnostics.push(
                Diagnostic::error(
                    format!("missing key `{key}` in {}", fields.what),
                    fields.span,
                )
                .label(format!("this {} has no `{key}`", fields.what)),
            );
        }
        node
    }

    fn required_text(&mut self, fields: &Fields<'_>, key: &str) -> Option<Spanned<String>> {
        let node = self.required(fields, key)?;
        self.text(node, Backticked(key))
    }

    fn mapping<'n>(
        &mut self,
        node: &'n Node,
        what: impl fmt::Display + Copy,
    ) -> Option<&'n Mapping> {
        match node {
            Node::Mapping(map) => Some(map),
            other => {
                self.wrong_type(other, what, "a mapping of keys to values");
                None
            }
        }
    }

    fn list<T>(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
        mut item: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Option<Spanned<Vec<T>>> {
        let span = self.locator.span_at(node.start());
        let Node::Sequence(seq) = node else {
            self.wrong_type(node, what, "a list");
            return None;
        };
        let mut value = Vec::with_capacity(seq.items.len());
        value.extend(seq.items.iter().filter_map(|node| item(self, node)));
        Some(Spanned { value, span })
    }

    /// A single text value, or a list of them (as `family` allows).
    fn text_list(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        if let Node::Scalar(_) = node {
            let one = self.text(node, what)?;
            let span = one.span;
            return Some(Spanned {
                value: vec![one],
                span,
            });
        }
        self.list(node, what, |reader, item| reader.text(item, what))
    }

    fn text_map(
        &mut self,
        node: &Node,
        what: impl fmt::Display + Copy,
    ) -> Vec<(Spanned<String>, Spanned<String>)> {
        let Some(map) = self.mapping(node, what) else {
            return Vec::new();
        };
        map.entries
            .iter()
            .filter_map(|(key, value)| {
                let key = Spanned {
                    value: key.value.clone(),
                    span: self.locator.span_at(key.start),
                };
                let value = self.text(value, Backticked(&key.value))?;
                Some((key, value))
            })
            .collect()
    }

    fn text(&mut self, node: &Node, what: impl fmt::Display + Copy) -> Option<Spanned<String>> {
        let scalar = self.scalar(node, what, "text")?;
        if is_null(scalar) {
            self.wrong_type(node, what, "text");
            return None;
        }
        Some(Spanned {
            value: scalar.value.clone(),
            span: self.locator.span_at(scalar.start),
        })
    }

    fn integer(&mut self, node: &Node, what: impl fmt::Display + Copy) -> Option<Spanned<i64>> {
        let scalar = self.scalar(node, what, "an integer")?;
        let text = scalar.value.as_str();
        let plain_digits = scalar.plain
            && !text.is_empty()
            && text
                .trim_start_matches(['-', '+'])
                .bytes()
                .all(|b| b.is_ascii_digit());
        match text.parse::<i64>() {
            Ok(value) if plain_digits => Some(Spanned {
                value,
                span: self.locator.span_at(scalar.start),
            }),
            _ => {
                self.wrong_type(node, what, "an integer");
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, what: impl fmt::Display + Copy) -> Option<Spanned<bool>> {
        let scalar = self.scalar(node, what, "`true` or `false`")?;
        let value = match scalar.value.as_str() {
            "true" | "True" | "TRUE" if scalar.plain => true,
            "false" | "False" | "FALSE" if scalar.plain => false,
            _ => {
                self.wrong_type(node, what, "`true` or `false`");
                return None;
            }
        };
        Some(Spanned {
            value,
            span: self.locator.span_at(scalar.start),
        })
    }

    fn scalar<'n>(
        &mut self,
        node: &'n Node,
        what: impl fmt::Display + Copy,
        expected: &str,
    ) -> Option<&'n Scalar> {
        match node {
            Node::Scalar(scalar) => Some(scalar),
            other => {
                self.wrong_type(other, what, expected);
                None
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, what: impl fmt::Display + Copy, expected: &str) {
        let found = match node {
            Node::Scalar(s) if is_null(s) => "nothing".to_owned(),
            Node::Scalar(s) if s.plain => format!("`{}`", s.value),
            Node::Scalar(s) => format!("the string {:?}", s.value),
            Node::Mapping(_) => "a mapping".to_owned(),
            Node::Sequence(_) => "a list".to_owned(),
        };
        let span = self.locator.span_at(node.start());
        self.diagnostics.push(
            Diagnostic::error(format!("{what} must be {expected}, found {found}"), span)
                .label(format!("expected {expected}")),
        );
    }
}

/// A key in backticks, for messages, formatted only when one is written.
#[derive(Clone, Copy)]
struct Backticked<'a>(&'a str);

impl fmt::Display for Backticked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.0)
    }
}

/// The keys of one mapping, with the place it starts (its first key) for messages.
struct Fields<'m> {
    map: &'m Mapping,
    span: Span,
    what: &'static str,
}

impl<'m> Fields<'m> {
    fn get(&self, key: &str) -> Option<&'m Node> {
        self.map.get(key)
    }
}

/// A plain scalar that YAML reads as null: `~`, `null` or nothing at all.
fn is_null(scalar: &Scalar) -> bool {
    scalar.plain && matches!(scalar.value.as_str(), "" | "~" | "null" | "Null" | "NULL")
}

/// Finds lines and tokens in the text, for spans that underline a whole token and for
/// the messages about syntax errors.
struct Locator<'a> {
    text: &'a str,
    /// Where each line starts; only messages about syntax errors need them.
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Locator<'a> {
    fn new(text: &'a str) -> Self {
        Locator {
            text,
            line_starts: OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// Every line with the offset where it starts.
    fn lines(&self) -> impl Iterator<Item = (usize, &'a str)> + '_ {
        self.line_starts()
            .iter()
            .map(|&start| (start, self.line_from(start)))
    }

    /// The line holding `offset`, with the offset where it starts.
    fn line_at(&self, offset: usize) -> (usize, &'a str) {
        let line_starts = self.line_starts();
        let index = line_starts.partition_point(|&start| start <= offset);
        let start = line_starts[index.saturating_sub(1)];
        (start, self.line_from(start))
    }

    /// The nearest line before the one starting at `start` that is not blank or a comment.
    fn previous_content_line(&self, start: usize) -> Option<(usize, &'a str)> {
        let line_starts = self.line_starts();
        let index = line_starts.partition_point(|&s| s < start);
        line_starts[..index]
            .iter()
            .rev()
            .map(|&s| (s, self.line_from(s)))
            .find(|(_, line)| {
                let content = line.trim_start();
                !content.is_empty() && !content.starts_with('#')
            })
    }

    fn line_from(&self, start: usize) -> &'a str {
        let rest = &self.text[start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        line.strip_suffix('\r').unwrap_or(line)
    }

    /// The span of the token that starts at `start`.
    fn span_at(&self, start: usize) -> Span {
        Span::new(start, self.token_end(start))
    }

    /// Where the token starting at `start` ends on its line, so a caret can underline it:
    /// a quoted scalar up to its closing quote, a plain one up to a comment or line end.
    fn token_end(&self, start: usize) -> usize {
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let len = match line.chars().next() {
            Some(quote @ ('"' | '\'')) => closing_quote(line, quote).map_or(line.len(), |i| i + 1),
            Some('[' | '{' | '|' | '>') => 1,
            _ => {
                let before_comment = line.find(" #").unwrap_or(line.len());
                let plain = &line[..before_comment];
                let plain = plain.find([',', ']', '}']).map_or(plain, |i| &plain[..i]);
                // A key stops at its colon; a value runs to the end of the line.
                let plain = plain.find(": ").map_or(plain, |i| &plain[..i]);
                plain.strip_suffix(':').unwrap_or(plain).trim_end().len()
            }
        };
        start + len
    }
}

/// The byte index of the quote closing a scalar that opens with `quote` at index 0.
fn closing_quote(line: &str, quote: char) -> Option<usize> {
    let mut chars = line.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => {
                chars.next();
            }
            '\'' if quote == '\'' && line[i + 1..].starts_with('\'') => {
                chars.next();
            }
            c if c == quote => return Some(i),
            _ => {}
        }
    }
    None
}
