//! Stage 4: model -> `CHANGES.md`, what each catalog version changed about the codes,
//! newest first, each code linked to its entry in `ERRORS.md`.
//!
//! Its source is the lock's history ([`crate::model::releases`]), so the page is the same
//! wherever the repository is checked out. A version lists the codes it added,
//! deprecated (with what to use instead), retired, and changed (a status, a detail), in
//! that order, each list only when it has entries.

use std::fmt::Write;

use crate::fast_hash::HashMap;
use crate::http_status::reason_phrase;
use crate::model::releases::{Change, ChangeKind, DetailSignature, Release};
use crate::model::Catalog;
use crate::text::{inline, push_inline};

/// `CHANGES.md` for `catalog`, under `header`.
pub(super) fn page(catalog: &Catalog, header: &str) -> String {
    let entries = Entries::of(catalog);
    let mut page = format!("<!-- {header} -->\n\n");
    let _ = writeln!(
        page,
        "# Changes to the {} error codes\n",
        inline(&catalog.api)
    );
    let _ = writeln!(
        page,
        "What each version of the catalog changed, newest first; each code links to its \
         entry in [ERRORS.md](ERRORS.md). Only a version marked breaking retires codes or \
         changes them in a way clients notice; the others add.\n"
    );
    for release in &catalog.releases {
        push_release(&mut page, &entries, release);
    }
    page
}

/// A code's entry in ERRORS.md: its anchor, and what the changes say of it.
struct Entries<'a> {
    by_wire: HashMap<&'a str, (&'a str, Entry<'a>)>,
}

#[derive(Clone, Copy)]
enum Entry<'a> {
    /// A live code, with its description.
    Live(&'a str),
    /// A retired code, with the version that retired it and why.
    Retired(&'a str, Option<&'a str>),
}

impl<'a> Entries<'a> {
    fn of(catalog: &'a Catalog) -> Self {
        let live = catalog.codes.iter().map(|code| {
            (
                code.wire.as_str(),
                (code.anchor.as_str(), Entry::Live(&code.description)),
            )
        });
        let retired = catalog.retired.iter().map(|code| {
            let entry = Entry::Retired(&code.since, code.note.as_deref());
            (code.wire.as_str(), (code.anchor.as_str(), entry))
        });
        Entries {
            by_wire: live.chain(retired).collect(),
        }
    }

    /// A link to the entry of `wire`; the bare code if ERRORS.md has none.
    fn push_link(&self, page: &mut String, wire: &str) {
        match self.by_wire.get(wire) {
            Some((anchor, _)) => {
                let _ = write!(page, "[`{wire}`](ERRORS.md#{anchor})");
            }
            None => {
                let _ = write!(page, "`{wire}`");
            }
        }
    }

    fn entry(&self, wire: &str) -> Option<Entry<'a>> {
        self.by_wire.get(wire).map(|(_, entry)| *entry)
    }
}

fn push_release(page: &mut String, entries: &Entries<'_>, release: &Release) {
    let breaking = if release.breaking { " (breaking)" } else { "" };
    let _ = writeln!(page, "## {}{breaking}\n", release.version);
    if !release.added.is_empty() {
        page.push_str("**Added:**\n\n");
        for wire in &release.added {
            page.push_str("- ");
            entries.push_link(page, wire);
            match entries.entry(wire) {
                Some(Entry::Live(description)) => {
                    page.push_str(": ");
                    push_inline(page, description);
                }
                // What it was is gone with it; when it went is not.
                Some(Entry::Retired(since, _)) => {
                    let _ = write!(page, " (retired in {since})");
                }
                None => {}
            }
            page.push('\n');
        }
        page.push('\n');
    }
    if !release.deprecated.is_empty() {
        page.push_str("**Deprecated:**\n\n");
        for (wire, replacement) in &release.deprecated {
            page.push_str("- ");
            entries.push_link(page, wire);
            if let Some(replacement) = replacement {
                page.push_str(": use ");
                entries.push_link(page, replacement);
                page.push_str(" instead");
            }
            page.push('\n');
        }
        page.push('\n');
    }
    if !release.retired.is_empty() {
        page.push_str("**Retired:**\n\n");
        for wire in &release.retired {
            page.push_str("- ");
            entries.push_link(page, wire);
            if let Some(Entry::Retired(_, Some(note))) = entries.entry(wire) {
                page.push_str(": ");
                push_inline(page, note);
            }
            page.push('\n');
        }
        page.push('\n');
    }
    if !release.changed.is_empty() {
        page.push_str("**Changed:**\n\n");
        for change in &release.changed {
            page.push_str("- ");
            entries.push_link(page, &change.wire);
            page.push_str(": ");
            page.push_str(&change_text(change));
            page.push('\n');
        }
        page.push('\n');
    }
}

/// What changed, in words: `status 404 Not Found -> 410 Gone`.
fn change_text(change: &Change) -> String {
    let status = |status: &u16| match reason_phrase(*status) {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    };
    let ty = |detail: &DetailSignature| {
        let optional = if detail.optional { ", optional" } else { "" };
        format!("`{}`{optional}", detail.ty)
    };
    match &change.kind {
        ChangeKind::Status { from, to } => format!("status {} → {}", status(from), status(to)),
        ChangeKind::Detail { path, from, to } => match (from, to) {
            (None, Some(to)) => format!("detail `{path}` added ({})", ty(to)),
            (Some(from), None) => format!("detail `{path}` removed (was {})", ty(from)),
            (Some(from), Some(to)) if from.ty == to.ty => {
                let now = if to.optional { "optional" } else { "required" };
                format!("detail `{path}` is now {now}")
            }
            (Some(from), Some(to)) => format!("detail `{path}`: {} → {}", ty(from), ty(to)),
            (None, None) => format!("detail `{path}`"),
        },
    }
}
