//! The `gen` and `lock` commands, shared by the `errcat` binary and this repository's
//! `cargo xtask`, so both print the same messages and exit with the same codes: 0 when
//! everything is written or up to date, 1 for a bad catalog, a stale file or a failed
//! write, 2 (clap's) for a wrong command line, 130 when interrupted.
//!
//! Every catalog is generated (and validated) before any file is written, so one bad
//! catalog leaves all output as it was; all the work is in the `errcat` library.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use errcat::{CatalogSummary, Config, FileOutcome, FileState, Mode, Output, Summary};

/// Like `eprintln!`, but a closed pipe (`errcat gen 2>&1 | head`) is not a panic.
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

/// The repository a command works in, and how the command is spelled there.
pub struct Repository {
    /// The folder paths in headers and messages are relative to, and where the default
    /// `catalog/` and `generated/` folders are.
    pub root: PathBuf,
    /// The program as users type it, `errcat` or `cargo xtask`; generated headers name
    /// `<program> gen ...` as the way to regenerate.
    pub program: String,
}

impl Repository {
    /// The repository around the current folder: the nearest folder at or above it that
    /// holds `.git`, else the current folder itself.
    pub fn discover(program: &str) -> Result<Repository> {
        let here = std::env::current_dir().context("cannot read the current folder")?;
        let root = here
            .ancestors()
            .find(|folder| folder.join(".git").exists())
            .unwrap_or(&here)
            .to_path_buf();
        Ok(Repository::at(root, program))
    }

    /// The repository at `root`.
    pub fn at(root: impl Into<PathBuf>, program: &str) -> Repository {
        Repository {
            root: root.into(),
            program: program.to_owned(),
        }
    }

    /// A config for this repository: paths relative to its root, and its `catalog/*.yaml`
    /// (with, if `schema`, the catalog schema written beside them, for editors) unless
    /// `catalogs` names some.
    fn config(&self, catalogs: &[PathBuf], schema: bool) -> Result<Config> {
        let mut config = Config::new();
        config.relative_to(&self.root);
        if catalogs.is_empty() {
            let dir = self.root.join("catalog");
            if !dir.is_dir() {
                anyhow::bail!(
                    "{} has no catalog/ folder: pass the catalogs with --catalog PATH, or run \
                     in a repository that keeps them in catalog/*.yaml",
                    self.root.display()
                );
            }
            if schema {
                config.catalog_schema_in(&dir);
            }
            config.catalog_dir(dir);
        }
        for catalog in catalogs {
            config.catalog(catalog);
        }
        Ok(config)
    }

    /// The command that regenerates, as generated files name it: the subcommand and the
    /// arguments that choose what is generated (not `--check`), with paths relative to the
    /// root, where the command is to be run.
    fn command(
        &self,
        config: &Config,
        subcommand: &str,
        catalogs: &[PathBuf],
        out: Option<&Path>,
    ) -> String {
        let mut command = format!("{} {subcommand}", self.program);
        for catalog in catalogs {
            command.push_str(" --catalog ");
            command.push_str(&shell_word(&config.display_path(catalog)));
        }
        if let Some(out) = out {
            command.push_str(" --out ");
            command.push_str(&shell_word(&config.display_path(out)));
        }
        command
    }
}

/// `word` as a shell reads it back: as is when it has nothing a shell treats specially,
/// else in single quotes.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "._-/+@,=~:".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

/// `errcat gen`'s options.
#[derive(clap::Args)]
pub struct GenArgs {
    /// Write nothing; fail if any generated file (or lock) differs from what the catalogs
    /// generate.
    #[arg(long)]
    pub check: bool,
    /// A catalog to generate (repeatable); default: every catalog/*.yaml of the repository.
    #[arg(long, value_name = "PATH")]
    pub catalog: Vec<PathBuf>,
    /// The folder that receives one `<crate>/` folder per catalog; default: the
    /// repository's generated/.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `errcat lock`'s options.
#[derive(clap::Args)]
pub struct LockArgs {
    /// Write nothing; fail if a lock is missing or behind its catalog.
    #[arg(long)]
    pub check: bool,
    /// A catalog whose lock to write (repeatable); default: every catalog/*.yaml of the
    /// repository.
    #[arg(long, value_name = "PATH")]
    pub catalog: Vec<PathBuf>,
}

/// On Ctrl-C or SIGTERM, takes away the temporary files of a run being staged: the
/// files it was writing keep their old contents, and nothing is left behind.
pub fn catch_interrupts() {
    let handler = ctrlc::set_handler(|| {
        errcat::remove_temporary_files();
        to_stderr!("interrupted: the temporary files are removed; a file not yet renamed into place keeps its old contents");
        std::process::exit(130);
    });
    if let Err(error) = handler {
        to_stderr!("warning: cannot catch Ctrl-C ({error}); an interrupted run leaves temporary files for the next to remove");
    }
}

/// The exit code of a command's result, printing the error if there was one.
pub fn exit_code(result: Result<ExitCode>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(error) => {
            to_stderr!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Generates every catalog's outputs and lock (or checks them).
pub fn gen(repository: &Repository, args: &GenArgs) -> Result<ExitCode> {
    let mut config = repository.config(&args.catalog, true)?;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| repository.root.join("generated"));
    let command = repository.command(&config, "gen", &args.catalog, args.out.as_deref());
    config.tool(&command).out_dir(out);
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let Some(summary) = run(&config, mode)? else {
        return Ok(ExitCode::FAILURE);
    };
    for catalog in &summary.catalogs {
        print_catalog(&config, catalog, mode);
    }
    for outcome in &summary.shared {
        print_file(&config, outcome);
    }
    Ok(finish(&summary, &command))
}

/// Writes (or checks) only each catalog's lock: what a repository that generates its
/// Rust in build.rs runs when it adds or releases codes.
pub fn lock(repository: &Repository, args: &LockArgs) -> Result<ExitCode> {
    // The lock command touches the locks alone, not the catalog schema `gen` keeps.
    let mut config = repository.config(&args.catalog, false)?;
    let command = repository.command(&config, "lock", &args.catalog, None);
    config.tool(&command).outputs(Vec::<Output>::new());
    let mode = if args.check { Mode::Check } else { Mode::Write };
    let Some(summary) = run(&config, mode)? else {
        return Ok(ExitCode::FAILURE);
    };
    for catalog in &summary.catalogs {
        for outcome in &catalog.files {
            print_file(&config, outcome);
        }
    }
    Ok(finish(&summary, &command))
}

/// Runs `config`, printing every report of a rejected run (and then `None`) and every
/// warning of an accepted one.
fn run(config: &Config, mode: Mode) -> Result<Option<Summary>> {
    let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let summary = match config.run(mode) {
        Ok(summary) => summary,
        Err(errcat::Error::Invalid(reports)) => {
            for report in &reports {
                to_stderr_raw!("{}", report.render(color));
            }
            to_stderr!("nothing was written");
            return Ok(None);
        }
        Err(error) => return Err(error.into()),
    };
    for catalog in &summary.catalogs {
        if let Some(warnings) = &catalog.warnings {
            to_stderr_raw!("{}", warnings.render(color));
        }
    }
    Ok(Some(summary))
}

/// The exit code of a run that was carried out: failure when files were found stale.
fn finish(summary: &Summary, command: &str) -> ExitCode {
    let stale = summary.stale().count();
    if stale == 0 {
        return ExitCode::SUCCESS;
    }
    to_stderr!(
        "error: {stale} generated file(s) are out of date; run `{command}` and commit the result"
    );
    if std::env::var_os("CI").is_some() {
        to_stderr!("note: on CI this means the catalogs were changed without regenerating; run the command locally");
    }
    ExitCode::FAILURE
}

/// Prints one file's outcome: its diff when stale, and what happened to it.
fn print_file(config: &Config, outcome: &FileOutcome) {
    let shown = config.display_path(&outcome.path);
    let state = match &outcome.state {
        FileState::Stale { diff } => {
            to_stderr!("stale: {shown}");
            to_stderr_raw!("{diff}");
            "stale"
        }
        FileState::Written => "written",
        FileState::Unchanged => "unchanged",
        FileState::Removed => "removed",
    };
    to_stdout!("{shown}: {state}");
}

/// Prints a catalog's stale files with their diffs, then its summary line.
fn print_catalog(config: &Config, catalog: &CatalogSummary, mode: Mode) {
    for outcome in &catalog.files {
        if let FileState::Stale { diff } = &outcome.state {
            to_stderr!("stale: {}", config.display_path(&outcome.path));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_a_shell_would_split_is_quoted_in_the_command() {
        assert_eq!(shell_word("catalog/relay.yaml"), "catalog/relay.yaml");
        assert_eq!(shell_word("my api/errors.yaml"), "'my api/errors.yaml'");
        assert_eq!(shell_word("it's.yaml"), r"'it'\''s.yaml'");
    }
}
