//! Stage 4: generated files -> the disk, touching only what changed.
//!
//! A file is rewritten only when its bytes differ, so cargo does not rebuild the crates
//! that depend on an unchanged one. Each write goes to a temporary file in the same folder
//! that is then renamed over the target, so a reader (or an interrupted run) only ever
//! sees the old file or the new one, never a half-written one. Check mode writes nothing
//! and describes each difference instead.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::GeneratedFile;

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
    /// A generated source file the catalog no longer produces was deleted (write mode).
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

/// The most diff lines shown for one stale file.
const MAX_DIFF_LINES: usize = 40;

/// Brings each of `files`, relative to `out_dir`, up to date (or checks it, per `mode`),
/// then deals with the Rust sources no longer generated; the outcomes come back in the
/// order of `files`, then those.
#[cfg(test)]
pub(crate) fn sync(
    out_dir: &Path,
    files: &[GeneratedFile],
    mode: Mode,
) -> io::Result<Vec<FileOutcome>> {
    let mut outcomes = files
        .iter()
        .map(|file| sync_one(out_dir, file, mode))
        .collect::<io::Result<Vec<_>>>()?;
    let paths: Vec<&Path> = files.iter().map(|file| file.path.as_path()).collect();
    outcomes.extend(leftovers(out_dir, &paths, mode)?);
    Ok(outcomes)
}

/// Brings `file`, relative to `out_dir`, up to date (or checks it, per `mode`).
pub(crate) fn sync_one(
    out_dir: &Path,
    file: &GeneratedFile,
    mode: Mode,
) -> io::Result<FileOutcome> {
    let path = out_dir.join(&file.path);
    let state = sync_file(&path, &file.contents, mode)?;
    Ok(FileOutcome { path, state })
}

/// Rust files in a generated `src/` folder that are no longer generated (a catalog that
/// dropped its envelopes leaves `envelopes.rs` behind), given the paths of the files
/// that are: removed in write mode, stale in check mode. Only `.rs` files directly in a
/// `src/` the generator writes to are considered, so nothing a person put beside the
/// crate is touched.
pub(crate) fn leftovers(
    out_dir: &Path,
    files: &[&Path],
    mode: Mode,
) -> io::Result<Vec<FileOutcome>> {
    let generated: HashSet<PathBuf> = files.iter().map(|file| out_dir.join(file)).collect();
    let source_dirs: BTreeSet<PathBuf> = generated
        .iter()
        .filter_map(|path| path.parent())
        .filter(|dir| dir.ends_with("src"))
        .map(Path::to_path_buf)
        .collect();
    let mut outcomes = Vec::new();
    for dir in source_dirs {
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => continue,
            Err(error) => return Err(with_path(error, &dir)),
        };
        let mut stray: Vec<PathBuf> = entries
            .map(|entry| entry.map(|e| e.path()))
            .collect::<io::Result<Vec<_>>>()?
            .into_iter()
            .filter(|path| {
                path.extension().is_some_and(|ext| ext == "rs") && !generated.contains(path)
            })
            .collect();
        stray.sort();
        for path in stray {
            let state = match mode {
                Mode::Check => FileState::Stale {
                    diff: "    (no longer generated; `cargo xtask gen` removes it)\n".to_owned(),
                },
                Mode::Write => {
                    fs::remove_file(&path).map_err(|e| with_path(e, &path))?;
                    FileState::Removed
                }
            };
            outcomes.push(FileOutcome { path, state });
        }
    }
    Ok(outcomes)
}

fn sync_file(path: &Path, contents: &str, mode: Mode) -> io::Result<FileState> {
    let current = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(with_path(error, path)),
    };
    if current.as_deref() == Some(contents.as_bytes()) {
        return Ok(FileState::Unchanged);
    }
    match mode {
        Mode::Check => {
            let old = current.map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            Ok(FileState::Stale {
                diff: short_diff(old.as_deref(), contents),
            })
        }
        Mode::Write => {
            write_atomically(path, contents.as_bytes()).map_err(|e| with_path(e, path))?;
            Ok(FileState::Written)
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file(path, |file| file.write_all(bytes))
}

/// Replaces `path` with what `write` puts into a fresh temporary file in the same
/// folder. If `write` fails (or the process dies) before the rename, `path` keeps its
/// old contents and the temporary file is removed (or, after a crash, left beside it
/// under a `.gen-*.tmp` name, never in its place).
fn replace_file(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".gen-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    write(temp.as_file_mut())?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn with_path(error: io::Error, path: &Path) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// A unified diff from `old` (or nothing, if the file is missing) to `new`, at most
/// [`MAX_DIFF_LINES`] lines long.
fn short_diff(old: Option<&str>, new: &str) -> String {
    let Some(old) = old else {
        return "    (the file does not exist)\n".to_owned();
    };
    let diff = TextDiff::from_lines(old, new);
    let full = diff
        .unified_diff()
        .context_radius(2)
        .header("on disk", "generated")
        .to_string();
    let lines: Vec<&str> = full.lines().collect();
    let mut out: String = lines
        .iter()
        .take(MAX_DIFF_LINES)
        .map(|line| format!("    {line}\n"))
        .collect();
    if lines.len() > MAX_DIFF_LINES {
        out.push_str(&format!(
            "    ... {} more diff lines\n",
            lines.len() - MAX_DIFF_LINES
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> GeneratedFile {
        GeneratedFile {
            path: PathBuf::from(path),
            contents: contents.to_owned(),
        }
    }

    #[test]
    fn writes_only_changed_files_and_checks_without_writing() {
        let dir = tempfile::tempdir().unwrap();
        let files = [file("c/a.txt", "one\n"), file("c/b.txt", "two\n")];

        let first = sync(dir.path(), &files, Mode::Write).unwrap();
        assert!(first.iter().all(|o| o.state == FileState::Written));

        let second = sync(dir.path(), &files, Mode::Write).unwrap();
        assert!(second.iter().all(|o| o.state == FileState::Unchanged));

        let changed = [file("c/a.txt", "one\n"), file("c/b.txt", "TWO\n")];
        let check = sync(dir.path(), &changed, Mode::Check).unwrap();
        assert_eq!(check[0].state, FileState::Unchanged);
        let FileState::Stale { diff } = &check[1].state else {
            panic!("b.txt should be stale: {check:?}");
        };
        assert!(diff.contains("-two") && diff.contains("+TWO"), "{diff}");
        assert_eq!(
            fs::read_to_string(dir.path().join("c/b.txt")).unwrap(),
            "two\n"
        );
    }

    #[test]
    fn check_reports_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let check = sync(dir.path(), &[file("x.txt", "x")], Mode::Check).unwrap();
        assert!(matches!(check[0].state, FileState::Stale { .. }));
        assert!(!dir.path().join("x.txt").exists());
    }

    #[test]
    fn an_interrupted_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lib.rs");
        fs::write(&path, "old contents\n").unwrap();
        let result = replace_file(&path, |file| {
            file.write_all(b"half of the new")?;
            Err(io::Error::other("interrupted"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old contents\n");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn source_files_no_longer_generated_are_flagged_then_removed() {
        let dir = tempfile::tempdir().unwrap();
        let both = [
            file("c/src/lib.rs", "lib"),
            file("c/src/envelopes.rs", "env"),
        ];
        sync(dir.path(), &both, Mode::Write).unwrap();
        std::fs::write(dir.path().join("c/src/notes.txt"), "mine").unwrap();
        let only_lib = [file("c/src/lib.rs", "lib")];

        let check = sync(dir.path(), &only_lib, Mode::Check).unwrap();
        assert_eq!(check.len(), 2);
        assert!(check[1].path.ends_with("envelopes.rs"));
        assert!(matches!(check[1].state, FileState::Stale { .. }));
        assert!(
            dir.path().join("c/src/envelopes.rs").exists(),
            "check mode writes nothing"
        );

        let write = sync(dir.path(), &only_lib, Mode::Write).unwrap();
        assert_eq!(write[1].state, FileState::Removed);
        assert!(!dir.path().join("c/src/envelopes.rs").exists());
        assert!(
            dir.path().join("c/src/notes.txt").exists(),
            "only .rs files are touched"
        );
    }

    #[test]
    fn leaves_no_temporary_files_behind() {
        let dir = tempfile::tempdir().unwrap();
        write_atomically(&dir.path().join("f.txt"), b"data").unwrap();
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["f.txt"]);
    }
}
