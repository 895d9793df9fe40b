//! YAML mistakes and where they are: the messages for text the parser refuses, each
//! pointing at the mistake rather than where the parser gave up, and the [`Locator`]
//! that finds lines and tokens in the text for every span.

use std::cell::OnceCell;

use super::tree::LoadError;
use crate::diagnostics::{Diagnostic, Span};

/// Turns a parser error into diagnostics at the place the mistake is, which is often
/// not where the parser gave up.
pub(super) fn syntax_diagnostics(locator: &Locator, error: LoadError) -> Vec<Diagnostic> {
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
pub(super) fn forbidden_characters(text: &str) -> Vec<Diagnostic> {
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

/// Finds lines and tokens in the text, for spans that underline a whole token and for
/// the messages about syntax errors.
pub(super) struct Locator<'a> {
    pub(super) text: &'a str,
    /// Where each line starts; only messages about syntax errors need them.
    line_starts: OnceCell<Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub(super) fn new(text: &'a str) -> Self {
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
    pub(super) fn span_at(&self, start: usize) -> Span {
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
