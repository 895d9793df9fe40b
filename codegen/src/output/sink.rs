//! [`FileSink`]: one generated file compared with the disk as its text comes, and
//! staged in a temporary file from its first difference on.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use super::place::Temporary;
use super::Mode;

/// How much of the old file a [`FileSink`] reads at once.
pub(crate) const COMPARE_BLOCK: usize = 256 * 1024;

/// A generated file on its way to the disk.
///
/// The old file is opened once, at the start, and everything the sink reads of it
/// (the bytes compared, and the equal prefix copied into the temporary file at the
/// first difference) comes through that one handle. So a run that another run
/// overtakes still writes a whole file of its own, never its prefix spliced onto the
/// other's rest.
pub(crate) struct FileSink {
    path: PathBuf,
    mode: Mode,
    state: SinkState,
    /// The old file's mode, which the new one keeps.
    permissions: Option<fs::Permissions>,
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
    Writing {
        temporary: Temporary,
        file: io::BufWriter<fs::File>,
    },
    /// The bytes differ (check mode): nothing more to do.
    Differs,
}

/// How a streamed file ended.
pub(crate) enum Streamed {
    /// The file on disk has these bytes.
    Unchanged,
    /// The new bytes are in a temporary file, flushed to the disk, to be renamed over
    /// the old file when the whole run has been staged.
    Staged(Temporary),
    /// The file differs (check mode).
    Differs,
}

impl FileSink {
    /// A sink for the file at `path`, which [`super::place::guard`] has checked.
    pub(crate) fn new(path: &Path, mode: Mode) -> io::Result<FileSink> {
        let mut sink = FileSink {
            path: path.to_path_buf(),
            mode,
            state: SinkState::Differs,
            permissions: None,
            error: None,
        };
        sink.state = match fs::File::open(path) {
            Ok(old) => {
                sink.permissions = Some(old.metadata()?.permissions());
                SinkState::Matching {
                    old: io::BufReader::with_capacity(COMPARE_BLOCK, old),
                    matched: 0,
                    block: Vec::new(),
                }
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => sink.diverged(None, 0)?,
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
                    self.diverge()?;
                    return self.take(rest);
                }
                *matched += part.len() as u64;
                rest = after;
            }
            return Ok(());
        }
        match &mut self.state {
            SinkState::Writing { file, .. } => file.write_all(bytes),
            SinkState::Differs | SinkState::Matching { .. } => Ok(()),
        }
    }

    /// Leaves [`SinkState::Matching`] at the first difference.
    fn diverge(&mut self) -> io::Result<()> {
        let SinkState::Matching { old, matched, .. } =
            std::mem::replace(&mut self.state, SinkState::Differs)
        else {
            return Ok(());
        };
        self.state = self.diverged(Some(old.into_inner()), matched)?;
        Ok(())
    }

    /// The state after a difference that follows `matched` equal bytes of `old`.
    fn diverged(&self, old: Option<fs::File>, matched: u64) -> io::Result<SinkState> {
        if self.mode == Mode::Check {
            return Ok(SinkState::Differs);
        }
        let (temporary, file) = Temporary::beside(&self.path, self.permissions.as_ref())?;
        let mut file = io::BufWriter::with_capacity(COMPARE_BLOCK, file);
        if let Some(mut old) = old.filter(|_| matched > 0) {
            // The same handle the bytes were compared through: the prefix is the one
            // that was compared, whatever has been put at the path since.
            old.seek(io::SeekFrom::Start(0))?;
            let copied = io::copy(&mut old.take(matched), &mut file)?;
            if copied != matched {
                return Err(io::Error::other(
                    "the file was cut short while it was compared",
                ));
            }
        }
        Ok(SinkState::Writing { temporary, file })
    }

    /// Ends the file; a difference in write mode leaves it staged.
    pub(crate) fn finish(mut self) -> io::Result<Streamed> {
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        if let SinkState::Matching { old, .. } = &mut self.state {
            if old.read(&mut [0])? == 0 {
                return Ok(Streamed::Unchanged);
            }
            // The old file goes on after the new contents end.
            self.diverge()?;
        }
        match std::mem::replace(&mut self.state, SinkState::Differs) {
            SinkState::Writing { temporary, file } => {
                let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.sync_all()?;
                Ok(Streamed::Staged(temporary))
            }
            SinkState::Differs | SinkState::Matching { .. } => Ok(Streamed::Differs),
        }
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
