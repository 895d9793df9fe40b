//! `cargo xtask bench-compile`: cold build times of generated crates against the
//! hand-written alternative (strum + serde derives), each built in a fresh target folder.
//!
//! Every crate is built `--runs` times from scratch, dependencies included, and the
//! median is reported with its ratio to the alternative. The repository's Cargo.lock
//! pins both sides to the same dependency versions.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{ensure, Context, Result};
use errcat::{GeneratedFile, Source};

/// One crate to time.
struct Case {
    name: String,
    files: Vec<GeneratedFile>,
    features: Option<&'static str>,
    release: bool,
}

/// Runs the comparison and prints a Markdown table.
pub fn run(root: &Path, runs: usize) -> Result<()> {
    let relay_text = std::fs::read(root.join("catalog/relay.yaml"))?;
    let relay = generate("catalog/relay.yaml", &relay_text)?;
    let synthetic_text = devtools::synth::synthetic_catalog(10_000);
    let synthetic = generate("synthetic.yaml", synthetic_text.as_bytes())?;

    let mut rows = Vec::new();
    for (label, generated) in [
        ("Relay (66 codes)", &relay),
        ("synthetic, 10,000 codes", &synthetic),
    ] {
        let ours = Case {
            name: format!("{label}: generated, feature serde"),
            files: crate_files(generated),
            features: Some("serde"),
            release: false,
        };
        let theirs = Case {
            name: format!("{label}: strum + serde derives"),
            files: devtools::baseline::strum_crate(&generated.catalog, "handwritten-errors"),
            features: None,
            release: false,
        };
        let ours_time = median(root, &ours, runs)?;
        let theirs_time = median(root, &theirs, runs)?;
        rows.push((ours.name, ours_time, Some(theirs_time)));
        rows.push((theirs.name, theirs_time, None));
    }
    let release = Case {
        name: "synthetic, 10,000 codes: generated, release, no features".to_owned(),
        files: crate_files(&synthetic),
        features: None,
        release: true,
    };
    let release_time = median(root, &release, runs)?;
    rows.push((release.name, release_time, None));

    println!("| crate | cold build, median of {runs} | ratio to strum + serde |");
    println!("|---|---|---|");
    for (name, time, baseline) in rows {
        let ratio = baseline.map_or_else(String::new, |b| {
            format!("{:.2}", time.as_secs_f64() / b.as_secs_f64())
        });
        println!("| {name} | {:.1} s | {ratio} |", time.as_secs_f64());
    }
    Ok(())
}

fn generate(path: &str, bytes: &[u8]) -> Result<errcat::Generated> {
    errcat::Config::new()
        .tool("cargo xtask gen")
        .generate(Source { path, bytes }, None)
        .map_err(|report| anyhow::anyhow!("{report}"))
}

/// The generated crate's files, relative to the crate folder.
fn crate_files(generated: &errcat::Generated) -> Vec<GeneratedFile> {
    let name = &generated.catalog.crate_name;
    generated
        .files
        .iter()
        .map(|file| GeneratedFile {
            path: file
                .path
                .strip_prefix(name)
                .unwrap_or(&file.path)
                .to_path_buf(),
            contents: file.contents.clone(),
        })
        .collect()
}

/// The median of `runs` cold builds of `case`.
fn median(root: &Path, case: &Case, runs: usize) -> Result<Duration> {
    let dir = tempfile::tempdir()?;
    for file in &case.files {
        let path = dir.path().join(&file.path);
        std::fs::create_dir_all(path.parent().context("a file has a folder")?)?;
        std::fs::write(path, &file.contents)?;
    }
    // Same dependency versions as the workspace, so both sides build the same serde.
    std::fs::copy(root.join("Cargo.lock"), dir.path().join("Cargo.lock"))?;
    let mut times = Vec::with_capacity(runs);
    for run in 1..=runs {
        let target = dir.path().join("target");
        let _ = std::fs::remove_dir_all(&target);
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command
            .args(["build", "--quiet", "--manifest-path"])
            .arg(dir.path().join("Cargo.toml"))
            .arg("--target-dir")
            .arg(&target)
            .env_remove("RUSTFLAGS");
        if let Some(features) = case.features {
            command.args(["--features", features]);
        }
        if case.release {
            command.arg("--release");
        }
        let started = Instant::now();
        let status = command
            .status()
            .with_context(|| format!("cannot run cargo for {}", case.name))?;
        let elapsed = started.elapsed();
        ensure!(status.success(), "{} did not build", case.name);
        eprintln!("{} run {run}: {:.1} s", case.name, elapsed.as_secs_f64());
        times.push(elapsed);
    }
    times.sort();
    Ok(times[times.len() / 2])
}
