//! The new lock: the old one brought up to date with an accepted catalog ([`update`]),
//! written in the layout [`super::parse`] reads ([`render`]), and what the model learns
//! from it ([`annotate`]).

use std::collections::BTreeMap;
use std::fmt::Write;

use semver::Version;

use super::details::{self, LockedDetail};
use super::history;
use super::{Lock, LockedCode, LockedDeprecation};
use crate::model::Catalog;

/// The lock after `catalog` is released: every live code as the catalog has it now
/// (keeping the version that added it), every retired code as it was last released, and
/// the history with what this version changed about codes released before it.
pub(crate) fn update(catalog: &Catalog, lock: &Lock) -> Lock {
    let version = Version::parse(&catalog.version).expect("validated as semver");
    let mut codes = BTreeMap::new();
    let mut changes = history::Changes::new(&lock.history, &version);
    for code in &catalog.codes {
        let paths = details::paths(&code.details);
        let released = lock.codes.get(&code.wire).filter(|c| c.retired.is_none());
        if let Some(released) = released {
            // A code this version added has no changes: it is new as it is.
            if normalized(&released.since) != version.to_string() {
                let now = (code.status, paths.as_slice());
                changes.record_code(&code.wire, released, now);
            }
        }
        let deprecated = code.deprecated.as_ref().map(|d| LockedDeprecation {
            since: normalized(&d.since),
            replacement: d.replacement.map(|index| catalog.codes[index].wire.clone()),
        });
        let row = LockedCode {
            status: code.status,
            since: released.map_or_else(|| version.to_string(), |c| c.since.clone()),
            deprecated,
            retired: None,
            details: paths
                .into_iter()
                .map(|detail| LockedDetail { detail, line: 0 })
                .collect(),
            line: 0,
        };
        codes.insert(code.wire.clone(), row);
    }
    // A retired code keeps its last status and deprecation, and its details no longer
    // matter; one that was never released has no row.
    for retired in &catalog.retired {
        if let Some(locked) = lock.codes.get(&retired.wire) {
            let row = LockedCode {
                retired: Some(normalized(&retired.since)),
                details: Vec::new(),
                ..locked.clone()
            };
            codes.insert(retired.wire.clone(), row);
        }
    }
    Lock {
        version: Some(version),
        codes,
        history: changes.finish(),
    }
}

/// A version as the lock writes it.
fn normalized(version: &str) -> String {
    Version::parse(version).map_or_else(|_| version.to_owned(), |v| v.to_string())
}

/// What the model learns from the lock written for it: the version that introduced
/// each code, and the releases `CHANGES.md` lists.
pub(crate) fn annotate(catalog: &mut Catalog, lock: &Lock) {
    for code in &mut catalog.codes {
        if let Some(locked) = lock.codes.get(&code.wire) {
            code.since.clone_from(&locked.since);
        }
    }
    catalog.releases = history::releases(lock);
}

/// The lock's text: `header` is its first comment line and `tool` is the command that
/// writes it, for its comments.
pub(crate) fn render(lock: &Lock, header: &str, tool: &str) -> String {
    let width = lock.codes.keys().map(String::len).max().unwrap_or(0);
    let detail_lines: usize = lock.codes.values().map(|code| code.details.len()).sum();
    let version = lock
        .version
        .as_ref()
        .map(Version::to_string)
        .unwrap_or_default();
    let mut out = format!(
        "# {header}\n\
         # Every released error code, with its status and the catalog version that added it,\n\
         # and under it, indented, each of its details. `{tool}` refuses to drop a code\n\
         # listed here, or to change its status, except by retiring it (or changing it)\n\
         # together with a breaking version bump; the same goes for dropping a detail,\n\
         # changing its type or making an optional detail required. Retired codes stay\n\
         # listed for good, so their wire strings are never reused. `codes` counts the rows,\n\
         # `details` the detail lines and `changes` the change lines, so a lock cut short is\n\
         # refused rather than read as fewer released codes, details or changes.\n\
         # Columns: code, status, version that added it, `deprecated VERSION` (and `by CODE`,\n\
         # its replacement) when deprecated, `retired VERSION` when retired; under a code,\n\
         # each detail's path (`.` into an object's fields, `[]` into a list's items), its\n\
         # type, and `optional` when an occurrence may leave it out.\n\
         # Then the changes each version made to codes released before it, CHANGES.md's\n\
         # source: version, code, `status FROM TO` or `detail PATH FROM TO`, where a detail's\n\
         # FROM and TO are its type (`?` after it when optional) or `-` for none.\n\
         version {version}\ncodes {}\ndetails {detail_lines}\nchanges {}\n\n",
        lock.codes.len(),
        lock.history.len(),
    );
    out.reserve(lock.codes.len() * (width + 16) + detail_lines * (width + 16));
    for (wire, code) in &lock.codes {
        let _ = write!(out, "{wire:width$}  {}  {}", code.status, code.since);
        if let Some(deprecated) = &code.deprecated {
            let _ = write!(out, "  deprecated {}", deprecated.since);
            if let Some(replacement) = &deprecated.replacement {
                let _ = write!(out, " by {replacement}");
            }
        }
        if let Some(retired) = &code.retired {
            let _ = write!(out, "  retired {retired}");
        }
        out.push('\n');
        // The types line up with the statuses, unless a path is longer than that.
        let longest = code.details.iter().map(|d| d.detail.path.len()).max();
        let path_width = longest.unwrap_or(0).max(width.saturating_sub(2));
        for LockedDetail { detail, .. } in &code.details {
            let _ = writeln!(out, "  {:path_width$}  {}", detail.path, detail.signature());
        }
    }
    if !lock.history.is_empty() {
        out.push('\n');
    }
    for change in &lock.history {
        out.push_str(&change.line());
        out.push('\n');
    }
    out
}
