//! `cargo run -p example-xtask [-- --check]`: regenerate, or check, the error crates.

use std::process::ExitCode;

use errcat::Mode;

fn main() -> ExitCode {
    let mode = if std::env::args().any(|arg| arg == "--check") {
        Mode::Check
    } else {
        Mode::Write
    };
    match example_xtask::config().run(mode) {
        Ok(summary) if summary.is_up_to_date() => ExitCode::SUCCESS,
        Ok(summary) => {
            for file in summary.stale() {
                eprintln!("stale: {}", file.path.display());
            }
            eprintln!("run `{}` and commit the result", example_xtask::TOOL);
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
