//! The files of a catalog's outputs: each one value that knows its path, about how
//! large it is and how to write itself, and the few threads that build them.

use std::path::{Path, PathBuf};

use super::{manifest, markdown, openapi, rust, typescript, TextOut};
use crate::config::{Feature, Output};
use crate::model::Catalog;

/// What the emitters are given besides the catalog.
pub(crate) struct Settings<'a> {
    /// The generated-file line each file starts with, in its own comment syntax.
    pub(crate) header: &'a str,
    /// The features [`Output::Module`] is generated with.
    pub(crate) module_features: &'a [Feature],
}

/// One file of a catalog's output, not yet built.
pub(crate) struct OutputFile<'a> {
    /// The path under the output folder, e.g. `relay-errors/src/lib.rs`.
    pub(crate) path: PathBuf,
    /// About how many bytes it has, to start the largest first and size it once.
    size: usize,
    write: Box<Write<'a>>,
}

/// How an [`OutputFile`] writes itself.
type Write<'a> = dyn Fn(&mut dyn TextOut) + Send + Sync + 'a;

impl<'a> OutputFile<'a> {
    /// The file at `path` under `catalog`'s crate folder, about `bytes_per_code` bytes
    /// per code, written by `write` (into its [`TextOut`] a part at a time, so that a
    /// large file is never whole in memory when it is streamed to the disk).
    pub(crate) fn new(
        catalog: &Catalog,
        path: impl AsRef<Path>,
        bytes_per_code: usize,
        write: impl Fn(&mut dyn TextOut) + Send + Sync + 'a,
    ) -> Self {
        OutputFile {
            path: Path::new(&catalog.crate_name).join(path),
            size: 1024 + bytes_per_code * catalog.codes.len(),
            write: Box::new(write),
        }
    }

    /// A small file, built whole by `contents`.
    pub(crate) fn small(
        catalog: &Catalog,
        path: impl AsRef<Path>,
        contents: impl Fn() -> String + Send + Sync + 'a,
    ) -> Self {
        OutputFile::new(catalog, path, 0, move |out| out.push_text(&contents()))
    }

    /// Writes the file into `out`.
    pub(crate) fn write(&self, out: &mut dyn TextOut) {
        (self.write)(out);
    }

    /// The whole file.
    pub(crate) fn contents(&self) -> String {
        let mut text = String::with_capacity(self.size);
        self.write(&mut text);
        text
    }
}

/// The files of one output for a catalog.
type Files = for<'a> fn(&'a Catalog, &Settings<'a>) -> Vec<OutputFile<'a>>;

/// Every output, in the order its files are listed. A new output is a module of `emit`
/// with a function of this kind, an [`Output`] variant, and a line here.
const OUTPUTS: [(Output, Files); 5] = [
    (Output::Crate, crate_files),
    (Output::Module, rust::module_files),
    (Output::Markdown, markdown::files),
    (Output::OpenApi, openapi::files),
    (Output::TypeScript, typescript::files),
];

/// The crate: its manifest, its `rustfmt.toml` and its sources.
fn crate_files<'a>(catalog: &'a Catalog, settings: &Settings<'a>) -> Vec<OutputFile<'a>> {
    let mut files = manifest::files(catalog, settings);
    files.extend(rust::source_files(catalog, settings));
    files
}

/// The files of every output in `outputs` for `catalog`, in a fixed order.
pub(crate) fn files<'a>(
    catalog: &'a Catalog,
    outputs: &[Output],
    settings: &Settings<'a>,
) -> Vec<OutputFile<'a>> {
    OUTPUTS
        .iter()
        .filter(|(output, _)| outputs.contains(output))
        .flat_map(|(_, files)| files(catalog, settings))
        .collect()
}

/// The most threads that build one catalog's files: each holds a file's working state
/// (its prettyplease skeleton, or the whole file for `Config::generate`).
const MAX_THREADS: usize = 4;

/// Hands each of `files` to `build` with its index, stopping at the first error `build`
/// returns.
///
/// The files are independent, so a few threads build them, largest first, one file at a
/// time each. A `build` that writes the file through [`OutputFile::write`] into a
/// streaming [`TextOut`] needs memory for a block per thread, not for the files.
pub(crate) fn build_each<E: Send>(
    files: &[OutputFile<'_>],
    build: &(dyn Fn(usize, &OutputFile<'_>) -> Result<(), E> + Sync),
) -> Result<(), E> {
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files[i].size));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failed = std::sync::Mutex::new(None);
    let work = || loop {
        let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let Some(&index) = order.get(at) else {
            return;
        };
        if failed.lock().expect("no thread panics").is_some() {
            return;
        }
        if let Err(error) = build(index, &files[index]) {
            failed
                .lock()
                .expect("no thread panics")
                .get_or_insert(error);
            return;
        }
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, MAX_THREADS)
        .min(files.len());
    std::thread::scope(|scope| {
        for _ in 1..threads {
            scope.spawn(work);
        }
        work();
    });
    match failed.into_inner().expect("no thread panics") {
        Some(error) => Err(error),
        None => Ok(()),
    }
}
