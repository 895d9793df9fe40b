//! `errcat`: generates every output of an API's error catalogs, or checks them.
//!
//! `errcat gen` reads `catalog/*.yaml` of the repository it is run in and writes
//! `generated/<crate>/`; `errcat lock` writes only the locks, for a repository that
//! generates its Rust from a build script. `errcat --help` lists the options.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use errcat_cli::{GenArgs, LockArgs, Repository};

#[derive(Parser)]
#[command(
    name = "errcat",
    version,
    about = "Generates an API's error catalogs into a Rust crate, ERRORS.md, a TypeScript package and OpenAPI components",
    long_about = "Generates an API's error catalogs into a Rust crate, ERRORS.md, a TypeScript \
                  package and OpenAPI components.\n\n\
                  Paths in generated headers and messages are relative to the repository root: \
                  the nearest folder above the current one holding `.git`, else the current \
                  folder. By default the catalogs are its catalog/*.yaml and the outputs go to \
                  its generated/."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Generate every output of each catalog (crate, ERRORS.md, TypeScript package,
    /// openapi.json) and its lock.
    Gen(GenArgs),
    /// Write (or check) only each catalog's lock, for a repository whose build.rs generates
    /// the Rust: the lock keeps a release from dropping or re-statusing a code.
    Lock(LockArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    errcat_cli::catch_interrupts();
    let result = Repository::discover("errcat").and_then(|repository| match &cli.command {
        Command::Gen(args) => errcat_cli::gen(&repository, args),
        Command::Lock(args) => errcat_cli::lock(&repository, args),
    });
    errcat_cli::exit_code(result)
}
