//! The one path from catalog files on disk to generated files on disk: read every
//! catalog and its lock, generate and validate all of them, and only then write (or
//! check) through [`crate::output`].

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::emit;
use crate::emit::files;
use crate::output::{self, FileOutcome, FileState, Mode};
use crate::pipeline::AcceptedCatalog;
use crate::{lock, Catalog, Config, Diagnostic, GeneratedFile, Report, Source};

/// What [`Config::run`] did, catalog by catalog.
#[derive(Debug)]
pub struct Summary {
    /// One entry per catalog, in the order they were given (a folder's in name order).
    pub catalogs: Vec<CatalogSummary>,
    /// The files that belong to no one catalog: `catalog.schema.json`, when
    /// [`Config::catalog_schema_in`] asks for it.
    pub shared: Vec<FileOutcome>,
}

/// What happened to one catalog's files.
#[derive(Debug)]
pub struct CatalogSummary {
    /// The validated catalog.
    pub catalog: Catalog,
    /// Warnings about the catalog, if there were any.
    pub warnings: Option<Report>,
    /// Every file written, checked or removed, its lock included.
    pub files: Vec<FileOutcome>,
    /// The catalog's lock as it was before the run.
    pub lock: LockState,
}

/// A catalog's lock, as the run found it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LockState {
    /// There is no lock: no code of the catalog is protected from removal or a change of
    /// status yet.
    Missing,
    /// The lock lists exactly what the catalog releases.
    UpToDate,
    /// The catalog releases something the lock does not list yet (a new code, a new
    /// version); a run that writes locks brings it up to date.
    OutOfDate,
}

impl CatalogSummary {
    /// How many of the files are in `state`'s kind.
    pub fn count(&self, wanted: fn(&FileState) -> bool) -> usize {
        self.files.iter().filter(|file| wanted(&file.state)).count()
    }
}

impl Summary {
    /// The files that differ from what the catalogs generate (check mode only).
    pub fn stale(&self) -> impl Iterator<Item = &FileOutcome> {
        self.catalogs
            .iter()
            .flat_map(|catalog| &catalog.files)
            .chain(&self.shared)
            .filter(|file| matches!(file.state, FileState::Stale { .. }))
    }

    /// Whether no file was found stale.
    pub fn is_up_to_date(&self) -> bool {
        self.stale().next().is_none()
    }
}

/// Why [`Config::run`] wrote nothing, or stopped.
///
/// `Debug` shows the same located report as `Display`, so a build script's
/// `fn main() -> Result<(), errcat::Error>` prints what `errcat gen` prints.
pub enum Error {
    /// A file could not be read, listed, written or removed. If it happened before the
    /// new files were put in place (reading, building or staging them), no file was
    /// changed.
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
    },
    /// Every new file had been staged, but one could not be renamed into place: those
    /// in `updated` have their new contents, every other file (and every lock, which
    /// go last) its old ones. Running again once the cause is fixed finishes the job.
    PartlyWritten {
        /// The file that could not be put in place.
        path: PathBuf,
        /// What went wrong.
        source: io::Error,
        /// The files already updated, in the order they were.
        updated: Vec<PathBuf>,
    },
    /// At least one catalog (or lock) is wrong, so nothing was written. Holds every
    /// report, in catalog order: the rejected catalogs' errors and the others' warnings.
    Invalid(Vec<Report>),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Error::PartlyWritten {
                path,
                source,
                updated,
            } => {
                write!(f, "{}: {source}", path.display())?;
                if updated.is_empty() {
                    return f.write_str("\nno file was changed");
                }
                f.write_str("\nthese files were already updated; every other file and every lock is as it was:")?;
                for path in updated {
                    write!(f, "\n    {}", path.display())?;
                }
                Ok(())
            }
            Error::Invalid(reports) => {
                for report in reports {
                    f.write_str(&report.render(false))?;
                }
                f.write_str("nothing was written")
            }
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // `main` prints `Error: ` before this; the reports start with their own
        // `error:`, so they begin on a line of their own.
        if let Error::Invalid(_) = self {
            f.write_str("the error catalog was refused\n\n")?;
        }
        fmt::Display::fmt(self, f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } | Error::PartlyWritten { source, .. } => Some(source),
            Error::Invalid(_) => None,
        }
    }
}

/// `result`, with the path it concerns on failure.
fn at<T>(path: &Path, result: io::Result<T>) -> Result<T, Error> {
    result.map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

impl From<output::IoError> for Error {
    fn from(error: output::IoError) -> Error {
        Error::Io {
            path: error.path,
            source: error.source,
        }
    }
}

impl From<output::CommitError> for Error {
    fn from(error: output::CommitError) -> Error {
        Error::PartlyWritten {
            path: error.error.path,
            source: error.error.source,
            updated: error.updated,
        }
    }
}

/// Reads the input file at `path`, which must be a regular file (or a link to one): a
/// FIFO or a device would make the run wait forever.
fn read_input(path: &Path) -> Result<Vec<u8>, Error> {
    let meta = at(path, std::fs::metadata(path))?;
    if !meta.is_file() {
        let why = "is not a regular file, so it cannot be a catalog or a lock";
        return at(path, Err(io::Error::new(io::ErrorKind::InvalidInput, why)));
    }
    at(path, std::fs::read(path))
}

impl Config {
    /// Reads every catalog and its lock, generates all of them, and only when every one
    /// is valid writes (or, in [`Mode::Check`], compares) their files and locks.
    ///
    /// A file is written only when its bytes change, atomically; Rust sources a catalog
    /// no longer produces are removed. Nothing is written when any catalog is invalid.
    pub fn run(&self, mode: Mode) -> Result<Summary, Error> {
        let mut checked = Vec::new();
        let mut reports = Vec::new();
        let mut failed = false;
        for path in self.catalog_paths()? {
            match self.check_path(&path)? {
                Ok(result) => {
                    reports.extend(result.warnings.clone());
                    checked.push((path, result));
                }
                Err(report) => {
                    reports.push(report);
                    failed = true;
                }
            }
        }
        let clashes = self.clashing_names(&checked)?;
        if failed || !clashes.is_empty() {
            reports.extend(clashes);
            return Err(Error::Invalid(reports));
        }
        // Stage every file of every catalog, then put them all in place, the locks last.
        let mut staged = Vec::new();
        let mut locks = Vec::new();
        let mut lock_dirs = std::collections::BTreeSet::new();
        let mut catalogs = Vec::new();
        for (path, result) in checked {
            let (summary, generated) = self.stage(&path, result, mode, &mut staged, &mut locks)?;
            if self.write_locks {
                lock_dirs.insert(lock_dir(&path).to_path_buf());
            }
            catalogs.push((summary, generated));
        }
        let mut shared = self.stage_catalog_schema(mode, &mut staged)?;
        lock_dirs.extend(self.catalog_schema.clone());
        staged.append(&mut locks);
        output::commit(staged)?;
        let mut summaries = Vec::new();
        for (mut summary, generated) in catalogs {
            if self.outputs.is_empty() {
                // Only the locks were asked for: the output folder is not ours to tidy.
                summaries.push(summary);
                continue;
            }
            let generated: Vec<&Path> = generated.iter().map(PathBuf::as_path).collect();
            let crate_dir = Path::new(&summary.catalog.crate_name);
            summary.files.extend(output::leftovers(
                &self.out_dir,
                crate_dir,
                &generated,
                mode,
                &self.tool,
            )?);
            summaries.push(summary);
        }
        for dir in &lock_dirs {
            shared.extend(output::abandoned_temporaries(dir, mode, &self.tool)?);
        }
        Ok(Summary {
            catalogs: summaries,
            shared,
        })
    }

    /// A report for each catalog whose crate or npm name an earlier catalog of the run
    /// already has: the two would write one folder (or publish one package), the second
    /// overwriting the first, and `--check` could never pass again.
    fn clashing_names(&self, checked: &[(PathBuf, AcceptedCatalog)]) -> Result<Vec<Report>, Error> {
        let mut reports = Vec::new();
        for (index, (path, later)) in checked.iter().enumerate() {
            let later = &later.catalog;
            let earlier = || checked[..index].iter().map(|(path, c)| (path, &c.catalog));
            let mut diagnostics = Vec::new();
            if let Some((first, _)) = earlier().find(|(_, c)| c.crate_name == later.crate_name) {
                diagnostics.push(
                    Diagnostic::error(
                        format!("crate `{}` is generated by two catalogs", later.crate_name),
                        later.spans.crate_name,
                    )
                    .label(format!("also the `crate` of {}", self.display_path(first)))
                    .help(format!(
                        "give each catalog a crate of its own: both would write {}, the second over the first",
                        self.display_path(&self.out_dir.join(&later.crate_name))
                    )),
                );
            }
            if let Some((first, _)) = earlier().find(|(_, c)| c.npm_name == later.npm_name) {
                diagnostics.push(
                    Diagnostic::error(
                        format!(
                            "npm package `{}` is generated by two catalogs",
                            later.npm_name
                        ),
                        later.spans.npm_name,
                    )
                    .label(format!("also the npm name of {}", self.display_path(first)))
                    .help("give each catalog an `npm:` name of its own: one name is one package"),
                );
            }
            if !diagnostics.is_empty() {
                let text = String::from_utf8_lossy(&read_input(path)?).into_owned();
                let name = self.display_path(path);
                reports.push(Report::new(&name, &text, &later.crate_name, diagnostics));
            }
        }
        Ok(reports)
    }

    /// Stages (or checks) `catalog.schema.json`, if it is asked for.
    fn stage_catalog_schema(
        &self,
        mode: Mode,
        staged: &mut Vec<output::Staged>,
    ) -> Result<Vec<FileOutcome>, Error> {
        let Some(dir) = &self.catalog_schema else {
            return Ok(Vec::new());
        };
        let header = self.schema_header();
        let schema = GeneratedFile {
            path: PathBuf::from(emit::catalog_schema::FILE_NAME),
            contents: emit::catalog_schema::emit(&header),
        };
        let (outcome, file) = output::sync_one(dir, &schema, mode)?;
        staged.extend(file);
        Ok(vec![outcome])
    }

    /// The catalogs given one by one, then those of each folder, in name order.
    pub(crate) fn catalog_paths(&self) -> Result<Vec<PathBuf>, Error> {
        let mut paths = self.catalogs.clone();
        for dir in &self.catalog_dirs {
            let entries = at(dir, std::fs::read_dir(dir))?;
            let mut found: Vec<PathBuf> = at(dir, entries.map(|e| e.map(|e| e.path())).collect())?;
            found.retain(|path| path.extension().is_some_and(|ext| ext == "yaml"));
            found.sort();
            paths.extend(found);
        }
        Ok(paths)
    }

    /// Reads the catalog at `path` and the lock beside it, and checks it: everything
    /// but generating its files.
    fn check_path(&self, path: &Path) -> Result<Result<AcceptedCatalog, Report>, Error> {
        let bytes = read_input(path)?;
        let lock_path = lock::path_for(path);
        let lock_bytes = match std::fs::symlink_metadata(&lock_path) {
            Ok(_) => Some(read_input(&lock_path)?),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return at(&lock_path, Err(error)),
        };
        let (name, lock_name) = (self.display_path(path), self.display_path(&lock_path));
        let catalog = Source {
            path: &name,
            bytes: &bytes,
        };
        let lock = lock_bytes.as_deref().map(|bytes| Source {
            path: &lock_name,
            bytes,
        });
        Ok(self.check(catalog, lock))
    }

    /// Generates and stages (or checks) one catalog's files, and its lock when locks are
    /// written; gives back the paths of the files, for [`output::leftovers`]. Each file
    /// is compared (and staged) as it is built, a block at a time, so no file is ever
    /// whole in memory.
    fn stage(
        &self,
        path: &Path,
        accepted: AcceptedCatalog,
        mode: Mode,
        staged: &mut Vec<output::Staged>,
        locks: &mut Vec<output::Staged>,
    ) -> Result<(CatalogSummary, Vec<PathBuf>), Error> {
        let lock = lock_state(&lock::path_for(path), &accepted.lock)?;
        let header = self.header(&accepted.catalog.source_path);
        let catalog_files = self.files(&accepted.catalog, &header);
        let outcomes = std::sync::Mutex::new(Vec::new());
        files::build_each(&catalog_files, &|index, file| {
            let (outcome, file_staged) = output::stream_one(
                &self.out_dir,
                &file.path,
                mode,
                |sink| file.write(sink),
                || file.contents(),
            )?;
            outcomes.lock().expect("no thread panics").push((
                index,
                file.path.clone(),
                outcome,
                file_staged,
            ));
            Ok::<(), output::IoError>(())
        })?;
        drop(catalog_files);
        let mut outcomes = outcomes.into_inner().expect("no thread panics");
        outcomes.sort_by_key(|&(index, ..)| index);
        let mut generated = Vec::new();
        let mut files = Vec::new();
        for (_, path, outcome, file_staged) in outcomes {
            generated.push(path);
            files.push(outcome);
            staged.extend(file_staged);
        }
        if self.write_locks {
            let lock_path = lock::path_for(path);
            let lock = GeneratedFile {
                path: PathBuf::from(lock_path.file_name().expect("a lock file has a name")),
                contents: accepted.lock,
            };
            let (outcome, lock_staged) = output::sync_one(lock_dir(path), &lock, mode)?;
            files.push(outcome);
            locks.extend(lock_staged);
        }
        let summary = CatalogSummary {
            catalog: accepted.catalog,
            warnings: accepted.warnings,
            files,
            lock,
        };
        Ok((summary, generated))
    }
}

/// Whether the lock at `path` lists what `new_lock` does. Its comments are left out of
/// the comparison: they name the command that wrote the lock, which a build script and
/// the command line name differently.
fn lock_state(path: &Path, new_lock: &str) -> Result<LockState, Error> {
    let old = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(LockState::Missing),
        Err(error) => return at(path, Err(error)),
    };
    let entries = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| !line.starts_with('#'))
            .map(str::to_owned)
            .collect()
    };
    if entries(&String::from_utf8_lossy(&old)) == entries(new_lock) {
        Ok(LockState::UpToDate)
    } else {
        Ok(LockState::OutOfDate)
    }
}

/// The folder of the catalog at `path`, where its lock is.
fn lock_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}
