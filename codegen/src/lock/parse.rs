//! Reading a lock file, strictly: the lock is what stops a released code from changing
//! by accident, so a lock that is not whole is an error, never a fresh start.
//!
//! A lock is, in order: its `# @generated` header (comment lines, and comments appear
//! nowhere else, so a code cannot be dropped by commenting its row out), one
//! `version X.Y.Z` line, a `codes N`, a `details N` and a `changes N` line (each absent
//! from locks written before it was added, which still read: a code of a lock without
//! `details` has no recorded details, a lock without `changes` no history), one row per
//! released code, each followed by its indented detail lines (see [`super::details`]),
//! and the change lines (see [`super::history`]), which start with a version where a
//! row starts with a code. Blank lines may stand anywhere. Anything else, a second
//! `version`, a row before the version, a detail line before any row or in a lock
//! without a `details` line, a change line in a lock without a `changes` line or about
//! a code it has no row for, or a count that disagrees with its lines (a lock cut short
//! at a line boundary) is located and refused.

use semver::Version;

use super::{details, history, Lock, LockedCode, LockedDeprecation};
use crate::diagnostics::{Diagnostic, Span};

/// Reads a lock file; problems are located in `text`. `tool` is the command that writes
/// locks, for the help lines.
pub(crate) fn parse(text: &str, tool: &str) -> Result<Lock, Vec<Diagnostic>> {
    let lines = lines(text);
    let Some(first) = lines.iter().find(|line| !line.content.is_empty()) else {
        return Err(vec![Diagnostic::error(
            "the lock is empty",
            Span::new(0, 0),
        )
        .label("a lock lists every released code; this one lists nothing")
        .help(restore_help(tool))]);
    };
    if !first.content.starts_with("# @generated") {
        return Err(vec![Diagnostic::error(
            "this file does not start like a lock",
            first.span,
        )
        .label("expected the `# @generated ...` header line")
        .help(restore_help(tool))]);
    }
    let mut reader = Reader {
        lock: Lock::default(),
        problems: Vec::new(),
        tool,
        in_header: true,
        version_span: None,
        count: None,
        rows: 0,
        details_count: None,
        detail_lines: 0,
        uncounted_detail: None,
        changes_count: None,
        uncounted_change: None,
        change_spans: Vec::new(),
        current: None,
        last_span: first.span,
        first_row_span: None,
    };
    for line in &lines {
        reader.line(line);
    }
    reader.finish()
}

/// One line of the lock, trimmed, with its 1-based number and its place in the text.
struct Line<'a> {
    number: usize,
    content: &'a str,
    span: Span,
    /// Whether it starts with whitespace: a detail line.
    indented: bool,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .enumerate()
        .map(|(index, line)| {
            let start = offset + (line.len() - line.trim_start().len());
            let span = Span::new(start, offset + line.trim_end().len());
            offset += line.len();
            Line {
                number: index + 1,
                content: line.trim(),
                span,
                indented: line.starts_with(char::is_whitespace),
            }
        })
        .collect()
}

fn restore_help(tool: &str) -> String {
    format!(
        "the lock is written by `{tool}`; restore it from version control (deleting it \
         starts a new lock, and leaves the released codes unprotected until it is committed)"
    )
}

struct Reader<'a> {
    lock: Lock,
    problems: Vec<Diagnostic>,
    tool: &'a str,
    /// Whether only header comments (and blank lines) were read so far.
    in_header: bool,
    version_span: Option<Span>,
    /// The number the `codes` line gives, and where it is.
    count: Option<(usize, Span)>,
    /// The code rows read.
    rows: usize,
    /// The number the `details` line gives, and where it is.
    details_count: Option<(usize, Span)>,
    /// The detail lines read.
    detail_lines: usize,
    /// The first detail line of a lock without a `details` line.
    uncounted_detail: Option<Span>,
    /// The number the `changes` line gives, and where it is.
    changes_count: Option<(usize, Span)>,
    /// The first change line of a lock without a `changes` line.
    uncounted_change: Option<Span>,
    /// Where each change read is, in the order of the history.
    change_spans: Vec<Span>,
    /// The code of the last row, whose details the detail lines below it are; `None`
    /// before the first row and after a malformed one (already refused).
    current: Option<String>,
    /// The last line that is not blank, where a missing line is reported.
    last_span: Span,
    /// The first code row before any `version` line.
    first_row_span: Option<Span>,
}

impl Reader<'_> {
    fn line(&mut self, line: &Line<'_>) {
        if line.content.is_empty() {
            return;
        }
        self.last_span = line.span;
        if line.content.starts_with('#') {
            if !self.in_header {
                self.refuse(
                    Diagnostic::error("a comment among the lock's rows", line.span)
                        .label("a lock has comments only in its header")
                        .help(restore_help(self.tool)),
                );
            }
            return;
        }
        self.in_header = false;
        let words: Vec<&str> = line.content.split_whitespace().collect();
        match words.as_slice() {
            _ if line.indented => self.detail(&words, line),
            ["version", version] => self.version(version, line),
            ["codes", count] => self.count(count, line),
            ["details", count] => self.details_count(count, line),
            ["changes", count] => self.changes_count(count, line),
            [first, ..] if first.starts_with(|c: char| c.is_ascii_digit()) => {
                self.change(&words, line);
            }
            _ => self.row(&words, line),
        }
    }

    fn version(&mut self, version: &str, line: &Line<'_>) {
        if let Some(first) = self.version_span {
            return self.refuse(
                Diagnostic::error("a second `version` line", line.span)
                    .label("a lock records one catalog version")
                    .note_at("the first is here", first)
                    .help(restore_help(self.tool)),
            );
        }
        self.version_span = Some(line.span);
        match Version::parse(version) {
            Ok(version) => self.lock.version = Some(version),
            Err(error) => self.malformed(line, &format!("version {version:?}: {error}")),
        }
    }

    fn count(&mut self, count: &str, line: &Line<'_>) {
        if self.version_span.is_none() || self.rows > 0 || self.count.is_some() {
            return self.malformed(line, "`codes N` belongs right after the `version` line");
        }
        match count.parse() {
            Ok(count) => self.count = Some((count, line.span)),
            Err(_) => self.malformed(line, &format!("code count {count:?}")),
        }
    }

    fn details_count(&mut self, count: &str, line: &Line<'_>) {
        if self.count.is_none() || self.rows > 0 || self.details_count.is_some() {
            return self.malformed(line, "`details N` belongs right after the `codes N` line");
        }
        match count.parse() {
            Ok(count) => self.details_count = Some((count, line.span)),
            Err(_) => self.malformed(line, &format!("detail count {count:?}")),
        }
    }

    fn changes_count(&mut self, count: &str, line: &Line<'_>) {
        if self.details_count.is_none() || self.rows > 0 || self.changes_count.is_some() {
            return self.malformed(line, "`changes N` belongs right after the `details N` line");
        }
        match count.parse() {
            Ok(count) => self.changes_count = Some((count, line.span)),
            Err(_) => self.malformed(line, &format!("change count {count:?}")),
        }
    }

    fn change(&mut self, words: &[&str], line: &Line<'_>) {
        // A change belongs to no code's row: detail lines after it are misplaced.
        self.current = None;
        if self.changes_count.is_none() {
            // Reported once, in `finish`.
            self.uncounted_change.get_or_insert(line.span);
        }
        match history::parse_line(words) {
            Ok(change) => {
                self.lock.history.push(change);
                self.change_spans.push(line.span);
            }
            Err(problem) => self.refuse(
                Diagnostic::error(format!("malformed lock change line: {problem}"), line.span)
                    .label("expected `VERSION CODE status FROM TO` or `VERSION CODE detail PATH FROM TO`")
                    .help(restore_help(self.tool)),
            ),
        }
    }

    fn row(&mut self, words: &[&str], line: &Line<'_>) {
        self.rows += 1;
        if self.version_span.is_none() {
            // Reported once, in `finish`, as the lock's missing version.
            self.first_row_span.get_or_insert(line.span);
        }
        self.current = None;
        match row(words, line.number, &mut self.lock) {
            Ok(code) => self.current = Some(code.to_owned()),
            Err(problem) => self.malformed(line, &problem),
        }
    }

    fn detail(&mut self, words: &[&str], line: &Line<'_>) {
        self.detail_lines += 1;
        if self.details_count.is_none() {
            // Reported once, in `finish`.
            self.uncounted_detail.get_or_insert(line.span);
        }
        if self.rows == 0 {
            return self.malformed_detail(line, "a detail line before any code's row");
        }
        if self.current.is_none() && !self.lock.history.is_empty() {
            return self.malformed_detail(line, "a detail line among the changes");
        }
        // After a malformed row, which is refused already, there is no code to read into.
        let Some(code) = self
            .current
            .as_ref()
            .and_then(|c| self.lock.codes.get_mut(c))
        else {
            return;
        };
        if let Err(problem) = details::line(words, line.number, &mut code.details) {
            self.malformed_detail(line, &problem);
        }
    }

    fn malformed(&mut self, line: &Line<'_>, problem: &str) {
        self.refuse(
            Diagnostic::error(format!("malformed lock line: {problem}"), line.span)
                .label(
                    "expected `version X.Y.Z`, `codes N`, `details N`, `changes N` or `CODE STATUS SINCE [deprecated VERSION [by CODE]] [retired VERSION]`",
                )
                .help(restore_help(self.tool)),
        );
    }

    fn malformed_detail(&mut self, line: &Line<'_>, problem: &str) {
        self.refuse(
            Diagnostic::error(format!("malformed lock detail line: {problem}"), line.span)
                .label("expected `PATH TYPE [optional]`, indented under its code's row")
                .help(restore_help(self.tool)),
        );
    }

    /// Refuses a change line in a lock that does not count them, a count that disagrees
    /// with the lines, and a change of a code the lock has no row for.
    fn check_changes(&mut self) {
        let lines = self.lock.history.len();
        if let Some(span) = self.uncounted_change {
            self.refuse(
                Diagnostic::error("a change line in a lock without a `changes N` line", span)
                    .label("a lock that records changes counts them, after `details N`")
                    .help(restore_help(self.tool)),
            );
        } else if let Some((count, span)) = self.changes_count.filter(|(n, _)| *n != lines) {
            self.refuse(
                Diagnostic::error(
                    format!("the lock says it lists {count} changes, but it lists {lines}"),
                    span,
                )
                .label("the lock was cut short or edited by hand")
                .help(restore_help(self.tool)),
            );
        }
        let orphans: Vec<(String, Span)> = self
            .lock
            .history
            .iter()
            .zip(&self.change_spans)
            .filter(|(change, _)| !self.lock.codes.contains_key(&change.code))
            .map(|(change, span)| (change.code.clone(), *span))
            .collect();
        for (code, span) in orphans {
            self.refuse(
                Diagnostic::error(
                    format!("a change of {code}, which the lock has no row for"),
                    span,
                )
                .label("every change is about a released code")
                .help(restore_help(self.tool)),
            );
        }
    }

    fn refuse(&mut self, diagnostic: Diagnostic) {
        self.problems.push(diagnostic);
    }

    fn finish(mut self) -> Result<Lock, Vec<Diagnostic>> {
        if self.version_span.is_none() {
            let (span, label) = match self.first_row_span {
                Some(span) => (span, "released codes, but at which version?"),
                None => (self.last_span, "expected `version X.Y.Z` after the header"),
            };
            self.refuse(
                Diagnostic::error("the lock has no `version` line", span)
                    .label(label)
                    .help(restore_help(self.tool)),
            );
        } else if let Some(span) = self.first_row_span {
            self.refuse(
                Diagnostic::error("a code before the lock's `version` line", span)
                    .label("the `version` line comes first")
                    .help(restore_help(self.tool)),
            );
        }
        if let Some((count, span)) = self.count {
            if count != self.rows {
                let rows = self.rows;
                self.refuse(
                    Diagnostic::error(
                        format!("the lock says it lists {count} codes, but it lists {rows}"),
                        span,
                    )
                    .label("the lock was cut short or edited by hand")
                    .help(restore_help(self.tool)),
                );
            }
        }
        if let Some(span) = self.uncounted_detail {
            self.refuse(
                Diagnostic::error("a detail line in a lock without a `details N` line", span)
                    .label("a lock that records details counts them, after `codes N`")
                    .help(restore_help(self.tool)),
            );
        } else if let Some((count, span)) = self.details_count {
            if count != self.detail_lines {
                let lines = self.detail_lines;
                self.refuse(
                    Diagnostic::error(
                        format!(
                            "the lock says it lists {count} detail lines, but it lists {lines}"
                        ),
                        span,
                    )
                    .label("the lock was cut short or edited by hand")
                    .help(restore_help(self.tool)),
                );
            }
        }
        self.check_changes();
        if self.problems.is_empty() {
            Ok(self.lock)
        } else {
            Err(self.problems)
        }
    }
}

/// Reads one code's row into `lock`; gives its code.
fn row<'w>(words: &[&'w str], line: usize, lock: &mut Lock) -> Result<&'w str, String> {
    let version = |text: &str| Version::parse(text).map_err(|e| format!("{text:?}: {e}"));
    let [code, status, since, rest @ ..] = words else {
        return Err(format!("{:?}", words.join(" ")));
    };
    let (deprecated, rest) = match rest {
        ["deprecated", since, "by", replacement, rest @ ..] => {
            (Some((since, Some(replacement))), rest)
        }
        ["deprecated", since, rest @ ..] => (Some((since, None)), rest),
        rest => (None, rest),
    };
    let deprecated = match deprecated {
        Some((since, replacement)) => Some(LockedDeprecation {
            since: version(since)?.to_string(),
            replacement: replacement.map(|code| (*code).to_owned()),
        }),
        None => None,
    };
    let retired = match rest {
        [] => None,
        ["retired", v] => Some(version(v)?.to_string()),
        _ => return Err(format!("unexpected {:?}", rest.join(" "))),
    };
    let status = status.parse().map_err(|_| format!("status {status:?}"))?;
    let entry = LockedCode {
        status,
        since: version(since)?.to_string(),
        deprecated,
        retired,
        details: Vec::new(),
        line,
    };
    if lock.codes.insert((*code).to_owned(), entry).is_some() {
        return Err(format!("{code} is listed twice"));
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::parse;

    const HEADER: &str = "# @generated by `gen`\n";

    #[test]
    fn a_lock_written_before_the_codes_line_still_reads() {
        let lock = parse(&format!("{HEADER}version 0.2.0\n\nA  404  0.1.0\n"), "gen").unwrap();
        assert_eq!(lock.version.unwrap().to_string(), "0.2.0");
        assert_eq!(lock.codes["A"].status, 404);
        assert_eq!(lock.codes["A"].line, 4);
    }

    #[test]
    fn a_lock_written_before_the_details_line_reads_without_details() {
        let lock = parse(
            &format!("{HEADER}version 0.1.0\ncodes 1\n\nA  404  0.1.0\n"),
            "gen",
        )
        .unwrap();
        assert!(lock.codes["A"].details.is_empty());
    }

    #[test]
    fn detail_lines_belong_to_the_row_above_and_are_counted() {
        let text = format!(
            "{HEADER}version 0.1.0\ncodes 2\ndetails 3\n\nA  404  0.1.0\n  x  list<object>\n\n  x[].y  integer  optional\nB  409  0.1.0\n  z  boolean\n"
        );
        let lock = parse(&text, "gen").unwrap();
        let paths = |code: &str| -> Vec<(String, usize)> {
            let details = &lock.codes[code].details;
            details
                .iter()
                .map(|d| (d.detail.path.clone(), d.line))
                .collect()
        };
        assert_eq!(paths("A"), [("x".to_owned(), 7), ("x[].y".to_owned(), 9)]);
        assert_eq!(paths("B"), [("z".to_owned(), 11)]);
        assert!(parse(&text.replace("details 3", "details 2"), "gen").is_err());
        assert!(parse(&text.replace("details 3\n", ""), "gen").is_err());
        // A field of a code is not a field of the code below it.
        assert!(parse(&text.replace("  z  boolean", "  x[].z  boolean"), "gen").is_err());
    }

    #[test]
    fn a_details_line_anywhere_but_after_the_codes_line_is_refused() {
        for text in [
            format!("{HEADER}version 0.1.0\ndetails 0\nA  404  0.1.0\n"),
            format!("{HEADER}version 0.1.0\ncodes 1\nA  404  0.1.0\ndetails 0\n"),
            format!("{HEADER}version 0.1.0\ncodes 1\ndetails 0\ndetails 0\nA  404  0.1.0\n"),
        ] {
            assert!(parse(&text, "gen").is_err(), "{text}");
        }
    }

    #[test]
    fn a_version_after_the_codes_is_refused_once() {
        let problems =
            parse(&format!("{HEADER}A  404  0.1.0\nversion 0.1.0\n"), "gen").unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
    }

    #[test]
    fn a_codes_line_anywhere_but_after_the_version_is_refused() {
        let text = format!("{HEADER}version 0.1.0\nA  404  0.1.0\ncodes 1\n");
        assert!(parse(&text, "gen").is_err());
    }

    #[test]
    fn blank_lines_and_header_comments_are_accounted_for() {
        let text = format!("{HEADER}# more header\n\nversion 0.1.0\ncodes 2\n\nA  404  0.1.0\n\nB  409  0.1.0  retired 0.2.0\n");
        let lock = parse(&text, "gen").unwrap();
        assert_eq!(lock.codes.len(), 2);
        assert_eq!(lock.codes["B"].retired.as_deref(), Some("0.2.0"));
    }
}
