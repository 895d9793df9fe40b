//! Plain catalog text -> Markdown that shows every character literally.
//!
//! Both outputs are Markdown in the end: ERRORS.md, and the rustdoc comments of the
//! generated crate, which rustdoc renders with a CommonMark parser. Both use these
//! functions, so `Authorization: Bearer <key>`, `a|b`, `*`, `_` and backticks read the same
//! in the editor, on docs.rs, on GitHub and in mdBook. [`link`] writes links,
//! `[label](url)`; [`strings`] writes text as JSON and JavaScript string literals.

mod link;
mod strings;

pub(crate) use link::{push_link_destination, push_link_or_url};
pub(crate) use strings::{js_string, push_js_string, push_json_string};

/// `text` as one line of inline Markdown: whitespace runs (line breaks too) become one
/// space, and every character Markdown would interpret is backslash-escaped.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_inline(&mut out, text);
    out
}

/// Appends [`inline`]`(text)` to `out`.
pub(crate) fn push_inline(out: &mut String, text: &str) {
    let start = out.len();
    push_inline_words(out, text);
    let digits = out[start..].bytes().take_while(u8::is_ascii_digit).count();
    if let Some(at) = line_start_escape(&out[start..], digits) {
        out.insert(start + at, '\\');
    }
}

/// Appends the words of `text` joined by single spaces, each escaped as [`inline`]
/// escapes it, but nothing escaped for being at the start of a line.
pub(crate) fn push_inline_words(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_inline_word(out, word);
    }
}

/// Appends one word (no whitespace) of [`inline`]'s output; a word's neighbours in the
/// line are spaces, which are not word characters, so each word is escaped on its own.
///
/// Besides what CommonMark would interpret, the punctuation rustdoc's smart punctuation
/// turns into typography is escaped (`"` and a quoting `'` would become curly quotes,
/// `--` an en dash, `...` an ellipsis), so `"--force"` reads as written; and a bare
/// http(s) URL becomes an autolink, `<https://...>`, which every renderer links and rustdoc's `bare_urls`
/// lint accepts.
fn push_inline_word(out: &mut String, word: &str) {
    let special = |b: u8| {
        matches!(
            b,
            b'\\'
                | b'`'
                | b'*'
                | b'['
                | b']'
                | b'<'
                | b'>'
                | b'|'
                | b'~'
                | b'&'
                | b'$'
                | b'_'
                | b'"'
                | b'\''
                | b'-'
                | b'.'
                | b':'
        )
    };
    if !word.bytes().any(special) {
        out.push_str(word);
        return;
    }
    if let Some((before, url, after)) = split_url(word) {
        push_escaped_word(out, before);
        out.push('<');
        out.push_str(url);
        out.push('>');
        push_escaped_word(out, after);
        return;
    }
    push_escaped_word(out, word);
}

/// [`push_inline_word`] for a word that is not a URL.
fn push_escaped_word(out: &mut String, word: &str) {
    let mut previous = None;
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        let escape = match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '"' => true,
            // `_` inside a word never starts emphasis, so `request_id` stays readable.
            // Nor does `'` inside a word quote anything: `don't` keeps its apostrophe
            // unescaped (rustdoc shows it as a typographic one, the same character).
            '_' | '\'' => {
                !(previous.is_some_and(is_word) && chars.peek().is_some_and(|&n| is_word(n)))
            }
            // The second `-` of `--`, and the third `.` of `...`: smart punctuation.
            '-' => previous == Some('-'),
            '.' => out.ends_with(".."),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
}

/// `word` cut around the http(s) URL in it, if there is one: the opening punctuation
/// before it, the URL, and the closing punctuation after it (a sentence's `.` or `,`,
/// or a `)` that closes a parenthesis opened before the URL). The URL stops at any
/// character an autolink cannot hold or a table cell would split at.
fn split_url(word: &str) -> Option<(&str, &str, &str)> {
    let start = word.find("https://").or_else(|| word.find("http://"))?;
    let before = &word[..start];
    if !before.chars().all(|c| matches!(c, '(' | '"' | '\'' | '[')) {
        return None;
    }
    let rest = &word[start..];
    let end = rest
        .find(|c: char| matches!(c, '<' | '>' | '"' | '\'' | '`' | '|' | '\\') || c.is_control())
        .unwrap_or(rest.len());
    let mut url = &rest[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let unbalanced =
            trimmed.ends_with(')') && trimmed.matches(')').count() > trimmed.matches('(').count();
        url = if unbalanced {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if !unbalanced {
            break;
        }
    }
    let host = url.split_once("://").map_or("", |(_, host)| host);
    if host.is_empty() || host.starts_with('/') {
        return None;
    }
    Some((before, url, &word[start + url.len()..]))
}

/// `text` as the text of a Markdown heading: [`inline`], and a `#` at its end escaped,
/// since CommonMark would take a final ` #` for the heading's closing sequence.
pub(crate) fn heading(text: &str) -> String {
    let mut out = inline(text);
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}

/// Why the character `c` may not be in a catalog's text, if it may not: control
/// characters other than the line break, which no output shows, and the bidirectional
/// embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069), which
/// make text read differently from what it is, and which rustc refuses in the doc
/// comments the text becomes (`text_direction_codepoint_in_comment`).
pub(crate) fn refused_character(c: char) -> Option<&'static str> {
    match c {
        '\n' | '\t' => None,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some("a bidirectional control character, which makes text read differently from what it is (rustc refuses it in a doc comment)"),
        c if c.is_control() => Some("a control character, which no output can show"),
        _ => None,
    }
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
    if line.len() <= width {
        let mut only = line.to_owned();
        escape_line_start_in_place(&mut only);
        return vec![only];
    }
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in line.split(' ') {
        if !current.is_empty() && current.len() + 1 + word.len() > width {
            escape_line_start_in_place(&mut current);
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    escape_line_start_in_place(&mut current);
    lines.push(current);
    lines
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Escapes what would start a block (heading, list, setext underline) at a line's start.
fn escape_line_start_in_place(line: &mut String) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(at) = line_start_escape(line, digits) {
        line.insert(at, '\\');
    }
}

/// Where a backslash keeps `line` from starting a block, if it would: before a `#`, `-`,
/// `+` or `=`, or before the `.` or `)` after the 1 to 9 `digits` it starts with.
fn line_start_escape(line: &str, digits: usize) -> Option<usize> {
    if line.starts_with(['#', '-', '+', '=']) {
        return Some(0);
    }
    ((1..=9).contains(&digits) && line[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// Calls `each` with every line of [`wrap_markdown`]`(line, width)`, allocating only for
/// a line that needs its start escaped. `line` is [`inline`]'s output: words separated by
/// single spaces.
pub(crate) fn for_each_wrapped(line: &str, width: usize, mut each: impl FnMut(&str)) {
    debug_assert!(!line.starts_with(' ') && !line.contains("  "), "{line:?}");
    let mut emit = |piece: &str| {
        let digits = piece.bytes().take_while(u8::is_ascii_digit).count();
        match line_start_escape(piece, digits) {
            None => each(piece),
            Some(at) => {
                let mut escaped = piece.to_owned();
                escaped.insert(at, '\\');
                each(&escaped);
            }
        }
    };
    if line.len() <= width {
        emit(line);
        return;
    }
    // Lines are slices of `line`: its words are separated by single spaces.
    let mut start = 0;
    let mut end = 0;
    for (at, word) in line.split(' ').scan(0, |at, word| {
        let here = *at;
        *at += word.len() + 1;
        Some((here, word))
    }) {
        if end > start && (end - start) + 1 + word.len() > width {
            emit(&line[start..end]);
            start = at;
        }
        end = at + word.len();
    }
    emit(&line[start..end]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text a CommonMark parser sees in `markdown`.
    fn rendered_text(markdown: &str) -> String {
        rendered_text_with(markdown, pulldown_cmark::Options::empty())
    }

    /// [`rendered_text`] with rustdoc's options: smart punctuation, and GFM tables.
    fn rendered_text_with(markdown: &str, options: pulldown_cmark::Options) -> String {
        use pulldown_cmark::{Event, Parser};
        let mut text = String::new();
        for event in Parser::new_ext(markdown, options) {
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

    /// Text rustdoc's smart punctuation would turn into typography, and bare URLs.
    const TYPOGRAPHY: &[&str] = &[
        "Pass \"--force\" -- or --- ... or ....; 'single' too",
        "see https://x.dev/a_(b)). and (http://y.io/p?q=1&r=2, then <https://z.io>",
        "https://a.io/x|y and https://b.io/\"q\" and http:// and https:///path",
        "C# and # and a final #",
    ];

    #[test]
    fn text_renders_as_written_under_smart_punctuation() {
        use pulldown_cmark::Options;
        let rustdoc = Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_TABLES;
        for text in NASTY.iter().chain(TYPOGRAPHY) {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(
                rendered_text_with(&inline(text), rustdoc),
                expected,
                "{text:?}"
            );
        }
    }

    #[test]
    fn bare_urls_become_autolinks_without_their_sentence_punctuation() {
        assert_eq!(
            inline("see https://x.dev/a_(b)). or (http://y.io/p?q=1&r=2, ok"),
            "see <https://x.dev/a_(b)>). or (<http://y.io/p?q=1&r=2>, ok"
        );
        assert_eq!(inline("http:// and https:///x"), "http:// and https:///x");
    }

    #[test]
    fn a_heading_keeps_its_final_hash() {
        for title in ["C#", "final #", "##", "a # b"] {
            let markdown = format!("## {}", heading(title));
            assert_eq!(rendered_text(&markdown), title, "{markdown:?}");
        }
    }

    #[test]
    fn only_line_breaks_tabs_and_printable_characters_are_allowed() {
        for allowed in [
            '\n', '\t', 'a', '\u{2028}', '\u{200d}', '\u{202f}', '\u{2065}',
        ] {
            assert_eq!(refused_character(allowed), None, "{allowed:?}");
        }
        for refused in [
            '\0', '\r', '\u{7}', '\u{7f}', '\u{85}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}',
        ] {
            assert!(refused_character(refused).is_some(), "{refused:?}");
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
    fn wrapping_in_place_gives_the_lines_wrap_markdown_gives() {
        let words = ["a", "- b", "1.", "#", "longer_word", "12)", "*x*", "+", "="];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2_000 {
            let mut text = String::new();
            for _ in 0..state % 40 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(words[(state % words.len() as u64) as usize]);
                text.push(' ');
            }
            let line = inline(&text);
            for width in [1, 5, 12, 30, 90] {
                let mut lines = Vec::new();
                for_each_wrapped(&line, width, |piece| lines.push(piece.to_owned()));
                assert_eq!(lines, wrap_markdown(&line, width), "{line:?} at {width}");
            }
        }
    }

    #[test]
    fn ordinary_text_stays_readable() {
        assert_eq!(inline("quoting the request_id."), "quoting the request_id.");
        assert_eq!(
            inline("don't retry the client's request"),
            "don't retry the client's request"
        );
        assert_eq!(inline("Bearer <key>"), "Bearer \\<key\\>");
    }
}
