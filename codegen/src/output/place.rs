//! Where a generated file may go, and how it gets there: the checks that keep every
//! write and deletion inside the output folder, and the temporary files a run stages
//! its new contents in before it renames them into place.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use super::IoError;

/// What [`guard`] expects at the end of the way.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// A regular file, or nothing yet.
    File,
    /// A folder, or nothing yet.
    Folder,
}

/// Checks the way from `root` to `root/relative` before anything there is read,
/// written or deleted: nothing on it may be a symbolic link (following one could write
/// or delete outside the output folder), each folder on it that exists must be a
/// folder, and what is at the end, if anything, what `expect` says (reading a FIFO
/// would wait forever, and a folder cannot be compared with a file).
pub(crate) fn guard(root: &Path, relative: &Path, expect: Expect) -> Result<(), IoError> {
    let mut path = root.to_path_buf();
    let mut components = relative.components().peekable();
    while let Some(component) = components.next() {
        let Component::Normal(name) = component else {
            return Err(refused(
                &path,
                "is not a plain path inside the output folder",
            ));
        };
        path.push(name);
        let meta = match fs::symlink_metadata(&path) {
            Ok(meta) => meta,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(error) => return Err(IoError::new(&path, error)),
        };
        let last = components.peek().is_none();
        if meta.file_type().is_symlink() {
            return Err(refused(
                &path,
                "is a symbolic link: gen never follows one, so that it writes and deletes only inside its output folder; replace the link by a real folder or file",
            ));
        }
        if last && expect == Expect::File && !meta.is_file() {
            return Err(refused(
                &path,
                "is not a regular file (a folder, FIFO, socket or device): move it away so that gen can write the file there",
            ));
        }
        if (!last || expect == Expect::Folder) && !meta.is_dir() {
            return Err(refused(&path, "is not a folder"));
        }
    }
    Ok(())
}

fn refused(path: &Path, why: &str) -> IoError {
    IoError::new(path, io::Error::new(io::ErrorKind::InvalidInput, why))
}

/// The temporary files this process has created and not yet renamed or removed, for
/// [`remove_temporary_files`].
static LIVE: Mutex<BTreeSet<PathBuf>> = Mutex::new(BTreeSet::new());

fn live() -> std::sync::MutexGuard<'static, BTreeSet<PathBuf>> {
    // A thread that panicked while holding the lock left the set whole: each change is
    // one insert or remove.
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes every temporary file this process has created and not yet put in place.
///
/// For a signal handler (the xtask's, on Ctrl-C or SIGTERM) to call before the
/// process exits: the files being written keep their old contents, and nothing of the
/// run is left behind. A run killed without the chance (SIGKILL, a power cut) leaves
/// its temporary files, and the next run removes them.
pub fn remove_temporary_files() {
    remove_live_temporaries(|_| true);
}

/// Removes the temporary files this process has created and not yet put in place that
/// `wanted` picks. The tests pick their own folder's: a test removing every live file
/// would pull the files out from under the tests running beside it.
pub(crate) fn remove_live_temporaries(wanted: impl Fn(&Path) -> bool) {
    live().retain(|path| {
        if !wanted(path) {
            return true;
        }
        let _ = fs::remove_file(path);
        false
    });
}

/// A temporary file beside the file it will replace, removed when dropped unless
/// [`Temporary::put_in_place`] renamed it. Its name, `.errcat-<pid>-<random>.tmp`,
/// tells the next run whether the process that made it is gone
/// ([`is_abandoned_temporary`]).
pub(crate) struct Temporary {
    path: Option<tempfile::TempPath>,
}

/// The start of every temporary file's name.
const PREFIX: &str = ".errcat-";
/// The end of every temporary file's name.
const SUFFIX: &str = ".tmp";

impl Temporary {
    /// A new, empty temporary file in `target`'s folder (created if need be), open for
    /// writing, with `target`'s mode when `target` exists (`keep`), else the mode a new
    /// file gets under the umask.
    pub(crate) fn beside(
        target: &Path,
        keep: Option<&fs::Permissions>,
    ) -> io::Result<(Temporary, fs::File)> {
        let dir = target.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let mut builder = tempfile::Builder::new();
        let prefix = format!("{PREFIX}{}-", std::process::id());
        builder.prefix(&prefix).suffix(SUFFIX);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            // What `File::create` asks for; the umask takes its bits off.
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let (file, path) = builder.tempfile_in(dir)?.into_parts();
        live().insert(path.to_path_buf());
        let temporary = Temporary { path: Some(path) };
        if let Some(permissions) = keep {
            // Set exactly, not through the umask: a rewritten file keeps its mode.
            file.set_permissions(permissions.clone())?;
        }
        Ok((temporary, file))
    }

    /// Renames the file over `target`.
    pub(crate) fn put_in_place(mut self, target: &Path) -> io::Result<()> {
        let path = self
            .path
            .take()
            .expect("a temporary file is put in place once");
        let name = path.to_path_buf();
        match path.persist(target) {
            Ok(()) => {
                live().remove(&name);
                Ok(())
            }
            Err(error) => {
                self.path = Some(error.path);
                Err(error.error)
            }
        }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if let Some(path) = self.path.take() {
            let name = path.to_path_buf();
            drop(path);
            live().remove(&name);
        }
    }
}

/// Whether `name` is a temporary file of a run that is over: one named like
/// [`Temporary`]'s whose process is gone. On Linux that is known from `/proc`;
/// elsewhere a file untouched for a day is taken to be abandoned.
pub(crate) fn is_abandoned_temporary(dir: &Path, name: &str) -> bool {
    let Some(pid) = name
        .strip_prefix(PREFIX)
        .filter(|_| name.ends_with(SUFFIX))
        .and_then(|rest| rest.split_once('-'))
        .and_then(|(pid, _)| pid.parse::<u32>().ok())
    else {
        return false;
    };
    if pid == std::process::id() {
        return false;
    }
    if cfg!(target_os = "linux") && Path::new("/proc/self").exists() {
        return !Path::new("/proc").join(pid.to_string()).exists();
    }
    const A_DAY: std::time::Duration = std::time::Duration::from_secs(24 * 60 * 60);
    fs::symlink_metadata(dir.join(name))
        .and_then(|meta| meta.modified())
        .ok()
        .and_then(|modified| modified.elapsed().ok())
        .is_some_and(|age| age > A_DAY)
}

/// Whether the regular file at `path` was written by the generator: its first lines
/// carry the `@generated by` mark every output's header has.
pub(crate) fn is_generated(path: &Path) -> io::Result<bool> {
    use std::io::Read as _;
    let mut start = Vec::with_capacity(HEADER_WINDOW);
    fs::File::open(path)?
        .take(HEADER_WINDOW as u64)
        .read_to_end(&mut start)?;
    Ok(start
        .windows(GENERATED_MARK.len())
        .any(|window| window == GENERATED_MARK.as_bytes()))
}

/// The words every generated file's header starts with.
const GENERATED_MARK: &str = "@generated by `";
/// How far into a file [`is_generated`] looks for the mark: past a JSON file's `{` and
/// a key, not into the contents.
const HEADER_WINDOW: usize = 256;
