//! Stage 4: generated files -> the disk, touching only what changed.
//!
//! A file is rewritten only when its bytes differ, so cargo does not rebuild the crates
//! that depend on an unchanged one. Each write goes to a temporary file in the same folder
//! that is then renamed over the target, so a reader (or an interrupted run) only ever
//! sees the old file or the new one, never a half-written one. Check mode writes nothing
//! and describes each difference instead.
//!
//! [`Config::run`](crate::Config::run) streams each file through a [`FileSink`]: the
//! emitters hand their text on a block at a time, the sink compares it with the disk as
//! it comes and starts the temporary file only at the first difference, so an unchanged
//! file is only read, and no file is ever whole in memory.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use similar::TextDiff;

use crate::emit::TextOut as _;
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
    stream_one(
        out_dir,
        &file.path,
        mode,
        |sink| sink.push_text(&file.contents),
        || file.contents.clone(),
    )
}

/// Brings the file `write` produces at `path` (relative to `out_dir`) up to date, or
/// checks it, without holding its contents: they are compared with the disk as they
/// come and, from the first difference on, written to a temporary file that replaces
/// the old one at the end. A stale file in check mode is built again, whole, by
/// `contents`, for its diff.
pub(crate) fn stream_one(
    out_dir: &Path,
    path: &Path,
    mode: Mode,
    write: impl FnOnce(&mut FileSink),
    contents: impl FnOnce() -> String,
) -> io::Result<FileOutcome> {
    let path = out_dir.join(path);
    let mut sink = FileSink::new(&path, mode).map_err(|e| with_path(e, &path))?;
    write(&mut sink);
    let state = match sink.finish().map_err(|e| with_path(e, &path))? {
        Streamed::Unchanged => FileState::Unchanged,
        Streamed::Written => FileState::Written,
        Streamed::Differs => stale(&path, &contents())?,
    };
    Ok(FileOutcome { path, state })
}

/// A generated file on its way to the disk: see [`stream_one`].
pub(crate) struct FileSink {
    path: PathBuf,
    mode: Mode,
    state: SinkState,
    /// The first error; the rest of the text is then ignored.
    error: Option<io::Error>,
}

enum SinkState {
    /// Every byte so far equals the file on disk, which is read this far.
    Matching {
        old: io::BufReader<fs::File>,
        matched: u64,
        block: Vec<u8>,
    },
    /// The bytes differ; from here on they go to the temporary file (write mode).
    Writing(io::BufWriter<tempfile::NamedTempFile>),
    /// The bytes differ (check mode): nothing more to do.
    Differs,
}

/// How a streamed file ended.
enum Streamed {
    Unchanged,
    Written,
    Differs,
}

impl FileSink {
    fn new(path: &Path, mode: Mode) -> io::Result<FileSink> {
        let mut sink = FileSink {
            path: path.to_path_buf(),
            mode,
            state: SinkState::Differs,
            error: None,
        };
        sink.state = match fs::File::open(path) {
            Ok(old) => SinkState::Matching {
                old: io::BufReader::with_capacity(COMPARE_BLOCK, old),
                matched: 0,
                block: Vec::new(),
            },
            Err(error) if error.kind() == io::ErrorKind::NotFound => sink.diverged(0)?,
            Err(error) => return Err(error),
        };
        Ok(sink)
    }

    fn take(&mut self, bytes: &[u8]) -> io::Result<()> {
        if let SinkState::Matching {
            old,
            matched,
            block,
        } = &mut self.state
        {
            let mut rest = bytes;
            while !rest.is_empty() {
                let (part, after) = rest.split_at(rest.len().min(COMPARE_BLOCK));
                block.resize(part.len(), 0);
                let same = match old.read_exact(block) {
                    Ok(()) => block == part,
                    Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => false,
                    Err(error) => return Err(error),
                };
                if !same {
                    let matched = *matched;
                    self.state = self.diverged(matched)?;
                    return self.take(rest);
                }
                *matched += part.len() as u64;
                rest = after;
            }
            return Ok(());
        }
        match &mut self.state {
            SinkState::Writing(temp) => temp.write_all(bytes),
            SinkState::Differs | SinkState::Matching { .. } => Ok(()),
        }
    }

    /// The state after a difference that follows `matched` equal bytes.
    fn diverged(&self, matched: u64) -> io::Result<SinkState> {
        Ok(match self.temporary_file(matched)? {
            Some(temp) => SinkState::Writing(temp),
            None => SinkState::Differs,
        })
    }

    /// In write mode, a temporary file beside the target that starts with the first
    /// `matched` bytes of the old file (equal to the new ones).
    fn temporary_file(
        &self,
        matched: u64,
    ) -> io::Result<Option<io::BufWriter<tempfile::NamedTempFile>>> {
        if self.mode == Mode::Check {
            return Ok(None);
        }
        let mut temp = io::BufWriter::with_capacity(COMPARE_BLOCK, temporary_beside(&self.path)?);
        if matched > 0 {
            let copied = io::copy(&mut fs::File::open(&self.path)?.take(matched), &mut temp)?;
            if copied != matched {
                return Err(io::Error::other("the file changed while it was compared"));
            }
        }
        Ok(Some(temp))
    }

    fn finish(mut self) -> io::Result<Streamed> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let temp = match std::mem::replace(&mut self.state, SinkState::Differs) {
            SinkState::Matching {
                mut old, matched, ..
            } => {
                if old.read(&mut [0])? == 0 {
                    return Ok(Streamed::Unchanged);
                }
                // The old file goes on after the new contents end.
                self.temporary_file(matched)?
            }
            SinkState::Writing(temp) => Some(temp),
            SinkState::Differs => None,
        };
        let Some(temp) = temp else {
            return Ok(Streamed::Differs);
        };
        let temp = temp.into_inner().map_err(io::IntoInnerError::into_error)?;
        put_in_place(temp, &self.path)?;
        Ok(Streamed::Written)
    }
}

impl crate::emit::TextOut for FileSink {
    fn push_text(&mut self, text: &str) {
        if self.error.is_none() {
            if let Err(error) = self.take(text.as_bytes()) {
                self.error = Some(error);
            }
        }
    }
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

/// The state of a file found to differ from `contents` in check mode, with its diff.
fn stale(path: &Path, contents: &str) -> io::Result<FileState> {
    let old = match fs::read(path) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(with_path(error, path)),
    };
    Ok(FileState::Stale {
        diff: short_diff(old.as_deref(), contents),
    })
}

/// How much of the old file a [`FileSink`] reads at once.
const COMPARE_BLOCK: usize = 256 * 1024;

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
    let mut temp = temporary_beside(path)?;
    write(temp.as_file_mut())?;
    put_in_place(temp, path)
}

/// A new temporary file in `path`'s folder (created if need be), named `.gen-*.tmp`;
/// it is removed when dropped unless [`put_in_place`] renames it.
fn temporary_beside(path: &Path) -> io::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    tempfile::Builder::new()
        .prefix(".gen-")
        .suffix(".tmp")
        .tempfile_in(dir)
}

/// Flushes `temp` to the disk and renames it over `path`.
fn put_in_place(temp: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
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

    /// Streams `text` into `name` under `dir` in pieces of `piece` bytes.
    fn stream(dir: &Path, name: &str, text: &str, piece: usize, mode: Mode) -> FileState {
        let write = |sink: &mut FileSink| {
            let mut rest = text;
            while !rest.is_empty() {
                let mut at = rest.len().min(piece);
                while !rest.is_char_boundary(at) {
                    at += 1;
                }
                sink.push_text(&rest[..at]);
                rest = &rest[at..];
            }
        };
        stream_one(dir, Path::new(name), mode, write, || text.to_owned())
            .unwrap()
            .state
    }

    #[test]
    fn a_streamed_file_is_written_from_its_first_difference_and_only_then() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        let text: String = (0..3 * COMPARE_BLOCK / 10)
            .map(|i| format!("{i:09}\n"))
            .collect();
        assert_eq!(
            stream(dir.path(), "f.txt", &text, 1000, Mode::Write),
            FileState::Written
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), text);
        for piece in [1, 7, 1000, COMPARE_BLOCK + 3, text.len()] {
            assert_eq!(
                stream(dir.path(), "f.txt", &text, piece, Mode::Write),
                FileState::Unchanged
            );
        }
        let middle = text.replacen("000050000", "changed!!", 1);
        assert_ne!(middle, text);
        let shorter = &text[..text.len() - 10];
        let longer = format!("{text}more\n");
        for (new, piece) in [
            (middle.as_str(), 777),
            (shorter, 4096),
            (longer.as_str(), 1),
            ("", 1),
        ] {
            assert_eq!(
                stream(dir.path(), "f.txt", new, piece, Mode::Check),
                FileState::Stale {
                    diff: short_diff(Some(&fs::read_to_string(&path).unwrap()), new),
                }
            );
            assert_eq!(
                stream(dir.path(), "f.txt", new, piece, Mode::Write),
                FileState::Written
            );
            assert_eq!(fs::read_to_string(&path).unwrap(), new);
            assert_eq!(
                stream(dir.path(), "f.txt", &text, piece, Mode::Write),
                FileState::Written
            );
            assert_eq!(fs::read_to_string(&path).unwrap(), text);
        }
        assert_eq!(
            stream(dir.path(), "new/g.txt", "x", 1, Mode::Check),
            FileState::Stale {
                diff: "    (the file does not exist)\n".to_owned()
            }
        );
        assert!(
            !dir.path().join("new").exists(),
            "check mode creates nothing"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["f.txt"], "no temporary file is left behind");
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
