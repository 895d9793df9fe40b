//! The headings of the generated Markdown page and the anchors readers' tools give them.
//!
//! docs_url links point into the page, so the anchors must be known before anything is
//! emitted. This module is the one place that says which headings the page has, in which
//! order, and how GitHub and mdBook turn each into an anchor; the Markdown emitter prints
//! exactly these headings.

use std::collections::HashMap;

/// The page title (level 1).
pub(crate) fn page_title(api: &str) -> String {
    format!("{api} errors")
}

/// The section showing the JSON shape of each envelope (level 2, after the title; only
/// when the catalog declares envelopes).
pub(crate) const RESPONSES_SECTION: &str = "Error responses";

/// The section summarising codes by HTTP status (level 2, after the responses).
pub(crate) const STATUS_SECTION: &str = "HTTP status summary";

/// The section holding one level-3 heading per code (level 2, after the families).
pub(crate) const CODES_SECTION: &str = "Error codes";

/// The section listing retired codes, one level-3 heading each (level 2, last).
pub(crate) const RETIRED_SECTION: &str = "Retired codes";

/// Gives each heading the anchor GitHub and mdBook give it, in page order.
///
/// Both lower-case the heading's text, keep letters, digits, `-` and `_`, turn spaces
/// into `-` and drop everything else; a repeated anchor gets `-1`, `-2`, ... appended.
#[derive(Debug, Default)]
pub(crate) struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The anchor of the next heading, whose rendered text is `text`.
    pub(crate) fn anchor(&mut self, text: &str) -> String {
        let base = slug(text);
        let mut candidate = base.clone();
        while self.seen.contains_key(&candidate) {
            // The first time round `candidate` is `base`, so `base` is always counted.
            let count = self.seen.entry(base.clone()).or_insert(0);
            *count += 1;
            candidate = format!("{base}-{count}");
        }
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

fn slug(text: &str) -> String {
    text.trim()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Slugger;

    #[test]
    fn slugs_like_github() {
        let mut slugger = Slugger::default();
        assert_eq!(slugger.anchor("Relay API errors"), "relay-api-errors");
        assert_eq!(slugger.anchor("TICKET_NOT_FOUND"), "ticket_not_found");
        assert_eq!(slugger.anchor("auth/invalid-email"), "authinvalid-email");
        assert_eq!(slugger.anchor("v1.timeout"), "v1timeout");
    }

    #[test]
    fn repeated_headings_get_numbered_like_github() {
        let mut slugger = Slugger::default();
        assert_eq!(slugger.anchor("a.b"), "ab");
        assert_eq!(slugger.anchor("ab"), "ab-1");
        assert_eq!(slugger.anchor("a/b"), "ab-2");
        // A heading whose own text is `ab-1` still gets a fresh anchor.
        assert_eq!(slugger.anchor("ab-1"), "ab-1-1");
    }
}
