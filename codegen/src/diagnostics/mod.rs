//! Catalog mistakes as located diagnostics, rendered the way rustc renders code errors.
//!
//! Every stage before emitting reports problems as [`Diagnostic`]s that point at a byte
//! range of the catalog text. A [`Report`] owns the text and renders them all at once with
//! annotate-snippets, ending with the `could not generate` summary line.

pub(crate) mod suggest;

use std::fmt;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// A byte range of the catalog text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte; equal to `start` for a point.
    pub end: usize,
}

impl Span {
    /// The range `start..end`.
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    fn range(self) -> Range<usize> {
        self.start..self.end
    }
}

/// How serious a diagnostic is: errors stop generation, warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The catalog cannot be generated.
    Error,
    /// Generation goes on, but the catalog is probably not what its author meant.
    Warning,
}

/// A secondary message, optionally pointing at another place in the catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// What the note says, e.g. "first defined here".
    pub message: String,
    /// Where it points, if anywhere.
    pub span: Option<Span>,
}

/// One problem found in a catalog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The headline, e.g. `duplicate code "TICKET_NOT_FOUND"`.
    pub message: String,
    /// Where the problem is.
    pub span: Span,
    /// The text under the caret.
    pub label: String,
    /// Further context, such as the first definition of a duplicate.
    pub notes: Vec<Note>,
    /// An obvious fix, when there is one.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            span,
            label: String::new(),
            notes: Vec::new(),
            help: None,
        }
    }

    /// A warning at `span`.
    pub fn warning(message: impl Into<String>, span: Span) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message, span)
        }
    }

    /// Sets the text shown under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a note that points at another place.
    pub fn note_at(mut self, message: impl Into<String>, span: Span) -> Self {
        self.notes.push(Note {
            message: message.into(),
            span: Some(span),
        });
        self
    }

    /// Adds a note without a location.
    pub fn note(mut self, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            message: message.into(),
            span: None,
        });
        self
    }

    /// Sets the suggested fix.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the suggested fix when there is one.
    pub fn maybe_help(self, help: Option<String>) -> Self {
        match help {
            Some(help) => self.help(help),
            None => self,
        }
    }
}

/// Every diagnostic of one catalog, with the text they point into.
#[derive(Clone)]
pub struct Report {
    path: String,
    text: String,
    subject: String,
    diagnostics: Vec<Diagnostic>,
}

/// Without the catalog's text, which would bury the diagnostics.
impl std::fmt::Debug for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("path", &self.path)
            .field("subject", &self.subject)
            .field("diagnostics", &self.diagnostics)
            .finish_non_exhaustive()
    }
}

impl Report {
    /// A report on the catalog at `path` (as shown to the user) whose text is `text`.
    ///
    /// `subject` names what could not be generated in the summary line: the crate name
    /// when the catalog got that far, else the file name.
    pub fn new(path: &str, text: &str, subject: &str, mut diagnostics: Vec<Diagnostic>) -> Self {
        // File order reads like the file; the sort is stable, so ties keep discovery order.
        diagnostics.sort_by_key(|d| d.span.start);
        Report {
            path: path.to_owned(),
            text: text.to_owned(),
            subject: subject.to_owned(),
            diagnostics,
        }
    }

    /// The diagnostics, in file order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// How many of the diagnostics are errors.
    pub fn error_count(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many of the diagnostics are warnings.
    pub fn warning_count(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Renders every diagnostic, then, if there were errors, the summary line.
    ///
    /// With `color` the output carries ANSI colours; the `path:line:col` locations are
    /// plain text either way, so editors and CI logs can jump to them.
    pub fn render(&self, color: bool) -> String {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for diagnostic in &self.diagnostics {
            out.push_str(&renderer.render(&self.groups(diagnostic)));
            out.push_str("\n\n");
        }
        let errors = self.error_count();
        if errors > 0 {
            let summary = format!(
                "could not generate {}: {errors} {}",
                self.subject,
                if errors == 1 { "error" } else { "errors" }
            );
            out.push_str(
                &renderer.render(&[Group::with_title(Level::ERROR.primary_title(summary))]),
            );
            out.push('\n');
        }
        out
    }

    fn groups<'a>(&'a self, diagnostic: &'a Diagnostic) -> Vec<Group<'a>> {
        let level = match diagnostic.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let mut main = level.primary_title(&diagnostic.message).element(
            self.snippet().annotation(
                AnnotationKind::Primary
                    .span(self.clamp(diagnostic.span))
                    .label(non_empty(&diagnostic.label)),
            ),
        );
        let mut groups = Vec::new();
        for note in &diagnostic.notes {
            match note.span {
                None => main = main.element(Level::NOTE.message(&note.message)),
                Some(span) => groups.push(
                    Group::with_title(Level::NOTE.secondary_title(&note.message)).element(
                        self.snippet()
                            .annotation(AnnotationKind::Context.span(self.clamp(span))),
                    ),
                ),
            }
        }
        if let Some(help) = &diagnostic.help {
            main = main.element(Level::HELP.message(help));
        }
        groups.insert(0, main);
        groups
    }

    fn snippet(&self) -> Snippet<'_, annotate_snippets::Annotation<'_>> {
        Snippet::source(&self.text).path(&self.path).fold(true)
    }

    /// Keeps a span inside the text and on character boundaries, so rendering never panics.
    fn clamp(&self, span: Span) -> Range<usize> {
        let floor = |mut i: usize| {
            i = i.min(self.text.len());
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        let start = floor(span.start);
        let end = floor(span.end.max(span.start));
        Span::new(start, end).range()
    }
}

fn non_empty(label: &str) -> Option<&str> {
    (!label.is_empty()).then_some(label)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Report {}
