//! The lock's history: what each catalog version changed about codes released before it,
//! which the code rows alone (the state now) cannot tell, so that `CHANGES.md` is rebuilt
//! identically from the repository alone.
//!
//! One line per change, after the code rows, each starting with the version that made
//! it: `0.2.0  CODE  status  404  410` for a new HTTP status, and
//! `0.2.0  CODE  detail  PATH  FROM  TO` for a detail added, removed or retyped, where
//! `FROM` and `TO` are the detail's type as its lock line writes it, `?` after it when
//! it is optional, and `-` where there was, or is, none.
//!
//! Changes at the catalog's own version are its unreleased edits: each new run folds its
//! difference into them, so a status changed and changed back leaves no line, and the
//! history holds one net change per code and subject for every version.

use std::collections::BTreeMap;

use semver::Version;

use super::details::{self, DetailPath};
use super::{Lock, LockedCode};
use crate::model::releases::{self, Change, ChangeKind, Release};

/// What a change is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Subject {
    /// The code's HTTP status.
    Status,
    /// The detail at this path.
    Detail(String),
}

/// One line of the history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LockedChange {
    /// The catalog version that made the change.
    pub version: Version,
    /// The code it changed.
    pub code: String,
    pub subject: Subject,
    /// Before: a status, or a detail's type (`?` after an optional one); `None` for a
    /// detail that was added.
    pub from: Option<String>,
    /// After; `None` for a detail that was removed.
    pub to: Option<String>,
}

impl LockedChange {
    /// The order the lock lists changes in: by version, then code, then subject.
    fn key(&self) -> (&Version, &str, &Subject) {
        (&self.version, &self.code, &self.subject)
    }

    /// The change's lock line.
    pub(crate) fn line(&self) -> String {
        let value = |value: &Option<String>| value.clone().unwrap_or_else(|| "-".to_owned());
        let subject = match &self.subject {
            Subject::Status => "status".to_owned(),
            Subject::Detail(path) => format!("detail  {path}"),
        };
        format!(
            "{}  {}  {subject}  {}  {}",
            self.version,
            self.code,
            value(&self.from),
            value(&self.to)
        )
    }
}

/// A detail's type as a history line writes it.
fn detail_value(detail: &DetailPath) -> String {
    let optional = if detail.optional { "?" } else { "" };
    format!("{}{optional}", detail.shape)
}

/// Reads one history line, split at whitespace.
pub(crate) fn parse_line(words: &[&str]) -> Result<LockedChange, String> {
    let (version, code, subject, from, to) = match words {
        [version, code, "status", from, to] => (version, code, Subject::Status, from, to),
        [version, code, "detail", path, from, to] => {
            if details::parent(path).is_none() {
                return Err(format!("detail path {path:?}"));
            }
            (version, code, Subject::Detail((*path).to_owned()), from, to)
        }
        _ => return Err(format!("change {:?}", words.join(" "))),
    };
    let version = Version::parse(version).map_err(|e| format!("{version:?}: {e}"))?;
    let value = |text: &str| -> Result<Option<String>, String> {
        let well_formed = match subject {
            _ if text == "-" => return Ok(None),
            Subject::Status => text.parse::<u16>().is_ok(),
            Subject::Detail(_) => details::parse_shape(text.trim_end_matches('?')).is_some(),
        };
        if well_formed {
            Ok(Some(text.to_owned()))
        } else {
            Err(format!(
                "{text:?} is neither a status, a detail type nor `-`"
            ))
        }
    };
    let (from, to) = (value(from)?, value(to)?);
    let complete = match subject {
        Subject::Status => from.is_some() && to.is_some(),
        Subject::Detail(_) => from.is_some() || to.is_some(),
    };
    if !complete || from == to {
        return Err(format!("change {:?} changes nothing", words.join(" ")));
    }
    Ok(LockedChange {
        version,
        code: (*code).to_owned(),
        subject,
        from,
        to,
    })
}

/// The history being brought up to date: the changes of earlier versions as they are,
/// and those of the catalog's version, by code and subject, folded as they are recorded.
pub(crate) struct Changes {
    version: Version,
    earlier: Vec<LockedChange>,
    /// Before and after, per code and subject; an entry whose two are equal is undone.
    current: BTreeMap<(String, Subject), (Option<String>, Option<String>)>,
}

impl Changes {
    /// `history` as read, about to take the changes of `version`.
    pub(crate) fn new(history: &[LockedChange], version: &Version) -> Self {
        let (current, earlier): (Vec<&LockedChange>, Vec<&LockedChange>) = history
            .iter()
            .partition(|change| change.version == *version);
        Changes {
            version: version.clone(),
            earlier: earlier.into_iter().cloned().collect(),
            current: current
                .into_iter()
                .map(|c| {
                    (
                        (c.code.clone(), c.subject.clone()),
                        (c.from.clone(), c.to.clone()),
                    )
                })
                .collect(),
        }
    }

    /// Folds what changed about `code`, released as `locked`, into the changes of the
    /// catalog's version: its status and each detail path.
    pub(crate) fn record_code(
        &mut self,
        code: &str,
        locked: &LockedCode,
        now: (u16, &[DetailPath]),
    ) {
        let (status, now_details) = now;
        if status != locked.status {
            let (from, to) = (locked.status.to_string(), status.to_string());
            self.record(code, Subject::Status, Some(from), Some(to));
        }
        let before = |path: &str| {
            locked
                .details
                .iter()
                .find(|d| d.detail.path == path)
                .map(|d| detail_value(&d.detail))
        };
        for detail in now_details {
            let (from, to) = (before(&detail.path), Some(detail_value(detail)));
            if from != to {
                self.record(code, Subject::Detail(detail.path.clone()), from, to);
            }
        }
        for gone in &locked.details {
            if !now_details.iter().any(|d| d.path == gone.detail.path) {
                let from = Some(detail_value(&gone.detail));
                self.record(code, Subject::Detail(gone.detail.path.clone()), from, None);
            }
        }
    }

    /// Adds a change, folded into the one of the same code and subject if there is one.
    fn record(&mut self, code: &str, subject: Subject, from: Option<String>, to: Option<String>) {
        self.current
            .entry((code.to_owned(), subject))
            .and_modify(|change| change.1.clone_from(&to))
            .or_insert((from, to));
    }

    /// The history in the order the lock lists it, without the changes undone.
    pub(crate) fn finish(self) -> Vec<LockedChange> {
        let version = self.version;
        let mut history = self.earlier;
        history.extend(
            self.current
                .into_iter()
                .filter(|(_, (from, to))| from != to)
                .map(|((code, subject), (from, to))| LockedChange {
                    version: version.clone(),
                    code,
                    subject,
                    from,
                    to,
                }),
        );
        history.sort_by(|a, b| a.key().cmp(&b.key()));
        history
    }
}

/// The version whose release deprecated `code`, if it is deprecated: the catalog's
/// `deprecated.since`, or the version that added the code to the lock if that is later
/// (a code deprecated before the lock was started is deprecated in its first release).
fn deprecated_in(code: &LockedCode) -> Option<Version> {
    let since = Version::parse(&code.deprecated.as_ref()?.since).ok()?;
    let added = Version::parse(&code.since).ok()?;
    Some(since.max(added))
}

/// Every version the lock knows a change of, newest first, with what it changed.
pub(crate) fn releases(lock: &Lock) -> Vec<Release> {
    let version = |text: &str| Version::parse(text).ok();
    let mut versions: Vec<Version> = lock
        .codes
        .values()
        .flat_map(|code| {
            let added = version(&code.since);
            let retired = code.retired.as_deref().and_then(version);
            [added, deprecated_in(code), retired]
        })
        .flatten()
        .chain(lock.history.iter().map(|change| change.version.clone()))
        .collect();
    versions.sort_unstable();
    versions.dedup();
    let breaking: Vec<bool> = versions
        .iter()
        .enumerate()
        .map(|(i, v)| i > 0 && super::is_breaking(&versions[i - 1], v))
        .collect();
    let is =
        |text: Option<&str>, release: &Version| text.and_then(version).as_ref() == Some(release);
    versions
        .iter()
        .zip(breaking)
        .rev()
        .map(|(release, breaking)| {
            let codes = |pick: &dyn Fn(&LockedCode) -> Option<&str>| -> Vec<String> {
                lock.codes
                    .iter()
                    .filter(|(_, code)| is(pick(code), release))
                    .map(|(wire, _)| wire.clone())
                    .collect()
            };
            let deprecated = lock
                .codes
                .iter()
                .filter_map(|(wire, code)| {
                    let replacement = code.deprecated.as_ref()?.replacement.clone();
                    (deprecated_in(code).as_ref() == Some(release))
                        .then(|| (wire.clone(), replacement))
                })
                .collect();
            let changed = lock
                .history
                .iter()
                .filter(|change| change.version == *release)
                .filter_map(model_change)
                .collect();
            Release {
                version: release.to_string(),
                breaking,
                added: codes(&|code| Some(&code.since)),
                deprecated,
                retired: codes(&|code| code.retired.as_deref()),
                changed,
            }
        })
        .collect()
}

fn model_change(change: &LockedChange) -> Option<Change> {
    let detail = |value: &Option<String>| {
        value.as_ref().map(|text| releases::DetailSignature {
            optional: text.ends_with('?'),
            ty: text.trim_end_matches('?').to_owned(),
        })
    };
    let kind = match &change.subject {
        Subject::Status => ChangeKind::Status {
            from: change.from.as_deref()?.parse().ok()?,
            to: change.to.as_deref()?.parse().ok()?,
        },
        Subject::Detail(path) => ChangeKind::Detail {
            path: path.clone(),
            from: detail(&change.from),
            to: detail(&change.to),
        },
    };
    Some(Change {
        wire: change.code.clone(),
        kind,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_of_one_version_fold_into_their_net_change() {
        let version = Version::new(0, 2, 0);
        let status = |changes: &mut Changes, from: &str, to: &str| {
            let (from, to) = (Some(from.to_owned()), Some(to.to_owned()));
            changes.record("A", Subject::Status, from, to);
        };
        let mut changes = Changes::new(&[], &version);
        status(&mut changes, "404", "410");
        status(&mut changes, "410", "409");
        let history = changes.finish();
        let lines: Vec<String> = history.iter().map(LockedChange::line).collect();
        assert_eq!(lines, ["0.2.0  A  status  404  409"]);
        // A later run at the same version starts from what the lock holds.
        let mut changes = Changes::new(&history, &version);
        status(&mut changes, "409", "404");
        assert!(changes.finish().is_empty(), "changed back: nothing changed");
        // Changes of earlier versions are kept as they are.
        let mut changes = Changes::new(&history, &Version::new(0, 3, 0));
        status(&mut changes, "409", "404");
        let lines: Vec<String> = changes.finish().iter().map(LockedChange::line).collect();
        assert_eq!(
            lines,
            ["0.2.0  A  status  404  409", "0.3.0  A  status  409  404"]
        );
    }

    #[test]
    fn a_change_line_reads_back_as_written() {
        for line in [
            "0.2.0  A  status  404  410",
            "0.2.0  A  detail  x[].y  -  enum(a,b)?",
            "1.0.0  A  detail  x  list<string>  -",
            "1.0.0  A  detail  x  string?  string",
        ] {
            let words: Vec<&str> = line.split_whitespace().collect();
            let change = parse_line(&words).unwrap();
            assert_eq!(change.line(), line);
        }
    }

    #[test]
    fn a_change_line_that_changes_nothing_or_is_malformed_is_refused() {
        for line in [
            "0.2.0  A  status  404  404",
            "0.2.0  A  status  -  404",
            "0.2.0  A  detail  x  -  -",
            "0.2.0  A  detail  x  text  string",
            "0.2.0  A  detail  x.  -  string",
            "0.2  A  status  404  410",
            "0.2.0  A  color  red  blue",
        ] {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(parse_line(&words).is_err(), "{line}");
        }
    }
}
