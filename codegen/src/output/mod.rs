//! Stage 5: generated files -> the disk, touching only what changed, and all at once.
//!
//! A file is rewritten only when its bytes differ, so cargo does not rebuild the crates
//! that depend on an unchanged one. [`Config::run`](crate::Config::run) streams each
//! file through a [`FileSink`]: the emitters hand their text on a block at a time, the
//! sink compares it with the disk as it comes and starts a temporary file beside the
//! target only at the first difference, so an unchanged file is only read, and no file
//! is ever whole in memory.
//!
//! A run first stages every changed file of every catalog in such temporary files and
//! only then renames them into place ([`commit`]), the locks last; so a failure while
//! building or writing (a full disk, a folder where a file should be) changes nothing,
//! and one while renaming (rare: the files are already on the same disk) names the
//! files already updated, never leaving a lock ahead of its outputs. Check mode writes
//! nothing and describes each difference instead.
//!
//! Nothing outside the output folder is ever written or deleted: [`place::guard`]
//! refuses a symbolic link on the way to any file, and only files that carry the
//! generator's header are ever removed.

mod diff;
mod place;
mod sink;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

#[cfg(test)]
use place::remove_live_temporaries;
pub use place::remove_temporary_files;
pub(crate) use place::{guard, Expect};
pub(crate) use sink::FileSink;

use place::Temporary;
use sink::Streamed;

/// One file of generated output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The path relative to the output folder, e.g. `relay-errors/src/lib.rs`.
    pub path: PathBuf,
    /// The file's full contents.
    pub contents: String,
}

/// Whether to write the files or only compare them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Write every file whose contents changed.
    Write,
    /// Write nothing; report every file whose contents differ.
    Check,
}

/// What happened to one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileState {
    /// The file on disk already had these bytes.
    Unchanged,
    /// The file was written (write mode).
    Written,
    /// The file on disk differs or is missing (check mode); the diff is short, for people.
    Stale {
        /// A unified diff from the file on disk to the generated contents, cut short.
        diff: String,
    },
    /// A file the generator wrote and no longer produces, or a temporary file an
    /// interrupted run left, was deleted (write mode).
    Removed,
}

/// The outcome for one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileOutcome {
    /// The file's path, including the output folder.
    pub path: PathBuf,
    /// What happened to it.
    pub state: FileState,
}

/// An I/O failure and the file or folder it concerns.
#[derive(Debug)]
pub(crate) struct IoError {
    pub(crate) path: PathBuf,
    pub(crate) source: io::Error,
}

impl IoError {
    pub(crate) fn new(path: &Path, source: io::Error) -> IoError {
        IoError {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// `result`, with `path` on failure.
fn at<T>(path: &Path, result: io::Result<T>) -> Result<T, IoError> {
    result.map_err(|source| IoError::new(path, source))
}

/// A file whose new contents wait in a temporary file for [`commit`].
pub(crate) struct Staged {
    target: PathBuf,
    temporary: Temporary,
}

/// Why [`commit`] stopped: the file it could not put in place, and those it already had.
#[derive(Debug)]
pub(crate) struct CommitError {
    pub(crate) error: IoError,
    pub(crate) updated: Vec<PathBuf>,
}

/// Renames each staged file over its target, in order. The files not yet renamed when
/// one fails keep their old contents, and their temporary files are removed.
pub(crate) fn commit(staged: Vec<Staged>) -> Result<(), CommitError> {
    let mut updated = Vec::new();
    for Staged { target, temporary } in staged {
        if let Err(source) = temporary.put_in_place(&target) {
            return Err(CommitError {
                error: IoError::new(&target, source),
                updated,
            });
        }
        updated.push(target);
    }
    Ok(())
}

/// Brings `file`, relative to `out_dir`, up to date (or checks it, per `mode`).
pub(crate) fn sync_one(
    out_dir: &Path,
    file: &GeneratedFile,
    mode: Mode,
) -> Result<(FileOutcome, Option<Staged>), IoError> {
    stream_one(
        out_dir,
        &file.path,
        mode,
        |sink| crate::emit::TextOut::push_text(sink, &file.contents),
        || file.contents.clone(),
    )
}

/// Compares the file `write` produces at `path` (relative to `out_dir`) with the disk,
/// without holding its contents: they are compared as they come and, from the first
/// difference on (write mode), staged in a temporary file for [`commit`], the outcome
/// saying [`FileState::Written`]. A stale file in check mode is built again, whole, by
/// `contents`, for its diff.
pub(crate) fn stream_one(
    out_dir: &Path,
    path: &Path,
    mode: Mode,
    write: impl FnOnce(&mut FileSink),
    contents: impl FnOnce() -> String,
) -> Result<(FileOutcome, Option<Staged>), IoError> {
    guard(out_dir, path, Expect::File)?;
    let target = out_dir.join(path);
    let mut sink = at(&target, FileSink::new(&target, mode))?;
    write(&mut sink);
    let (state, staged) = match at(&target, sink.finish())? {
        Streamed::Unchanged => (FileState::Unchanged, None),
        Streamed::Staged(temporary) => (
            FileState::Written,
            Some(Staged {
                target: target.clone(),
                temporary,
            }),
        ),
        Streamed::Differs => (diff::stale(&target, &contents())?, None),
    };
    Ok((
        FileOutcome {
            path: target,
            state,
        },
        staged,
    ))
}

/// The files in the folder of a generated crate, `out_dir/crate_dir`, and its
/// subfolders, that are not among `generated` (paths relative to `out_dir`) but carry
/// the generator's header (a catalog that dropped its envelopes leaves
/// `src/envelopes.rs`; one that stopped writing TypeScript leaves `ts/`), and the
/// temporary files interrupted runs left there: removed in write mode, stale in check
/// mode. A file without the header is someone's own and is never touched; nor is
/// anything reached through a symbolic link.
pub(crate) fn leftovers(
    out_dir: &Path,
    crate_dir: &Path,
    generated: &[&Path],
    mode: Mode,
    tool: &str,
) -> Result<Vec<FileOutcome>, IoError> {
    guard(out_dir, crate_dir, Expect::Folder)?;
    let root = out_dir.join(crate_dir);
    let generated: HashSet<PathBuf> = generated.iter().map(|file| out_dir.join(file)).collect();
    let mut folders = vec![root.clone()];
    folders.extend(
        entries(&root)?
            .into_iter()
            .filter(|(_, kind)| kind.is_dir())
            .map(|(path, _)| path),
    );
    let mut outcomes = Vec::new();
    for folder in folders {
        for (path, kind) in entries(&folder)? {
            if !kind.is_file() || generated.contains(&path) {
                continue;
            }
            let why = if is_abandoned(&path) {
                "a temporary file an interrupted run left"
            } else if at(&path, place::is_generated(&path))? {
                "no longer generated"
            } else {
                continue;
            };
            outcomes.push(remove_or_report(path, why, mode, tool)?);
        }
    }
    Ok(outcomes)
}

/// The temporary files interrupted runs left directly in `dir` (a folder of catalogs,
/// where their locks are written): removed in write mode, stale in check mode.
pub(crate) fn abandoned_temporaries(
    dir: &Path,
    mode: Mode,
    tool: &str,
) -> Result<Vec<FileOutcome>, IoError> {
    let mut outcomes = Vec::new();
    for (path, kind) in entries(dir)? {
        if kind.is_file() && is_abandoned(&path) {
            let why = "a temporary file an interrupted run left";
            outcomes.push(remove_or_report(path, why, mode, tool)?);
        }
    }
    Ok(outcomes)
}

fn is_abandoned(path: &Path) -> bool {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return false;
    };
    name.to_str()
        .is_some_and(|name| place::is_abandoned_temporary(dir, name))
}

fn remove_or_report(
    path: PathBuf,
    why: &str,
    mode: Mode,
    tool: &str,
) -> Result<FileOutcome, IoError> {
    let state = match mode {
        Mode::Check => FileState::Stale {
            diff: format!("    ({why}; `{tool}` removes it)\n"),
        },
        Mode::Write => {
            at(&path, fs::remove_file(&path))?;
            FileState::Removed
        }
    };
    Ok(FileOutcome { path, state })
}

/// The entries of `dir` in name order, each with its own type (a symbolic link is a
/// link, not what it points at); none if `dir` does not exist.
fn entries(dir: &Path) -> Result<Vec<(PathBuf, fs::FileType)>, IoError> {
    let listing = match fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(IoError::new(dir, error)),
    };
    let mut found = Vec::new();
    for entry in listing {
        let entry = at(dir, entry)?;
        found.push((entry.path(), at(&entry.path(), entry.file_type())?));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(found)
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a
/// reader sees the old file or the new one, never half of one, and `path` keeps its
/// mode. A run writes through [`FileSink`] instead, so only the tests call it, to check
/// the temporary files a run's writes go through.
#[cfg(test)]
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(path, |file| io::Write::write_all(file, bytes))
}

/// Replaces `path` with what `write` puts into a fresh temporary file in the same
/// folder. If `write` fails before the rename, `path` keeps its old contents and the
/// temporary file is removed.
#[cfg(test)]
fn replace_file(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let keep = match fs::metadata(path) {
        Ok(meta) => Some(meta.permissions()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(error),
    };
    let (temporary, mut file) = Temporary::beside(path, keep.as_ref())?;
    write(&mut file)?;
    file.sync_all()?;
    drop(file);
    temporary.put_in_place(path)
}
