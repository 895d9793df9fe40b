//! The repository's command line. `cargo xtask gen` and `cargo xtask lock` are the
//! `errcat` command's (the `errcat-cli` package) run at this repository's root, so both
//! print the same messages and exit with the same codes; `synth` and `bench-compile` are
//! the repository's own tools.

mod bench_compile;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use errcat_cli::{GenArgs, LockArgs, Repository};

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
    /// Generate every output of each catalog/*.yaml into generated/ (crate, ERRORS.md,
    /// TypeScript package, openapi.json), its lock, and catalog/catalog.schema.json.
    Gen(GenArgs),
    /// Write (or check) only each catalog's lock, as `errcat lock` does.
    Lock(LockArgs),
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    errcat_cli::catch_interrupts();
    let repository = Repository::at(workspace_root(), "cargo xtask");
    let result = match cli.command {
        Command::Gen(args) => errcat_cli::gen(&repository, &args),
        Command::Lock(args) => errcat_cli::lock(&repository, &args),
        Command::Synth(args) => synth(&args),
        Command::BenchCompile(args) => {
            bench_compile::run(&workspace_root(), args.runs.max(1)).map(|()| ExitCode::SUCCESS)
        }
    };
    errcat_cli::exit_code(result)
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
