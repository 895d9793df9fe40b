//! The catalog lock: every released code with its status, so released codes never change
//! by accident.
//!
//! `catalog/<name>.lock` is written by `cargo xtask gen` and committed. It records, sorted
//! by wire string, each code's status, the catalog version that introduced it and, for a
//! retired code, the version that retired it, with each live code's details under it
//! (see [`details`]); and the catalog version it was written at. [`check`] compares a
//! validated catalog with it: a released code may not disappear unless retired, and may
//! change status, lose a detail, change a detail's type, make an optional detail
//! required, or be retired only together with a semver-breaking bump of the catalog's
//! `version`. [`render`] writes the new lock.

use std::collections::BTreeMap;

use crate::fast_hash::HashMap;

use semver::Version;

use crate::diagnostics::{Diagnostic, Span};

use crate::model::{Catalog, Code};

mod details;
mod history;
mod parse;
mod render;

pub(crate) use parse::parse;
pub(crate) use render::{annotate, render, update};

/// Where the lock of the catalog at `catalog` lives: beside it, as `<name>.lock`.
pub fn path_for(catalog: &std::path::Path) -> std::path::PathBuf {
    catalog.with_extension("lock")
}

/// The lock as read from disk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lock {
    /// The catalog version the lock was written at; `None` for a catalog never generated.
    pub version: Option<Version>,
    /// Every released code, by wire string.
    pub codes: BTreeMap<String, LockedCode>,
    /// What each version changed about codes released before it, in version order;
    /// empty in a lock written before changes were recorded.
    pub history: Vec<history::LockedChange>,
}

/// One released code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockedCode {
    /// Its HTTP status.
    pub status: u16,
    /// The catalog version that introduced it.
    pub since: String,
    /// Since when, and for what, it is deprecated, if it is.
    pub deprecated: Option<LockedDeprecation>,
    /// The catalog version that retired it, if it is retired.
    pub retired: Option<String>,
    /// Its details as released, each path before the fields under it; none for a code of
    /// a lock written before details were recorded.
    pub details: Vec<details::LockedDetail>,
    /// Its 1-based line in the lock file, for messages.
    pub line: usize,
}

/// A released code's deprecation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockedDeprecation {
    /// The catalog version that deprecated it.
    pub since: String,
    /// The code to use instead, if the catalog named one.
    pub replacement: Option<String>,
}

/// Whether going from `old` to `new` is a semver-breaking release: a new major version,
/// or a new minor version while the major is 0.
pub(crate) fn is_breaking(old: &Version, new: &Version) -> bool {
    new.major > old.major || (old.major == 0 && new.major == 0 && new.minor > old.minor)
}

/// Compares the catalog's model with its lock, pointing at the places the model kept.
pub(crate) fn check(catalog: &Catalog, lock: &Lock, lock_path: &str) -> Vec<Diagnostic> {
    let Some(locked_version) = &lock.version else {
        return Vec::new();
    };
    let version = Version::parse(&catalog.version).expect("validated as semver");
    let version_span = catalog.spans.version;
    if version < *locked_version {
        return vec![Diagnostic::error(
            format!(
                "`version` {version} is older than {locked_version}, the version in {lock_path}"
            ),
            version_span,
        )
        .label("versions only go forward")
        .help(format!("set `version` to {locked_version} or later"))];
    }
    let breaking = is_breaking(locked_version, &version);
    let places = Places { catalog };
    let live: HashMap<&str, &Code> = catalog.codes.iter().map(|c| (c.wire.as_str(), c)).collect();
    let retired: HashMap<&str, &str> = catalog
        .retired
        .iter()
        .map(|r| (r.wire.as_str(), r.since.as_str()))
        .collect();
    let mut problems = Vec::new();
    for (wire, locked) in &lock.codes {
        let at = format!("{lock_path}:{}", locked.line);
        let code = live.get(wire.as_str()).copied();
        let problem = match (&locked.retired, code.map(|c| c.status), retired.contains_key(wire.as_str())) {
            // Reuse of a retired wire string in `codes` is already an error of validation
            // when it is still listed under `retired`; this catches it being moved back.
            (Some(since), Some(_), _) => Some(
                Diagnostic::error(format!("retired code {wire:?} is used again"), places.code(wire))
                    .label(format!("retired in {since}; a retired wire string can never come back"))
                    .note(format!("recorded as retired at {at}"))
                    .help("choose a new code"),
            ),
            (Some(since), None, false) => Some(
                Diagnostic::error(format!("retired code {wire:?} is no longer listed under `retired`"), catalog.spans.retired)
                    .label(format!("{wire} was retired in {since}"))
                    .note(format!("recorded as retired at {at}"))
                    .help(format!("keep `- code: {wire}` under `retired:` so ERRORS.md still explains it")),
            ),
            (Some(_), None, true) => None,
            (None, Some(status), _) if status != locked.status && !breaking => Some(
                Diagnostic::error(
                    format!("the status of released code {wire:?} changed from {} to {status}", locked.status),
                    places.status(wire),
                )
                .label(format!("released with status {} in {}", locked.status, locked.since))
                .note(format!("recorded at {at}"))
                .help(breaking_help("changing a released code's status", locked_version, &version)),
            ),
            (None, Some(_), _) => None,
            (None, None, true) if !breaking => Some(
                Diagnostic::error(format!("retiring released code {wire:?} needs a breaking version"), places.retired(wire))
                    .label(format!("released in {}", locked.since))
                    .note(format!("recorded at {at}"))
                    .help(breaking_help("retiring a code", locked_version, &version)),
            ),
            (None, None, true) => None,
            (None, None, false) => Some(
                Diagnostic::error(format!("released code {wire:?} is missing from the catalog"), catalog.spans.codes)
                    .label(format!("{wire} (status {}, released in {}) is not in this list", locked.status, locked.since))
                    .note(format!("recorded at {at}; clients may branch on it"))
                    .help(format!(
                        "put it back (with `deprecated:` if clients should stop using it), or retire it: add `- {{ code: {wire}, since: <version> }}` under `retired:` together with a breaking version bump"
                    )),
            ),
        };
        problems.extend(problem);
        if let (None, Some(code), false) = (&locked.retired, code, breaking) {
            let help = |change: &str| breaking_help(change, locked_version, &version);
            let refusal = details::Refusal {
                wire,
                span: code.spans.code,
                lock_path,
                help: &help,
            };
            problems.extend(details::changes(
                &locked.details,
                &details::paths(&code.details),
                &refusal,
            ));
        }
    }
    problems
}

fn breaking_help(change: &str, locked: &Version, version: &Version) -> String {
    // The next breaking version may not exist: a version part can be as large as u64.
    let next = if locked.major == 0 {
        locked
            .minor
            .checked_add(1)
            .map(|minor| Version::new(0, minor, 0))
    } else {
        locked
            .major
            .checked_add(1)
            .map(|major| Version::new(major, 0, 0))
    };
    match next {
        Some(next) => format!(
            "{change} breaks clients: release it with a breaking version, e.g. `version: {next}` (now {version})"
        ),
        None => format!(
            "{change} breaks clients: release it with a breaking version (now {version}, which cannot go higher: keep this code as it is and add a new one)"
        ),
    }
}

/// Where things are in the catalog, for pointing at them.
struct Places<'a> {
    catalog: &'a Catalog,
}

impl Places<'_> {
    fn live(&self, wire: &str) -> Option<&Code> {
        self.catalog.codes.iter().find(|code| code.wire == wire)
    }

    fn code(&self, wire: &str) -> Span {
        self.live(wire)
            .map_or(self.catalog.spans.codes, |code| code.spans.code)
    }

    fn status(&self, wire: &str) -> Span {
        self.live(wire)
            .map_or(self.catalog.spans.codes, |code| code.spans.status)
    }

    fn retired(&self, wire: &str) -> Span {
        self.catalog
            .retired
            .iter()
            .find(|retired| retired.wire == wire)
            .map_or(self.catalog.spans.retired, |retired| retired.span)
    }
}

#[cfg(test)]
mod tests {
    use semver::Version;

    use super::{is_breaking, parse};

    #[test]
    fn breaking_means_a_new_major_or_a_new_minor_below_1() {
        let v = |text: &str| Version::parse(text).unwrap();
        assert!(is_breaking(&v("0.1.0"), &v("0.2.0")));
        assert!(is_breaking(&v("0.9.3"), &v("1.0.0")));
        assert!(is_breaking(&v("1.4.2"), &v("2.0.0")));
        assert!(!is_breaking(&v("0.1.0"), &v("0.1.1")));
        assert!(!is_breaking(&v("1.0.0"), &v("1.1.0")));
        assert!(!is_breaking(&v("1.0.0"), &v("1.0.0")));
    }

    #[test]
    fn the_lock_written_reads_back_as_what_it_records() {
        let source = crate::Source {
            path: "catalog/relay.yaml",
            bytes: include_bytes!("../../../catalog/relay.yaml"),
        };
        let generated = crate::Config::new().generate(source, None).unwrap();
        let lock = parse(&generated.lock, "cargo xtask gen").unwrap();
        assert_eq!(lock.version, Some(Version::new(0, 1, 0)));
        assert_eq!(lock.codes.len(), 66);
        let ticket = &lock.codes["TICKET_NOT_FOUND"];
        assert_eq!(
            (
                ticket.status,
                ticket.since.as_str(),
                ticket.retired.as_deref()
            ),
            (404, "0.1.0", None)
        );
        let violations: Vec<(&str, String)> = lock.codes["VALIDATION_ERROR"]
            .details
            .iter()
            .map(|d| (d.detail.path.as_str(), d.detail.signature()))
            .collect();
        assert_eq!(
            violations,
            [
                ("violations", "list<object>".to_owned()),
                ("violations[].field", "string".to_owned()),
                ("violations[].reason", "string".to_owned()),
            ]
        );
        let limits = &lock.codes["TOO_MANY_REQUESTS"].details[0].detail;
        assert_eq!(
            (limits.path.as_str(), limits.signature()),
            (
                "category",
                "enum(ai,bulk,read,search,webhooks,write)  optional".to_owned()
            )
        );
        assert!(lock.codes["TICKET_NOT_FOUND"].details.is_empty());
        let names: Vec<&String> = lock.codes.keys().collect();
        assert!(
            names.windows(2).all(|pair| pair[0] < pair[1]),
            "sorted by wire string"
        );
    }
}
