//! Plain catalog text -> Markdown that shows every character literally.
//!
//! Both outputs are Markdown in the end: ERRORS.md, and the rustdoc comments of the
//! generated crate, which rustdoc renders with a CommonMark parser. Both use these
//! functions, so `Authorization: Bearer <key>`, `a|b`, `*`, `_` and backticks read the same
//! in the editor, on docs.rs, on GitHub and in mdBook.

/// `text` as one line of inline Markdown: whitespace runs (line breaks too) become one
/// space, and every character Markdown would interpret is backslash-escaped.
pub(crate) fn inline(text: &str) -> String {
    if is_plain(text) {
        return text.to_owned();
    }
    escaped(text)
}

/// Whether [`inline`] would return `text` unchanged: words apart by single spaces,
/// nothing Markdown interprets, no block start. Most catalog text is, and a catalog of
/// thousands of codes is written in several outputs, so this skips the general path.
fn is_plain(text: &str) -> bool {
    let markdown = |c: char| {
        matches!(
            c,
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '_'
        ) || (c.is_whitespace() && c != ' ')
    };
    !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && !text.contains(markdown)
        && !starts_a_block(text)
}

/// The escaping behind [`inline`].
fn escaped(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars: Vec<char> = collapsed.chars().collect();
    let mut out = String::with_capacity(collapsed.len() + 8);
    for (i, &c) in chars.iter().enumerate() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' => true,
            // `_` inside a word never starts emphasis, so `request_id` stays readable.
            '_' => {
                !(i > 0 && is_word(chars[i - 1]) && chars.get(i + 1).is_some_and(|&n| is_word(n)))
            }
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    escape_line_start(&out)
}

/// Escaped `text` broken into lines of at most about `width` characters, for doc comments.
///
/// Each line is made safe at its start too, since a line that begins with `- ` or `1.`
/// would otherwise start a list.
pub(crate) fn wrapped(text: &str, width: usize) -> Vec<String> {
    wrap_markdown(&inline(text), width)
}

/// Wraps a line that is already Markdown at spaces, to lines of at most `width` bytes
/// where the words allow, escaping what would start a block at the start of a line, so
/// the lines render as the one line did.
pub(crate) fn wrap_markdown(line: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    lines.push(current);
    lines.iter().map(|line| escape_line_start(line)).collect()
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Escapes what would start a block (heading, list, setext underline) at a line's start.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '-', '+', '=']) {
        return format!("\\{line}");
    }
    if starts_a_block(line) {
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    line.to_owned()
}

/// Whether `line` starts a heading, a list or a setext underline.
fn starts_a_block(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    line.starts_with(['#', '-', '+', '='])
        || ((1..=9).contains(&digits) && line[digits..].starts_with(['.', ')']))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a CommonMark parser sees in `markdown`.
    fn rendered_text(markdown: &str) -> String {
        use pulldown_cmark::{Event, Parser};
        let mut text = String::new();
        for event in Parser::new(markdown) {
            match event {
                Event::Text(t) | Event::Code(t) => text.push_str(&t),
                Event::SoftBreak => text.push(' '),
                Event::Start(_) | Event::End(_) => {}
                other => panic!("unexpected Markdown event {other:?} in {markdown:?}"),
            }
        }
        text
    }

    const NASTY: &[&str] = &[
        "Add an Authorization: Bearer <key> header to every request.",
        "a|b *bold* _em_ `code` [link](x) ![img](y) <b>html</b> &amp; \\n",
        "# not a heading",
        "- not a list",
        "1. not a list",
        "snake_case_words and __dunder__ and $math$ and ~~strike~~",
        "> not a quote",
        "line one\nline two\n\n=== three",
    ];

    #[test]
    fn inline_text_renders_back_to_itself() {
        for text in NASTY {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(rendered_text(&inline(text)), expected, "{text:?}");
        }
    }

    #[test]
    fn wrapped_lines_render_back_to_the_text() {
        let long = "Retry 5 - 10 times; 2. then stop # and + and = and - more".repeat(3);
        for width in [1, 8, 20, 80] {
            let lines = wrapped(&long, width).join("\n");
            let expected = long.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(rendered_text(&lines), expected, "width {width}");
        }
    }

    #[test]
    fn plain_text_takes_the_short_path_to_the_same_result() {
        let samples = NASTY.iter().copied().chain([
            "Ticket with specified ID doesn't exist. Verify the ticket ID exists.",
            "request_id",
            " padded ",
            "two  spaces",
            "tab\there",
            "no\u{a0}break",
            "12) not a list",
            "1234567890. a number",
            "+ plus",
            "Ünïcödé ✓",
            "",
        ]);
        for text in samples {
            assert_eq!(inline(text), escaped(text), "{text:?}");
        }
        assert!(is_plain("Verify the ticket ID exists."));
        assert!(
            !is_plain("no\u{a0}break"),
            "split_whitespace collapses U+00A0 too"
        );
    }

    #[test]
    fn ordinary_text_stays_readable() {
        assert_eq!(inline("quoting the request_id."), "quoting the request_id.");
        assert_eq!(inline("Bearer <key>"), "Bearer \\<key\\>");
    }
}
