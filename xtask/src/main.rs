//! The repository's command line; all the work is in the `errcat` library.
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
use errcat::{CatalogSummary, Config, FileState, Mode};

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
    /// Give every code details (and most a message template).
    #[arg(long)]
    details: bool,
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
    // On Ctrl-C or SIGTERM, take away the temporary files of a run being staged: the
    // files it was writing keep their old contents, and nothing is left behind.
    let handler = ctrlc::set_handler(|| {
        errcat::remove_temporary_files();
        to_stderr!("interrupted: the temporary files are removed; a file not yet renamed into place keeps its old contents");
        std::process::exit(130);
    });
    if let Err(error) = handler {
        to_stderr!("warning: cannot catch Ctrl-C ({error}); an interrupted run leaves temporary files for the next to remove");
    }
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
    let text = if args.details {
        devtools::synth::synthetic_catalog_with_details(args.codes)
    } else {
        devtools::synth::synthetic_catalog(args.codes)
    };
    write_creating_folders(&args.out, &text)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    to_stdout!("{}: {} codes", args.out.display(), args.codes);
    Ok(ExitCode::SUCCESS)
}

/// Writes `contents` to `path`, creating its folder first. A synthetic catalog is no
/// generator output, so it needs no atomic replacement.
fn write_creating_folders(path: &Path, contents: &str) -> std::io::Result<()> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(path, contents)
}

/// The repository root: the parent of this package's folder.
fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a folder of the repository")
        .to_path_buf()
}

/// The command generated files name as the way to regenerate them.
const TOOL: &str = "cargo xtask gen";

fn gen(args: &GenArgs) -> Result<ExitCode> {
    let root = workspace_root();
    let mut config = Config::new();
    config
        .tool(TOOL)
        .relative_to(&root)
        .out_dir(args.out.clone().unwrap_or_else(|| root.join("generated")));
    if args.catalog.is_empty() {
        // The shipped catalogs' modeline names the schema beside them.
        config
            .catalog_dir(root.join("catalog"))
            .catalog_schema_in(root.join("catalog"));
    }
    for catalog in &args.catalog {
        config.catalog(catalog);
    }
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let summary = match config.run(mode) {
        Ok(summary) => summary,
        Err(errcat::Error::Invalid(reports)) => {
            for report in &reports {
                to_stderr_raw!("{}", report.render(color));
            }
            to_stderr!("nothing was written");
            return Ok(ExitCode::FAILURE);
        }
        Err(error) => return Err(error.into()),
    };
    for catalog in &summary.catalogs {
        if let Some(warnings) = &catalog.warnings {
            to_stderr_raw!("{}", warnings.render(color));
        }
        print_catalog(&root, catalog, mode);
    }
    for outcome in &summary.shared {
        print_shared(&root, outcome);
    }
    let stale = summary.stale().count();
    if stale > 0 {
        to_stderr!(
            "error: {stale} generated file(s) are out of date; run `{TOOL}` and commit the result"
        );
        if std::env::var_os("CI").is_some() {
            to_stderr!("note: on CI this means the catalogs were changed without regenerating; run the command locally");
        }
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints a file shared by the catalogs (the catalog schema): its diff when stale, and
/// what happened to it.
fn print_shared(root: &Path, outcome: &errcat::FileOutcome) {
    let shown = outcome.path.strip_prefix(root).unwrap_or(&outcome.path);
    let state = match &outcome.state {
        FileState::Stale { diff } => {
            to_stderr!("stale: {}", shown.display());
            to_stderr_raw!("{diff}");
            "stale"
        }
        FileState::Written => "written",
        FileState::Unchanged => "unchanged",
        FileState::Removed => "removed",
    };
    to_stdout!("{}: {state}", shown.display());
}

/// Prints a catalog's stale files with their diffs, then its summary line.
fn print_catalog(root: &Path, catalog: &CatalogSummary, mode: Mode) {
    for outcome in &catalog.files {
        if let FileState::Stale { diff } = &outcome.state {
            let shown = outcome.path.strip_prefix(root).unwrap_or(&outcome.path);
            to_stderr!("stale: {}", shown.display());
            to_stderr_raw!("{diff}");
        }
    }
    let written = catalog.count(|s| *s == FileState::Written);
    let unchanged = catalog.count(|s| *s == FileState::Unchanged);
    let stale = catalog.count(|s| matches!(s, FileState::Stale { .. }));
    let removed = catalog.count(|s| *s == FileState::Removed);
    let mut files = match mode {
        Mode::Write => format!("{written} written, {unchanged} unchanged"),
        Mode::Check => format!("{unchanged} up to date, {stale} stale"),
    };
    if removed > 0 {
        files.push_str(&format!(", {removed} removed"));
    }
    let model = &catalog.catalog;
    to_stdout!(
        "{}: {} codes, {} families; files: {files}",
        model.crate_name,
        model.codes.len(),
        model.families.len()
    );
}
