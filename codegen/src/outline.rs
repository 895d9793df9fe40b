//! The headings of the generated Markdown page and the anchors readers' tools give them.
//!
//! docs_url links point into the page, so the anchors must be known before anything is
//! emitted. This module is the one place that says which headings the page has, in which
//! order, and how GitHub and mdBook turn each into an anchor; the Markdown emitter prints
//! exactly these headings. A leaf module, so resolve and emit both read it and neither
//! reads the other.

use crate::fast_hash::HashMap;

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

/// The section listing retired codes, one level-3 heading each (level 2, after the
/// codes).
pub(crate) const RETIRED_SECTION: &str = "Retired codes";

/// The section on retrying: the back-off, and which codes are worth it (level 2, last).
///
/// Last, after every other heading, because it came after them: GitHub numbers a
/// repeated anchor by the order of the headings, so a heading added anywhere earlier
/// could renumber a code's anchor (a code `retrying`) that released links point at.
pub(crate) const RETRY_SECTION: &str = "Retrying";

/// How many of each kind of heading a page has.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Page {
    /// Whether the catalog declares envelopes (the page then shows their shapes).
    pub(crate) has_envelopes: bool,
    /// How many families, codes and retired codes.
    pub(crate) families: usize,
    pub(crate) codes: usize,
    pub(crate) retired: usize,
}

/// One heading of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Heading {
    /// The page title, [`page_title`] (level 1).
    Title,
    /// [`RESPONSES_SECTION`] (level 2).
    Responses,
    /// [`STATUS_SECTION`] (level 2).
    StatusSummary,
    /// The section of family number `i`, titled with its title (level 2).
    Family(usize),
    /// [`CODES_SECTION`] (level 2).
    Codes,
    /// The heading of code number `i`, its wire string (level 3).
    Code(usize),
    /// [`RETIRED_SECTION`] (level 2).
    RetiredCodes,
    /// The heading of retired code number `i`, its wire string (level 3).
    Retired(usize),
    /// [`RETRY_SECTION`] (level 2).
    Retrying,
}

impl Heading {
    /// The text of a section whose title is the same on every page.
    pub(crate) fn fixed_title(self) -> Option<&'static str> {
        match self {
            Heading::Responses => Some(RESPONSES_SECTION),
            Heading::StatusSummary => Some(STATUS_SECTION),
            Heading::Codes => Some(CODES_SECTION),
            Heading::RetiredCodes => Some(RETIRED_SECTION),
            Heading::Retrying => Some(RETRY_SECTION),
            _ => None,
        }
    }
}

/// Every heading of the page, in page order: the one place that order is decided, for
/// the anchors (resolve) and the page itself (the Markdown emitter).
///
/// A heading added to the page goes last, so that no anchor of an earlier one changes
/// (see [`RETRY_SECTION`]).
pub(crate) fn headings(page: Page) -> Vec<Heading> {
    let mut headings = vec![Heading::Title];
    if page.has_envelopes {
        headings.push(Heading::Responses);
    }
    headings.push(Heading::StatusSummary);
    headings.extend((0..page.families).map(Heading::Family));
    headings.push(Heading::Codes);
    headings.extend((0..page.codes).map(Heading::Code));
    if page.retired > 0 {
        headings.push(Heading::RetiredCodes);
        headings.extend((0..page.retired).map(Heading::Retired));
    }
    headings.push(Heading::Retrying);
    headings
}

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
        if !self.seen.contains_key(&base) {
            self.seen.insert(base.clone(), 0);
            return base;
        }
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
    let text = text.trim();
    if text.is_ascii() {
        return text
            .bytes()
            .filter_map(|b| match b {
                b' ' => Some('-'),
                b if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' => {
                    Some(char::from(b.to_ascii_lowercase()))
                }
                _ => None,
            })
            .collect();
    }
    text.chars()
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
