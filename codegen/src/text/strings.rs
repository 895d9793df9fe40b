//! Catalog text as string literals: JSON exactly as `serde_json` writes it, and JavaScript
//! that is safe inlined in an HTML `<script>`.

/// Appends `value` as a JSON string literal written exactly as `serde_json` writes it,
/// so documentation and examples show the bytes the generated crate sends: `"` and `\`
/// escaped, `\n`, `\r`, `\t`, `\b` and `\f` for those controls, `\u00XX` for the other
/// characters below U+0020, everything else as is (the files are UTF-8).
pub(crate) fn push_json_string(out: &mut String, value: &str) {
    push_escaped(out, value, |c| matches!(c, '"' | '\\') || c < ' ');
}

/// Appends `value` as a string literal for JavaScript and TypeScript files: JSON (so also
/// a valid JS and TS literal with the same value), and safe where JSON alone is not.
///
/// U+2028 and U+2029 are escaped, since JavaScript before ES2019 ends a line at them;
/// and so that the file can be inlined in an HTML `<script>`, `</` is written `<\/` (or
/// `</script>` in a description would end the script) and the `<` of `<!` as `\u003c`
/// (or `<!--` would hide the real `</script>` from the HTML parser). Other controls are
/// escaped too, so no invisible character hides in the source.
pub(crate) fn push_js_string(out: &mut String, value: &str) {
    push_escaped(out, value, |c| {
        matches!(c, '"' | '\\' | '<' | '\u{2028}' | '\u{2029}') || c.is_control()
    });
}

/// `value` as a JavaScript string literal; see [`push_js_string`].
pub(crate) fn js_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    push_js_string(&mut out, value);
    out
}

/// `value` in double quotes, with each character `needs_escape` picks escaped.
fn push_escaped(out: &mut String, value: &str, needs_escape: fn(char) -> bool) {
    out.push('"');
    let mut rest = value;
    while let Some(at) = find_escape(rest, needs_escape) {
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

/// Where the first character `needs_escape` picks starts, found by bytes: this is the
/// inner loop of writing every string of a large catalog. Every character either escaper
/// picks is ASCII, a C1 control (`0xC2 0x80..=0x9F`) or U+2028/U+2029 (`0xE2 0x80
/// 0xA8/0xA9`); no other byte starts one, so only those candidates are decoded.
fn find_escape(text: &str, needs_escape: fn(char) -> bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(offset) = bytes[from..]
        .iter()
        .position(|&b| ESCAPE_CANDIDATES[usize::from(b)])
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
const ESCAPE_CANDIDATES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = byte < 0x20 || matches!(byte, 0x22 | 0x5c | 0x3c | 0x7f | 0xc2 | 0xe2);
        byte += 1;
    }
    table
};

/// The escape for `c`, or `c` itself for a `<` that starts nothing HTML cares about.
fn push_escape(out: &mut String, c: char) {
    match c {
        '"' => out.push_str("\\\""),
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '<' => out.push('<'),
        c => {
            use std::fmt::Write as _;
            let _ = write!(out, "\\u{:04x}", c as u32);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_strings_are_json_with_line_separators_and_closing_tags_escaped() {
        assert_eq!(js_string(r#"a "b" \ c"#), r#""a \"b\" \\ c""#);
        assert_eq!(js_string("line\nbreak\ttab\r"), r#""line\nbreak\ttab\r""#);
        assert_eq!(js_string("\u{2028}\u{2029}"), r#""\u2028\u2029""#);
        assert_eq!(js_string("</script> <b> </"), r#""<\/script> <b> <\/""#);
        assert_eq!(js_string("<!-- <script>"), r#""\u003c!-- <script>""#);
        assert_eq!(js_string("\u{1}\u{7f}"), r#""\u0001\u007f""#);
        assert_eq!(
            js_string("`${x}` */ Ünï 🚀"),
            "\"`${x}` */ Ünï 🚀\"",
            "template and comment syntax mean nothing inside a string literal"
        );
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        let mut out = String::new();
        push_json_string(
            &mut out,
            "a \"b\" \\ </b> \u{8}\u{c}\n\r\t\u{1}\u{7f} \u{2028} é",
        );
        assert_eq!(
            out,
            "\"a \\\"b\\\" \\\\ </b> \\b\\f\\n\\r\\t\\u0001\u{7f} \u{2028} é\""
        );
    }
}
