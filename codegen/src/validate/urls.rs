//! URLs: absolute http(s) links, and `docs_url` templates with their placeholders.

/// Why `url` is not an absolute http(s) URL (with known placeholders if `template`).
///
/// Returns the problem and a suggested fix.
pub(super) fn check_url(url: &str, template: bool) -> Result<(), (String, String)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            (
                "not an absolute http(s) URL".to_owned(),
                "start it with `https://`".to_owned(),
            )
        })?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if rest[..host_end].is_empty() || rest[..host_end].contains(['{', '}']) {
        return Err((
            "the URL has no host".to_owned(),
            "write the full address, e.g. `https://docs.example.com/errors#{anchor}`".to_owned(),
        ));
    }
    if let Some(c) = url.chars().find(|&c| {
        c.is_whitespace()
            || crate::text::refused_character(c).is_some()
            || matches!(c, '<' | '>' | '"' | '`')
    }) {
        return Err((
            format!("contains {c:?}"),
            "percent-encode the character, e.g. a space as `%20`".to_owned(),
        ));
    }
    check_placeholders(rest, template)
}

fn check_placeholders(url: &str, template: bool) -> Result<(), (String, String)> {
    let mut rest = url;
    while let Some(open) = rest.find(['{', '}']) {
        let after = &rest[open + 1..];
        let close = after.find('}').filter(|_| rest[open..].starts_with('{'));
        let Some(close) = close else {
            return Err((
                "unbalanced `{` or `}`".to_owned(),
                "placeholders are written `{code}` or `{anchor}`".to_owned(),
            ));
        };
        let name = &after[..close];
        if !template || !matches!(name, "code" | "anchor") {
            let problem = if template {
                format!("unknown placeholder `{{{name}}}`")
            } else {
                format!("placeholder `{{{name}}}` where none is allowed")
            };
            return Err((
                problem,
                "the placeholders are `{code}` (the wire string) and `{anchor}` (its heading in ERRORS.md)".to_owned(),
            ));
        }
        rest = &after[close + 1..];
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn urls_must_be_absolute_with_known_placeholders() {
        assert!(check_url("https://docs.relay.dev/errors#{anchor}", true).is_ok());
        assert!(check_url("http://x.dev/{code}", true).is_ok());
        assert!(check_url("https://x.dev/{code}", false).is_err());
        assert!(check_url("https://x.dev/{slug}", true).is_err());
        assert!(check_url("https://x.dev/{code", true).is_err());
        assert!(check_url("docs.relay.dev/errors", true).is_err());
        assert!(check_url("https:///errors", true).is_err());
        assert!(check_url("https://x.dev/a b", true).is_err());
        assert!(check_url("ftp://x.dev/", true).is_err());
        assert!(check_url("https://x.dev/\u{202e}gnp.exe", true).is_err());
    }
}
