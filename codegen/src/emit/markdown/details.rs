//! A code's message template, the table of its details and its example body, in its
//! section of `ERRORS.md`.

use std::fmt::Write;

use crate::emit::examples::{self, Occurrence};
use crate::model::details::{Detail, DetailType};
use crate::model::{Catalog, Code, Envelope};
use crate::text::push_inline;

/// The list item of `code`'s message template, as the catalog writes it, if it has one.
pub(super) fn push_message(page: &mut String, code: &Code) {
    if let Some(template) = &code.template {
        page.push_str("- **Message:** ");
        push_code_span(page, &template.text, false);
        page.push('\n');
    }
}

/// The table of `code`'s details, a row per detail and one per field of an object in
/// them, if it has details.
pub(super) fn push_details(page: &mut String, code: &Code) {
    if code.details.is_empty() {
        return;
    }
    page.push_str("**Details:**\n\n| Key | Type | Required | Description |\n|---|---|---|---|\n");
    push_rows(page, "", &code.details);
    page.push('\n');
}

/// `code`'s body in each envelope the catalog lists, as the crate builds it for the
/// code's example occurrence, each folded in a `<details>` block (GitHub and mdBook
/// render it) so the page stays scannable. The blank lines around the fence let the
/// Markdown inside the HTML block be read as Markdown.
pub(super) fn push_examples(page: &mut String, catalog: &Catalog, code: &Code) {
    for &envelope in &catalog.envelopes {
        let json = examples::body(envelope, code, &Occurrence::CONSTRUCTED).pretty();
        let _ = writeln!(
            page,
            "<details>\n<summary>Example body ({})</summary>\n\n```json\n{json}```\n\n</details>\n",
            label(envelope)
        );
    }
}

/// What the example's envelope is called on the page.
fn label(envelope: Envelope) -> &'static str {
    match envelope {
        Envelope::Linked => "with links",
        Envelope::Rest => "REST",
        Envelope::Trpc => "tRPC",
        Envelope::Problem => "problem details",
    }
}

/// A row per detail, its key after `path` (`violations[].` for the fields of a list of
/// objects), then the rows of the fields of an object in it.
fn push_rows(page: &mut String, path: &str, details: &[Detail]) {
    for detail in details {
        let key = format!("{path}{}", detail.key);
        page.push_str("| ");
        push_code_span(page, &key, true);
        page.push_str(" | ");
        push_type(page, &detail.ty);
        page.push_str(if detail.optional {
            " | no | "
        } else {
            " | yes | "
        });
        if let Some(description) = &detail.description {
            push_inline(page, description);
        }
        page.push_str(" |\n");
        let mut inner = &detail.ty;
        let mut nested = key;
        while let DetailType::List(item) = inner {
            nested.push_str("[]");
            inner = item;
        }
        if let DetailType::Object(object) = inner {
            nested.push('.');
            push_rows(page, &nested, &object.fields);
        }
    }
}

/// A detail's type in words: `integer`, `list of string`, ``enum: `a`, `b` ``, `object`
/// (its fields have rows of their own).
fn push_type(page: &mut String, ty: &DetailType) {
    match ty {
        DetailType::String => page.push_str("string"),
        DetailType::Integer => page.push_str("integer"),
        DetailType::Number => page.push_str("number"),
        DetailType::Boolean => page.push_str("boolean"),
        DetailType::Enum(enumeration) => {
            page.push_str("enum: ");
            for (index, value) in enumeration.values.iter().enumerate() {
                if index > 0 {
                    page.push_str(", ");
                }
                push_code_span(page, &value.wire, true);
            }
        }
        DetailType::List(item) => {
            page.push_str("list of ");
            push_type(page, item);
        }
        DetailType::Object(_) => page.push_str("object"),
    }
}

/// `text` as a code span that shows it as written: delimited by one backtick more than
/// its longest run of them, padded with a space where it starts or ends with a backtick
/// (or with spaces, which CommonMark would strip), line breaks as the spaces a code span
/// shows them as, and in a table cell (`in_table`) each `|` escaped, which GFM removes
/// there before the code span is read.
pub(super) fn push_code_span(page: &mut String, text: &str, in_table: bool) {
    if text.is_empty() {
        // `` would be two backticks, not an empty span.
        page.push_str("` `");
        return;
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let spaced = text.starts_with(' ') && text.ends_with(' ') && !text.trim().is_empty();
    let pad = text.starts_with('`') || text.ends_with('`') || spaced;
    page.push_str(&fence);
    if pad {
        page.push(' ');
    }
    for c in text.chars() {
        match c {
            '|' if in_table => page.push_str("\\|"),
            '\n' | '\r' => page.push(' '),
            c => page.push(c),
        }
    }
    if pad {
        page.push(' ');
    }
    page.push_str(&fence);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, in_table: bool) -> String {
        let mut out = String::new();
        push_code_span(&mut out, text, in_table);
        out
    }

    #[test]
    fn code_spans_show_the_text_as_written() {
        assert_eq!(
            span("Field {field} is missing", false),
            "`Field {field} is missing`"
        );
        assert_eq!(span("a `b` c", false), "``a `b` c``");
        assert_eq!(span("``x", false), "``` ``x ```");
        assert_eq!(span("a|b", false), "`a|b`");
        assert_eq!(span("a|b", true), "`a\\|b`");
        assert_eq!(span(" x ", false), "`  x  `");
        assert_eq!(span("two\nlines", false), "`two lines`");
        assert_eq!(span("<b>&amp;</b> *_", false), "`<b>&amp;</b> *_`");
    }

    /// What CommonMark (with GFM tables, as GitHub and mdBook read it) makes of the
    /// spans: the text itself, in code.
    #[test]
    fn code_spans_render_as_their_text() {
        use pulldown_cmark::{Event, Options, Parser};
        for text in [
            "a `b` c",
            "``x",
            "x`",
            "a|b",
            " x ",
            "<b>&amp;</b> *_ \\",
            "{{x}}",
        ] {
            for in_table in [false, true] {
                let markdown = if in_table {
                    format!("| a |\n|---|\n| {} |\n", span(text, true))
                } else {
                    format!("- {}\n", span(text, false))
                };
                let code: Vec<String> = Parser::new_ext(&markdown, Options::ENABLE_TABLES)
                    .filter_map(|event| match event {
                        Event::Code(code) => Some(code.into_string()),
                        _ => None,
                    })
                    .collect();
                assert_eq!(code, [text], "{markdown}");
            }
        }
    }
}
