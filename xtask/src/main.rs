//! The repository's command line; all the work is in the `codegen` library.
//!
//! `cargo xtask gen` generates every `catalog/*.yaml` into `generated/`; `--check` only
//! compares; `--catalog PATH --out DIR` picks the input and output. Every catalog is
//! generated (and validated) before any file is written, so one bad catalog leaves all
//! output as it was.

mod bench_compile;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use codegen::output::{self, FileState, Mode};
use codegen::{Generated, GeneratedFile, Source};

/// Like `eprintln!`, but a closed pipe (`cargo xtask gen 2>&1 | head`) is not a panic.
macro_rules! to_stderr {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Like `eprint!`, but a closed pipe is not a panic.
macro_rules! to_stderr_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr().lock(), $($arg)*);
    }};
}

/// Like `println!`, but a closed pipe is not a panic.
macro_rules! to_stdout {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(about = "Tasks of the error-catalog repository", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate the crate and ERRORS.md of each catalog.
    Gen(GenArgs),
    /// Write a synthetic catalog of realistic codes, for benchmarks and scale tests.
    Synth(SynthArgs),
    /// Time cold builds of generated crates against the strum + serde-derive alternative.
    BenchCompile(BenchCompileArgs),
}

#[derive(clap::Args)]
struct BenchCompileArgs {
    /// How many cold builds of each crate; the median is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
}

#[derive(clap::Args)]
struct SynthArgs {
    /// How many codes.
    #[arg(long, value_name = "N")]
    codes: usize,
    /// Where to write the catalog.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(clap::Args)]
struct GenArgs {
    /// Write nothing; fail if any generated file differs from what is committed.
    #[arg(long)]
    check: bool,
    /// A catalog to generate (repeatable); default: every catalog/*.yaml.
    #[arg(long, value_name = "PATH")]
    catalog: Vec<PathBuf>,
    /// The folder that receives one `<crate>/` folder per catalog; default: generated/.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Gen(args) => gen(&args),
        Command::Synth(args) => synth(&args),
        Command::BenchCompile(args) => {
            bench_compile::run(&workspace_root(), args.runs.max(1)).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            to_stderr!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn synth(args: &SynthArgs) -> Result<ExitCode> {
    if args.codes == 0 {
        anyhow::bail!("--codes must be at least 1: a catalog needs a code");
    }
    let text = codegen::synth::synthetic_catalog(args.codes);
    codegen::output::write_atomically(&args.out, text.as_bytes())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    to_stdout!("{}: {} codes", args.out.display(), args.codes);
    Ok(ExitCode::SUCCESS)
}

/// The repository root: the parent of this package's folder.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a folder of the repository")
        .to_path_buf()
}

fn gen(args: &GenArgs) -> Result<ExitCode> {
    let root = workspace_root();
    let catalogs = if args.catalog.is_empty() {
        find_catalogs(&root.join("catalog"))?
    } else {
        args.catalog.clone()
    };
    let out_dir = args.out.clone().unwrap_or_else(|| root.join("generated"));
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();

    let mut generated = Vec::new();
    let mut failed = false;
    for path in &catalogs {
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let lock_path = codegen::lock::path_for(path);
        let lock_bytes = match std::fs::read(&lock_path) {
            Ok(bytes) => Some(bytes),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
            Err(error) => {
                return Err(error).context(format!("cannot read {}", lock_path.display()))
            }
        };
        let (catalog_name, lock_name) =
            (display_path(&root, path), display_path(&root, &lock_path));
        let catalog = Source {
            path: &catalog_name,
            bytes: &bytes,
        };
        let lock = lock_bytes.as_deref().map(|bytes| Source {
            path: &lock_name,
            bytes,
        });
        match codegen::generate(catalog, lock) {
            Ok(result) => {
                if let Some(warnings) = &result.warnings {
                    to_stderr_raw!("{}", warnings.render(color));
                }
                generated.push((lock_path, result));
            }
            Err(report) => {
                to_stderr_raw!("{}", report.render(color));
                failed = true;
            }
        }
    }
    if failed {
        to_stderr!("nothing was written");
        return Ok(ExitCode::FAILURE);
    }
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let mut stale = 0;
    for (lock_path, result) in &generated {
        stale += sync_catalog(&out_dir, lock_path, result, mode)?;
    }
    if stale > 0 {
        to_stderr!("error: {stale} generated file(s) are out of date; run `cargo xtask gen` and commit the result");
        if std::env::var_os("CI").is_some() {
            to_stderr!("note: on CI this means the catalogs were changed without regenerating; run the command locally");
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Syncs one catalog's files and its lock, prints its summary line and returns how many
/// were stale.
fn sync_catalog(out_dir: &Path, lock_path: &Path, result: &Generated, mode: Mode) -> Result<usize> {
    let mut outcomes = output::sync(out_dir, &result.files, mode)?;
    let lock = GeneratedFile {
        path: PathBuf::from(lock_path.file_name().expect("a catalog file has a name")),
        contents: result.lock.clone(),
    };
    let lock_dir = lock_path.parent().unwrap_or(Path::new("."));
    outcomes.extend(output::sync(lock_dir, &[lock], mode)?);
    let count =
        |wanted: fn(&FileState) -> bool| outcomes.iter().filter(|o| wanted(&o.state)).count();
    let written = count(|s| *s == FileState::Written);
    let unchanged = count(|s| *s == FileState::Unchanged);
    let stale = count(|s| matches!(s, FileState::Stale { .. }));
    for outcome in &outcomes {
        if let FileState::Stale { diff } = &outcome.state {
            let shown = outcome
                .path
                .strip_prefix(workspace_root())
                .unwrap_or(&outcome.path);
            to_stderr!("stale: {}", shown.display());
            to_stderr_raw!("{diff}");
        }
    }
    let catalog = &result.catalog;
    let removed = count(|s| *s == FileState::Removed);
    let mut files = match mode {
        Mode::Write => format!("{written} written, {unchanged} unchanged"),
        Mode::Check => format!("{unchanged} up to date, {stale} stale"),
    };
    if removed > 0 {
        files.push_str(&format!(", {removed} removed"));
    }
    to_stdout!(
        "{}: {} codes, {} families; files: {files}",
        catalog.crate_name,
        catalog.codes.len(),
        catalog.families.len()
    );
    Ok(stale)
}

/// Every `*.yaml` in `dir`, sorted so runs are deterministic.
fn find_catalogs(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut catalogs: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<std::io::Result<_>>()?;
    catalogs.retain(|path| path.extension().is_some_and(|ext| ext == "yaml"));
    catalogs.sort();
    Ok(catalogs)
}

/// `path` relative to the repository when inside it, so generated headers are the same on
/// every machine; otherwise as given.
fn display_path(root: &Path, path: &Path) -> String {
    let resolve = |p: &Path| std::fs::canonicalize(p).or_else(|_| std::path::absolute(p));
    let relative = match (resolve(root), resolve(path)) {
        (Ok(root), Ok(path)) => path.strip_prefix(&root).map(Path::to_path_buf).ok(),
        _ => None,
    };
    relative
        .unwrap_or_else(|| path.to_path_buf())
        .to_string_lossy()
        .replace('\\', "/")
}
