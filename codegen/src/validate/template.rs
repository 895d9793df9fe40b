//! A code's `message`: its braces, and each placeholder against the code's details (a
//! required detail a message can show).

use super::details::{backticked, TemplatePiece, ValidatedDetail, ValidatedTemplate};
use super::{did_you_mean, Validator};
use crate::diagnostics::{Diagnostic, Span};
use crate::load::RawTemplate;

impl Validator<'_> {
    /// `message`: its text, each placeholder naming a required, printable detail.
    pub(super) fn template(
        &mut self,
        raw: &RawTemplate,
        details: Option<&[ValidatedDetail]>,
        code: &str,
    ) -> Option<ValidatedTemplate> {
        let text = self.text(Some(&raw.text), "message")?;
        let lead = raw.text.value.len() - raw.text.value.trim_start().len();
        let pieces = parse_template(&text).map_err(|(range, problem)| {
            let span = raw.span_of(range.start + lead..range.end + lead);
            let (message, label, help) = problem.words();
            self.error(Diagnostic::error(message, span).label(label).help(help));
        });
        let pieces = pieces.ok()?;
        // When the details failed, what the placeholders name is unknown.
        let details = details?;
        let mut passed = true;
        let mut checked = Vec::with_capacity(pieces.len());
        for (range, piece) in pieces {
            match piece {
                Parsed::Text(text) => checked.push(TemplatePiece::Text(text)),
                Parsed::Placeholder(name) => {
                    let span = raw.span_of(range.start + lead..range.end + lead);
                    match self.placeholder(&name, span, details, code) {
                        Some(index) => checked.push(TemplatePiece::Detail(index)),
                        None => passed = false,
                    }
                }
            }
        }
        passed.then_some(ValidatedTemplate {
            text,
            pieces: checked,
        })
    }

    fn placeholder(
        &mut self,
        name: &str,
        span: Span,
        details: &[ValidatedDetail],
        code: &str,
    ) -> Option<usize> {
        let Some(index) = details.iter().position(|d| d.key == name) else {
            let keys = details.iter().map(|d| d.key.as_str());
            let help = did_you_mean(name, keys.clone()).unwrap_or_else(|| {
                if details.is_empty() {
                    format!("give `{code}` a detail `{name}` under `details`")
                } else {
                    format!(
                        "the details of `{code}` are {}",
                        backticked(&keys.collect::<Vec<_>>())
                    )
                }
            });
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names no detail of `{code}`"), span)
                    .label("no such detail")
                    .help(help),
            );
            return None;
        };
        let detail = &details[index];
        if detail.optional {
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names an optional detail"), span)
                    .label("an occurrence may leave it out")
                    .help(format!(
                        "make `{name}` required, or leave it out of the message"
                    )),
            );
            return None;
        }
        if !detail.ty.is_printable() {
            self.error(
                Diagnostic::error(format!("`{{{name}}}` names a detail a message cannot show"), span)
                    .label("an object, or a list of them")
                    .help("a message inserts strings, numbers, booleans, enum values and lists of them; leave the object to the details"),
            );
            return None;
        }
        Some(index)
    }
}

/// A piece of a template as parsed, before its placeholders are checked.
#[derive(Debug, PartialEq)]
enum Parsed {
    Text(String),
    Placeholder(String),
}

/// What is wrong with a template's braces.
#[derive(Debug, PartialEq)]
enum BraceProblem {
    Unclosed,
    Unopened,
    Empty,
}

impl BraceProblem {
    fn words(&self) -> (&'static str, &'static str, &'static str) {
        match self {
            BraceProblem::Unclosed => (
                "unclosed `{` in the message",
                "this `{` has no `}`",
                "close the placeholder, e.g. `{field}`, or write `{{` for a literal brace",
            ),
            BraceProblem::Unopened => (
                "a `}` in the message closes nothing",
                "no `{` before it",
                "write `}}` for a literal brace",
            ),
            BraceProblem::Empty => (
                "an empty placeholder in the message",
                "names no detail",
                "name a detail between the braces, e.g. `{field}`",
            ),
        }
    }
}

/// Bytes of a template.
type Range = std::ops::Range<usize>;

/// The pieces of `template` with their byte ranges, or the first brace problem.
fn parse_template(template: &str) -> Result<Vec<(Range, Parsed)>, (Range, BraceProblem)> {
    let mut pieces = Vec::new();
    let mut text = String::new();
    let mut text_start = 0;
    let bytes = template.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' if bytes.get(i + 1) == Some(&b'{') => {
                text.push('{');
                i += 2;
            }
            b'}' if bytes.get(i + 1) == Some(&b'}') => {
                text.push('}');
                i += 2;
            }
            b'{' => {
                let Some(len) = template[i + 1..]
                    .find(['}', '{'])
                    .filter(|&len| bytes[i + 1 + len] == b'}')
                else {
                    return Err((i..i + 1, BraceProblem::Unclosed));
                };
                if len == 0 {
                    return Err((i..i + 2, BraceProblem::Empty));
                }
                if !text.is_empty() {
                    pieces.push((text_start..i, Parsed::Text(std::mem::take(&mut text))));
                }
                let end = i + 2 + len;
                pieces.push((
                    i..end,
                    Parsed::Placeholder(template[i + 1..end - 1].to_owned()),
                ));
                i = end;
                text_start = end;
            }
            b'}' => return Err((i..i + 1, BraceProblem::Unopened)),
            _ => {
                let len = template[i..].chars().next().map_or(1, char::len_utf8);
                text.push_str(&template[i..i + len]);
                i += len;
            }
        }
    }
    if !text.is_empty() {
        pieces.push((text_start..template.len(), Parsed::Text(text)));
    }
    Ok(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(template: &str) -> Vec<Parsed> {
        parse_template(template)
            .expect("parses")
            .into_iter()
            .map(|(_, piece)| piece)
            .collect()
    }

    #[test]
    fn templates_split_into_text_and_placeholders() {
        assert_eq!(
            pieces("Field {field} is {{required}}"),
            vec![
                Parsed::Text("Field ".into()),
                Parsed::Placeholder("field".into()),
                Parsed::Text(" is {required}".into()),
            ]
        );
        assert_eq!(
            pieces("{a}{b}"),
            vec![
                Parsed::Placeholder("a".into()),
                Parsed::Placeholder("b".into())
            ]
        );
        assert_eq!(
            pieces("é {a}"),
            vec![Parsed::Text("é ".into()), Parsed::Placeholder("a".into())]
        );
    }

    #[test]
    fn brace_mistakes_are_located() {
        assert_eq!(
            parse_template("a {b").unwrap_err(),
            (2..3, BraceProblem::Unclosed)
        );
        assert_eq!(
            parse_template("a {b {c}").unwrap_err(),
            (2..3, BraceProblem::Unclosed)
        );
        assert_eq!(
            parse_template("a } b").unwrap_err(),
            (2..3, BraceProblem::Unopened)
        );
        assert_eq!(
            parse_template("a {} b").unwrap_err(),
            (2..4, BraceProblem::Empty)
        );
    }
}
