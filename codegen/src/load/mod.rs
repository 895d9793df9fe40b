//! Stage 1: catalog text -> raw structs that remember where every value was written.
//!
//! The text is parsed once, with marked-yaml, which keeps a position for every node and
//! refuses what a catalog never needs (anchors, aliases, tags, keys given twice). The
//! node tree is then read into the `Raw*` structs by hand rather than through serde, so
//! that every wrong type, unknown key and missing key is reported with its location, all
//! of them in one run. This stage checks shape only; meaning is [`crate::validate`]'s.

mod hints;

use marked_yaml::types::{MarkedMappingNode, MarkedScalarNode};
use marked_yaml::{LoaderOptions, Node};

use crate::diagnostics::suggest::closest;
use crate::diagnostics::{Diagnostic, Span};
use hints::{syntax_diagnostics, Locator};

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
    pub actions: Vec<(Spanned<String>, Spanned<String>)>,
    /// `families`, in file order; `None` when the key is missing or malformed.
    pub families: Option<Spanned<Vec<RawFamily>>>,
    /// `codes`, in file order; `None` when the key is missing or malformed.
    pub codes: Option<Spanned<Vec<RawCode>>>,
    /// `retired`: codes that were released and are no longer returned.
    pub retired: Vec<RawRetired>,
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
    /// `deprecated`, if the code is.
    pub deprecated: Option<RawDeprecation>,
}

pub(crate) const CATALOG_KEYS: &[&str] = &[
    "api",
    "crate",
    "version",
    "npm",
    "docs_url",
    "envelopes",
    "actions",
    "families",
    "codes",
    "retired",
];
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
    let options = LoaderOptions::default()
        .error_on_duplicate_keys(true)
        .prevent_coercion(true);
    let root = match marked_yaml::parse_yaml_with_options(0, text, options) {
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

/// Reads marked-yaml nodes into raw structs, collecting every shape problem.
struct Reader<'a> {
    locator: Locator<'a>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn catalog(&mut self, map: &MarkedMappingNode) -> RawCatalog {
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
            catalog.actions = self.text_map(node, "`actions`");
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
        Some(code)
    }

    fn deprecation(&mut self, node: &Node) -> Option<RawDeprecation> {
        let map = self.mapping(node, "`deprecated`")?;
        let fields = self.fields(map, "deprecation", DEPRECATION_KEYS);
        Some(RawDeprecation {
            span: fields.span,
            since: self.required_text(&fields, "since"),
            replacement: fields
                .get("replacement")
                .and_then(|n| self.text(n, "`replacement`")),
            note: fields.get("note").and_then(|n| self.text(n, "`note`")),
        })
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
    fn fields<'m>(
        &mut self,
        map: &'m MarkedMappingNode,
        what: &'static str,
        known: &[&str],
    ) -> Fields<'m> {
        for key in map.keys() {
            if !known.contains(&key.as_str()) {
                let span = self.locator.scalar_span(key);
                let help = closest(key.as_str(), known.iter().copied())
                    .map(|near| format!("did you mean `{near}`?"));
                self.diagnostics.push(
                    Diagnostic::error(format!("unknown key `{}` in {what}", key.as_str()), span)
                        .label("not a key of the catalog format")
                        .note(format!("the keys of a {what} are: {}", known.join(", ")))
                        .maybe_help(help),
                );
            }
        }
        let span = map
            .keys()
            .next()
            .map(|key| self.locator.scalar_span(key))
            .unwrap_or_else(|| self.locator.node_span(map.span()));
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
        self.text(node, &format!("`{key}`"))
    }

    fn mapping<'n>(&mut self, node: &'n Node, what: &str) -> Option<&'n MarkedMappingNode> {
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
        what: &str,
        mut item: impl FnMut(&mut Self, &Node) -> Option<T>,
    ) -> Option<Spanned<Vec<T>>> {
        let span = self.locator.node_span(node.span());
        let Node::Sequence(seq) = node else {
            self.wrong_type(node, what, "a list");
            return None;
        };
        let value = seq.iter().filter_map(|node| item(self, node)).collect();
        Some(Spanned { value, span })
    }

    /// A single text value, or a list of them (as `family` allows).
    fn text_list(&mut self, node: &Node, what: &str) -> Option<Spanned<Vec<Spanned<String>>>> {
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

    fn text_map(&mut self, node: &Node, what: &str) -> Vec<(Spanned<String>, Spanned<String>)> {
        let Some(map) = self.mapping(node, what) else {
            return Vec::new();
        };
        map.iter()
            .filter_map(|(key, value)| {
                let key = Spanned {
                    value: key.as_str().to_owned(),
                    span: self.locator.scalar_span(key),
                };
                let value = self.text(value, &format!("`{}`", key.value))?;
                Some((key, value))
            })
            .collect()
    }

    fn text(&mut self, node: &Node, what: &str) -> Option<Spanned<String>> {
        let scalar = self.scalar(node, what, "text")?;
        if is_null(scalar) {
            self.wrong_type(node, what, "text");
            return None;
        }
        Some(Spanned {
            value: scalar.as_str().to_owned(),
            span: self.locator.scalar_span(scalar),
        })
    }

    fn integer(&mut self, node: &Node, what: &str) -> Option<Spanned<i64>> {
        let scalar = self.scalar(node, what, "an integer")?;
        let text = scalar.as_str();
        let plain_digits = scalar.may_coerce()
            && !text.is_empty()
            && text
                .trim_start_matches(['-', '+'])
                .bytes()
                .all(|b| b.is_ascii_digit());
        match text.parse::<i64>() {
            Ok(value) if plain_digits => Some(Spanned {
                value,
                span: self.locator.scalar_span(scalar),
            }),
            _ => {
                self.wrong_type(node, what, "an integer");
                None
            }
        }
    }

    fn boolean(&mut self, node: &Node, what: &str) -> Option<Spanned<bool>> {
        let scalar = self.scalar(node, what, "`true` or `false`")?;
        let value = match scalar.as_str() {
            "true" | "True" | "TRUE" if scalar.may_coerce() => true,
            "false" | "False" | "FALSE" if scalar.may_coerce() => false,
            _ => {
                self.wrong_type(node, what, "`true` or `false`");
                return None;
            }
        };
        Some(Spanned {
            value,
            span: self.locator.scalar_span(scalar),
        })
    }

    fn scalar<'n>(
        &mut self,
        node: &'n Node,
        what: &str,
        expected: &str,
    ) -> Option<&'n MarkedScalarNode> {
        match node {
            Node::Scalar(scalar) => Some(scalar),
            other => {
                self.wrong_type(other, what, expected);
                None
            }
        }
    }

    fn wrong_type(&mut self, node: &Node, what: &str, expected: &str) {
        let (found, span) = match node {
            Node::Scalar(s) if is_null(s) => ("nothing".to_owned(), self.locator.scalar_span(s)),
            Node::Scalar(s) if s.may_coerce() => {
                (format!("`{}`", s.as_str()), self.locator.scalar_span(s))
            }
            Node::Scalar(s) => (
                format!("the string {:?}", s.as_str()),
                self.locator.scalar_span(s),
            ),
            Node::Mapping(m) => ("a mapping".to_owned(), self.locator.node_span(m.span())),
            Node::Sequence(s) => ("a list".to_owned(), self.locator.node_span(s.span())),
        };
        self.diagnostics.push(
            Diagnostic::error(format!("{what} must be {expected}, found {found}"), span)
                .label(format!("expected {expected}")),
        );
    }
}

/// The keys of one mapping, with the place it starts (its first key) for messages.
struct Fields<'m> {
    map: &'m MarkedMappingNode,
    span: Span,
    what: &'static str,
}

impl<'m> Fields<'m> {
    fn get(&self, key: &str) -> Option<&'m Node> {
        self.map.get_node(key)
    }
}

/// A plain scalar that YAML reads as null: `~`, `null` or nothing at all.
fn is_null(scalar: &MarkedScalarNode) -> bool {
    scalar.may_coerce() && matches!(scalar.as_str(), "" | "~" | "null" | "Null" | "NULL")
}
