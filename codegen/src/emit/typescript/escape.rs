//! Catalog text made safe for the places it lands in the TypeScript package: string
//! literals (in JavaScript, TypeScript and JSON alike) and JSDoc comments.

use crate::text;

pub(super) use crate::text::{js_string as string, push_js_string as push_string};

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
        .map(comment_safe)
        .collect()
}

/// One line of plain catalog text for a JSDoc comment; see [`doc_lines`].
#[cfg(test)]
fn doc_inline(plain: &str) -> String {
    comment_safe(text::inline(plain))
}

/// Markdown text that can neither close a comment nor open a JSDoc tag.
fn comment_safe(markdown: String) -> String {
    if !markdown.contains(['@', '/', '<']) {
        return markdown;
    }
    let mut safe = String::with_capacity(markdown.len() + 8);
    push_comment_safe(&mut safe, &markdown);
    safe
}

/// Appends `markdown` with `*/` written `*\/`, `@` written `&#64;` and `\<` written
/// `&lt;` (see [`doc_lines`]).
pub(super) fn push_comment_safe(out: &mut String, markdown: &str) {
    let mut rest = markdown;
    while let Some(at) = rest.find(['*', '@', '\\']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (replacement, skip) = if tail.starts_with("*/") {
            ("*\\/", 2)
        } else if tail.starts_with('@') {
            ("&#64;", 1)
        } else if tail.starts_with("\\<") {
            ("&lt;", 2)
        } else {
            (&tail[..1], 1)
        };
        out.push_str(replacement);
        rest = &tail[skip..];
    }
    out.push_str(rest);
}

/// Appends each JSDoc line of plain catalog text (see [`doc_lines`]) through `line`,
/// with `buffer` as scratch space.
pub(super) fn for_each_doc_line(
    plain: &str,
    width: usize,
    buffer: &mut String,
    mut line: impl FnMut(&str),
) {
    buffer.clear();
    text::push_inline(buffer, plain);
    let mut safe = String::new();
    text::for_each_wrapped(buffer, width, |piece| {
        if piece.contains(['@', '/', '<']) {
            safe.clear();
            push_comment_safe(&mut safe, piece);
            line(&safe);
        } else {
            line(piece);
        }
    });
}

/// A URL for a JSDoc comment: `*/` and `@` are percent-encoded (`%2A/`, `%40`), which
/// keeps the link working where the Markdown escapes of [`doc_lines`] would break it.
/// Catalog URLs hold no spaces, quotes, `<`, `>` or backticks: validation refuses them.
pub(super) fn doc_url(url: &str) -> String {
    if !url.contains(['*', '@']) {
        return url.to_owned();
    }
    url.replace("*/", "%2A/").replace('@', "%40")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_text_cannot_close_the_comment_or_start_a_tag() {
        let lines = doc_lines(
            "ends */ here; @deprecated {@link x} a@b </script> <!-- \\<",
            200,
        );
        assert_eq!(
            lines,
            ["ends \\*\\/ here; &#64;deprecated {&#64;link x} a&#64;b &lt;/script\\> &lt;!-\\- \\\\&lt;"]
        );
        assert!(!doc_inline("*/*/").contains("*/"));
        let text = "ends */ here; @deprecated {@link x} a@b </script> <!-- \\< \\\\< \\*/";
        let mut streamed = Vec::new();
        for_each_doc_line(text, 20, &mut String::new(), |line| {
            streamed.push(line.to_owned())
        });
        assert_eq!(streamed, doc_lines(text, 20));
        let mut pushed = String::new();
        push_comment_safe(&mut pushed, "\\*/ x\\\\< @");
        assert_eq!(
            pushed,
            "\\*/ x\\\\< @"
                .replace("*/", "*\\/")
                .replace('@', "&#64;")
                .replace("\\<", "&lt;")
        );
        assert_eq!(doc_url("https://x.dev/a*/b@c"), "https://x.dev/a%2A/b%40c");
    }
}
