//! The page's last section, "Retrying": which codes are worth retrying, and the back-off
//! the generated crate and npm package implement, said once for the whole page. Each
//! retryable code's "Retryable: yes" links here.

use std::fmt::Write;

use crate::model::{Catalog, Code};
use crate::text::inline;

/// The ceiling of the first retry's wait, in seconds: `Backoff::DEFAULT.base` of the
/// crate's `retry.rs` and `RETRY_BASE_MS` of the npm package's runtime. Both are
/// templates, the same for every catalog, and tests hold them to this number.
pub(crate) const BASE_SECONDS: u64 = 1;

/// The largest ceiling, in seconds: `Backoff::DEFAULT.cap` and `RETRY_CAP_MS`.
pub(crate) const CAP_SECONDS: u64 = 30;

/// The section's text, after its heading.
pub(super) fn push_retrying(page: &mut String, catalog: &Catalog) {
    let retryable: Vec<&Code> = catalog.codes.iter().filter(|code| code.retryable).collect();
    if retryable.is_empty() {
        let _ = writeln!(
            page,
            "No code of the {} is worth retrying: a request that failed fails the same way \
             again until the request, the credentials or the account changes, so do not send \
             it again unchanged. The `{}` crate's `ErrorCode::retry_delay` returns `None` for \
             every code, and the `{}` npm package's `retryDelay` returns `undefined`.\n",
            inline(&catalog.api),
            catalog.crate_name,
            catalog.npm_name,
        );
        return;
    }
    push_which_codes(page, &retryable);
    push_schedule(page);
    push_implementations(page, catalog);
}

/// Which codes to retry, each linked to its heading.
fn push_which_codes(page: &mut String, retryable: &[&Code]) {
    if let [only] = retryable {
        page.push_str("Retry a failed request only when its code is ");
        super::push_code_link(page, only);
        page.push_str(", the one retryable code");
    } else {
        let _ = write!(
            page,
            "Retry a failed request only when its code is one of the {} retryable codes: ",
            retryable.len()
        );
        for (i, code) in retryable.iter().enumerate() {
            if i > 0 {
                page.push_str(", ");
            }
            super::push_code_link(page, code);
        }
    }
    page.push_str(
        ". Any other code fails the same way again until the request, the credentials or \
         the account changes.\n\n",
    );
}

/// The back-off, in words and as the ceilings it gives.
fn push_schedule(page: &mut String) {
    let ceilings: Vec<String> = (0..)
        .map(|attempt| BASE_SECONDS << attempt)
        .take_while(|&seconds| seconds < CAP_SECONDS)
        .map(|seconds| seconds.to_string())
        .collect();
    let _ = writeln!(
        page,
        "Wait before each retry, longer after each failure: exponential back-off with full \
         jitter. Before retry number `attempt` (0 for the first), wait a random time between \
         zero and `min({CAP_SECONDS} s, {BASE_SECONDS} s * 2^attempt)`. The ceiling starts at \
         {} and doubles with each retry ({} seconds) until it reaches {CAP_SECONDS} seconds, \
         where it stays. Drawing the wait at random, anywhere up to the ceiling, spreads out \
         the retries of clients that failed at the same moment, so they do not all arrive \
         together again. The base of {} and the cap of {CAP_SECONDS} seconds are the \
         generated packages' own, the same for every API; the catalog does not set them.\n",
        seconds(BASE_SECONDS),
        ceilings.join(", "),
        seconds(BASE_SECONDS),
    );
}

/// "1 second", "2 seconds".
fn seconds(count: u64) -> String {
    if count == 1 {
        "1 second".to_owned()
    } else {
        format!("{count} seconds")
    }
}

/// The functions that implement it, in the Rust crate and the npm package.
fn push_implementations(page: &mut String, catalog: &Catalog) {
    let _ = writeln!(
        page,
        "The generated packages implement it:\n\n\
         - Rust, the `{crate_name}` crate: `ErrorCode::is_retryable()` says whether a code is \
         worth retrying, and `ErrorCode::retry_delay(attempt, random)` gives the wait as a \
         `Duration` (`None` for a code that is not), with `random` a number from 0 to 1 drawn \
         from your own random source (the crate has none). Both follow \
         `retry::Backoff::DEFAULT`; a `retry::Backoff {{ base, cap }}` of your own gives \
         another schedule with its `delay(attempt, random)`.\n\
         - TypeScript, the `{npm_name}` npm package: `isRetryable(code)`, and \
         `retryDelay(code, attempt, random?)`, the wait in milliseconds (`undefined` for a \
         code that is not worth retrying; `random` defaults to `Math.random()`). \
         `retryCeiling(attempt)`, `RETRY_BASE_MS` ({base_ms}) and `RETRY_CAP_MS` ({cap_ms}) \
         give the schedule's numbers.\n",
        crate_name = catalog.crate_name,
        npm_name = catalog.npm_name,
        base_ms = BASE_SECONDS * 1000,
        cap_ms = CAP_SECONDS * 1000,
    );
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    use super::{BASE_SECONDS, CAP_SECONDS};
    use crate::{Config, Source};

    /// The page and the catalog generated from `yaml`.
    fn page(yaml: &str) -> (String, crate::model::Catalog) {
        let source = Source {
            path: "test.yaml",
            bytes: yaml.as_bytes(),
        };
        let generated = Config::new().generate(source, None).unwrap();
        let page = generated
            .files
            .iter()
            .find(|file| file.path.ends_with("ERRORS.md"))
            .expect("ERRORS.md")
            .contents
            .clone();
        (page, generated.catalog)
    }

    /// Each heading's text and the anchor GitHub gives it, written here apart from
    /// `outline::Slugger` as github-slugger does it: lower case, letters, digits, `-`
    /// and `_` kept, spaces as `-`; a repeat gets `-N`, its base's count going up until
    /// the anchor is free.
    fn github_anchors(markdown: &str) -> Vec<(String, String)> {
        let mut texts = Vec::new();
        let mut current: Option<String> = None;
        for event in Parser::new(markdown) {
            match event {
                Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
                Event::Text(text) | Event::Code(text) => {
                    if let Some(heading) = current.as_mut() {
                        heading.push_str(&text);
                    }
                }
                Event::End(TagEnd::Heading(_)) => texts.extend(current.take()),
                _ => {}
            }
        }
        let mut occurrences: std::collections::HashMap<String, usize> = Default::default();
        let mut anchors = Vec::new();
        for text in texts {
            let base: String = text
                .to_lowercase()
                .chars()
                .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
                .map(|c| if c == ' ' { '-' } else { c })
                .collect();
            let mut anchor = base.clone();
            while occurrences.contains_key(&anchor) {
                let count = occurrences.get_mut(&base).expect("the base was seen");
                *count += 1;
                anchor = format!("{base}-{count}");
            }
            occurrences.insert(anchor.clone(), 0);
            anchors.push((text, anchor));
        }
        anchors
    }

    const CATALOG: &str = "\
api: Test API
crate: test-errors
version: 1.0.0
docs_url: https://docs.example.com/errors#{anchor}
families:
  - id: retrying
    title: Retrying
codes:
  - code: retrying
    status: 503
    family: retrying
    description: Retrying already
    resolution: Wait
    retryable: true
  - code: STOP
    status: 400
    family: retrying
    description: Stop
    resolution: Fix the request
retired:
  - code: retrying-2
    since: 1.0.0
";

    /// A family titled like the section, a code and a retired code whose anchors are
    /// the section's and its first repeat: all keep the anchors they had before the
    /// section existed, and the section, last on the page, takes the next one. Every
    /// link to it (the contents, each "Retryable: yes") uses that anchor.
    #[test]
    fn the_section_comes_last_so_headings_named_like_it_keep_their_anchors() {
        let (page, catalog) = page(CATALOG);
        let anchors = github_anchors(&page);
        let (last_text, last_anchor) = anchors.last().unwrap();
        assert_eq!(last_text, "Retrying");
        assert_eq!(last_anchor, "retrying-3");
        let anchor_of = |text: &str| {
            anchors
                .iter()
                .find(|(heading, _)| heading == text)
                .map(|(_, anchor)| anchor.as_str())
        };
        assert_eq!(anchor_of("retrying"), Some("retrying-1"), "the code");
        assert_eq!(
            anchor_of("retrying-2"),
            Some("retrying-2"),
            "the retired code"
        );
        // The family, the first heading named so, keeps the plain anchor.
        assert_eq!(anchors[3], ("Retrying".to_owned(), "retrying".to_owned()));
        assert_eq!(
            catalog.codes[0].docs_url,
            "https://docs.example.com/errors#retrying-1"
        );
        assert!(page.contains("- [Retrying](#retrying-3)\n"), "{page}");
        assert!(
            page.contains("- **Retryable:** [yes](#retrying-3)\n"),
            "{page}"
        );
        assert!(page.contains("- **Retryable:** no\n"), "{page}");
        assert!(
            page.contains(
                "only when its code is [`retrying`](#retrying-1), the one retryable code."
            ),
            "{page}"
        );
        let without_section = &page[..page.rfind("## Retrying\n\n").unwrap()];
        let before: Vec<(String, String)> = github_anchors(without_section);
        assert_eq!(
            before[..],
            anchors[..anchors.len() - 1],
            "no other anchor moved"
        );
    }

    /// A catalog without a retryable code still has the section (its anchor stays for
    /// good), saying so instead of describing a schedule no code uses.
    #[test]
    fn without_retryable_codes_the_section_says_not_to_retry() {
        let (page, _) = page(&CATALOG.replace("    retryable: true\n", ""));
        let section = &page[page.rfind("## Retrying\n\n").unwrap()..];
        assert!(section.starts_with("## Retrying\n\nNo code of the Test API is worth retrying"));
        assert!(!section.contains("back-off"), "{section}");
        assert!(!page.contains("[yes]"), "{page}");
    }

    /// The npm package's runtime states the numbers this section does. (The Rust
    /// template's `Backoff::DEFAULT` is checked where it is compiled, in
    /// `emit::rust::retry`; the Node tests compare the two packages' delays.)
    #[test]
    fn the_npm_runtime_has_the_base_and_cap_the_section_states() {
        let js = include_str!("../typescript/runtime.js");
        let dts = include_str!("../typescript/runtime.d.ts");
        let (base, cap) = (BASE_SECONDS * 1000, CAP_SECONDS * 1000);
        assert!(js.contains(&format!("export const RETRY_BASE_MS = {base};\n")));
        assert!(js.contains(&format!("export const RETRY_CAP_MS = {cap};\n")));
        assert!(dts.contains(&format!("export declare const RETRY_BASE_MS: {base};\n")));
        assert!(dts.contains(&format!("export declare const RETRY_CAP_MS: {cap};\n")));
    }
}
