//! Catalog text made safe for the places it lands in the TypeScript package: string
//! literals (in JavaScript, TypeScript and JSON alike) and JSDoc comments.

use crate::text;

/// Appends `value` as a double-quoted JSON string literal, which is also a valid
/// JavaScript and TypeScript literal with the same value.
///
/// Beyond JSON's own escapes (`"`, `\` and control characters), U+2028 and U+2029 are
/// escaped, since JavaScript before ES2019 ends a line at them; and so that the file can
/// be inlined in an HTML `<script>`, `</` is written `<\/` (or `</script>` in a description
/// would end the script) and the `<` of `<!` as `\u003c` (or `<!--` would hide the real
/// `</script>` from the HTML parser). Everything else, non-ASCII included, is written as
/// is: the files are UTF-8.
pub(crate) fn push_string(out: &mut String, value: &str) {
    out.push('"');
    let mut rest = value;
    while let Some(at) = find_escape(rest) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().expect("found a character");
        rest = &rest[at + c.len_utf8()..];
        match (c, rest.chars().next()) {
            ('<', Some('/')) => {
                out.push_str("<\\/");
                rest = &rest[1..];
            }
            ('<', Some('!')) => out.push_str("\\u003c"),
            _ => push_escape(out, c),
        }
    }
    out.push_str(rest);
    out.push('"');
}

/// `value` as a string literal; see [`push_string`].
pub(crate) fn string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_string(&mut out, value);
    out
}

/// Where the first character [`needs_escape`] starts, found by bytes: this is the inner
/// loop of writing every string of a large catalog. A character to escape is ASCII, or a
/// C1 control (`0xC2 0x80..=0x9F`), or U+2028/U+2029 (`0xE2 0x80 0xA8/0xA9`); any other
/// byte starts no such character, so only the candidates are decoded and checked.
fn find_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..]
        .iter()
        .position(|&b| CANDIDATES[usize::from(b)])
    {
        let at = from + offset;
        let c = text[at..]
            .chars()
            .next()
            .expect("a candidate starts a character");
        if needs_escape(c) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
    None
}

/// The bytes [`find_escape`] stops at.
const CANDIDATES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte < 0x20 || matches!(byte, 0x22 | 0x5c | 0x3c | 0x7f | 0xc2 | 0xe2);
        byte += 1;
    }
    table
};

fn needs_escape(c: char) -> bool {
    matches!(c, '"' | '\\' | '<' | '\u{2028}' | '\u{2029}') || c.is_control()
}

/// The escape for `c`, or `c` itself for a `<` that starts nothing HTML cares about.
fn push_escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '<' => out.push('<'),
        c => {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
    }
}

/// Plain catalog text as JSDoc lines, wrapped at about `width` characters.
///
/// Editors render JSDoc as Markdown, so the text is first escaped as Markdown (as in the
/// Rust docs, with [`text::wrapped`]); then nothing in it may end the comment or start a
/// tag: `*/` becomes `*\/` (Markdown shows `\/` as `/`) and `@` becomes `&#64;` (shown as
/// `@`), so `{@link ...}` or `@deprecated` in a description stays text. Every `<`, which
/// the Markdown escaping has made `\<`, becomes `&lt;` (shown as `<`), so neither `</`
/// nor `<!` reaches an HTML page that inlines the file.
pub(super) fn doc_lines(plain: &str, width: usize) -> Vec<String> {
    text::wrapped(plain, width)
        .into_iter()
        .map(|line| comment_safe(&line))
        .collect()
}

/// One line of plain catalog text for a JSDoc comment; see [`doc_lines`].
pub(super) fn doc_inline(plain: &str) -> String {
    comment_safe(&text::inline(plain))
}

/// Markdown text that can neither close a comment nor open a JSDoc tag.
fn comment_safe(markdown: &str) -> String {
    markdown
        .replace("*/", "*\\/")
        .replace('@', "&#64;")
        .replace("\\<", "&lt;")
}

/// A URL for a JSDoc comment: `*/` and `@` are percent-encoded (`%2A/`, `%40`), which
/// keeps the link working where the Markdown escapes of [`doc_lines`] would break it.
/// Catalog URLs hold no spaces, quotes, `<`, `>` or backticks: validation refuses them.
pub(super) fn doc_url(url: &str) -> String {
    url.replace("*/", "%2A/").replace('@', "%40")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_json_with_line_separators_and_closing_tags_escaped() {
        assert_eq!(string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(string("line\nbreak\ttab\r"), r#""line\nbreak\ttab\r""#);
        assert_eq!(string("\u{2028}\u{2029}"), r#""\u2028\u2029""#);
        assert_eq!(string("</script> <b> </"), r#""<\/script> <b> <\/""#);
        assert_eq!(string("<!-- <script>"), r#""\u003c!-- <script>""#);
        assert_eq!(string("\u{1}\u{7f}"), r#""\u0001\u007f""#);
        assert_eq!(
            string("\u{85}\u{9f} \u{a0}€\u{2027}"),
            "\"\\u0085\\u009f \u{a0}€\u{2027}\"",
            "C1 controls are escaped; other characters sharing their first byte are not"
        );
        assert_eq!(
            string("`${x}` */ Ünï 🚀"),
            "\"`${x}` */ Ünï 🚀\"",
            "template and comment syntax mean nothing inside a string literal"
        );
    }

    #[test]
    fn doc_text_cannot_close_the_comment_or_start_a_tag() {
        let lines = doc_lines(
            "ends */ here; @deprecated {@link x} a@b </script> <!-- \\<",
            200,
        );
        assert_eq!(
            lines,
            ["ends \\*\\/ here; &#64;deprecated {&#64;link x} a&#64;b &lt;/script\\> &lt;!-- \\\\&lt;"]
        );
        assert!(!doc_inline("*/*/").contains("*/"));
        assert_eq!(doc_url("https://x.dev/a*/b@c"), "https://x.dev/a%2A/b%40c");
    }
}
