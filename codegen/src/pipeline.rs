//! Stages 1 to 4 in memory: a catalog's text (and its lock's) in, its files out. Pure,
//! so `Config::run`'s write and check modes, the drift test and the snapshot tests all
//! share it.

use crate::emit::files::{self, Settings};
use crate::{
    load, lock, resolve, validate, Catalog, Config, Diagnostic, Generated, GeneratedFile, Report,
    Source, Span,
};

/// A catalog that passed every check, its lock's included, with what comes with it
/// besides its files.
pub(crate) struct AcceptedCatalog {
    /// The validated catalog.
    pub(crate) catalog: Catalog,
    /// The new contents of the catalog's lock file.
    pub(crate) lock: String,
    /// Warnings about the catalog, if there were any.
    pub(crate) warnings: Option<Report>,
}

impl Config {
    /// Generates the files of `catalog`, checked against its `lock` (the codes released
    /// so far; `None` before the first release).
    ///
    /// Pure: never touches the disk, so `run`'s write and check modes, the drift test
    /// and the snapshot tests all share it. On failure the [`Report`] holds every
    /// problem found, in file order, in the file they are in.
    pub fn generate(
        &self,
        catalog: Source<'_>,
        lock: Option<Source<'_>>,
    ) -> Result<Generated, Report> {
        let accepted = self.check(catalog, lock)?;
        let files = self.emit(&accepted.catalog);
        Ok(Generated {
            files,
            catalog: accepted.catalog,
            lock: accepted.lock,
            warnings: accepted.warnings,
        })
    }

    /// Everything [`Config::generate`] does but the files: load, validate, resolve, and
    /// check against the lock.
    pub(crate) fn check(
        &self,
        catalog: Source<'_>,
        lock: Option<Source<'_>>,
    ) -> Result<AcceptedCatalog, Report> {
        let text = decode(catalog)?;
        let mut diagnostics = Vec::new();
        let raw = load::load(text, &mut diagnostics);
        let subject = raw
            .as_ref()
            .and_then(|raw| raw.crate_name.as_ref())
            .map_or_else(|| file_name(catalog.path), |name| name.value.clone());
        let validated = raw
            .as_ref()
            .and_then(|raw| validate::validate(raw, &mut diagnostics));
        // The raw catalog is done with; its strings are as large as the catalog.
        drop(raw);
        let Some(validated) = validated else {
            return Err(Report::new(catalog.path, text, &subject, diagnostics));
        };
        let mut model = resolve::resolve(validated, catalog.path, self.lookup);
        let (locked, lock_path) = match lock {
            Some(source) => (read_lock(source, &subject, &self.tool)?, source.path),
            None => (lock::Lock::default(), ""),
        };
        diagnostics.extend(lock::check(&model, &locked, lock_path));
        let warnings = if diagnostics.is_empty() {
            None
        } else {
            let report = Report::new(catalog.path, text, &subject, diagnostics);
            if report.error_count() > 0 {
                return Err(report);
            }
            Some(report)
        };
        let header = self.header(&model.source_path);
        let updated = lock::update(&model, &locked);
        lock::annotate(&mut model, &updated);
        Ok(AcceptedCatalog {
            lock: lock::render(&updated, &header, &self.tool),
            catalog: model,
            warnings,
        })
    }

    /// Every file the configured outputs hold for `catalog`, in a fixed order.
    fn emit(&self, catalog: &Catalog) -> Vec<GeneratedFile> {
        let header = self.header(&catalog.source_path);
        let files = self.files(catalog, &header);
        let built = std::sync::Mutex::new(vec![None; files.len()]);
        let result: Result<(), std::convert::Infallible> =
            files::build_each(&files, &|index, file| {
                let file = GeneratedFile {
                    path: file.path.clone(),
                    contents: file.contents(),
                };
                built.lock().expect("no thread panics")[index] = Some(file);
                Ok(())
            });
        let Ok(()) = result;
        let built = built.into_inner().expect("no thread panics");
        built
            .into_iter()
            .map(|file| file.expect("every file is built"))
            .collect()
    }

    /// The files the configured outputs hold for `catalog`, under `header`.
    pub(crate) fn files<'a>(
        &'a self,
        catalog: &'a Catalog,
        header: &'a str,
    ) -> Vec<files::OutputFile<'a>> {
        let settings = Settings {
            header,
            module_features: &self.module_features,
        };
        files::files(catalog, &self.outputs, &settings)
    }
}

fn read_lock(source: Source<'_>, subject: &str, tool: &str) -> Result<lock::Lock, Report> {
    let text = decode(source)?;
    lock::parse(text, tool).map_err(|problems| Report::new(source.path, text, subject, problems))
}

fn decode(source: Source<'_>) -> Result<&str, Report> {
    std::str::from_utf8(source.bytes).map_err(|error| not_utf8(source.path, source.bytes, &error))
}

fn file_name(path: &str) -> String {
    std::path::Path::new(path).file_name().map_or_else(
        || path.to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// A report for a catalog that is not UTF-8, pointing at the first bad byte.
fn not_utf8(source_path: &str, bytes: &[u8], error: &std::str::Utf8Error) -> Report {
    let at = error.valid_up_to();
    // Show the file as far as it is readable, so the caret lands on the right line.
    let text = String::from_utf8_lossy(bytes);
    let offset = String::from_utf8_lossy(&bytes[..at]).len();
    let diagnostic = Diagnostic::error(
        "the catalog is not valid UTF-8",
        Span::new(offset, offset + 1),
    )
    .label(format!(
        "byte 0x{:02x} cannot start or continue a UTF-8 character",
        bytes[at]
    ))
    .help("save the file as UTF-8");
    Report::new(
        source_path,
        &text,
        &file_name(source_path),
        vec![diagnostic],
    )
}
