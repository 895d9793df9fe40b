//! Links in Markdown: `[label](url)` whose label shows as written and whose destination
//! is exactly the URL, on GitHub, in mdBook and in rustdoc.

/// Appends `[label](url)`: `label` escaped as [`push_link_text`] escapes it, `url` as
/// [`push_link_destination`] writes it.
pub(crate) fn push_link(out: &mut String, label: &str, url: &str) {
    out.push('[');
    push_link_text(out, label);
    out.push_str("](");
    push_link_destination(out, url);
    out.push(')');
}

/// Appends `[title](url)` when there is a title, else `url` as an autolink, `<url>`,
/// which every renderer links and rustdoc's `bare_urls` lint accepts.
pub(crate) fn push_link_or_url(out: &mut String, title: Option<&str>, url: &str) {
    match title {
        Some(title) => push_link(out, title, url),
        None => {
            out.push('<');
            out.push_str(url);
            out.push('>');
        }
    }
}

/// Appends `text` as the text of a link: escaped as [`super::inline`] escapes it, except
/// that a URL in it stays text rather than becoming an autolink, since a link cannot hold
/// another link (CommonMark would keep the inner one and show the brackets literally).
/// Nothing needs escaping for being at the start of a line: the text follows a `[`.
pub(crate) fn push_link_text(out: &mut String, text: &str) {
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        super::push_escaped_word(out, word);
    }
}

/// Appends `url` as a link destination (CommonMark's bare form) that leads to exactly
/// `url`: a backslash before each `\`, `(` and `)`, before a leading `<`, and before an
/// `&` that would start a character reference (`&amp;`, `&#38;`), which CommonMark
/// decodes in a destination. Validation keeps spaces, controls, `<`, `>`, `"` and
/// backticks out of catalog URLs, so nothing else needs care.
pub(crate) fn push_link_destination(out: &mut String, url: &str) {
    debug_assert!(
        !url.chars().any(|c| c.is_whitespace() || c.is_control()),
        "{url:?}"
    );
    if url.is_empty() {
        out.push_str("<>");
        return;
    }
    for (at, c) in url.char_indices() {
        let escape = match c {
            '\\' | '(' | ')' => true,
            '<' => at == 0,
            '&' => starts_reference(&url[at + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Whether `rest`, which follows an `&`, makes it a character reference: `#` and digits,
/// `#x` and hex digits, or a name, then `;`. Any name counts, not only HTML's, so the
/// check cannot miss one.
fn starts_reference(rest: &str) -> bool {
    let body = rest
        .strip_prefix("#x")
        .or_else(|| rest.strip_prefix("#X"))
        .or_else(|| rest.strip_prefix('#'))
        .unwrap_or(rest);
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && body[len..].starts_with(';')
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    use super::*;

    /// The links of `markdown` as a CommonMark parser reads them: each one's text and
    /// destination, and whether anything outside a link was read as other than text.
    fn links(markdown: &str, options: Options) -> Vec<(String, String)> {
        let mut links = Vec::new();
        let mut current: Option<(String, String)> = None;
        for event in Parser::new_ext(markdown, options) {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    assert!(current.is_none(), "a link inside a link in {markdown:?}");
                    current = Some((String::new(), dest_url.to_string()));
                }
                Event::End(TagEnd::Link) => links.extend(current.take()),
                Event::Text(text) | Event::Code(text) => match current.as_mut() {
                    Some((label, _)) => label.push_str(&text),
                    None => panic!("text {text:?} outside the link in {markdown:?}"),
                },
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
                other => panic!("unexpected Markdown event {other:?} in {markdown:?}"),
            }
        }
        links
    }

    const LABELS: &[&str] = &[
        "API keys settings",
        "a|b *bold* _em_ `code` [link](x) ![img](y) <b>html</b> &amp; \\n",
        "Open https://dashboard.example.com/keys, then (http://x.io)",
        "# not a heading",
        "- not a list",
        "1. not a list",
        "Pass \"--force\" -- or ... 'single'",
        "ends with ]",
        "C#",
    ];

    const URLS: &[&str] = &[
        "https://dashboard.example.com/settings/api-keys",
        "https://x.dev/a_(b)",
        "https://x.dev/a)b(c",
        "https://x.dev/a\\b",
        "https://x.dev/?a=1&amp;b=2&#38;c&#x26;d&e=&f;g",
        "https://x.dev/*_[]!|~$'",
        "https://x.dev/%20%28",
    ];

    #[test]
    fn a_link_shows_its_label_and_leads_to_its_url() {
        let rustdoc = Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_TABLES;
        for label in LABELS {
            for url in URLS {
                let mut markdown = String::new();
                push_link(&mut markdown, label, url);
                let expected = label.split_whitespace().collect::<Vec<_>>().join(" ");
                for options in [Options::empty(), rustdoc] {
                    assert_eq!(
                        links(&markdown, options),
                        [(expected.clone(), (*url).to_owned())],
                        "{markdown:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ordinary_urls_are_written_as_they_are() {
        let mut out = String::new();
        push_link_destination(&mut out, "https://x.dev/settings/api-keys?tab=2&b=c#top");
        assert_eq!(out, "https://x.dev/settings/api-keys?tab=2&b=c#top");
        out.clear();
        push_link_destination(&mut out, "https://x.dev/a(b)&amp;");
        assert_eq!(out, "https://x.dev/a\\(b\\)\\&amp;");
    }
}
